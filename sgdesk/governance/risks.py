"""The risk register: risks scored likelihood x impact (each 1-5), before controls (inherent) and after
them (residual), RAG-banded, with controls, mitigating actions and a review at each meeting.

Each review keeps the residual scores it gave, so the register shows the trend from one review
to the next (:data:`RISING` ↑, :data:`FALLING` ↓, :data:`STEADY` →). The RAG bands are the
board's own (:func:`get_bands`; by default 1-4 green, 5-12 amber, 15-25 red).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sgdesk.boards import get_setting, set_setting
from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError, quoted
from sgdesk.governance.actions import body_names
from sgdesk.governance.rag import LABELS
from sgdesk.governance.text import clean, edited
from sgdesk.membership.bodies import body_key
from sgdesk.membership.cells import stored_date
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

BANDS_KEY = "risk_bands"
LEVELS = (1, 2, 3, 4, 5)
#: every score likelihood x impact can make
SCORES = tuple(sorted({likelihood * impact for likelihood in LEVELS for impact in LEVELS}))
RISING, FALLING, STEADY, NEW = "\u2191", "\u2193", "\u2192", "new"
TREND_WORDS = {RISING: "rising", FALLING: "falling", STEADY: "unchanged", NEW: "new"}
#: a review without a next review date sets it this many months on
REVIEW_MONTHS = 3
STATUSES = ("open", "closed")
EDITABLE = frozenset({"title", "description", "owner_organisation_id", "category", "controls", "review_on",
                      "inherent_likelihood", "inherent_impact", "subgroup_id"})
_LEVEL_WORDS = {
    "rare": 1, "very unlikely": 1, "unlikely": 2, "possible": 3, "likely": 4, "almost certain": 5, "certain": 5,
    "insignificant": 1, "negligible": 1, "minor": 2, "moderate": 3, "major": 4, "significant": 4,
    "catastrophic": 5, "severe": 5, "extreme": 5, "critical": 5,
    "very low": 1, "low": 2, "medium": 3, "high": 4, "very high": 5,
}


def parse_level(value: Any) -> int:
    """A likelihood or impact: ``1`` to ``5``, ``3.0``, or a word (``Rare`` ... ``Almost certain``,
    ``Minor`` ... ``Catastrophic``, ``Very low`` ... ``Very high``).

    >>> parse_level("4"), parse_level(2.0), parse_level("Almost certain"), parse_level("Moderate")
    (4, 2, 5, 3)
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).replace("-", " ").split()).casefold()
    if re.fullmatch(r"[1-5](\.0+)?", text):
        return int(float(text))
    if text in _LEVEL_WORDS:
        return _LEVEL_WORDS[text]
    raise InputError(quoted(value), "is not a likelihood or impact", "write a whole number from 1 to 5")


@dataclass(frozen=True)
class Bands:
    """The lowest scores rated amber and red; lower scores are green."""

    amber_from: int = 5
    red_from: int = 15

    def __post_init__(self) -> None:
        if not 2 <= self.amber_from < self.red_from <= 25:
            raise InputError(f"Amber from {self.amber_from}, red from {self.red_from}", "are not risk bands",
                             "give amber a lower score than red, both from 2 to 25")

    def rag(self, score: int) -> str:
        return "red" if score >= self.red_from else "amber" if score >= self.amber_from else "green"

    def scores(self, rag: str) -> list[int]:
        """The scores likelihood x impact can make that fall in ``rag``'s band."""
        return [score for score in SCORES if self.rag(score) == rag]

    def describe(self) -> str:
        """``1-4 green, 5-12 amber, 15-25 red`` (the scores each band can hold).

        >>> Bands().describe()
        '1-4 green, 5-12 amber, 15-25 red'
        """
        parts = []
        for rag in ("green", "amber", "red"):
            held = self.scores(rag)
            if held:
                span = f"{held[0]}-{held[-1]}" if len(held) > 1 else str(held[0])
                parts.append(f"{span} {rag}")
        return ", ".join(parts)


def get_bands(bf: BoardFile, board_id: int) -> Bands:
    stored = get_setting(bf, board_id, BANDS_KEY)
    return Bands(**stored) if stored else Bands()


def set_bands(ed: Action, bf: BoardFile, board_id: int, bands: Bands) -> None:
    set_setting(ed, bf, board_id, BANDS_KEY, {"amber_from": bands.amber_from, "red_from": bands.red_from})


def trend(scores: Sequence[int]) -> str:
    """How the last score compares with the one before: ↑ higher (worse), ↓ lower, → the same.

    >>> trend([12]), trend([12, 16]), trend([16, 16, 9]), trend([9, 9])
    ('new', '↑', '↓', '→')
    """
    if len(scores) < 2:
        return NEW if scores else ""
    last, before = scores[-1], scores[-2]
    return RISING if last > before else FALLING if last < before else STEADY


