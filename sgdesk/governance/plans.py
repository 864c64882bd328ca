"""Business plan progress: a plan's objectives for its period, each with its outcome measure and lead,
and dated, RAG-rated progress updates that the annual report draws on.

Objectives keep the board's own numbering (``1`` to ``12``, ``A`` to ``F``...) and sort by it
naturally. An update carries the evidence the annual report sets out (seed 001 section 2):
progress in words, and optionally quantitative and qualitative data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError, quoted
from sgdesk.fyear import FinancialYear, Period
from sgdesk.governance.rag import RAGS
from sgdesk.governance.text import clean
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

_SPAN = re.compile(r"(?P<first>[0-9]{4})\s*(?:[-/\u2013]|to)\s*(?P<last>[0-9]{2}|[0-9]{4})")


def parse_plan_period(value: Any) -> Period:
    """A plan period as boards write it: ``2016-19``, ``2016/17``, ``2016-2019``, ``2016 to 2019``:
    from 1 April of the first year to 31 March of the last.

    >>> parse_plan_period("2016-19")
    Period(start=datetime.date(2016, 4, 1), end=datetime.date(2019, 3, 31))
    """
    text = " ".join(str(value).split()).casefold()
    match = _SPAN.fullmatch(text)
    if match:
        first = int(match["first"])
        last = int(match["last"]) if len(match["last"]) == 4 else (first // 100) * 100 + int(match["last"])
        if last < first:
            last += 100
        if first < last <= first + 10:
            return Period(FinancialYear(first).start, FinancialYear(last - 1).end)
    raise InputError(quoted(value), "is not a plan period", "write it as 2016-19 (April 2016 to March 2019)")


def period_label(period: Period) -> str:
    """``2016-19`` for a plan from April 2016 to March 2019; other spans as dates."""
    first, last = FinancialYear.containing(period.start), FinancialYear.containing(period.end)
    if period.start == first.start and period.end == last.end:
        return f"{first.start_year}-{str(last.start_year + 1)[-2:]}"
    return period.label


def number_key(number: str) -> tuple:
    """Sort ``2`` before ``10`` and ``3.2`` after ``3``: numbers as numbers, letters as letters.

    >>> sorted(["10", "2", "A", "3.2", "3"], key=number_key)
    ['2', '3', '3.2', '10', 'A']
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.findall(r"[0-9]+|[^0-9.\s]+", number))


@dataclass(frozen=True)
class Plan:
    """A board's business plan for a period."""

    id: int
    board_id: int
    title: str
    period: Period

    @property
    def label(self) -> str:
        return period_label(self.period)


@dataclass(frozen=True)
class PlanUpdate:
    """A dated, RAG-rated update on an objective's progress, with any quantitative and qualitative evidence."""

    id: int
    objective_id: int
    made_on: dt.date
    meeting_id: int | None
    rag: str
    progress: str
    quantitative: str | None
    qualitative: str | None


@dataclass(frozen=True)
class Objective:
    """An objective of a business plan, in the board's own numbering, with its outcome measure, lead and updates."""

    id: int
    plan_id: int
    number: str
    priority: str
    outcome: str | None
    lead_subgroup_id: int | None
    lead_organisation_id: int | None
    lead: str | None
    updates: tuple[PlanUpdate, ...] = ()

    def updates_in(self, period: Period | None) -> list[PlanUpdate]:
        return [u for u in self.updates if period is None or period.contains(u.made_on)]

    def latest(self, by: dt.date | None = None) -> PlanUpdate | None:
        """The latest update made by ``by`` (any, without it)."""
        made = [u for u in self.updates if by is None or u.made_on <= by]
        return made[-1] if made else None


def _plan(row: Any) -> Plan:
    return Plan(row["id"], row["board_id"], row["title"],
                Period(dt.date.fromisoformat(row["starts_on"]), dt.date.fromisoformat(row["ends_on"])))


