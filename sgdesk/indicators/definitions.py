"""The board's indicators: what each one measures, in which unit, which way is better, how it is rated.

Indicators are data, not code: each board keeps its own, starting from the built-in catalogue of
the common children's safeguarding indicators (:mod:`sgdesk.indicators.catalogue`), edited and
added to as the performance sub-group decides (partner data such as police CSE flags).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sgdesk.errors import InputError, NotFoundError, quoted
from sgdesk.indicators.figures import UNITS, from_units, parse_unit, to_units
from sgdesk.indicators.rag import POLARITIES, Polarity, RagRule, parse_polarity
from sgdesk.indicators.values import delete_values
from sgdesk.matching import normalise_header
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

OTHER_SECTION = "Other indicators"


@dataclass(frozen=True)
class Indicator:
    """One indicator; ``id`` is None for a catalogue entry not yet in a board."""

    code: str
    name: str
    section: str
    unit: str
    polarity: Polarity
    source: str = ""
    release: str = ""
    definition: str = ""
    aliases: tuple[str, ...] = ()
    rule: RagRule = field(default_factory=RagRule)
    id: int | None = None
    position: int = 0

    def __post_init__(self) -> None:
        if not self.code.strip() or not self.name.strip():
            raise InputError(quoted(self.name or self.code), "needs a name and a short code",
                             "give the indicator a name and a code such as cin-rate")
        if self.unit not in UNITS:
            parse_unit(self.unit)  # raises with the units listed
        if self.polarity not in POLARITIES:
            parse_polarity(self.polarity)

    def names(self) -> set[str]:
        """Every name the indicator goes by, reduced for matching (as import headings are)."""
        return {normalise_header(text) for text in (self.code, self.name, *self.aliases)} - {""}

    def values(self) -> dict[str, object]:
        """The row to store (without board and id)."""
        units, scale = to_units(self.rule.tolerance)
        return {"code": self.code.strip(), "name": " ".join(self.name.split()), "section": self.section.strip()
                or OTHER_SECTION, "unit": self.unit, "polarity": self.polarity, "source": self.source or None,
                "release": self.release or None, "definition": self.definition or None,
                "aliases": json.dumps(list(self.aliases), ensure_ascii=False), "rag_basis": self.rule.basis,
                "tolerance_units": units, "tolerance_scale": scale,
                "tolerance_kind": "percent" if self.rule.relative else "points", "position": self.position}


def _from_row(row) -> Indicator:
    return Indicator(
        code=row["code"], name=row["name"], section=row["section"], unit=row["unit"], polarity=row["polarity"],
        source=row["source"] or "", release=row["release"] or "", definition=row["definition"] or "",
        aliases=tuple(json.loads(row["aliases"])),
        rule=RagRule(row["rag_basis"], from_units(row["tolerance_units"], row["tolerance_scale"]),
                     row["tolerance_kind"] == "percent"),
        id=row["id"], position=row["position"])


def list_indicators(bf: BoardFile, board_id: int) -> list[Indicator]:
    """The board's indicators in matrix order (by section as first listed, then position)."""
    rows = bf.query("SELECT * FROM indicator WHERE board_id = ? ORDER BY position, id", (board_id,))
    return [_from_row(row) for row in rows]


def get_indicator(bf: BoardFile, indicator_id: int) -> Indicator:
    row = bf.query_one("SELECT * FROM indicator WHERE id = ?", (indicator_id,))
    if row is None:
        raise NotFoundError(f"indicator {indicator_id} no longer exists: refresh and try again")
    return _from_row(row)


def sections(indicators: list[Indicator]) -> list[str]:
    """The sections in the order their first indicator comes."""
    return list(dict.fromkeys(indicator.section for indicator in indicators))


def find_indicator(indicators: list[Indicator], text: str) -> Indicator | None:
    """The indicator ``text`` names (its code, name or another heading it is published under)."""
    key = normalise_header(text)
    return next((indicator for indicator in indicators if key and key in indicator.names()), None)


