"""The page: the form, the answer (render.py's view, written by html.py), the four lines
and the working days, in one small document with its style and script inline.

Inline, not linked: one request on a slow phone network, and nothing from elsewhere
(no fonts, no CDN, no framework). The style and the script carry the request's nonce,
which the Content-Security-Policy header names (app.csp).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from jdhotline.catalogue import USERS
from jdhotline.i18n.words import languages, stamp, word
from jdhotline.output.console import clean
from jdhotline.output.render import label, source_text, which_view
from jdhotline.output.render_lines import calendar_view, table_view
from jdhotline.output.writers import Note, View

from .html import to_html
from .words_web import say

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue
    from jdhotline.rules import Recommendation
    from jdhotline.safety import Alarm
    from jdhotline.workdays import WorkCalendar

    from .request import Refusal, Request

STYLE = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1b1b1b;background:#f6f6f4;
overflow-wrap:anywhere}
header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding-top:.75rem}
header nav{display:flex;flex-wrap:wrap;gap:.5rem}
h1{font-size:1.3rem;margin:.25rem 0}
h2{font-size:1.05rem;margin:1rem 0 .25rem}
h3{font-size:1rem;margin:0 0 .25rem}
a{color:#0b57d0}
.switch{padding:.5rem .75rem;border:1px solid #888;border-radius:.5rem;text-decoration:none;
white-space:nowrap}
.lead{margin:.25rem 0 1rem;color:#444}
form{background:#fff;border-radius:.75rem;padding:1rem;box-shadow:0 1px 3px #0002}
fieldset{border:0;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
legend{font-weight:600;margin-bottom:.25rem;width:100%}
fieldset label{display:flex;align-items:center;gap:.35rem;padding:.45rem .7rem;
border:1px solid #bbb;border-radius:2rem;min-height:44px}
label.block{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=text],select{width:100%;font:inherit;padding:.65rem;border:1px solid #888;
border-radius:.5rem;min-height:44px;background:#fff;color:inherit}
button,.go{font:inherit;min-height:44px;border-radius:.5rem;cursor:pointer}
.go{display:block;width:100%;margin-top:1rem;padding:.6rem;border:0;background:#c4121a;
color:#fff;font-weight:700;font-size:1.1rem}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
#answer{background:#fff;border-radius:.75rem;padding:1rem;margin:1rem 0;box-shadow:0 1px 3px #0002}
#answer>h2:first-child{margin-top:0}
p.call{font-size:1.1rem;margin:.25rem 0}
a.tel{white-space:nowrap}
p.call a.tel{display:block;margin:.35rem 0;padding:.8rem;border-radius:.75rem;text-align:center;
font-size:2rem;font-weight:800;letter-spacing:.02em;color:#fff;text-decoration:none;
background:#1a7f37}
p.call a.tel.closed{background:#6b6b6b}
.good,strong.open{color:#1a7f37}.bad,strong.closed{color:#b3261e}.strong{font-weight:700}
dl.pairs{margin:.5rem 0}
dl.pairs div{display:flex;flex-wrap:wrap;gap:0 .75rem;padding:.25rem 0;border-top:1px solid #eee}
dt{color:#555;min-width:7.5em}dd{margin:0;flex:1 1 12em}
ul{margin:.25rem 0;padding-left:1.25rem}
li{margin:.2rem 0}
section.warn li{color:#8a4b00}
button.copy{margin-left:.25rem;padding:.2rem .8rem;border:1px solid #888;background:#f1f1f1;
color:inherit}
.note{color:#555;font-size:.9rem}
.error{background:#fdecea;border-left:4px solid #b3261e;padding:.75rem;margin:1rem 0;
border-radius:.5rem}
details{background:#fff;border-radius:.75rem;padding:.5rem 1rem;margin:1rem 0;
box-shadow:0 1px 3px #0002}
summary{font-weight:700;min-height:44px;display:flex;align-items:center;cursor:pointer}
.card{border-top:1px solid #ddd;padding:.5rem 0}
.card h3 a.tel{font-size:1.15rem}
footer{color:#555;font-size:.85rem;padding-bottom:2rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
""".replace("\n", "")

