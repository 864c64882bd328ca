"""Readers for cells (of an import, or typed in the app) shared by the membership import kinds and views."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sgdesk.dates import format_date, parse_date
from sgdesk.errors import InputError, quoted

if TYPE_CHECKING:
    from sgdesk.importing.framework import Problem


def stored_date(text: str | None) -> dt.date | None:
    """A date as the board file keeps it (ISO text), or None."""
    return None if text is None else dt.date.fromisoformat(text)


def optional_date(value: object) -> dt.date | None:
    """A date typed in a form or a table cell; blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)  # type: ignore[arg-type]


def parse_text(value: Any) -> str:
    """A cell as one line of text (a spreadsheet's 2018.0 stays 2018)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


_KINDS = {"representative": "representative", "rep": "representative", "member": "representative",
          "main": "representative", "nominated": "representative", "deputy": "deputy", "dep": "deputy",
          "substitute": "deputy", "sub": "deputy", "alternate": "deputy"}


def parse_holder_kind(value: Any) -> str:
    text = str(value).strip().casefold()
    if text not in _KINDS:
        raise InputError(quoted(value), "is not representative or deputy", "write Representative or Deputy")
    return _KINDS[text]


_ONLINE = {"online": True, "virtual": True, "teams": True, "zoom": True, "hybrid": True, "yes": True, "y": True,
           "in person": False, "face to face": False, "no": False, "n": False}


def parse_online(value: Any) -> bool:
    text = " ".join(str(value).replace("-", " ").split()).casefold()
    if text not in _ONLINE:
        raise InputError(quoted(value), "is not online or in person", "write Online, Hybrid or In person")
    return _ONLINE[text]


@dataclass(frozen=True)
class AliasSpec:
    """Another name an organisation goes or went by, with the dates it was valid."""

    alias: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


_DATED = re.compile(r"(?P<name>.+?)\s*\((?P<dates>[^()]*)\)")
_RANGE = re.compile(r"(?:(?P<start>.+?)\s+(?:to|until|-|\u2013)\s+(?P<end>.+)|(?P<word>from|since|until|to)\s+(?P<day>.+))")
ALIASES_HELP = ("other names it goes or went by, separated by semicolons; add dates in brackets: "
                "'Southend PCT (until 31/03/2013)', 'SBC (from 01/04/2019)', 'CCG (01/04/2013 to 30/06/2022)'")


def parse_aliases(value: Any) -> tuple[AliasSpec, ...]:
    """``"Southend PCT (until 31/03/2013); SBC"`` as alias specs.

    >>> parse_aliases("Southend PCT (until 31/03/2013); SBC")
    (AliasSpec(alias='Southend PCT', valid_from=None, valid_to=datetime.date(2013, 3, 31)), AliasSpec(alias='SBC', valid_from=None, valid_to=None))
    """
    found = []
    for part in str(value).split(";"):
        part = " ".join(part.split())
        if not part:
            continue
        dated = _DATED.fullmatch(part)
        if not dated:
            found.append(AliasSpec(part))
            continue
        found.append(_dated_alias(dated["name"], dated["dates"].strip(), value))
    return tuple(found)


def _dated_alias(name: str, dates: str, value: Any) -> AliasSpec:
    fix = "write the dates as (until 31/03/2013), (from 01/04/2013) or (01/04/2013 to 31/03/2019)"
    match = _RANGE.fullmatch(dates.casefold())
    try:
        if match and match["word"]:
            day = parse_date(match["day"])
            return AliasSpec(name, day, None) if match["word"] in ("from", "since") else AliasSpec(name, None, day)
        if match:
            start, end = parse_date(match["start"]), parse_date(match["end"])
            if end < start:
                raise InputError(quoted(value), f"gives '{name}' an end before its start", "put the earlier date first")
            return AliasSpec(name, start, end)
    except InputError as error:
        if "end before" in error.why:
            raise
        raise InputError(quoted(value), f"has dates SG Desk cannot read for '{name}'", fix) from None
    raise InputError(quoted(value), f"has dates SG Desk cannot read for '{name}'", fix)


def check_date_order(row_number: int, start: dt.date | None, end: dt.date | None, source: str, column: str,
                     problems: list[Problem]) -> None:
    """Report a row whose end date comes before its start date."""
    from sgdesk.importing.framework import Problem

    if start and end and end < start:
        problems.append(Problem(source, row_number, column, format_date(end), "is before the start date",
                                "put the later date in this column"))