def months_on(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter).

    >>> months_on(dt.date(2018, 11, 30), 3)
    datetime.date(2019, 2, 28)
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- reading ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Review:
    """One review of a risk, perhaps at a meeting: the residual likelihood and impact it gave, and a note."""

    id: int
    risk_id: int
    reviewed_on: dt.date
    meeting_id: int | None
    meeting_on: dt.date | None
    likelihood: int
    impact: int
    note: str | None

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class Risk:
    """A risk on the register, scored before and after its controls, with its reviews and mitigating actions."""

    id: int
    board_id: int
    reference: str
    subgroup_id: int | None
    body_name: str
    title: str
    description: str | None
    owner_organisation_id: int
    owner: str
    category: str | None
    inherent_likelihood: int
    inherent_impact: int
    controls: str | None
    identified_on: dt.date
    review_on: dt.date | None
    status: str
    closed_on: dt.date | None
    reviews: tuple[Review, ...] = ()
    action_ids: tuple[int, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def body_key(self) -> str:
        return body_key(self.subgroup_id)

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def latest(self) -> Review | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def residual_likelihood(self) -> int:
        return self.latest.likelihood if self.latest else self.inherent_likelihood

    @property
    def residual_impact(self) -> int:
        return self.latest.impact if self.latest else self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact

    @property
    def trend(self) -> str:
        return trend([review.score for review in self.reviews])

    @property
    def last_reviewed(self) -> dt.date | None:
        return self.latest.reviewed_on if self.latest else None

    def review_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.review_on is not None and self.review_on < today


def _review(row: Any) -> Review:
    return Review(row["id"], row["risk_id"], dt.date.fromisoformat(row["reviewed_on"]), row["meeting_id"],
                  stored_date(row["meets_on"]), row["likelihood"], row["impact"], row["note"])


def list_risks(bf: BoardFile, board_id: int, *, as_at: dt.date | None = None) -> list[Risk]:
    """The board's risks with their reviews, in order of reference; ``as_at`` gives the register as it stood
    at the end of that day (risks identified by then, their reviews by then, closed only if closed by then)."""
    names = body_names(bf, board_id)
    reviews: dict[int, list[Review]] = {}
    for row in bf.query("SELECT v.*, m.meets_on FROM risk_review v LEFT JOIN meeting m ON m.id = v.meeting_id "
                        "JOIN risk r ON r.id = v.risk_id WHERE r.board_id = ? ORDER BY v.reviewed_on, v.id",
                        (board_id,)):
        review = _review(row)
        if as_at is None or review.reviewed_on <= as_at:
            reviews.setdefault(review.risk_id, []).append(review)
    links: dict[int, list[int]] = {}
    for risk_id, action_id in bf.query("SELECT l.risk_id, l.action_id FROM risk_action l JOIN risk r ON "
                                       "r.id = l.risk_id WHERE r.board_id = ? ORDER BY l.id", (board_id,)):
        links.setdefault(risk_id, []).append(action_id)
    risks = []
    for row in bf.query("SELECT r.*, coalesce(o.short_name, o.name) AS owner_name FROM risk r JOIN organisation o "
                        "ON o.id = r.owner_organisation_id WHERE r.board_id = ? ORDER BY r.reference", (board_id,)):
        risk = Risk(row["id"], board_id, row["reference"], row["subgroup_id"], names.get(row["subgroup_id"], ""),
                    row["title"], row["description"], row["owner_organisation_id"], row["owner_name"],
                    row["category"], row["inherent_likelihood"], row["inherent_impact"], row["controls"],
                    dt.date.fromisoformat(row["identified_on"]), stored_date(row["review_on"]), row["status"],
                    stored_date(row["closed_on"]), tuple(reviews.get(row["id"], ())), tuple(links.get(row["id"], ())))
        if as_at is not None:
            if risk.identified_on > as_at:
                continue
            if risk.closed_on is not None and risk.closed_on > as_at:
                risk = replace(risk, status="open", closed_on=None)
        risks.append(risk)
    return risks


def get_risk(bf: BoardFile, risk_id: int) -> Risk:
    board_id = bf.scalar("SELECT board_id FROM risk WHERE id = ?", (risk_id,))
    found = [risk for risk in list_risks(bf, board_id) if risk.id == risk_id] if board_id else []
    if not found:
        raise SGDeskError(f"risk {risk_id} no longer exists: refresh and try again")
    return found[0]


def find_risk(bf: BoardFile, board_id: int, reference: str) -> int | None:
    return bf.scalar("SELECT id FROM risk WHERE board_id = ? AND reference = ?", (board_id, reference.strip()))


def by_residual(risks: Sequence[Risk]) -> list[Risk]:
    """Highest residual score first, then highest inherent, then by reference."""
    return sorted(risks, key=lambda r: (-r.residual_score, -r.inherent_score, r.reference.casefold()))


# -- the heat map -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class HeatMap:
    """Open risks placed by residual likelihood and impact: (likelihood, impact) -> references."""

    cells: dict[tuple[int, int], tuple[str, ...]]
    bands: Bands

    def count(self, likelihood: int, impact: int) -> int:
        return len(self.cells.get((likelihood, impact), ()))

    @property
    def total(self) -> int:
        return sum(len(refs) for refs in self.cells.values())

    def alt_text(self, title: str) -> str:
        """What the heat map shows, in words, for a reader who cannot see it."""
        if not self.total:
            return f"{title}: no open risks to place on the 5 by 5 grid of likelihood and impact."
        parts = [(f"{title}: {_risks(self.total)} on a 5 by 5 grid of residual likelihood (1 to 5, across) "
                  "and impact (1 to 5, up).")]
        for rag in ("red", "amber", "green"):
            placed = sorted(((likelihood * impact, likelihood, impact, ref)
                             for (likelihood, impact), refs in self.cells.items() for ref in refs
                             if self.bands.rag(likelihood * impact) == rag), key=lambda p: (-p[0], p[3]))
            if placed:
                scores = self.bands.scores(rag)
                listed = "; ".join(f"{ref} likelihood {likelihood}, impact {impact}, score {score}"
                                   for score, likelihood, impact, ref in placed)
                parts.append(f"{LABELS[rag]} (score {scores[0]} to {scores[-1]}): {_risks(len(placed))}, {listed}.")
        return " ".join(parts)


def _risks(n: int) -> str:
    return f"{n} risk{'s' if n != 1 else ''}"


def heat_map(risks: Sequence[Risk], bands: Bands) -> HeatMap:
    cells: dict[tuple[int, int], list[str]] = {}
    for risk in by_residual([r for r in risks if r.is_open]):
        cells.setdefault((risk.residual_likelihood, risk.residual_impact), []).append(risk.reference)
    return HeatMap({key: tuple(refs) for key, refs in cells.items()}, bands)


# -- writing ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RiskDetails:
    """A risk as someone types it or an import gives it: its wording, owner and scores before and after controls."""

    title: str
    owner_organisation_id: int
    inherent_likelihood: int
    inherent_impact: int
    residual_likelihood: int
    residual_impact: int
    description: str | None = None
    category: str | None = None
    controls: str | None = None
    review_on: dt.date | None = None
    subgroup_id: int | None = None
    reference: str | None = None



def _check_levels(*levels: int) -> None:
    for level in levels:
        if level not in LEVELS:
            raise InputError(quoted(level), "is not a likelihood or impact", "give a whole number from 1 to 5")


def next_risk_reference(bf: BoardFile, board_id: int) -> str:
    numbers = [int(m[1]) for (ref,) in bf.query("SELECT reference FROM risk WHERE board_id = ?", (board_id,))
               if (m := re.fullmatch(r"R0*([0-9]+)", ref, re.IGNORECASE))]
    return f"R{max(numbers, default=0) + 1:02d}"


def add_risk(ed: Action, bf: BoardFile, board_id: int, details: RiskDetails, *, identified_on: dt.date,
             meeting_id: int | None = None) -> int:
    """Put a risk on the register; its first review is the residual scoring it is identified with."""
    title = clean(details.title)
    if title is None:
        raise InputError("The risk", "has no title", "say in a few words what could go wrong")
    _check_levels(details.inherent_likelihood, details.inherent_impact, details.residual_likelihood,
                  details.residual_impact)
    reference = clean(details.reference) or next_risk_reference(bf, board_id)
    if find_risk(bf, board_id, reference) is not None:
        raise InputError(f"'{reference}'", "is already a risk's reference", "give another, or leave it blank")
    risk_id = ed.insert("risk", {
        "board_id": board_id, "reference": reference, "subgroup_id": details.subgroup_id, "title": title,
        "description": clean(details.description), "owner_organisation_id": details.owner_organisation_id,
        "category": clean(details.category), "inherent_likelihood": details.inherent_likelihood,
        "inherent_impact": details.inherent_impact, "controls": clean(details.controls),
        "identified_on": identified_on, "review_on": details.review_on or months_on(identified_on, REVIEW_MONTHS)})
    ed.insert("risk_review", {"risk_id": risk_id, "reviewed_on": identified_on, "meeting_id": meeting_id,
                              "likelihood": details.residual_likelihood, "impact": details.residual_impact,
                              "note": "Identified"})
    return risk_id


def review_risk(ed: Action, bf: BoardFile, risk_id: int, likelihood: int, impact: int, *, reviewed_on: dt.date,
                meeting_id: int | None = None, note: str | None = None,
                next_review_on: dt.date | None = None) -> int:
    """Record a review's residual scores (at ``meeting_id``, if given) and set the next review date.

    A second review at the same meeting replaces the first one's scores.
    """
    risk = get_risk(bf, risk_id)
    if not risk.is_open:
        raise InputError(risk.reference, "is closed", "reopen it before reviewing it")
    _check_levels(likelihood, impact)
    if reviewed_on < risk.identified_on:
        raise InputError(f"'{format_date(reviewed_on)}'", f"is before {risk.reference} was identified "
                         f"({format_date(risk.identified_on)})", "date the review on or after that")
    if next_review_on is not None and next_review_on <= reviewed_on:
        raise InputError(f"'{format_date(next_review_on)}'", "is not after the review", "give a later next review date")
    values = {"reviewed_on": reviewed_on, "likelihood": likelihood, "impact": impact, "note": clean(note)}
    earlier = next((r for r in risk.reviews if meeting_id is not None and r.meeting_id == meeting_id), None)
    if earlier is not None:
        ed.update("risk_review", earlier.id, values)
        review_id = earlier.id
    else:
        review_id = ed.insert("risk_review", {"risk_id": risk_id, "meeting_id": meeting_id, **values})
    latest = max([reviewed_on, *(r.reviewed_on for r in risk.reviews)])
    if reviewed_on == latest:
        ed.update("risk", risk_id, {"review_on": next_review_on or months_on(reviewed_on, REVIEW_MONTHS)})
    return review_id


def update_risk(ed: Action, bf: BoardFile, risk_id: int, values: dict[str, Any]) -> bool:
    cleaned = edited(values, EDITABLE, {
        "title": InputError("The risk", "has no title", "say in a few words what could go wrong"),
        "owner_organisation_id": InputError("The owner", "is empty", "choose the organisation that owns the risk")})
    _check_levels(*(cleaned[key] for key in ("inherent_likelihood", "inherent_impact") if key in cleaned))
    get_risk(bf, risk_id)
    return ed.update("risk", risk_id, cleaned)


def set_risk_status(ed: Action, bf: BoardFile, risk_id: int, status: str, *, on: dt.date | None) -> bool:
    """Close the risk on ``on``, or reopen it (``status`` "open")."""
    risk = get_risk(bf, risk_id)
    text = str(status).strip().casefold()
    if text not in STATUSES:
        raise InputError(quoted(status), "is not a risk status", "write Open or Closed")
    if text == risk.status:
        return False
    if text == "closed":
        if on is None:
            raise InputError(risk.reference, "is closed without a date", "give the date it was closed")
        if on < risk.identified_on:
            raise InputError(f"'{format_date(on)}'", f"is before {risk.reference} was identified", "give a later date")
    ed.update("risk", risk_id, {"status": text, "closed_on": on if text == "closed" else None})
    return True


def link_action(ed: Action, bf: BoardFile, risk_id: int, action_id: int) -> bool:
    """Make an action one of the risk's mitigating actions; False if it already is."""
    board = bf.scalar("SELECT board_id FROM risk WHERE id = ?", (risk_id,))
    if board != bf.scalar("SELECT board_id FROM board_action WHERE id = ?", (action_id,)):
        raise InputError("That action", "is not in this board's action log", "choose one of the board's actions")
    if bf.scalar("SELECT 1 FROM risk_action WHERE risk_id = ? AND action_id = ?", (risk_id, action_id)):
        return False
    ed.insert("risk_action", {"risk_id": risk_id, "action_id": action_id})
    return True


def unlink_action(ed: Action, bf: BoardFile, risk_id: int, action_id: int) -> None:
    row_id = bf.scalar("SELECT id FROM risk_action WHERE risk_id = ? AND action_id = ?", (risk_id, action_id))
    if row_id is not None:
        ed.delete("risk_action", row_id)


def delete_risk(ed: Action, bf: BoardFile, risk_id: int) -> None:
    """Remove a risk with its reviews and action links (all restored by undo)."""
    for table in ("risk_review", "risk_action"):
        for (row_id,) in bf.query(f"SELECT id FROM {table} WHERE risk_id = ?", (risk_id,)):
            ed.delete(table, row_id)
    ed.delete("risk", risk_id)
