"""The ledger: what a board spent and received, per financial year, fund and category.

Amounts are stored plain: an expenditure entry of 1000 is £10 spent, an income entry of 1000 is
£10 received; a negative amount is a credit (a salary recharge) or a refund. In-kind entries
are recorded but kept out of every cash total. The outturn of a year is its cash income less
its cash expenditure (positive: a surplus) and is carried forward into the next year's income.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Literal

from sgdesk.dates import format_date
from sgdesk.errors import InputError
from sgdesk.finance.accounts import (
    CARRIED_FORWARD,
    Section,
    ensure_category,
    line_accounts,
)
from sgdesk.fyear import FinancialYear, Period
from sgdesk.money import Pence, format_money
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

Style = Literal["council", "plain"]
STYLES: tuple[Style, ...] = ("council", "plain")

_ENTRY_SELECT = """
SELECT e.id, e.year_start, e.section, e.category_id, c.name, e.fund_id, f.name, e.entry_date, e.description,
       e.party, e.amount_pence, e.in_kind, e.reference, e.carried_from, e.position
FROM ledger_entry e JOIN finance_category c ON c.id = e.category_id JOIN finance_fund f ON f.id = e.fund_id
"""


@dataclass(frozen=True)
class LedgerEntry:
    """One entry in the ledger: money spent or received in a financial year, by fund and category, in pence."""

    id: int
    year: FinancialYear
    section: Section
    category_id: int
    category: str
    fund_id: int
    fund: str
    entry_date: dt.date | None
    description: str
    party: str | None
    amount: Pence
    in_kind: bool
    reference: str | None
    carried_from: int | None
    position: int

    @property
    def cash(self) -> Pence:
        """The entry's effect on the balance: income adds, expenditure takes away; in kind is nothing."""
        if self.in_kind:
            return 0
        return self.amount if self.section == "income" else -self.amount


@dataclass(frozen=True)
class LineDetails:
    """A ledger entry or budget line as someone types it or a spreadsheet gives it: its category and
    fund by name (a new name is added when the line is saved; no fund: the board's first fund).

    A budget line has no date, party, reference or in-kind flag.
    """

    year: FinancialYear
    section: Section
    category: str
    description: str
    amount: Pence
    fund: str | None = None
    entry_date: dt.date | None = None
    party: str | None = None
    reference: str | None = None
    in_kind: bool = False


@dataclass(frozen=True)
class Totals:
    """Cash totals of some entries; in-kind amounts are counted apart."""

    expenditure: Pence = 0
    income: Pence = 0
    in_kind: Pence = 0

    @property
    def outturn(self) -> Pence:
        """Income less expenditure: positive is a surplus, negative a deficit."""
        return self.income - self.expenditure


def _entry(row: Any) -> LedgerEntry:
    return LedgerEntry(
        id=row[0], year=FinancialYear(row[1]), section=row[2], category_id=row[3], category=row[4],
        fund_id=row[5], fund=row[6], entry_date=None if row[7] is None else dt.date.fromisoformat(row[7]),
        description=row[8], party=row[9], amount=row[10], in_kind=bool(row[11]), reference=row[12],
        carried_from=row[13], position=row[14],
    )


def list_entries(bf: BoardFile, board_id: int, year: FinancialYear | None = None, *, fund_id: int | None = None,
                 category_id: int | None = None) -> list[LedgerEntry]:
    """Entries in ledger order: by year, then expenditure before income, as the appendix prints them."""
    rows = bf.query(
        _ENTRY_SELECT + "WHERE e.board_id = ? AND (? IS NULL OR e.year_start = ?) AND (? IS NULL OR e.fund_id = ?) "
        "AND (? IS NULL OR e.category_id = ?) ORDER BY e.year_start, e.section = 'income', e.position, e.id",
        (board_id, *_twice(year.start_year if year else None), *_twice(fund_id), *_twice(category_id)),
    )
    return [_entry(row) for row in rows]


def get_entry(bf: BoardFile, entry_id: int) -> LedgerEntry | None:
    row = bf.query_one(_ENTRY_SELECT + "WHERE e.id = ?", (entry_id,))
    return None if row is None else _entry(row)


def _twice(value: Any) -> tuple[Any, Any]:
    return value, value


def totals(entries: Iterable[LedgerEntry | CategorySum]) -> Totals:
    """Cash spent and received, and in kind, of ``entries`` (entries or a year's :func:`category_sums`)."""
    expenditure = income = in_kind = 0
    for entry in entries:
        if entry.in_kind:
            in_kind += entry.amount
        elif entry.section == "income":
            income += entry.amount
        else:
            expenditure += entry.amount
    return Totals(expenditure, income, in_kind)


