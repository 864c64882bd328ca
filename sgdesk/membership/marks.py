"""Attendance marks, the words people write for them, and the percentage rule.

``Y`` attended; ``D`` a deputy or substitute attended; ``A`` sent apologies; ``N`` no attendance
and no apology; ``-`` not expected (not a member on that date). A seat's attendance is
(Y + D) / (Y + D + A + N) in whole percent, rounded half up as council committee systems
publish it (5 of 8 meetings is 63%: :func:`sgdesk.percent.whole_percent`), and "n/a" when
nothing was expected of it.

>>> parse_mark("Sent apologies")
('A', None)
>>> parse_mark("D (Zoë Adeyemi)")
('D', 'Zoë Adeyemi')
"""

from __future__ import annotations

import re
from typing import Any

from sgdesk.errors import InputError, quoted

MARKS = ("Y", "D", "A", "N", "-")
MEANINGS = {
    "Y": "attended",
    "D": "a deputy or substitute attended",
    "A": "sent apologies",
    "N": "no attendance, no apology",
    "-": "not expected (not a member on that date)",
}
COUNTED = frozenset("YDAN")   # marks that make a meeting expected of the seat
PRESENT = frozenset("YD")

MARK_FIX = "use Y, D, A, N or - (or words such as Yes, Deputy, Apologies, Absent, Not expected)"

_WORDS: dict[str, tuple[str, ...]] = {
    "Y": ("y", "yes", "attended", "present", "p", "in attendance", "\u2713", "\u2714"),
    "D": ("d", "deputy", "dep", "deputised", "deputy attended", "sub", "substitute", "substitute attended",
          "represented by deputy", "rep by deputy", "sent deputy", "sent a deputy"),
    "A": ("a", "apologies", "apology", "apols", "ap", "sent apologies", "apologies sent", "apols sent",
          "apologies received", "gave apologies"),
    "N": ("n", "no", "absent", "no apology", "no apologies", "no attendance", "did not attend", "dna",
          "not present", "absent no apologies"),
    "-": ("-", "\u2013", "\u2014", "n/a", "na", "not expected", "not a member", "not applicable", "nm"),
}
ALIASES: dict[str, str] = {word: mark for mark, words in _WORDS.items() for word in words}
_DEPUTY_NAMED = re.compile(r"(?P<word>[a-z ]+?)\s*(?:\((?P<paren>[^)]+)\)|[:\-\u2013]\s*(?P<after>.+))")


def _words(text: str) -> str:
    """Lower case, single spaces, without a closing full stop: how aliases are matched."""
    return " ".join(text.replace(",", " ").split()).casefold().rstrip(".")


def parse_mark(value: Any) -> tuple[str | None, str | None]:
    """A cell as ``(mark, deputy's name)``; a blank cell is ``(None, None)``.

    A deputy mark may name who came: ``D (Zoë Adeyemi)``, ``Deputy: Zoë Adeyemi``.
    """
    if value is None:
        return None, None
    text = _words(str(value))
    if not text:
        return None, None
    if text in ALIASES:
        return ALIASES[text], None
    named = _DEPUTY_NAMED.fullmatch(text)
    if named and ALIASES.get(named["word"].strip()) == "D":
        return "D", _deputy_name(" ".join(str(value).split()))
    raise InputError(quoted(value), "is not an attendance mark", MARK_FIX)


def _deputy_name(raw: str) -> str:
    """The name after ``D`` in ``D (Name)`` or ``Deputy - Name``, in the case it was typed."""
    if "(" in raw:
        return raw[raw.index("(") + 1:].rstrip(")").strip()
    for separator in (":", "-", "\u2013"):
        if separator in raw:
            return raw.split(separator, 1)[1].strip()
    return raw


def describe(mark: str) -> str:
    """``"A: sent apologies"``."""
    return f"{mark}: {MEANINGS[mark]}"