def list_plans(bf: BoardFile, board_id: int) -> list[Plan]:
    """The board's plans, latest first."""
    return [_plan(row) for row in bf.query("SELECT * FROM plan WHERE board_id = ? ORDER BY starts_on DESC, id DESC",
                                           (board_id,))]


def get_plan(bf: BoardFile, plan_id: int) -> Plan:
    row = bf.query_one("SELECT * FROM plan WHERE id = ?", (plan_id,))
    if row is None:
        raise SGDeskError(f"business plan {plan_id} no longer exists: refresh and try again")
    return _plan(row)


def plan_for(bf: BoardFile, board_id: int, period: Period | None = None, day: dt.date | None = None) -> Plan | None:
    """The plan covering ``day``, or the latest one overlapping ``period`` (the latest plan with neither)."""
    for plan in list_plans(bf, board_id):
        if day is not None and plan.period.contains(day):
            return plan
        if day is None and (period is None or (plan.period.start <= period.end and period.start <= plan.period.end)):
            return plan
    return None


def list_objectives(bf: BoardFile, plan_id: int) -> list[Objective]:
    """The plan's objectives in the board's numbering, each with its updates (oldest first)."""
    updates: dict[int, list[PlanUpdate]] = {}
    for row in bf.query("SELECT u.* FROM plan_update u JOIN plan_objective o ON o.id = u.objective_id "
                        "WHERE o.plan_id = ? ORDER BY u.made_on, u.id", (plan_id,)):
        updates.setdefault(row["objective_id"], []).append(PlanUpdate(
            row["id"], row["objective_id"], dt.date.fromisoformat(row["made_on"]), row["meeting_id"], row["rag"],
            row["progress"], row["quantitative"], row["qualitative"]))
    rows = bf.query("SELECT o.*, coalesce(s.short_name, s.name, g.short_name, g.name) AS lead FROM plan_objective o "
                    "LEFT JOIN subgroup s ON s.id = o.lead_subgroup_id "
                    "LEFT JOIN organisation g ON g.id = o.lead_organisation_id WHERE o.plan_id = ?", (plan_id,))
    objectives = [Objective(r["id"], r["plan_id"], r["number"], r["priority"], r["outcome"], r["lead_subgroup_id"],
                            r["lead_organisation_id"], r["lead"], tuple(updates.get(r["id"], ()))) for r in rows]
    return sorted(objectives, key=lambda o: number_key(o.number))


def find_objective(bf: BoardFile, plan_id: int, number: str) -> int | None:
    return bf.scalar("SELECT id FROM plan_objective WHERE plan_id = ? AND number = ?", (plan_id, number.strip()))


def objective_plan(bf: BoardFile, objective_id: int) -> int | None:
    """The plan objective ``objective_id`` belongs to (None when it no longer exists)."""
    return bf.scalar("SELECT plan_id FROM plan_objective WHERE id = ?", (objective_id,))


def add_plan(ed: Action, bf: BoardFile, board_id: int, period: Period, title: str | None = None) -> int:
    """A business plan for ``period``, titled "Business Plan 2016-19" unless ``title`` says otherwise."""
    title = clean(title) or f"Business Plan {period_label(period)}"
    if bf.scalar("SELECT 1 FROM plan WHERE board_id = ? AND title = ?", (board_id, title)):
        raise InputError(f"'{title}'", "is already a business plan of this board", "give the plan another title")
    return ed.insert("plan", {"board_id": board_id, "title": title, "starts_on": period.start,
                              "ends_on": period.end})


@dataclass(frozen=True)
class ObjectiveDetails:
    """An objective as someone types it or an import gives it: its number, wording, outcome measure and lead."""

    number: str
    priority: str
    outcome: str | None = None
    lead_subgroup_id: int | None = None
    lead_organisation_id: int | None = None

    def values(self) -> dict[str, Any]:
        number, priority = clean(self.number), clean(self.priority)
        if number is None:
            raise InputError("The objective", "has no number", "number it as the plan does (1, 2, A...)")
        if priority is None:
            raise InputError(f"Objective {number}", "has no wording", "type the objective as the plan words it")
        if self.lead_subgroup_id is not None and self.lead_organisation_id is not None:
            raise InputError(f"Objective {number}", "has two leads", "give a lead sub-group or a lead organisation")
        return {"number": number, "priority": priority, "outcome": clean(self.outcome),
                "lead_subgroup_id": self.lead_subgroup_id, "lead_organisation_id": self.lead_organisation_id}


