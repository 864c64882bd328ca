"""Partner contributions: agreed shares of a year's total requirement, fixed amounts, group lines.

How a year's amounts are worked out: fixed amounts and group lines ("12 district councils at
£1,210 each") are taken first; the rest of the total requirement is shared between the
partners with a percentage share, in proportion to their shares, by the largest remainder to
the pound or the penny (:func:`sgdesk.finance.allocation.allocate`), so the cash lines always
add up to the total exactly. Shares that do not add up to 100% are worked out all the same,
in proportion, with a warning. In-kind contributions are listed but are not cash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from sgdesk.errors import InputError, quoted
from sgdesk.finance.allocation import ROUNDINGS, Rounding, allocate
from sgdesk.fyear import FinancialYear
from sgdesk.money import Pence, format_money
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

Status = Literal["projected", "invoiced", "received"]
STATUSES: tuple[Status, ...] = ("projected", "invoiced", "received")
Basis = Literal["share", "fixed", "group"]
WHOLE = 1_000_000  # a share of 100%, in millionths
SHARE_FIX = "write the share as a percentage, e.g. 49.5%"
_SHARE = re.compile(r"(?P<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+) ?%?")


@dataclass(frozen=True)
class Contribution:
    """One line of a year's partner contributions: a percentage share (in millionths), a fixed amount or a group
    line (in pence); projected, invoiced or received."""

    id: int | None
    label: str
    basis: Basis
    share_ppm: int | None = None
    amount: Pence | None = None          # fixed: the amount; group: the amount each
    group_count: int | None = None
    status: Status = "projected"
    invoiced_on: dt.date | None = None
    received_on: dt.date | None = None
    in_kind: bool = False
    organisation_id: int | None = None
    position: int = 0

    @property
    def basis_text(self) -> str:
        """49.5%, Fixed, 12 × £1,210.00 (and "in kind")."""
        if self.basis == "share":
            text = format_share(self.share_ppm or 0)
        elif self.basis == "group":
            text = f"{self.group_count} × {format_money(self.amount or 0)}"
        else:
            text = "Fixed"
        return f"{text}, in kind" if self.in_kind else text

    @property
    def set_amount(self) -> Pence:
        """The amount of a fixed or group line (0 for a share, which is worked out)."""
        if self.basis == "group":
            return (self.amount or 0) * (self.group_count or 0)
        if self.basis == "fixed":
            return self.amount or 0
        return 0


@dataclass(frozen=True)
class Allocation:
    """A year's contributions with their amounts worked out."""

    year: FinancialYear
    total: Pence                     # the total requirement (or the sum of the fixed amounts)
    rounding: Rounding
    total_given: bool                # False: no total requirement was set
    lines: list[Contribution]
    amounts: list[Pence]
    warnings: list[str] = field(default_factory=list)

    @property
    def shared(self) -> Pence:
        """What the percentage shares divide: the total requirement less the fixed and group amounts."""
        fixed = sum(line.set_amount for line in self.lines if not line.in_kind)
        return max(0, self.total - fixed)

    @property
    def cash_total(self) -> Pence:
        return sum(amount for line, amount in zip(self.lines, self.amounts) if not line.in_kind)

    @property
    def shares_ppm(self) -> int:
        return sum(line.share_ppm or 0 for line in self.lines if line.basis == "share")

    def by_status(self, status: str) -> Pence:
        return sum(a for line, a in zip(self.lines, self.amounts) if line.status == status and not line.in_kind)


def format_share(ppm: int) -> str:
    """A share in millionths as a percentage.

    >>> format_share(495000), format_share(1000000), format_share(333333)
    ('49.5%', '100%', '33.3333%')
    """
    text = f"{Decimal(ppm) / 10_000:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def parse_share(value: Any) -> int:
    """A percentage share in millionths: ``49.5%``, ``49.5`` and ``"0.7 %"`` are percentages.

    >>> parse_share("49.5%"), parse_share(7.2), parse_share("100")
    (495000, 72000, 1000000)
    """
    if isinstance(value, bool):
        raise InputError(quoted(value), "is not a share", SHARE_FIX)
    text = f"{value:.9f}".rstrip("0") if isinstance(value, float) else " ".join(str(value).split())
    match = _SHARE.fullmatch(text)
    if not match:
        raise InputError(quoted(value), "is not a share", SHARE_FIX)
    try:
        percent = Decimal(match["number"])
    except InvalidOperation:
        raise InputError(quoted(value), "is not a share", SHARE_FIX) from None
    ppm = percent * 10_000
    if ppm != ppm.to_integral_value():
        raise InputError(quoted(value), "is a share with more than four decimal places", SHARE_FIX)
    if ppm > WHOLE:
        raise InputError(quoted(value), "is a share above 100%", SHARE_FIX)
    return int(ppm)


