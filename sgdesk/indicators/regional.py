"""The regional comparison: what several partnerships' statutory partners contribute, side by side.

Seed 002 compares Southend's children's and adults' partnership budgets with four other East of
England unitary authorities', by partner (local authority, health, police). Stored are the
published amounts; totals, averages and this board's position are worked out, so they always
agree with the amounts (a published total that does not add up is not carried over).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sgdesk.errors import InputError, NotFoundError, quoted
from sgdesk.money import Pence
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_ORDINALS = {1: "st", 2: "nd", 3: "rd"}


@dataclass(frozen=True)
class Comparison:
    """A regional comparison as stored: its title, period, which partnership is this board's, and a note."""

    id: int
    title: str
    period: str
    this_partnership: str
    note: str = ""


@dataclass
class Strand:
    """One strand's table (e.g. the children's partnership): amounts by partnership and partner."""

    name: str
    partnerships: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    amounts: dict[tuple[str, str], Pence] = field(default_factory=dict)

    def amount(self, partnership: str, partner: str) -> Pence | None:
        return self.amounts.get((partnership, partner))

    def total(self, partnership: str) -> Pence:
        return sum(self.amounts.get((partnership, partner), 0) for partner in self.partners)

    def column(self, partner: str | None) -> dict[str, Pence]:
        """Each partnership's amount from ``partner`` (None: its total)."""
        return {name: self.total(name) if partner is None else self.amounts.get((name, partner), 0)
                for name in self.partnerships}


@dataclass
class RegionalComparison:
    """A regional comparison with its strands' amounts, partnership by partnership and partner."""

    comparison: Comparison
    strands: list[Strand]

    @property
    def partnerships(self) -> list[str]:
        return list(dict.fromkeys(name for strand in self.strands for name in strand.partnerships))

    def combined(self, partnership: str) -> Pence:
        return sum(strand.total(partnership) for strand in self.strands if partnership in strand.partnerships)


def average(amounts: list[Pence]) -> Pence | None:
    """The mean to the nearest penny (halves up); None for no amounts.

    >>> average([11408900, 11124300]), average([])
    (11266600, None)
    """
    if not amounts:
        return None
    mean = Decimal(sum(amounts)) / len(amounts)
    return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``11th``, ``23rd``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINALS.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Position:
    """Where this board stands among the partnerships for one column (1st is the largest amount)."""

    rank: int
    of: int
    amount: Pence
    others_average: Pence | None

    @property
    def difference(self) -> Pence | None:
        return None if self.others_average is None else self.amount - self.others_average

    @property
    def share_of_average(self) -> int | None:
        """This board's amount as a whole percentage of the others' average."""
        if not self.others_average:
            return None
        return int((Decimal(self.amount) * 100 / self.others_average).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def position(amounts: dict[str, Pence], this: str) -> Position | None:
    """This partnership's place in ``amounts`` (ties share the higher place); None if it is not there."""
    if this not in amounts:
        return None
    mine = amounts[this]
    others = [amount for name, amount in amounts.items() if name != this]
    return Position(1 + sum(1 for amount in others if amount > mine), len(amounts), mine, average(others))


def list_comparisons(bf: BoardFile, board_id: int) -> list[Comparison]:
    return [Comparison(row["id"], row["title"], row["period"], row["this_partnership"], row["note"] or "")
            for row in bf.query("SELECT * FROM regional_comparison WHERE board_id = ? ORDER BY period DESC, title",
                                (board_id,))]


def load_comparison(bf: BoardFile, comparison: Comparison) -> RegionalComparison:
    strands: dict[str, Strand] = {}
    for row in bf.query("SELECT * FROM regional_contribution WHERE comparison_id = ? ORDER BY position, id",
                        (comparison.id,)):
        strand = strands.setdefault(row["strand"], Strand(row["strand"]))
        if row["partnership"] not in strand.partnerships:
            strand.partnerships.append(row["partnership"])
        if row["partner"] not in strand.partners:
            strand.partners.append(row["partner"])
        strand.amounts[(row["partnership"], row["partner"])] = row["amount_pence"]
    return RegionalComparison(comparison, list(strands.values()))


def find_comparison(bf: BoardFile, board_id: int, title: str, period: str) -> Comparison | None:
    return next((c for c in list_comparisons(bf, board_id)
                 if c.title.casefold() == title.casefold() and c.period == period), None)


def add_comparison(ed: Action, bf: BoardFile, board_id: int, title: str, period: str, this_partnership: str,
                   note: str = "") -> int:
    title, period, this_partnership = (" ".join(text.split()) for text in (title, str(period), this_partnership))
    for text, what in ((title, "title"), (period, "period"), (this_partnership, "this board's partnership")):
        if not text:
            raise InputError("The comparison", f"has no {what}", f"give the comparison's {what}")
    if find_comparison(bf, board_id, title, period) is not None:
        raise InputError(quoted(f"{title} {period}"), "is already a comparison of this board",
                         "change the one there, or give this one another title")
    return ed.insert("regional_comparison", {"board_id": board_id, "title": title, "period": period,
                                             "this_partnership": this_partnership, "note": note or None})


def set_contribution(ed: Action, bf: BoardFile, comparison_id: int, strand: str, partnership: str, partner: str,
                     amount: Pence) -> str:
    """Store one partner's contribution to one partnership's strand: created, updated or unchanged."""
    if amount < 0:
        raise InputError(quoted(amount), "is not a contribution: it is below zero", "give the amount paid in")
    if bf.scalar("SELECT id FROM regional_comparison WHERE id = ?", (comparison_id,)) is None:
        raise NotFoundError(f"comparison {comparison_id} no longer exists: refresh and try again")
    existing = bf.scalar("SELECT id FROM regional_contribution WHERE comparison_id = ? AND strand = ? AND "
                         "partnership = ? AND partner = ?", (comparison_id, strand, partnership, partner))
    if existing is not None:
        return "updated" if ed.update("regional_contribution", existing, {"amount_pence": amount}) else "unchanged"
    position = (bf.scalar("SELECT max(position) FROM regional_contribution WHERE comparison_id = ?",
                          (comparison_id,)) or 0) + 1
    ed.insert("regional_contribution", {"comparison_id": comparison_id, "strand": strand, "partnership": partnership,
                                        "partner": partner, "amount_pence": amount, "position": position})
    return "created"
