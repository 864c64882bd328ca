"""Import kinds ``actions``, ``risks`` and ``business-plan``: the logs business units keep in Word tables
and spreadsheets, with their messy dates, status words and owners, read row by row.

A row whose reference (or objective number) is already in the board updates that record the way
the app would: a new due date is a move kept in the history, a new status is dated, a new update
is added, new scores are a review. Any bad row is named and then nothing is imported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sgdesk.dates import format_date, parse_date, parse_month
from sgdesk.errors import InputError, quoted
from sgdesk.fyear import Period
from sgdesk.governance.actions import (
    ActionDetails,
    add_action,
    add_progress,
    carry_action,
    find_action,
    get_action,
    move_due,
    parse_action_status,
    parse_owner,
    parse_source,
    set_status,
    update_action,
)
from sgdesk.governance.plans import (
    ObjectiveDetails,
    add_objective,
    add_plan,
    find_objective,
    list_plans,
    parse_plan_period,
    plan_for,
    update_objective,
)
from sgdesk.governance.rag import label, parse_rag
from sgdesk.governance.risks import (
    RiskDetails,
    add_risk,
    find_risk,
    get_bands,
    get_risk,
    link_action,
    parse_level,
    review_risk,
    set_risk_status,
    update_risk,
)
from sgdesk.importing.framework import (
    Column,
    FirstRows,
    ImportKind,
    ImportSummary,
    ParsedRow,
    Problem,
)
from sgdesk.membership.bodies import Body, list_subgroups
from sgdesk.membership.cells import parse_text
from sgdesk.membership.importers import BODY_COLUMN, organisation_problem, resolve_body
from sgdesk.membership.meetings import list_meetings, meetings_on
from sgdesk.membership.seats import find_person, person_for
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

#: due dates that mean "no date yet"
_NO_DATE = frozenset({"ongoing", "tbc", "tba", "to be confirmed", "n/a", "na", "-", "none", "asap"})
_NEXT_MEETING = frozenset({"next meeting", "next board", "next board meeting", "next mtg"})


@dataclass(frozen=True)
class DueDate:
    """A due date as written: a day, a month (due by its last day), the next meeting, or none yet."""

    day: dt.date | None
    next_meeting: bool = False


def parse_due(value: Any) -> DueDate:
    """``30/06/2018``, ``June 2018`` (its last day), ``Next meeting``, or ``Ongoing`` / ``TBC`` for none.

    >>> parse_due("June 2018"), parse_due("next meeting").next_meeting, parse_due("TBC").day
    (DueDate(day=datetime.date(2018, 6, 30), next_meeting=False), True, None)
    """
    text = " ".join(str(value).split()).casefold().rstrip(".")
    if text in _NO_DATE:
        return DueDate(None)
    if text in _NEXT_MEETING:
        return DueDate(None, next_meeting=True)
    try:
        return DueDate(parse_date(value))
    except InputError:
        pass
    try:
        first = parse_month(value)
    except InputError:
        raise InputError(quoted(value), "is not a due date",
                         "write a date (30/06/2018), a month (June 2018), Next meeting, or Ongoing") from None
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return DueDate(following - dt.timedelta(days=1))


def _owner(bf: BoardFile, row: ParsedRow, on: dt.date | None, source: str,
           problems: list[Problem]) -> tuple[int | None, str | None]:
    organisation, person = row["owner"]
    org_id = find_organisation(bf, organisation, on=on)
    if org_id is None:
        problems.append(organisation_problem(bf, organisation, source, row.number, row.header("owner", "Owner")))
    return org_id, person


def tally(summary: ImportSummary, what: str, changed: bool) -> None:
    """Count a record already in the board: updated, or skipped when the row changed nothing."""
    if changed:
        summary.count(what, "updated")
    else:
        summary.skipped += 1


# -- ``actions`` ------------------------------------------------------------------------------------
@dataclass
class _ActionRow:
    """One row of an imported action log, read and checked: a new action, or an update to the one already in the
    board (``existing``)."""

    row: ParsedRow
    body: Body
    meeting_id: int | None
    raised_on: dt.date
    source: str
    source_ref: str | None
    owner_id: int
    person: str | None
    due_on: dt.date | None
    status: str
    closed_on: dt.date | None
    objective_id: int | None
    update_on: dt.date
    existing: int | None


class ActionsImport(ImportKind):
    name = "actions"
    title = "action log"
    description = ("An action log kept in a spreadsheet or Word table: one row per action. A new action gets the "
                   "next reference of the board's sequence unless the row gives one; a row whose reference is "
                   "already in the log updates that action (a new due date is kept as a move in its history, a new "
                   "status is dated, a new update is added). An action from a meeting needs a meeting of its body "
                   "on the meeting date; one from a case review, audit or inspection says so in Source. RAG is "
                   "worked out from the due dates, so a RAG column is checked but not stored.")
    columns = (
        Column("reference", "Reference", "the action's reference (blank: the next in the board's sequence)",
               parse=parse_text, required=False, aliases=("Ref", "Ref no", "Action ref", "Action no", "No", "ID"),
               example="B-2018-014"),
        BODY_COLUMN,
        Column("raised_on", "Meeting date", "the date of the meeting it arose at (or the date it was raised)",
               parse=parse_date, aliases=("Meeting", "Date of meeting", "Date raised", "Raised", "Date agreed",
                                          "Date"), example="05/06/2018"),
        Column("source", "Source", "Meeting (blank), or Case review, Audit or Inspection and which one",
               parse=parse_source, required=False, aliases=("Arising from", "From", "Origin"),
               example="Case review: LCSPR Child F"),
        Column("agenda_item", "Agenda item", "the agenda item or minute it arose under", parse=parse_text,
               required=False, aliases=("Item", "Agenda", "Minute", "Minute ref"), example="Private Fostering Report"),
        Column("text", "Action", "what is to be done", parse=parse_text,
               aliases=("Action required", "Action agreed", "Actions", "Description"),
               example="Circulate the private fostering awareness leaflet to all schools"),
        Column("owner", "Owner", "the organisation that owns it, with the person in brackets if you like",
               parse=parse_owner, aliases=("Lead", "Action owner", "Responsible", "Who", "Lead agency", "By whom"),
               example="Southend Borough Council (Marcus Ellingham)"),
        Column("due", "Due", "a date, a month (due by its end), Next meeting, or blank/Ongoing for none yet",
               parse=parse_due, required=False, aliases=("Due date", "By when", "Deadline", "Target date", "Due by"),
               example="30/09/2018"),
        Column("status", "Status", "Open, Done, Dropped or Superseded (Complete, In progress, No longer required... "
               "are read too; blank: Open, or Done when a date done is given)", parse=parse_action_status,
               required=False, aliases=("Action status", "Progress status", "State"), example="Open"),
        Column("closed_on", "Date done", "the date it was done (needed for Done), dropped or superseded",
               parse=parse_date, required=False, aliases=("Done on", "Date completed", "Completed on", "Closed",
                                                          "Date closed"), example=""),
        Column("update", "Update", "the latest progress, in words", parse=parse_text, required=False,
               aliases=("Progress", "Progress update", "Latest update", "Comments", "Notes", "Update/comments"),
               example="Leaflet agreed at the Executive; printing under way"),
        Column("update_on", "Update date", "the date of that update (blank: the day of the import)",
               parse=parse_date, required=False, aliases=("Last updated", "Date updated", "Updated"),
               example="25/09/2018"),
        Column("objective", "Objective", "the number of the business plan objective it serves", parse=parse_text,
               required=False, aliases=("Business plan objective", "Plan objective", "Objective no"), example="5"),
        Column("rag", "RAG", "optional: checked against the due date, not stored", parse=parse_rag, required=False,
               aliases=("RAG status", "RAG rating"), example=""),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[_ActionRow]:
        today = dt.date.today()
        references = FirstRows(source, problems)
        planned = []
        for row in rows:
            body = resolve_body(bf, board_id, row, source, problems)
            if row["reference"]:
                references.is_repeat(row["reference"].casefold(), row.number, row.header("reference", "Reference"), row["reference"],
                                     "is listed twice", "give each action its own reference")
            kind, detail = row["source"] or ("meeting", None)
            raised = row["raised_on"]
            owner_id, person = _owner(bf, row, raised, source, problems)
            if body is None or raised is None:
                continue
            meeting_id = self._meeting(bf, body, raised, kind, source, row, problems)
            due = self._due(bf, body, raised, row, source, problems)
            status, closed_on = self._status(row, raised, source, problems)
            if due is not None and due < raised:
                problems.append(Problem(source, row.number, row.header("due", "Due"), format_date(due), "is before the meeting date",
                                        "give a due date on or after the date the action was agreed"))
            objective = self._objective(bf, board_id, raised, row, source, problems)
            update_on = row["update_on"] or max(today, raised)
            if row["update"] and update_on < raised:
                problems.append(Problem(source, row.number, row.header("update_on", "Update date"), format_date(update_on),
                                        "is before the meeting date", "date the update on or after it"))
            if owner_id is None or meeting_id is False:
                continue
            planned.append(_ActionRow(row, body, meeting_id or None, raised, kind, detail, owner_id, person, due,
                                      status, closed_on, objective, update_on,
                                      find_action(bf, board_id, row["reference"]) if row["reference"] else None))
        return planned

    @staticmethod
    def _meeting(bf: BoardFile, body: Body, raised: dt.date, kind: str, source: str, row: ParsedRow,
                 problems: list[Problem]) -> int | bool | None:
        """The meeting it arose at (None for another source; False, with a problem, when there is none)."""
        found = meetings_on(bf, body, raised)
        if found:
            return found[0]
        if kind != "meeting":
            return None
        problems.append(Problem(source, row.number, row.header("raised_on", "Meeting date"), format_date(raised),
                                f"is not the date of a meeting of the {body.display_name}",
                                "correct the date, add the meeting in Meetings first, or say in Source which case "
                                "review, audit or inspection it answers"))
        return False

    @staticmethod
    def _due(bf: BoardFile, body: Body, raised: dt.date, row: ParsedRow, source: str,
             problems: list[Problem]) -> dt.date | None:
        due: DueDate | None = row["due"]
        if due is None or not due.next_meeting:
            return due.day if due else None
        later = [m.meets_on for m in list_meetings(bf, body, include_cancelled=False) if m.meets_on > raised]
        if later:
            return later[0]
        problems.append(Problem(source, row.number, row.header("due", "Due"), "Next meeting",
                                f"cannot be worked out: the {body.display_name} has no meeting after "
                                f"{format_date(raised)}", "give the date, or add the next meeting first"))
        return None

    @staticmethod
    def _status(row: ParsedRow, raised: dt.date, source: str,
                problems: list[Problem]) -> tuple[str, dt.date | None]:
        status = row["status"] or ("done" if row["closed_on"] else "open")
        closed_on = row["closed_on"]
        if status == "done" and closed_on is None:
            problems.append(Problem(source, row.number, row.header("status", "Status"), "Done", "has no date done",
                                    "fill in the Date done column for this row"))
        elif status == "open" and closed_on is not None:
            problems.append(Problem(source, row.number, row.header("closed_on", "Date done"), format_date(closed_on),
                                    "is given for an open action", "change the status to Done, or clear the date"))
        if closed_on is not None and closed_on < raised:
            problems.append(Problem(source, row.number, row.header("closed_on", "Date done"), format_date(closed_on),
                                    "is before the meeting date", "check the dates"))
        return status, closed_on if status != "open" else None

    @staticmethod
    def _objective(bf: BoardFile, board_id: int, raised: dt.date, row: ParsedRow, source: str,
                   problems: list[Problem]) -> int | None:
        if not row["objective"]:
            return None
        plan = plan_for(bf, board_id, day=raised) or plan_for(bf, board_id)
        found = find_objective(bf, plan.id, row["objective"]) if plan else None
        if found is None:
            where = f"in the {plan.title}" if plan else "in a business plan: the board has none yet"
            problems.append(Problem(source, row.number, row.header("objective", "Objective"), row["objective"], f"is not an objective {where}",
                                    "give the objective's number as the plan numbers it, or import the plan first"))
        return found

    def apply(self, plan: list[_ActionRow], ed: Action, bf: BoardFile, board_id: int,
              summary: ImportSummary) -> None:
        today = dt.date.today()
        checked_rag = 0
        for item in plan:
            person_id = None
            if item.person:
                if find_person(bf, item.person) is None:
                    summary.count("people")
                person_id = person_for(ed, bf, item.person)
            if item.existing is None:
                action_id = add_action(ed, bf, board_id, ActionDetails(
                    item.row["text"], item.owner_id, item.due_on, meeting_id=item.meeting_id, raised_on=item.raised_on,
                    body=item.body, agenda_item=item.row["agenda_item"], source=item.source,
                    source_ref=item.source_ref, owner_person_id=person_id, objective_id=item.objective_id,
                    reference=item.row["reference"]))
                summary.count("actions")
                changed = False
            else:
                action_id = item.existing
                changed = self._update(ed, bf, action_id, item, person_id)
            if item.row["update"] and get_action(bf, action_id).latest_update != item.row["update"]:
                add_progress(ed, bf, action_id, item.row["update"], made_on=item.update_on)
                summary.count("progress updates")
                changed = True
            if item.status != get_action(bf, action_id).status:
                set_status(ed, bf, action_id, item.status, on=item.closed_on or item.update_on)
                changed = True
            if item.existing is not None:
                tally(summary, "actions", changed)
            if item.row["rag"] is not None:
                checked_rag += 1
                derived = get_action(bf, action_id).rag(today)
                if derived != item.row["rag"]:
                    summary.notes.append(f"row {item.row.number}: the file rates it {label(item.row['rag'])}; from its "
                                         f"due date it is {label(derived) or 'not rated (closed)'} today")
        if checked_rag:
            summary.notes.append("RAG is worked out from each action's due date (an override needs a reason, "
                                 "given in the app), so the RAG column was checked, not stored")

    @staticmethod
    def _update(ed: Action, bf: BoardFile, action_id: int, item: _ActionRow, person_id: int | None) -> bool:
        action = get_action(bf, action_id)
        made_on = item.update_on
        person = {"owner_person_id": person_id} if item.person or item.owner_id != action.owner_organisation_id else {}
        changed = update_action(ed, bf, action_id, {
            "text": item.row["text"], "owner_organisation_id": item.owner_id, **person,
            **({"agenda_item": item.row["agenda_item"]} if item.row["agenda_item"] else {}),
            **({"objective_id": item.objective_id} if item.objective_id else {})})
        if item.body.subgroup_id != action.subgroup_id:
            carry_action(ed, bf, action_id, item.body, made_on=max(made_on, action.raised_on))
            changed = True
        if item.due_on != action.due_on and action.is_open and item.row["due"] is not None:
            changed |= move_due(ed, bf, action_id, item.due_on, made_on=max(made_on, action.raised_on))
        return changed


# -- ``risks`` --------------------------------------------------------------------------------------
_REFERENCES = re.compile(r"[,;/\s]+")


def parse_references(value: Any) -> tuple[str, ...]:
    """``B-2018-004; B-2018-009`` (commas, semicolons or spaces between) as references."""
    return tuple(part for part in _REFERENCES.split(parse_text(value)) if part)


def parse_score(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.isdigit() and 1 <= int(text) <= 25:
        return int(text)
    raise InputError(quoted(value), "is not a risk score", "write likelihood x impact, a whole number from 1 to 25")


def parse_risk_status(value: Any) -> str:
    text = " ".join(str(value).split()).casefold()
    words = {"open": "open", "active": "open", "live": "open", "current": "open", "closed": "closed",
             "archived": "closed", "retired": "closed"}
    if text in words:
        return words[text]
    raise InputError(quoted(value), "is not a risk status", "write Open or Closed")


def _level(key: str, label_text: str, help_text: str, aliases: tuple[str, ...], example: str,
           required: bool = False) -> Column:
    return Column(key, label_text, help_text, parse=parse_level, required=required, aliases=aliases, example=example)


@dataclass
class _RiskRow:
    """One row of an imported risk register, read and checked: a new risk, or an update to the one already in
    the board (``existing``)."""

    row: ParsedRow
    body: Body
    owner_id: int
    details: RiskDetails
    identified_on: dt.date
    reviewed_on: dt.date
    status: str
    action_ids: list[int]
    existing: int | None


class RisksImport(ImportKind):
    name = "risks"
    title = "risk register"
    description = ("A risk register: one row per risk, scored likelihood and impact from 1 to 5 (residual, after "
                   "controls; the inherent scores before them, if the register keeps them). A risk whose reference "
                   "is already in the board is updated, and new scores are recorded as a review. Scores that do not "
                   "equal likelihood x impact are reported; a RAG column is checked against the board's bands.")
    columns = (
        Column("reference", "Reference", "the risk's reference (blank: the next, R01, R02...)", parse=parse_text,
               required=False, aliases=("Ref", "Risk ref", "Risk no", "No", "ID"), example="R03"),
        BODY_COLUMN,
        Column("title", "Risk", "the risk in a few words", parse=parse_text, aliases=("Title", "Risk title"),
               example="Partner funding falls short of the agreed budget"),
        Column("description", "Description", "cause and effect, in a sentence or two", parse=parse_text,
               required=False, aliases=("Risk description", "Detail", "Cause and effect"),
               example="If a partner does not pay its share, the board cannot fund its business plan"),
        Column("owner", "Owner", "the organisation that owns the risk", parse=parse_owner,
               aliases=("Risk owner", "Lead", "Responsible"), example="Southend LSCB"),
        Column("category", "Category", "the kind of risk (financial, partnership, performance...)", parse=parse_text,
               required=False, aliases=("Type", "Risk type", "Area"), example="Financial"),
        _level("inherent_likelihood", "Inherent likelihood", "1 to 5 before controls (blank: as the residual)",
               ("Gross likelihood", "Initial likelihood", "Likelihood before controls"), "4"),
        _level("inherent_impact", "Inherent impact", "1 to 5 before controls (blank: as the residual)",
               ("Gross impact", "Initial impact", "Impact before controls"), "4"),
        Column("inherent_score", "Inherent score", "optional: checked to equal likelihood x impact",
               parse=parse_score, required=False, aliases=("Gross score", "Initial score"), example="16"),
        _level("likelihood", "Likelihood", "1 to 5 after controls (or Rare ... Almost certain)",
               ("Residual likelihood", "Current likelihood", "Net likelihood", "L"), "3", required=True),
        _level("impact", "Impact", "1 to 5 after controls (or Insignificant ... Catastrophic)",
               ("Residual impact", "Current impact", "Net impact", "I"), "4", required=True),
        Column("score", "Score", "optional: checked to equal likelihood x impact", parse=parse_score, required=False,
               aliases=("Residual score", "Risk score", "Current score", "Net score"), example="12"),
        Column("rag", "RAG", "optional: checked against the board's bands, not stored", parse=parse_rag,
               required=False, aliases=("RAG rating", "Rating"), example="Amber"),
        Column("controls", "Controls", "the controls in place", parse=parse_text, required=False,
               aliases=("Existing controls", "Controls in place", "Current controls", "Mitigation"),
               example="Contributions agreed each December; reserves held"),
        Column("actions", "Mitigating actions", "references of actions in the action log, separated by commas",
               parse=parse_references, required=False, aliases=("Actions", "Action refs", "Linked actions",
                                                                "Further actions"), example="B-2018-021"),
        Column("identified_on", "Date identified", "when the risk was added (blank: the day of the import)",
               parse=parse_date, required=False, aliases=("Identified", "Date added", "Date raised", "Raised"),
               example="21/02/2018"),
        Column("reviewed_on", "Last reviewed", "the date of the review these scores come from (blank: the date "
               "identified for a new risk, the day of the import for a change)", parse=parse_date, required=False,
               aliases=("Reviewed", "Date reviewed", "Review date (last)"), example="05/06/2018"),
        Column("review_on", "Next review", "when it is next due for review (blank: three months on)",
               parse=parse_date, required=False, aliases=("Review by", "Next review date", "Review due"),
               example="25/09/2018"),
        Column("status", "Status", "Open or Closed (blank: Open)", parse=parse_risk_status, required=False,
               aliases=("Risk status",), example="Open"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> tuple[list[_RiskRow], list[str]]:
        today = dt.date.today()
        bands = get_bands(bf, board_id)
        references = FirstRows(source, problems)
        planned: list[_RiskRow] = []
        notes: list[str] = []
        for row in rows:
            body = resolve_body(bf, board_id, row, source, problems)
            if row["reference"]:
                references.is_repeat(row["reference"].casefold(), row.number, row.header("reference", "Reference"), row["reference"],
                                     "is listed twice", "give each risk its own reference")
            owner_id, _person = _owner(bf, row, None, source, problems)
            likelihood, impact = row["likelihood"], row["impact"]
            inherent = (row["inherent_likelihood"] or likelihood, row["inherent_impact"] or impact)
            self._check_score(row, row.header("score", "Score"), row["score"], likelihood, impact, source, problems)
            self._check_score(row, row.header("inherent_score", "Inherent score"), row["inherent_score"], *inherent, source, problems)
            action_ids = []
            for reference in row["actions"] or ():
                action_id = find_action(bf, board_id, reference)
                if action_id is None:
                    problems.append(Problem(source, row.number, row.header("actions", "Mitigating actions"), reference,
                                            "is not an action in the action log",
                                            "check the reference, or import the actions first"))
                action_ids.append(action_id)
            if None in (body, owner_id, likelihood, impact, *inherent) or None in action_ids:
                continue
            if row["rag"] and row["rag"] != bands.rag(likelihood * impact):
                notes.append(f"row {row.number}: the file rates it {label(row['rag'])}; with this board's bands "
                                  f"({bands.describe()}) its score {likelihood * impact} is "
                                  f"{label(bands.rag(likelihood * impact))}")
            existing = find_risk(bf, board_id, row["reference"]) if row["reference"] else None
            identified = row["identified_on"] or today
            reviewed = row["reviewed_on"] or (today if existing else identified)
            if reviewed < identified:
                problems.append(Problem(source, row.number, row.header("reviewed_on", "Last reviewed"), format_date(reviewed),
                                        "is before the date identified", "check the dates"))
                continue
            details = RiskDetails(row["title"], owner_id, inherent[0], inherent[1], likelihood, impact,
                                  row["description"], row["category"], row["controls"], row["review_on"],
                                  body.subgroup_id, row["reference"])
            planned.append(_RiskRow(row, body, owner_id, details, identified, reviewed, row["status"] or "open",
                                    action_ids, existing))
        return planned, notes

    @staticmethod
    def _check_score(row: ParsedRow, column: str, score: int | None, likelihood: int | None, impact: int | None,
                     source: str, problems: list[Problem]) -> None:
        if score is not None and likelihood and impact and score != likelihood * impact:
            problems.append(Problem(source, row.number, column, score,
                                    f"is not likelihood {likelihood} x impact {impact} = {likelihood * impact}",
                                    "correct the score or the likelihood and impact"))

    def apply(self, plan: tuple[list[_RiskRow], list[str]], ed: Action, bf: BoardFile, board_id: int,
              summary: ImportSummary) -> None:
        rows, notes = plan
        for item in rows:
            details = item.details
            if item.existing is None:
                risk_id = add_risk(ed, bf, board_id, details, identified_on=item.identified_on)
                if item.reviewed_on != item.identified_on:
                    review_risk(ed, bf, risk_id, details.residual_likelihood, details.residual_impact,
                                reviewed_on=item.reviewed_on, next_review_on=details.review_on)
                summary.count("risks")
                changed = False
            else:
                risk_id = item.existing
                changed = self._update(ed, bf, risk_id, item)
            for action_id in item.action_ids:
                if link_action(ed, bf, risk_id, action_id):
                    summary.count("links to mitigating actions")
                    changed = True
            if set_risk_status(ed, bf, risk_id, item.status, on=item.reviewed_on):
                changed = True
            if item.existing is not None:
                tally(summary, "risks", changed)
        summary.notes.extend(notes)

    @staticmethod
    def _update(ed: Action, bf: BoardFile, risk_id: int, item: _RiskRow) -> bool:
        details = item.details
        risk = get_risk(bf, risk_id)
        values = {"title": details.title, "owner_organisation_id": details.owner_organisation_id,
                  "inherent_likelihood": details.inherent_likelihood, "inherent_impact": details.inherent_impact,
                  "subgroup_id": details.subgroup_id,
                  **{key: getattr(details, key) for key in ("description", "category", "controls", "review_on")
                     if getattr(details, key) is not None}}
        changed = update_risk(ed, bf, risk_id, values)
        if risk.is_open and (details.residual_likelihood, details.residual_impact) != \
                (risk.residual_likelihood, risk.residual_impact):
            review_risk(ed, bf, risk_id, details.residual_likelihood, details.residual_impact,
                        reviewed_on=max(item.reviewed_on, risk.identified_on), next_review_on=details.review_on)
            changed = True
        return changed


# -- ``business-plan`` ------------------------------------------------------------------------------
@dataclass
class _ObjectiveRow:
    """One row of an imported business plan, read and checked: a new objective, or an update to one already in
    its plan (``existing``)."""

    row: ParsedRow
    period: Period | None
    plan_id: int | None
    details: ObjectiveDetails
    existing: int | None


class BusinessPlanImport(ImportKind):
    name = "business-plan"
    title = "business plan objectives"
    description = ("A business plan's priorities or objectives for its period, numbered as the board numbers them, "
                   "each with its outcome measure and its lead (a sub-group or an organisation). A plan period not "
                   "yet in the board starts a new plan; an objective number already in its plan is updated. "
                   "Progress updates are recorded in the app, at each meeting.")
    columns = (
        Column("number", "Number", "the objective's number as the plan gives it (1, 2, A...)", parse=parse_text,
               aliases=("No", "Objective number", "Ref", "Priority number"), example="4"),
        Column("priority", "Priority", "the objective or priority, as the plan words it", parse=parse_text,
               aliases=("Objective", "Priority/objective", "Business objective", "Aim"),
               example="Continue to develop the learning and improvement framework"),
        Column("outcome", "Outcome measure", "how success will be evidenced", parse=parse_text, required=False,
               aliases=("Projected Outcome/Impact Measurement", "Outcome", "Impact measure", "Measure",
                        "Success measure"),
               example="LSCB Annual Report evidences a positive impact on the effectiveness of safeguarding"),
        Column("lead", "Lead", "the lead sub-group or organisation", parse=parse_text, required=False,
               aliases=("Lead sub-group", "Lead agency", "Lead organisation", "Owner", "Responsible"),
               example="Case Review Panel"),
        Column("period", "Plan period", "the plan's years, e.g. 2016-19 (blank: the board's latest plan)",
               parse=parse_plan_period, required=False, aliases=("Plan", "Period", "Plan years"),
               example="2016-19"),
    )

    def plan(self, rows: list[ParsedRow], bf: BoardFile, board_id: int, source: str,
             problems: list[Problem]) -> list[_ObjectiveRow]:
        plans = list_plans(bf, board_id)
        numbers = FirstRows(source, problems)
        planned = []
        for row in rows:
            period = row["period"]
            if period is None and not plans:
                problems.append(Problem(source, row.number, row.header("period", "Plan period"), None, "is needed: the board has no "
                                        "business plan yet", "add a Plan period column, e.g. 2016-19"))
                continue
            known = next((p for p in plans if period is None or p.period == period), None)
            numbers.is_repeat((period or known.period, row["number"].casefold()), row.number, row.header("number", "Number"), row["number"],
                              "is listed twice", "give each objective its own number")
            lead = self._lead(bf, board_id, row, source, problems)
            if lead is None:
                continue
            details = ObjectiveDetails(row["number"], row["priority"], row["outcome"], *lead)
            existing = find_objective(bf, known.id, row["number"]) if known else None
            planned.append(_ObjectiveRow(row, period, known.id if known else None, details, existing))
        return planned

    @staticmethod
    def _lead(bf: BoardFile, board_id: int, row: ParsedRow, source: str,
              problems: list[Problem]) -> tuple[int | None, int | None] | None:
        if not row["lead"]:
            return None, None
        wanted = row["lead"].casefold()
        for subgroup in list_subgroups(bf, board_id):
            if wanted in (subgroup.name.casefold(), (subgroup.short_name or "").casefold()):
                return subgroup.subgroup_id, None
        org_id = find_organisation(bf, row["lead"])
        if org_id is not None:
            return None, org_id
        problem = organisation_problem(bf, row["lead"], source, row.number, row.header("lead", "Lead"))
        problems.append(Problem(problem.file, problem.row, problem.column, problem.value,
                                "is not a sub-group or an organisation in this file", problem.fix))
        return None

    def apply(self, plan: list[_ObjectiveRow], ed: Action, bf: BoardFile, board_id: int,
              summary: ImportSummary) -> None:
        new_plans: dict[Period, int] = {}
        for item in plan:
            plan_id = item.plan_id
            if plan_id is None:
                if item.period not in new_plans:
                    new_plans[item.period] = add_plan(ed, bf, board_id, item.period)
                    summary.count("business plans")
                plan_id = new_plans[item.period]
            existing = item.existing if item.plan_id else find_objective(bf, plan_id, item.details.number)
            if existing is None:
                add_objective(ed, bf, plan_id, item.details)
                summary.count("objectives")
            else:
                tally(summary, "objectives", update_objective(ed, bf, existing, item.details))
