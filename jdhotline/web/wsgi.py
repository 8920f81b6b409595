"""The WSGI app: a request to the same core and views as the CLI, then HTML or JSON.

Stateless and read-only: the catalogue is read once when the app is made and never
changed; each request reads the clock once (or takes `at`), asks the core, and writes
the answer. Nothing is stored, so any number of workers can serve behind any balancer,
and the case record (the CLI's SQLite store) is never opened.

Routes (GET and HEAD only):
    /                  the page (HTML), answered on the server: it works without JavaScript
    /api/v1/which      the CLI's `which --format json`
    /api/v1/open       `open --format json` (all lines, or ?line=ID)
    /api/v1/table      `table --format json`
    /api/v1/scenarios  `scenarios --format json`
    /api/v1/calendar   `calendar --format json`

The CLI's exit codes as statuses: 0 is 200; 1 (`open LINE`, the line is closed) is 200
with "open_now": false, since a closed line is an answer, not an error; 2 (bad input)
is 400, or 413/414 when the input is too long; 3 (the catalogue cannot serve) is 500.
Other paths are 404 and other methods 405.
"""

import datetime as dt
import secrets
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import parse_qs

from jdhotline.errors import EXIT_CATALOGUE
from jdhotline.i18n.words import DEFAULT_LANG, LANGS, language, listing

from .request import Refusal, Request
from .words_web import say

if TYPE_CHECKING:
    from jdhotline.catalogue import Catalogue
    from jdhotline.rules import Recommendation
    from jdhotline.safety import Alarm
    from jdhotline.workdays import WorkCalendar

MAX_QUERY = 8192  # bytes: MAX_PROBLEM Chinese characters fit (9 bytes each, URL-encoded)
MAX_PROBLEM = 500  # characters of problem; the longest case in bench/corpus.yaml has 80
MAX_BODY = 1024  # bytes: no route takes a body; a small one (a stray form) is ignored
MAX_FIELDS = 16

StartResponse = Callable[..., Any]


class Reply(NamedTuple):
    status: int
    content_type: str
    body: bytes
    lang: str
    nonce: str = ""
    extra: tuple[tuple[str, str], ...] = ()


REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    414: "URI Too Long",
    500: "Internal Server Error",
}

API = ("which", "open", "table", "scenarios", "calendar")


def negotiate(header: str) -> str:
    """Chinese unless the browser prefers English to Chinese (Accept-Language);
    Traditional when it asks for zh-Hant, zh-TW, zh-HK or zh-MO."""
    best: dict[str, float] = {}
    for part in header.split(",")[:20]:
        tag, _, rest = part.strip().partition(";")
        q = 1.0
        if rest.strip().startswith("q="):
            try:
                q = float(rest.strip()[2:])
            except ValueError:
                q = 0.0
        tag = tag.strip()
        found = language(tag) or language(tag.split("-")[0])  # zh-TW: zh-Hant; zh-SG: zh
        if found and q > 0 and q > best.get(found, 0.0):  # q=0: "not this one"
            best[found] = q
    # The most wanted; on a tie Chinese before English, and nothing wanted: Chinese.
    return max(best, key=lambda lang: (best[lang], lang != DEFAULT_LANG)) if best else "zh"


