"""Phone numbers in what people paste, and whether each is one of the catalogue's lines.

`+86 400 656 0055`, `400-656-0055`, `4006560055`, full-width digits, a trailing
extension (`转 1`, `ext. 2`, `-8`), a number inside a sentence or an SMS: each is read
to its digits and looked up among the catalogue's lines and its `safety.official`
numbers. Pure: no clock, no printing.
"""

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .catalogue import Catalogue, Line, OfficialNumber

# Digits in groups, as a number is written: separated by a space, a dash, a dot, a
# slash or brackets; an optional + before (a country code). Bounded, so linear.
_NUMBER = re.compile(r"(?<!\d)\+?\(?\d{1,12}(?!\d)(?:[ \-./()]{1,3}\d{1,12}(?!\d)){0,6}\)?")
_GROUP = re.compile(r"\d{1,12}")
# What says the digits after it are an extension, not part of the number.
_EXTENSION = re.compile(r"^\s{0,3}(?:转|分机|ext\.?|x|#|,)\s{0,3}(\d{1,6})", re.IGNORECASE)
COUNTRY = "86"
SHORTEST = 5  # fewer digits than this is no phone number (an order's quantity, a year...)
LONGEST = 12  # China's longest: a landline with its area code (0xx-xxxxxxxx); an order is longer
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}")


class Found(NamedTuple):
    """One number as written, its digits, and what jdhotline knows it as."""

    written: str
    digits: str  # without the country code or the extension
    extension: str | None
    line: "Line | None"
    official: "OfficialNumber | None"

    @property
    def known(self) -> bool:
        return self.line is not None or self.official is not None


def find(catalogue: "Catalogue", text: str) -> list[Found]:
    """Every phone number in the text, once each, in the order written."""
    plain = unicodedata.normalize("NFKC", text)
    known = {line.digits: line for line in catalogue.lines}
    official = {o.digits: o for o in catalogue.safety.official} if catalogue.safety else {}
    found: list[Found] = []
    for match in _NUMBER.finditer(plain):
        if _DATE.fullmatch(match.group(0).strip()):
            continue  # 2026-12-07 is a date
        groups = _GROUP.findall(match.group(0))
        if match.group(0).startswith("+") and groups and groups[0].startswith(COUNTRY):
            groups[0] = groups[0][len(COUNTRY) :]  # +86 400..., +864006560055
        elif len(groups) > 1 and groups[0] in (COUNTRY, "00" + COUNTRY):
            groups = groups[1:]  # 86 400 656 0055, 0086-400-656-0055
        groups = [g for g in groups if g]
        digits, extension = _split(groups, known.keys() | official.keys())
        if not SHORTEST <= len(digits) <= LONGEST:
            continue
        after = _EXTENSION.match(plain[match.end() :])
        if extension is None and after:
            extension = after.group(1)
        if any(f.digits == digits for f in found):
            continue
        written = match.group(0).strip()
        found.append(Found(written, digits, extension, known.get(digits), official.get(digits)))
    return found


def _split(groups: list[str], known: set[str]) -> tuple[str, str | None]:
    """The number and its extension: the first groups that make a known number, and the
    groups after them (400-656-0055-8); else all the digits, and no extension."""
    for end in range(1, len(groups)):
        head = "".join(groups[:end])
        if head in known:
            return head, "".join(groups[end:])
    return "".join(groups), None