def parse_count(value: Any) -> int:
    """How many pay a group line's amount each: a whole number, at least 1 (``12``, ``"12"``, ``12.0``)."""
    text = str(value).strip().replace(",", "")
    try:
        number = float(text)
    except ValueError:
        number = 0.0
    if not 1 <= number <= 10_000 or not number.is_integer():
        raise InputError(quoted(value), "is not a count", "write how many (1 to 10,000), e.g. 12")
    return int(number)


def parse_status(value: Any) -> Status:
    text = " ".join(str(value).split()).casefold()
    for status in STATUSES:
        if text in (status, status[:4]) or (text == "paid" and status == "received"):
            return status
    raise InputError(quoted(value), "is not a status of a contribution", "write projected, invoiced or received")


def calculate(year: FinancialYear, total: Pence | None, rounding: Rounding, lines: list[Contribution]
              ) -> Allocation:
    """Work out each line's amount (see the module's description)."""
    cash = [line for line in lines if not line.in_kind]
    fixed = sum(line.set_amount for line in cash)
    shared = [index for index, line in enumerate(lines) if line.basis == "share" and not line.in_kind]
    warnings: list[str] = []
    amounts = [line.set_amount for line in lines]
    requirement = fixed if total is None else total
    if shared:
        shares = sum(lines[i].share_ppm or 0 for i in shared)
        if shares != WHOLE:
            warnings.append(f"the shares for {year.label} add up to {format_share(shares)}, not 100%: "
                            "amounts are in proportion to the shares given")
        if total is None:
            warnings.append(f"{year.label} has shares but no total requirement: set the total to work them out")
        pool = requirement - fixed
        if pool < 0:
            warnings.append(f"the fixed amounts for {year.label} ({format_money(fixed)}) are more than the total "
                            f"requirement ({format_money(requirement)}): the shares get nothing")
        if pool > 0 and shares > 0:
            for index, amount in zip(shared, allocate(pool, [lines[i].share_ppm or 0 for i in shared],
                                                      ROUNDINGS[rounding])):
                amounts[index] = amount
    elif total is not None and fixed != total:
        warnings.append(f"the contributions for {year.label} add up to {format_money(fixed)}, "
                        f"not the total requirement of {format_money(total)}")
    return Allocation(year, requirement, rounding, total is not None, lines, amounts, warnings)


# -- reading and writing the board file ------------------------------------------------------------------------
def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def list_contributions(bf: BoardFile, board_id: int, year: FinancialYear) -> list[Contribution]:
    rows = bf.query(
        "SELECT id, label, basis, share_ppm, amount_pence, group_count, status, invoiced_on, received_on, in_kind, "
        "organisation_id, position FROM contribution WHERE board_id = ? AND year_start = ? ORDER BY position, id",
        (board_id, year.start_year),
    )
    return [Contribution(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _date(r[7]), _date(r[8]), bool(r[9]), r[10],
                         r[11]) for r in rows]


def year_settings(bf: BoardFile, board_id: int, year: FinancialYear) -> tuple[Pence | None, Rounding]:
    """The year's total requirement (None if not set) and rounding."""
    row = bf.query_one("SELECT total_pence, rounding FROM contribution_year WHERE board_id = ? AND year_start = ?",
                       (board_id, year.start_year))
    return (None, "pound") if row is None else (row[0], row[1])


def year_allocation(bf: BoardFile, board_id: int, year: FinancialYear) -> Allocation:
    total, rounding = year_settings(bf, board_id, year)
    return calculate(year, total, rounding, list_contributions(bf, board_id, year))


def contribution_years(bf: BoardFile, board_id: int) -> list[FinancialYear]:
    rows = bf.query("SELECT year_start FROM contribution WHERE board_id = ? UNION SELECT year_start FROM "
                    "contribution_year WHERE board_id = ? ORDER BY 1", (board_id, board_id))
    return [FinancialYear(row[0]) for row in rows]