def code_for(name: str) -> str:
    """A short code made from a name: ``Police CSE flags`` gives ``police-cse-flags``.

    >>> code_for("Police CSE flags (per quarter)")
    'police-cse-flags-per-quarter'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "indicator"


def _next_position(bf: BoardFile, board_id: int) -> int:
    return (bf.scalar("SELECT max(position) FROM indicator WHERE board_id = ?", (board_id,)) or 0) + 10


def _check_unique(bf: BoardFile, board_id: int, indicator: Indicator) -> None:
    for column, value in (("code", indicator.code.strip()), ("name", " ".join(indicator.name.split()))):
        other = bf.scalar(f"SELECT id FROM indicator WHERE board_id = ? AND {column} = ? AND id IS NOT ?",
                          (board_id, value, indicator.id))
        if other is not None:
            raise InputError(quoted(value), f"is already the {column} of another indicator",
                             f"choose another {column}")


def add_indicator(ed: Action, bf: BoardFile, board_id: int, indicator: Indicator) -> int:
    """Add ``indicator`` to the board (at the end of the list unless it has a position)."""
    _check_unique(bf, board_id, indicator)
    position = indicator.position or _next_position(bf, board_id)
    return ed.insert("indicator", {"board_id": board_id, **replace(indicator, position=position).values()})


def update_indicator(ed: Action, bf: BoardFile, indicator: Indicator) -> bool:
    """Store ``indicator``'s definition and rule (it must have an id)."""
    if indicator.id is None:
        raise ValueError("only a stored indicator can be updated")
    board_id = bf.scalar("SELECT board_id FROM indicator WHERE id = ?", (indicator.id,))
    if board_id is None:
        raise NotFoundError(f"indicator '{indicator.name}' no longer exists: refresh and try again")
    _check_unique(bf, board_id, indicator)
    return ed.update("indicator", indicator.id, indicator.values())


def delete_indicator(ed: Action, bf: BoardFile, indicator_id: int) -> int:
    """Delete an indicator and its values (one undoable step); returns how many values went with it."""
    count = delete_values(ed, bf, "indicator_id", indicator_id)
    ed.delete("indicator", indicator_id)
    return count


def tolerance_from_text(value: object) -> tuple[Decimal, bool]:
    """A tolerance band as typed: ``2`` (points) or ``5%`` (percent of the comparator).

    >>> tolerance_from_text("2.5"), tolerance_from_text(" 5 % ")
    ((Decimal('2.5'), False), (Decimal('5'), True))
    """
    text = " ".join(str(value).split()).replace(" ", "")
    relative = text.endswith("%")
    text = text.rstrip("%") or "0"
    try:
        amount = Decimal(text)
    except ArithmeticError:
        raise InputError(quoted(value), "is not a tolerance", "write a number of points (2) or a percentage (5%)") \
            from None
    if not amount.is_finite() or amount < 0 or amount > 10 ** 6 or -amount.as_tuple().exponent > 6:
        raise InputError(quoted(value), "is not a tolerance", "write a number of points (2) or a percentage (5%)")
    return amount, relative


def indicator_from_form(values: dict[str, object], existing: Indicator | None = None) -> Indicator:
    """An indicator from what a form holds (name, code, section, unit, polarity, source, release,
    definition, basis, tolerance as typed: ``2`` points or ``5%``), keeping ``existing``'s id and aliases."""
    from sgdesk.indicators.rag import parse_basis

    name = " ".join(str(values.get("name") or "").split())
    code = str(values.get("code") or "").strip() or code_for(name)
    tolerance, relative = tolerance_from_text(values.get("tolerance") or "0")
    return Indicator(
        code=code, name=name, section=" ".join(str(values.get("section") or "").split()) or OTHER_SECTION,
        unit=parse_unit(values.get("unit") or ""), polarity=parse_polarity(values.get("polarity") or ""),
        source=str(values.get("source") or "").strip(), release=str(values.get("release") or "").strip(),
        definition=str(values.get("definition") or "").strip(),
        aliases=existing.aliases if existing else (),
        rule=RagRule(parse_basis(values.get("basis") or "none"), tolerance, relative),
        id=existing.id if existing else None, position=existing.position if existing else 0)