# The copy button: the quoted sentence (or the whole item) to the clipboard. Off a
# secure context (a phone on the LAN, over http) the Clipboard API is missing, so the
# old way is the fallback. Without JavaScript the buttons stay hidden: select instead.
SCRIPT = """
document.querySelectorAll("button.copy").forEach(function(b){b.hidden=false;
b.addEventListener("click",function(){var t=b.parentNode.querySelector(".said").textContent,
m=t.match(/\u201c([^\u201d]+)\u201d/),s=m?m[1]:t,done=function(){b.textContent=b.dataset.done};
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(s).then(done);return}
var a=document.createElement("textarea");a.value=s;a.setAttribute("readonly","");
a.style.position="fixed";a.style.opacity="0";document.body.appendChild(a);a.select();
try{document.execCommand("copy");done()}catch(e){}document.body.removeChild(a)})});
""".replace("\n", "")


def answer_view(rec: Recommendation, catalogue: Catalogue, lang: str) -> View:
    """`which` at a glance, its footer pointing at the page rather than at `--full`:
    who and what, the moment in Beijing time, and the source."""
    view = which_view(rec, catalogue, lang, full=False)
    title = f"{word(lang, 'user.' + rec.answered_as)} · {clean(rec.scenario.name(lang))}"
    moment = f"{word(lang, 'beijing')} {stamp(rec.at, lang)}"
    footer = Note(
        "\n".join([title, label(lang, "time") + moment, source_text(rec.primary.line, lang)])
    )
    return (*(b for b in view if not isinstance(b, Note)), footer)


def safety_html(catalogue: Catalogue, found: Alarm | None, lang: str) -> str:
    """The safety answer (issue 19), first on the page when the words read as the
    fake-customer-service scam: the same view as `jdhotline which` prints."""
    if found is None:
        return ""
    from jdhotline.output.render_safety import safety_view

    view = safety_view(catalogue, found, lang, full=False)
    heading = escape(say(lang, "safety"))
    return (
        f'<section id="safety" role="alert" aria-labelledby="safety-head">'
        f'<h2 id="safety-head">{heading}</h2>{to_html(view)}</section>'
    )


def calendar_html(catalogue: Catalogue, calendar: WorkCalendar, lang: str) -> str:
    """The working days, for `<details id="calendar">`: the same for every request (the
    catalogue and the calendar data do not change while the app runs), so the app
    writes it once per language: 5 of the page's 10 ms were this, half of them asking
    importlib.metadata for chinesecalendar's version."""
    from jdhotline.workdays import chinesecalendar_version

    rows, upgrade = calendar.coverage(), calendar.upgrade_year()
    patches = len(catalogue.extra_holidays | catalogue.extra_workdays)
    # Without the advice to upgrade chinesecalendar or edit the catalogue: the page's
    # reader holds a phone, not the server.
    name, version = Path(catalogue.path).name, chinesecalendar_version()
    days = calendar_view(rows, upgrade, patches, name, version, lang, advice=False)
    return (
        f'<details id="calendar"><summary>{escape(say(lang, "calendar"))}</summary>'
        f"{to_html(days)}</details>"
    )