@dataclass(frozen=True)
class CategorySum:
    """A year's entries of one category added up, cash and in kind apart (:func:`category_sums`)."""

    section: Section
    category_id: int
    in_kind: bool
    amount: Pence
    entries: int


def category_sums(bf: BoardFile, board_id: int, year: FinancialYear, fund_id: int | None = None
                  ) -> list[CategorySum]:
    """``year``'s entries (of one fund, if given) added up by the database per category, cash and in kind
    apart: what a budget comparison and the year's totals need, without reading every entry."""
    return [CategorySum(row[0], row[1], bool(row[2]), row[3], row[4]) for row in bf.query(
        "SELECT section, category_id, in_kind, sum(amount_pence), count(*) FROM ledger_entry "
        "WHERE board_id = ? AND year_start = ? AND (? IS NULL OR fund_id = ?) "
        "GROUP BY section, category_id, in_kind ORDER BY section, category_id, in_kind",
        (board_id, year.start_year, *_twice(fund_id)))]


def year_totals(bf: BoardFile, board_id: int, year: FinancialYear, fund_id: int | None = None) -> Totals:
    return totals(category_sums(bf, board_id, year, fund_id))


def finance_years(bf: BoardFile, board_id: int) -> list[FinancialYear]:
    """Every year with ledger entries, budget lines or contributions, earliest first."""
    rows = bf.query(
        "SELECT year_start FROM ledger_entry WHERE board_id = ? UNION SELECT year_start FROM budget_line "
        "WHERE board_id = ? UNION SELECT year_start FROM contribution WHERE board_id = ? "
        "UNION SELECT year_start FROM contribution_year WHERE board_id = ? ORDER BY 1",
        (board_id,) * 4,
    )
    return [FinancialYear(row[0]) for row in rows]


# -- signs as printed ---------------------------------------------------------------------------------
def printed_amount(section: str, amount: Pence, style: Style) -> Pence:
    """The amount as a ledger prints it: council style shows income negative."""
    return -amount if style == "council" and section == "income" else amount


def amount_effect(section: Section, amount: Pence) -> str:
    """What an amount in ``section`` does, in words: a negative expenditure is a credit, a negative income
    is money paid back.

    >>> amount_effect("expenditure", 400539), amount_effect("expenditure", -25000)
    ('Spent £4,005.39', 'Credit £250.00 (reduces spending)')
    >>> amount_effect("income", 25000), amount_effect("income", -25000)
    ('Income £250.00', 'Income paid back £250.00 (reduces income)')
    """
    money = format_money(abs(amount))
    if section == "expenditure":
        return f"Spent {money}" if amount >= 0 else f"Credit {money} (reduces spending)"
    return f"Income {money}" if amount >= 0 else f"Income paid back {money} (reduces income)"


def outcome_text(result: Totals, style: Style) -> str:
    """The bottom line: council ``−2,328.59`` (expenditure + income as printed), or plain ``Surplus £2,328.59``.

    >>> outcome_text(Totals(13775583, 14008442), "council")
    '−2,328.59'
    >>> outcome_text(Totals(13775583, 14008442), "plain")
    'Surplus £2,328.59'
    """
    if style == "council":
        return format_money(result.expenditure - result.income, symbol=False)
    if result.outturn == 0:
        return "Balanced (£0.00)"
    word = "Surplus" if result.outturn > 0 else "Deficit"
    return f"{word} {format_money(abs(result.outturn))}"


def parse_style(value: str | None) -> Style:
    text = (value or "council").strip().casefold()
    if text not in STYLES:
        raise InputError(f"'{value}'", "is not a style of Appendix 2",
                         "use council (income negative, as council ledgers print it) or plain")
    return text  # type: ignore[return-value]


# -- writing --------------------------------------------------------------------------------------------
def next_position(bf: BoardFile, table: str, board_id: int, year: FinancialYear) -> int:
    """The position after the last line of ``year`` in ``table`` (ledger_entry or budget_line)."""
    return bf.scalar(f"SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE board_id = ? AND year_start = ?",
                     (board_id, year.start_year))


def check_entry_date(entry_date: dt.date | None, year: FinancialYear) -> None:
    if entry_date is not None and not year.contains(entry_date):
        raise InputError(f"'{format_date(entry_date)}'", f"is outside the financial year {year.label}",
                         f"give a date from {format_date(year.start)} to {format_date(year.end)}, or change the year")