def set_year(ed: Action, bf: BoardFile, board_id: int, year: FinancialYear, *, total: Pence | None,
             rounding: Rounding) -> None:
    """Set the year's total requirement and rounding."""
    if total is not None and total < 0:
        raise InputError(format_money(total), "is not a total requirement", "give the total as zero or more")
    row_id = bf.scalar("SELECT id FROM contribution_year WHERE board_id = ? AND year_start = ?",
                       (board_id, year.start_year))
    values = {"total_pence": total, "rounding": rounding}
    if row_id is None:
        ed.insert("contribution_year", {"board_id": board_id, "year_start": year.start_year, **values})
    else:
        ed.update("contribution_year", row_id, values)


def contribution_values(line: Contribution) -> dict[str, Any]:
    """Column values of ``line`` (without board, year and position), checked."""
    label = " ".join(line.label.split())
    if not label:
        raise InputError("The partner", "is empty", "name the partner agency (or a group, e.g. District councils)")
    if line.basis == "share" and line.share_ppm is None:
        raise InputError(f"'{label}'", "has no share", SHARE_FIX)
    if line.basis != "share" and (line.amount is None or line.amount < 0):
        raise InputError(f"'{label}'", "has no amount", "give the amount it pays (for a group: each)")
    if line.basis == "group" and (line.group_count or 0) < 1:
        raise InputError(f"'{label}'", "is a group line with no count", "give how many pay the amount each")
    if line.received_on and line.invoiced_on and line.received_on < line.invoiced_on:
        raise InputError(f"'{label}'", "is received before it was invoiced", "check the two dates")
    return {
        "label": label, "basis": line.basis, "organisation_id": line.organisation_id,
        "share_ppm": line.share_ppm if line.basis == "share" else None,
        "amount_pence": None if line.basis == "share" else line.amount,
        "group_count": line.group_count if line.basis == "group" else None,
        "status": line.status, "invoiced_on": line.invoiced_on, "received_on": line.received_on,
        "in_kind": line.in_kind,
    }


def add_contribution(ed: Action, bf: BoardFile, board_id: int, year: FinancialYear, line: Contribution) -> int:
    position = bf.scalar("SELECT coalesce(max(position), 0) + 1 FROM contribution WHERE board_id = ? "
                         "AND year_start = ?", (board_id, year.start_year))
    return ed.insert("contribution", {"board_id": board_id, "year_start": year.start_year, "position": position,
                                      **contribution_values(line)})


def update_contribution(ed: Action, line: Contribution) -> bool:
    if line.id is None:
        raise ValueError("update_contribution needs a stored contribution")
    return ed.update("contribution", line.id, contribution_values(line))


def history(bf: BoardFile, board_id: int) -> tuple[list[FinancialYear], dict[str, dict[FinancialYear, Pence]]]:
    """Each partner's worked-out amount per year (partners matched by organisation, else by label)."""
    years = contribution_years(bf, board_id)
    by_partner: dict[str, dict[FinancialYear, Pence]] = {}
    for year in years:
        allocation = year_allocation(bf, board_id, year)
        for line, amount in zip(allocation.lines, allocation.amounts):
            amounts = by_partner.setdefault(partner_name(bf, line), {})
            amounts[year] = amounts.get(year, 0) + amount
    return years, by_partner


def partner_name(bf: BoardFile, line: Contribution) -> str:
    """The partner a line belongs to across years: its organisation's name, else its label."""
    if line.organisation_id is None:
        return line.label
    return bf.scalar("SELECT name FROM organisation WHERE id = ?", (line.organisation_id,)) or line.label


def delete_contribution(ed: Action, contribution_id: int) -> None:
    ed.delete("contribution", contribution_id)


def previous_contribution_year(bf: BoardFile, board_id: int, year: FinancialYear) -> FinancialYear | None:
    """The latest earlier year with contributions."""
    earlier = [y for y in contribution_years(bf, board_id) if y < year and list_contributions(bf, board_id, y)]
    return earlier[-1] if earlier else None


def copy_from_year(ed: Action, bf: BoardFile, board_id: int, source: FinancialYear, year: FinancialYear) -> int:
    """Start ``year`` with ``source``'s partners, shares, amounts, total and rounding, all projected.

    Partners ``year`` already has are left as they are. Returns how many lines were added.
    """
    total, rounding = year_settings(bf, board_id, source)
    if year_settings(bf, board_id, year)[0] is None and total is not None:
        set_year(ed, bf, board_id, year, total=total, rounding=rounding)
    present = {line.label.casefold() for line in list_contributions(bf, board_id, year)}
    added = 0
    for line in list_contributions(bf, board_id, source):
        if line.label.casefold() not in present:
            add_contribution(ed, bf, board_id, year, replace(line, id=None, status="projected", invoiced_on=None,
                                                             received_on=None))
            added += 1
    return added