def page(
    catalogue: Catalogue,
    calendar: WorkCalendar,
    days: str,
    request: Request,
    moment: dt.datetime,
    rec: Recommendation | None,
    refusal: Refusal | None,
    found: Alarm | None = None,
) -> str:
    """The whole document; ``days`` is calendar_html's, written once."""
    from jdhotline.rules import line_statuses

    lang, params, nonce = request.lang, request.params, request.nonce
    parts = [_head(lang, nonce), _header(lang, params), "<main>"]
    if rec is None:
        parts.append(f'<p class="lead">{escape(say(lang, "lead"))}</p>')
    if refusal is not None:
        parts.append(f'<div class="error" role="alert" id="error">{escape(refusal.message)}</div>')
    parts.append(safety_html(catalogue, found, lang))  # the scam's answer before all else
    if rec is not None:  # the answer first, on a phone's first screen; the form under it
        copy = (word(lang, "say"), word(lang, "say.example"))
        words = (say(lang, "copy"), say(lang, "copied"))
        body = to_html(answer_view(rec, catalogue, lang), copy=copy, copy_words=words)
        heading = f'<h2 id="answer-head" class="vh">{escape(say(lang, "answer"))}</h2>'
        parts.append(
            f'<section id="answer" aria-labelledby="answer-head">{heading}{body}</section>'
        )
    parts.append(_form(catalogue, lang, params))
    statuses = line_statuses(catalogue, moment, calendar)
    table = table_view(catalogue, statuses, lang)
    # The table is the answer when the words asked for customer service and no problem.
    opened = " open" if refusal is not None and refusal.code == "no_match.calling" else ""
    parts.append(
        f'<details id="table"{opened}><summary>{escape(say(lang, "table"))}</summary>'
        f"{to_html(table)}</details>"
    )
    parts.append(days)
    parts.append("</main>")
    parts.append(f"<footer><p>{escape(say(lang, 'beyond'))}</p></footer>")
    parts.append(f'<script nonce="{nonce}">{SCRIPT}</script></body></html>')
    return "\n".join(parts)


def _head(lang: str, nonce: str) -> str:
    return (
        f'<!doctype html><html lang="{say(lang, "html.lang")}"><head>'
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No icon, said inline (img-src allows data:): else a phone's browser asks for
        # /favicon.ico on every visit, and the server writes a whole 404 page for it.
        '<link rel="icon" href="data:,">'
        f"<title>{escape(say(lang, 'title'))}</title>"
        f'<style nonce="{nonce}">{STYLE}</style></head><body>'
    )


def _header(lang: str, params: dict[str, str]) -> str:
    """The title, and a switch to each other language, named in its own words."""
    kept = {k: v for k, v in params.items() if k in ("q", "who", "s", "at") and v}
    links = []
    for other in languages():
        if other == lang:
            continue
        href = "/?" + urlencode({**kept, "lang": other})
        tag = say(other, "html.lang")
        links.append(
            f'<a class="switch" href="{escape(href)}" lang="{tag}" hreflang="{tag}" '
            f'aria-label="{escape(say(other, "switch.label"))}">{escape(say(other, "switch"))}</a>'
        )
    return f"<header><h1>{escape(say(lang, 'title'))}</h1><nav>{''.join(links)}</nav></header>"


def _form(catalogue: Catalogue, lang: str, params: dict[str, str]) -> str:
    who = params.get("who") or "regular"
    radios = "".join(
        f'<label><input type="radio" name="who" value="{user}"'
        f"{' checked' if user == who else ''}> {escape(say(lang, 'who.' + user))}</label>"
        for user in USERS
    )
    chosen = params.get("s", "")
    options = [f'<option value="">{escape(say(lang, "scenario.auto"))}</option>']
    for s in catalogue.scenarios:
        selected = " selected" if s.id == chosen else ""
        name = clean(s.name(lang))
        options.append(f'<option value="{escape(s.id)}"{selected}>{escape(name)}</option>')
    hidden = f'<input type="hidden" name="lang" value="{lang}">'
    if params.get("at"):
        hidden += f'<input type="hidden" name="at" value="{escape(params["at"])}">'
    return (
        '<form method="get" action="/" role="search">'
        f"{hidden}"
        f"<fieldset><legend>{escape(say(lang, 'who'))}</legend>{radios}</fieldset>"
        f'<label class="block" for="q">{escape(say(lang, "problem"))}</label>'
        f'<input type="text" id="q" name="q" value="{escape(params.get("q", ""))}" '
        f'maxlength="500" autocomplete="off" enterkeyhint="search" '
        f'placeholder="{escape(say(lang, "problem.hint"))}">'
        f'<label class="block" for="s">{escape(say(lang, "scenario"))}</label>'
        f'<select id="s" name="s">{"".join(options)}</select>'
        f'<button class="go" type="submit">{escape(say(lang, "ask"))}</button>'
        "</form>"
    )
