"""Sections, funds (cost centres) and categories of a board's accounts.

Every board has at least one fund and the standard categories; they are made on first use,
so a new board can record money straight away. Funds may be ring-fenced (e.g. a child death
review fund paid for separately).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sgdesk.errors import InputError, quoted
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

Section = Literal["expenditure", "income"]
SECTIONS: tuple[Section, ...] = ("expenditure", "income")
SECTION_LABELS: dict[str, str] = {"expenditure": "Expenditure", "income": "Income"}
SECTION_FIX = "write Expenditure or Income"
_SECTION_WORDS = {
    "expenditure": "expenditure", "expense": "expenditure", "expenses": "expenditure", "exp": "expenditure",
    "spend": "expenditure", "spending": "expenditure", "cost": "expenditure", "costs": "expenditure",
    "payments": "expenditure", "income": "income", "inc": "income", "receipts": "income", "funding": "income",
}

EXPENDITURE_CATEGORIES = (
    "Salaries", "Professional fees", "Consultancy", "Recruitment and vetting", "Meeting expenses",
    "Office expenses", "Training", "ICT", "Advertising and publicity", "Subscriptions", "Insurance",
    "Case reviews", "Child death review", "Other expenditure",
)
INCOME_CATEGORIES = (
    "Partner contributions", "Training income", "Grants", "Schools/DSG", "Carried forward", "Other income",
)
CARRIED_FORWARD = "Carried forward"
OTHER_CATEGORY: dict[str, str] = {"expenditure": "Other expenditure", "income": "Other income"}
DEFAULT_FUND = "General fund"


@dataclass(frozen=True)
class Fund:
    """A fund (cost centre) of a board's accounts, and whether it is ring-fenced."""

    id: int
    name: str
    ring_fenced: bool


@dataclass(frozen=True)
class Category:
    """A category of expenditure or income in a board's accounts."""

    id: int
    section: Section
    name: str


def parse_section(value: Any) -> Section:
    """Expenditure or income, as a ledger heads it.

    >>> parse_section(" Expenditure "), parse_section("Receipts")
    ('expenditure', 'income')
    """
    key = " ".join(str(value).split()).casefold()
    if key not in _SECTION_WORDS:
        raise InputError(quoted(value), "is not a section of the accounts", SECTION_FIX)
    return _SECTION_WORDS[key]  # type: ignore[return-value]


def list_funds(bf: BoardFile, board_id: int) -> list[Fund]:
    rows = bf.query("SELECT id, name, ring_fenced FROM finance_fund WHERE board_id = ? ORDER BY position, id",
                    (board_id,))
    return [Fund(r[0], r[1], bool(r[2])) for r in rows]


def list_categories(bf: BoardFile, board_id: int, section: str | None = None) -> list[Category]:
    rows = bf.query(
        "SELECT id, section, name FROM finance_category WHERE board_id = ? AND (? IS NULL OR section = ?) "
        "ORDER BY section = 'income', position, id",
        (board_id, section, section),
    )
    return [Category(r[0], r[1], r[2]) for r in rows]


def find_fund(bf: BoardFile, board_id: int, name: str) -> int | None:
    return bf.scalar("SELECT id FROM finance_fund WHERE board_id = ? AND name = ? COLLATE NOCASE",
                     (board_id, " ".join(name.split())))


def find_category(bf: BoardFile, board_id: int, section: str, name: str) -> int | None:
    return bf.scalar(
        "SELECT id FROM finance_category WHERE board_id = ? AND section = ? AND name = ? COLLATE NOCASE",
        (board_id, section, " ".join(name.split())),
    )


def ensure_fund(ed: Action, bf: BoardFile, board_id: int, name: str, *, ring_fenced: bool = False) -> int:
    """The fund called ``name``, created if the board has none by that name."""
    found = find_fund(bf, board_id, name)
    if found is not None:
        return found
    position = bf.scalar("SELECT coalesce(max(position), 0) + 1 FROM finance_fund WHERE board_id = ?", (board_id,))
    return ed.insert("finance_fund", {"board_id": board_id, "name": " ".join(name.split()),
                                      "ring_fenced": ring_fenced, "position": position})


def ensure_category(ed: Action, bf: BoardFile, board_id: int, section: str, name: str) -> int:
    """The category called ``name`` in ``section``, created if it is new."""
    found = find_category(bf, board_id, section, name)
    if found is not None:
        return found
    position = bf.scalar("SELECT coalesce(max(position), 0) + 1 FROM finance_category WHERE board_id = ? "
                         "AND section = ?", (board_id, section))
    return ed.insert("finance_category", {"board_id": board_id, "section": section,
                                          "name": " ".join(name.split()), "position": position})


def ensure_accounts(ed: Action, bf: BoardFile, board_id: int) -> None:
    """Give the board the standard categories and a general fund, if it has none yet."""
    if not list_funds(bf, board_id):
        ensure_fund(ed, bf, board_id, DEFAULT_FUND)
    if not list_categories(bf, board_id):
        for section, names in (("expenditure", EXPENDITURE_CATEGORIES), ("income", INCOME_CATEGORIES)):
            for name in names:
                ensure_category(ed, bf, board_id, section, name)


def line_accounts(ed: Action, bf: BoardFile, board_id: int, section: Section, category: str,
                  fund: str | None) -> tuple[int, int]:
    """(category id, fund id) of a line naming ``category`` and ``fund`` (None: the first fund),
    after giving the board its standard accounts and any category or fund it has not got yet."""
    ensure_accounts(ed, bf, board_id)
    category_id = ensure_category(ed, bf, board_id, section, category)
    return category_id, ensure_fund(ed, bf, board_id, fund) if fund else default_fund_id(bf, board_id)


def default_fund_id(bf: BoardFile, board_id: int) -> int | None:
    """The board's first fund (where lines without a fund go)."""
    return bf.scalar("SELECT id FROM finance_fund WHERE board_id = ? ORDER BY position, id LIMIT 1", (board_id,))


def category_names(bf: BoardFile, board_id: int, section: str) -> list[str]:
    """The board's category names in ``section`` (the standard ones while it has none yet)."""
    names = [category.name for category in list_categories(bf, board_id, section)]
    if names:
        return names
    return list(EXPENDITURE_CATEGORIES if section == "expenditure" else INCOME_CATEGORIES)


def guess_category(section: str, description: str, names: list[str]) -> str:
    """The category a ledger line names before a colon ("Office Expenses: Postage"), or Other.

    >>> guess_category("expenditure", "ICT: Hardware", ["Salaries", "ICT"])
    'ICT'
    >>> guess_category("income", "DSG", ["Schools/DSG"])
    'Other income'
    """
    prefix, colon, _ = description.partition(":")
    wanted = " ".join(prefix.split()).casefold()
    return next((name for name in names if colon and name.casefold() == wanted), OTHER_CATEGORY[section])