class App:
    """The WSGI callable. ``now`` is the clock, read once per request (tests pass `at`)."""

    def __init__(self, catalogue: "Catalogue", now: Callable[[], dt.datetime] | None = None):
        from jdhotline.match import compile_all
        from jdhotline.rules import calendar_of
        from jdhotline.schedule import BEIJING

        self.catalogue = catalogue
        self.calendar: WorkCalendar = calendar_of(catalogue)
        compile_all(catalogue)  # once per process, not once per new text
        from .page import calendar_html

        # Read-only after this: the working days' section, the same for every request.
        self.days = {lang: calendar_html(catalogue, self.calendar, lang) for lang in LANGS}
        self.now = now or (lambda: dt.datetime.now(BEIJING))

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            reply = self.reply(environ, method)
        except Exception as exc:  # never a traceback to the client; one line to the log
            errors = environ.get("wsgi.errors", sys.stderr)
            if errors is not None:  # None: no stderr at all (pythonw), nowhere to log
                errors.write(
                    f"jdhotline.web: {type(exc).__name__} on {environ.get('PATH_INFO')!r}\n"
                )
            api = str(environ.get("PATH_INFO", "")).startswith("/api/")
            refusal = Refusal(500, "internal", say("zh", "error.internal"), EXIT_CATALOGUE)
            reply = self.refused(refusal, "zh", api, secrets.token_urlsafe(12), {})
        headers = [
            ("Content-Type", reply.content_type),
            ("Content-Length", str(len(reply.body))),
            ("Content-Language", say(reply.lang, "html.lang")),
            ("Content-Security-Policy", csp(reply.nonce)),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cache-Control", "no-store"),
            ("Vary", "Accept-Language"),
            *reply.extra,
        ]
        start_response(f"{reply.status} {REASONS[reply.status]}", headers)
        return [b"" if method == "HEAD" else reply.body]

    # ------------------------------------------------------------------ the request

    def reply(self, environ: dict[str, Any], method: str) -> Reply:
        path = environ.get("PATH_INFO", "/") or "/"
        api = path.startswith("/api/")
        nonce = secrets.token_urlsafe(12)
        lang = negotiate(environ.get("HTTP_ACCEPT_LANGUAGE", "") or "")
        params: dict[str, str] = {}
        try:
            if method not in ("GET", "HEAD"):  # before the body's size: no body is read
                raise Refusal(405, "method", say(lang, "error.method"))
            params = self.params(environ, lang)
            lang = params.get("lang") or lang
            request = Request(path, params, lang, api, nonce)
            if path == "/":
                return self.page(request)
            if api and path.startswith("/api/v1/") and path[8:] in API:
                return self.api(request, path[8:])
            raise Refusal(404, "not_found", say(lang, "error.not_found"))
        except Refusal as refusal:
            return self.refused(refusal, lang, api, nonce, params)

    def params(self, environ: dict[str, Any], lang: str) -> dict[str, str]:
        """The query's fields (the first of each), checked for size; `lang` checked too."""
        length = environ.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > MAX_BODY:
            raise Refusal(413, "body_too_large", say(lang, "error.body", limit=MAX_BODY))
        raw = environ.get("QUERY_STRING", "") or ""
        if len(raw) > MAX_QUERY:
            raise Refusal(414, "query_too_long", say(lang, "error.query", limit=MAX_QUERY))
        try:  # strict: GBK bytes were read as U+FFFD and refused as "no match for ��"
            fields = parse_qs(
                raw, keep_blank_values=True, max_num_fields=MAX_FIELDS, errors="strict"
            )
        except UnicodeDecodeError:  # a ValueError too: first
            said = _asked_lang(raw) or lang  # `lang` is ASCII: readable all the same
            raise Refusal(400, "encoding", say(said, "error.encoding")) from None
        except ValueError:
            raise Refusal(
                414, "query_too_long", say(lang, "error.query", limit=MAX_QUERY)
            ) from None
        from jdhotline.inputs import readable
        from jdhotline.output.console import clean

        # Control and invisible characters as visible escapes (\x1b, \u202e), as the CLI shows them.
        params = {key: clean(readable(values[0])).strip() for key, values in fields.items()}
        chosen = params.get("lang", "")
        if chosen and chosen not in LANGS:
            langs = listing(list(LANGS), lang)
            raise Refusal(400, "lang", say(lang, "error.lang", value=chosen[:20], langs=langs))
        return params

    def moment(self, request: Request) -> dt.datetime:
        from jdhotline.i18n.messages import refusal
        from jdhotline.schedule import BadMoment, parse_moment

        now = self.now()
        at = request.params.get("at", "")
        if not at:
            return now
        try:
            return parse_moment(at[:40], now)
        except BadMoment as exc:
            reason = refusal(exc, request.lang)
            raise Refusal(400, "at", say(request.lang, "error.at", reason=reason)) from None

    def answer(self, request: Request) -> "tuple[Alarm | None, Recommendation | None]":
        """The same answer as `jdhotline which`: the safety alarm when the words read as
        the fake-customer-service scam (issue 19), and the advice, from the query's who,
        q, s and at. With an alarm, the advice is for what is left of the words once the
        scam's cues are taken out, and none when nothing is left to answer."""
        from jdhotline.safety import alarm

        text = request.params.get("q", "")
        found = alarm(self.catalogue, text) if text and len(text) <= MAX_PROBLEM else None
        if found is None:
            return None, self.recommendation(request)
        if not found.rest and not request.params.get("s"):
            self.moment(request)  # a bad `at` is still refused
            return found, None
        try:
            return found, self.recommendation(request, found.rest)
        except Refusal as refusal:
            if refusal.status >= 500 or refusal.code in ("at", "who", "unknown_scenario"):
                raise
            return found, None  # the scam's answer stands alone

    def recommendation(self, request: Request, said: str | None = None) -> "Recommendation":
        """The same advice as `jdhotline which`, from the query's who, q, s and at."""
        from jdhotline.catalogue import USERS
        from jdhotline.match import unmatched
        from jdhotline.rules import NoLineError, advise

        lang, params = request.lang, request.params
        user = params.get("who") or "regular"
        if user not in USERS:
            raise Refusal(400, "who", say(lang, "error.who", value=user[:20]))
        text = params.get("q", "") if said is None else said
        if len(text) > MAX_PROBLEM:
            raise Refusal(413, "too_long", say(lang, "error.too_long", limit=MAX_PROBLEM))
        key = params.get("s", "")
        scenario = self.catalogue.find_scenario(key) if key else None
        if key and scenario is None:
            # On the page, the list to choose from is the form's, not the API's.
            name = "error.unknown_scenario" + ("" if request.api else ".page")
            raise Refusal(400, "unknown_scenario", say(lang, name, key=key[:40]))
        if scenario is None and not text:
            raise Refusal(400, "nothing", say(lang, "error.nothing"))
        moment = self.moment(request)
        try:
            rec = advise(
                self.catalogue, user, text, moment, scenario=scenario, calendar=self.calendar
            )
        except NoLineError:
            raise Refusal(500, "no_line", say(lang, "error.no_line"), EXIT_CATALOGUE) from None
        if rec is None:
            reason = unmatched(self.catalogue, text)
            name = (
                f"no_match.{reason}"
                if reason in ("calling", "elsewhere", "off_topic")
                else "no_match"
            )
            raise Refusal(400, name, say(lang, f"error.{name}", text=_short(text)))
        return rec

    # ------------------------------------------------------------------ JSON

    def api(self, request: Request, name: str) -> Reply:
        from jdhotline.output import documents

        lang = request.lang
        document: Any
        if name == "which":
            found, rec = self.answer(request)
            document = documents.which_json(rec, self.catalogue, lang) if rec else {}
            if found is not None:  # the safety object first, as `which --format json` has it
                from jdhotline.output.render_safety import safety_json

                document = {"safety": safety_json(self.catalogue, found, lang), **document}
        elif name == "open":
            from jdhotline.schedule import status

            lines = list(self.catalogue.lines)
            key = request.params.get("line", "")
            if key:
                asked = self.catalogue.find_line(key)
                if asked is None:
                    known = listing([x.id for x in self.catalogue.lines], lang)
                    message = say(lang, "error.unknown_line", key=key[:40], lines=known)
                    raise Refusal(400, "unknown_line", message)
                lines = [asked]
            moment = self.moment(request)
            document = documents.open_json([status(x, moment, self.calendar) for x in lines])
        elif name == "table":
            document = documents.table_json(self.catalogue, lang)
        elif name == "scenarios":
            document = documents.scenarios_json(self.catalogue, lang)
        else:
            document = documents.calendar_json(
                self.calendar.coverage(), self.calendar.upgrade_year()
            )
        return json_reply(200, document, lang)

    # ------------------------------------------------------------------ HTML

    def page(self, request: Request, refusal: Refusal | None = None) -> Reply:
        from .page import page

        rec = found = None
        params = request.params
        if refusal is None and (params.get("q") or params.get("s")):
            found, rec = self.answer(request)
        moment = rec.at if rec is not None else self.moment_or_now(request)
        days = self.days[request.lang]
        body = page(self.catalogue, self.calendar, days, request, moment, rec, refusal, found)
        status = refusal.status if refusal is not None else 200
        return Reply(status, "text/html; charset=utf-8", body.encode(), request.lang, request.nonce)

    def moment_or_now(self, request: Request) -> dt.datetime:
        try:
            return self.moment(request)
        except Refusal:
            return self.now()

    def refused(
        self, refusal: Refusal, lang: str, api: bool, nonce: str, params: dict[str, str]
    ) -> Reply:
        extra = (("Allow", "GET, HEAD"),) if refusal.status == 405 else ()
        if api:
            document = {
                "error": {
                    "status": refusal.status,
                    "exit_code": refusal.exit_code,
                    "code": refusal.code,
                    "message": refusal.message,
                }
            }
            return json_reply(refusal.status, document, lang)._replace(extra=extra)
        # The form keeps what was typed when the words were refused (400, 413), else starts anew.
        kept = params if refusal.status in (400, 413) else {}
        try:
            reply = self.page(Request("/", kept, lang, False, nonce), refusal)
        except Exception:  # the page of an error must not fail in turn: plain words
            body = f"<!doctype html><title>{refusal.status}</title><p>{refusal.status}</p>"
            reply = Reply(refusal.status, "text/html; charset=utf-8", body.encode(), lang, nonce)
        return reply._replace(extra=extra)


def _asked_lang(raw: str) -> str:
    """The query's `lang` when the rest of it could not be read, if it is one of ours."""
    try:
        asked = parse_qs(raw, max_num_fields=MAX_FIELDS).get("lang", [""])[0]
    except ValueError:
        return ""
    return asked if asked in LANGS else ""


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def json_reply(status: int, document: Any, lang: str) -> Reply:
    from jdhotline.output.documents import dumps

    body = (dumps(document, compact=True) + "\n").encode()
    return Reply(status, "application/json; charset=utf-8", body, lang)


def csp(nonce: str) -> str:
    """Nothing from elsewhere; the page's one style and one script carry the nonce."""
    if not nonce:
        return "default-src 'none'; frame-ancestors 'none'"
    return (
        f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; "
        "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


def make_app(catalog: str | None = None, now: Callable[[], dt.datetime] | None = None) -> App:
    """The app over the shipped catalogue, or the file at ``catalog``, with a user's cues
    ($JDHOTLINE_CUES) as the command line reads them (gunicorn's way in)."""
    import os

    from jdhotline.load import load

    path = catalog or os.environ.get("JDHOTLINE_CATALOG") or None
    return App(load(path, os.environ.get("JDHOTLINE_CUES") or None), now)
