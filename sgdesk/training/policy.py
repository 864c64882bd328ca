"""The board's charging policy and retention period for training, and organisations' categories.

The policy is a board setting (JSON, money in pence). Until the board edits it, the default
applies: partner and voluntary/community organisations free; private £35 a half day and £50 a
full day; out of area £50 and £100; a late cancellation or a non-attendance charged to every
category at £35 a half day and £50 a full day; a substitute is free.

A cancellation is *late* when it is made fewer than ``late_window_days`` days before the
session: with the default 7, for a session on Wednesday 17 October a cancellation on or before
Wednesday 10 October is free and one from Thursday 11 October on is charged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sgdesk.boards import get_setting, set_setting
from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError
from sgdesk.money import Pence, format_money
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

POLICY_KEY = "training.charging_policy"
RETENTION_KEY = "training.retention_years"
DEFAULT_RETENTION_YEARS = 6

PARTNER = "Partner"
VOLUNTARY = "Voluntary and community"
PRIVATE = "Private"
OUT_OF_AREA = "Out of area"
_CATEGORY_ALIASES = {
    "partner": PARTNER, "partner agency": PARTNER, "statutory": PARTNER,
    "voluntary": VOLUNTARY, "vcs": VOLUNTARY, "voluntary sector": VOLUNTARY, "community": VOLUNTARY,
    "voluntary/community": VOLUNTARY, "charity": VOLUNTARY, "vcse": VOLUNTARY,
    "private sector": PRIVATE, "independent": PRIVATE,
    "out-of-area": OUT_OF_AREA, "ooa": OUT_OF_AREA, "outside the area": OUT_OF_AREA,
}


@dataclass(frozen=True)
class Category:
    """A charging category and its fees for attending a half-day or a full-day session."""

    name: str
    half_day: Pence
    full_day: Pence

    def fee(self, length: str) -> Pence:
        return self.full_day if length == "full" else self.half_day


@dataclass(frozen=True)
class ChargingPolicy:
    """The board's charging policy for training: each category's fees, and the late-cancellation and
    non-attendance fees, in pence."""

    categories: tuple[Category, ...]
    late_window_days: int
    late_half_day: Pence
    late_full_day: Pence
    dna_half_day: Pence
    dna_full_day: Pence

    def category(self, name: str) -> Category:
        for category in self.categories:
            if category.name == name:
                return category
        raise SGDeskError(f"the charging category '{name}' is not in the charging policy: "
                          "add it to the policy or give the organisation another category")

    @property
    def category_names(self) -> list[str]:
        return [category.name for category in self.categories]

    def days_notice(self, cancelled_on: dt.date, session_date: dt.date) -> int:
        return (session_date - cancelled_on).days

    def is_late(self, cancelled_on: dt.date, session_date: dt.date) -> bool:
        """Late: fewer than ``late_window_days`` days before the session (on the day or after too)."""
        return self.days_notice(cancelled_on, session_date) < self.late_window_days

    def late_fee(self, length: str) -> Pence:
        return self.late_full_day if length == "full" else self.late_half_day

    def dna_fee(self, length: str) -> Pence:
        return self.dna_full_day if length == "full" else self.dna_half_day

    def last_free_day(self, session_date: dt.date) -> dt.date:
        """The last day a place can be cancelled without charge."""
        return session_date - dt.timedelta(days=self.late_window_days)

    def boundary_text(self, session_date: dt.date) -> str:
        """How the late-cancellation rule applies to one session, in words."""
        free = self.last_free_day(session_date)
        late = free + dt.timedelta(days=1)
        return (f"cancelling on or before {weekday_date(free)} is free; from {weekday_date(late)} "
                f"it is a late cancellation ({format_money(self.late_half_day)} half day, "
                f"{format_money(self.late_full_day)} full day)")

    def summary(self) -> str:
        fees = "; ".join(f"{c.name} {_fees(c.half_day, c.full_day)}" for c in self.categories)
        return (f"{fees}. Late cancellation (fewer than {self.late_window_days} days before the session) "
                f"{_fees(self.late_half_day, self.late_full_day)}; did not attend "
                f"{_fees(self.dna_half_day, self.dna_full_day)}; a substitute is free.")

    def to_json(self) -> dict:
        return {
            "categories": [{"name": c.name, "half_day_pence": c.half_day, "full_day_pence": c.full_day}
                           for c in self.categories],
            "late_window_days": self.late_window_days,
            "late_half_day_pence": self.late_half_day, "late_full_day_pence": self.late_full_day,
            "dna_half_day_pence": self.dna_half_day, "dna_full_day_pence": self.dna_full_day,
        }

    @classmethod
    def from_json(cls, data: dict) -> "ChargingPolicy":
        return cls(
            tuple(Category(c["name"], int(c["half_day_pence"]), int(c["full_day_pence"])) for c in data["categories"]),
            int(data["late_window_days"]),
            int(data["late_half_day_pence"]), int(data["late_full_day_pence"]),
            int(data["dna_half_day_pence"]), int(data["dna_full_day_pence"]),
        )

    def validated(self) -> "ChargingPolicy":
        names = [c.name.strip() for c in self.categories]
        if not names:
            raise InputError("The charging policy", "has no categories", "keep at least one (e.g. Partner)")
        if any(not name for name in names):
            raise InputError("A charging category", "has no name", "give every category a name")
        if len({name.casefold() for name in names}) != len(names):
            raise InputError("The charging policy", "names a category twice", "give each category its own name")
        amounts = [self.late_half_day, self.late_full_day, self.dna_half_day, self.dna_full_day]
        amounts += [fee for c in self.categories for fee in (c.half_day, c.full_day)]
        if any(amount < 0 for amount in amounts):
            raise InputError("A fee in the charging policy", "is negative", "write fees as 0 or more")
        if not 0 <= self.late_window_days <= 90:
            raise InputError(f"'{self.late_window_days} days'", "is not a sensible late-cancellation window",
                             "give a number of days from 0 to 90")
        return replace(self, categories=tuple(replace(c, name=c.name.strip()) for c in self.categories))


DEFAULT_POLICY = ChargingPolicy(
    categories=(Category(PARTNER, 0, 0), Category(VOLUNTARY, 0, 0), Category(PRIVATE, 3500, 5000),
                Category(OUT_OF_AREA, 5000, 10000)),
    late_window_days=7,
    late_half_day=3500, late_full_day=5000,
    dna_half_day=3500, dna_full_day=5000,
)


def _fees(half: Pence, full: Pence) -> str:
    if half == full == 0:
        return "free"
    return f"{format_money(half, pence_digits=False)} half day, {format_money(full, pence_digits=False)} full day"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_date(day: dt.date) -> str:
    """``Wednesday 10 Oct 2018`` (English day names whatever the computer's language)."""
    return f"{_WEEKDAYS[day.weekday()]} {format_date(day)}"


def get_policy(bf: BoardFile, board_id: int) -> ChargingPolicy:
    data = get_setting(bf, board_id, POLICY_KEY)
    return DEFAULT_POLICY if data is None else ChargingPolicy.from_json(data)


def set_policy(ed: Action, bf: BoardFile, board_id: int, policy: ChargingPolicy) -> None:
    """Save the board's policy; a category still given to an organisation cannot be removed."""
    policy = policy.validated()
    in_use = set(org_categories(bf, board_id).values())
    missing = sorted(in_use - set(policy.category_names))
    if missing:
        raise SGDeskError(f"the category '{missing[0]}' is given to organisations: give them another category "
                          "first, then remove it")
    set_setting(ed, bf, board_id, POLICY_KEY, policy.to_json())


def get_retention_years(bf: BoardFile, board_id: int) -> int:
    return int(get_setting(bf, board_id, RETENTION_KEY, DEFAULT_RETENTION_YEARS))


def set_retention_years(ed: Action, bf: BoardFile, board_id: int, years: int) -> None:
    if not 1 <= years <= 100:
        raise InputError(f"'{years} years'", "is not a retention period", "give a number of years from 1 to 100")
    set_setting(ed, bf, board_id, RETENTION_KEY, years)


def default_category(org_type: str | None) -> str:
    """The category of an organisation the board has not categorised: voluntary ones are voluntary and
    community, every other one a partner (organisations new to SG Desk through a booking get theirs set)."""
    return VOLUNTARY if org_type == "voluntary" else PARTNER


def org_categories(bf: BoardFile, board_id: int) -> dict[int, str]:
    """Every organisation's charging category for this board (set, or the default for its type)."""
    rows = bf.query("SELECT o.id, o.org_type, c.category FROM organisation o LEFT JOIN training_org_category c "
                    "ON c.organisation_id = o.id AND c.board_id = ?", (board_id,))
    return {row[0]: row[2] or default_category(row[1]) for row in rows}


def explicit_categories(bf: BoardFile, board_id: int) -> dict[int, str]:
    """The organisations whose category the board has set, and the category."""
    rows = bf.query("SELECT organisation_id, category FROM training_org_category WHERE board_id = ?", (board_id,))
    return {row[0]: row[1] for row in rows}


def set_org_category(ed: Action, bf: BoardFile, board_id: int, organisation_id: int, category: str) -> None:
    get_policy(bf, board_id).category(category)
    row_id = bf.scalar("SELECT id FROM training_org_category WHERE board_id = ? AND organisation_id = ?",
                       (board_id, organisation_id))
    if row_id is None:
        ed.insert("training_org_category", {"board_id": board_id, "organisation_id": organisation_id,
                                            "category": category})
    else:
        ed.update("training_org_category", row_id, {"category": category})


def add_booking_organisation(ed: Action, bf: BoardFile, board_id: int, name: str, category: str) -> int:
    """An organisation new to SG Desk through a booking, with its charging category set: its type
    is voluntary for the voluntary and community category, other for any other. Returns its id."""
    from sgdesk.organisations import add_organisation

    org_id = add_organisation(ed, name, org_type="voluntary" if category == VOLUNTARY else "other")
    set_org_category(ed, bf, board_id, org_id, category)
    return org_id


def parse_category(value: object, policy: ChargingPolicy) -> str:
    """A category name from the policy, read case-insensitively (with a few common other names)."""
    text = " ".join(str(value).split()).casefold()
    for name in policy.category_names:
        if name.casefold() == text:
            return name
    alias = _CATEGORY_ALIASES.get(text)
    if alias in policy.category_names:
        return alias
    raise InputError(f"'{value}'", "is not a charging category", f"use one of: {', '.join(policy.category_names)}")