def check_description(description: str) -> str:
    text = " ".join(description.split())
    if not text:
        raise InputError("The description", "is empty", "say what the money was for, e.g. Office Expenses: Postage")
    return text


def entry_values(*, year: FinancialYear, section: Section, category_id: int, fund_id: int, description: str,
                 amount: Pence, entry_date: dt.date | None = None, party: str | None = None,
                 reference: str | None = None, in_kind: bool = False) -> dict[str, Any]:
    """Checked column values of a ledger entry (raises :class:`InputError` naming what is wrong)."""
    check_entry_date(entry_date, year)
    return {
        "year_start": year.start_year, "section": section, "category_id": category_id, "fund_id": fund_id,
        "entry_date": entry_date, "description": check_description(description),
        "party": (party or "").strip() or None, "amount_pence": amount, "in_kind": in_kind,
        "reference": (reference or "").strip() or None,
    }


def add_entry(ed: Action, bf: BoardFile, board_id: int, values: dict[str, Any]) -> int:
    """Insert an entry made by :func:`entry_values`, at the end of its year."""
    year = FinancialYear(values["year_start"])
    return ed.insert("ledger_entry", {"board_id": board_id, **values,
                                      "position": next_position(bf, "ledger_entry", board_id, year)})


def update_entry(ed: Action, entry_id: int, values: dict[str, Any]) -> bool:
    """Change an entry to values made by :func:`entry_values` (it keeps its place in the year)."""
    return ed.update("ledger_entry", entry_id, values)


def save_entry(ed: Action, bf: BoardFile, board_id: int, line: LineDetails, entry_id: int | None = None) -> int:
    """Save ``line`` as a new ledger entry, or over entry ``entry_id``; returns the entry's id.

    The board's standard accounts, and a category or fund new to it, are added first. Raises
    :class:`InputError` naming a value that cannot be saved (a date outside the year, no description).
    """
    category_id, fund_id = line_accounts(ed, bf, board_id, line.section, line.category, line.fund)
    values = entry_values(year=line.year, section=line.section, category_id=category_id, fund_id=fund_id,
                          description=line.description, amount=line.amount, entry_date=line.entry_date,
                          party=line.party, reference=line.reference, in_kind=line.in_kind)
    if entry_id is None:
        return add_entry(ed, bf, board_id, values)
    update_entry(ed, entry_id, values)
    return entry_id


def delete_entry(ed: Action, entry_id: int) -> None:
    ed.delete("ledger_entry", entry_id)


# -- outturn carried forward ------------------------------------------------------------------------------
def carried_forward_entry(bf: BoardFile, board_id: int, year: FinancialYear) -> LedgerEntry | None:
    """The entry in the next year that carries ``year``'s outturn forward, if there is one."""
    row = bf.query_one(_ENTRY_SELECT + "WHERE e.board_id = ? AND e.carried_from = ? AND e.year_start = ? "
                       "ORDER BY e.id LIMIT 1", (board_id, year.start_year, year.next().start_year))
    return None if row is None else _entry(row)


def carry_forward(ed: Action, bf: BoardFile, board_id: int, year: FinancialYear, fund_id: int) -> int:
    """Record ``year``'s outturn as income of the next year (updating an earlier carry-forward).

    A deficit is carried as negative income. Returns the entry's id.
    """
    outturn = year_totals(bf, board_id, year).outturn
    existing = carried_forward_entry(bf, board_id, year)
    if existing is not None:
        update_entry(ed, existing.id, {"amount_pence": outturn})
        return existing.id
    category_id = ensure_category(ed, bf, board_id, "income", CARRIED_FORWARD)
    values = entry_values(year=year.next(), section="income", category_id=category_id, fund_id=fund_id,
                          description=f"{year.label} outturn carried forward", amount=outturn)
    return add_entry(ed, bf, board_id, {**values, "carried_from": year.start_year})


def period_year(period: Period | FinancialYear | str | int | None, what: str) -> FinancialYear | None:
    """The financial year a report or export covers; a period must be exactly one financial year."""
    if period is None or isinstance(period, FinancialYear):
        return period
    if not isinstance(period, Period):
        return FinancialYear.parse(period)
    year = FinancialYear.containing(period.start)
    if (period.start, period.end) != (year.start, year.end):
        raise InputError(f"'{period.label}'", f"is not a financial year, and {what} covers whole years",
                         "give a year, e.g. --year 2018/19")
    return year