def add_objective(ed: Action, bf: BoardFile, plan_id: int, details: ObjectiveDetails) -> int:
    values = details.values()
    if find_objective(bf, plan_id, values["number"]) is not None:
        raise InputError(f"Objective {values['number']}", "is already in the plan", "give it another number")
    position = bf.scalar("SELECT coalesce(max(position), 0) + 1 FROM plan_objective WHERE plan_id = ?", (plan_id,))
    return ed.insert("plan_objective", {"plan_id": plan_id, "position": position, **values})


def update_objective(ed: Action, bf: BoardFile, objective_id: int, details: ObjectiveDetails) -> bool:
    values = details.values()
    plan_id = bf.scalar("SELECT plan_id FROM plan_objective WHERE id = ?", (objective_id,))
    if plan_id is None:
        raise SGDeskError(f"objective {objective_id} no longer exists: refresh and try again")
    other = find_objective(bf, plan_id, values["number"])
    if other is not None and other != objective_id:
        raise InputError(f"Objective {values['number']}", "is already in the plan", "give it another number")
    return ed.update("plan_objective", objective_id, values)


def add_plan_update(ed: Action, bf: BoardFile, objective_id: int, *, made_on: dt.date, rag: str, progress: str,
                    quantitative: str | None = None, qualitative: str | None = None,
                    meeting_id: int | None = None) -> int:
    """A dated, RAG-rated progress update on an objective."""
    if rag not in RAGS:
        raise InputError(quoted(rag), "is not a RAG rating", "use red, amber or green")
    text = clean(progress)
    if text is None:
        raise InputError("The update", "is empty", "say what progress has been made")
    plan_id = bf.scalar("SELECT plan_id FROM plan_objective WHERE id = ?", (objective_id,))
    if plan_id is None:
        raise SGDeskError(f"objective {objective_id} no longer exists: refresh and try again")
    plan = get_plan(bf, plan_id)
    if made_on < plan.period.start:
        raise InputError(f"'{format_date(made_on)}'", f"is before the plan starts ({format_date(plan.period.start)})",
                         "date the update within the plan's period or after it")
    return ed.insert("plan_update", {"objective_id": objective_id, "made_on": made_on, "meeting_id": meeting_id,
                                     "rag": rag, "progress": text, "quantitative": clean(quantitative),
                                     "qualitative": clean(qualitative)})


def delete_objective(ed: Action, bf: BoardFile, objective_id: int) -> None:
    """Remove an objective with its updates; actions serving it stay, unlinked (undo restores all)."""
    for (row_id,) in bf.query("SELECT id FROM plan_update WHERE objective_id = ?", (objective_id,)):
        ed.delete("plan_update", row_id)
    for (row_id,) in bf.query("SELECT id FROM board_action WHERE objective_id = ?", (objective_id,)):
        ed.update("board_action", row_id, {"objective_id": None})
    ed.delete("plan_objective", objective_id)


@dataclass(frozen=True)
class ObjectiveProgress:
    """An objective's progress over a period: its rating at the end of it, and the updates made in it."""

    objective: Objective
    rag: str | None
    updates: tuple[PlanUpdate, ...]


def progress(objectives: Sequence[Objective], period: Period | None) -> list[ObjectiveProgress]:
    by = period.end if period else None
    found = []
    for objective in objectives:
        latest = objective.latest(by)
        found.append(ObjectiveProgress(objective, latest.rag if latest else None,
                                       tuple(objective.updates_in(period) if period else objective.updates)))
    return found
