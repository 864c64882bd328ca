"""The action log: actions arising at meetings (or from a case review, an audit, an inspection),
each with an owner, a due date, a status and dated progress.

An action's reference (``B-2018-014``: the body it arose at, the year, then the board-wide
sequence) stays with it when it is carried to another body. Everything that happens to it is kept
as a dated :class:`ActionEvent`: progress updates, a due date moved ("due 30 Jun 2018, moved to
30 Sep 2018 at the 12 Jun 2018 meeting"), a status changed, a carry, a RAG override. So
:func:`actions_as_at` can show the log as it stood on any day, which is what the papers for a
meeting print.

RAG is derived from the due date against a day (today, or the meeting's date): overdue is red, due
within :data:`AMBER_DAYS` days amber, later green; an override (with its reason) replaces it.
Only open actions are rated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sgdesk.dates import format_date
from sgdesk.errors import InputError, SGDeskError, quoted
from sgdesk.governance.rag import LABELS, RAGS
from sgdesk.governance.text import clean, edited
from sgdesk.membership.bodies import Body, body_key, list_bodies
from sgdesk.membership.cells import stored_date
from sgdesk.membership.meetings import get_meeting
from sgdesk.membership.seats import person_for
from sgdesk.organisations import require_organisation
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

STATUSES = ("open", "done", "dropped", "superseded")
SOURCES = ("meeting", "case review", "audit", "inspection")
#: an open action due within this many days (today included) is amber
AMBER_DAYS = 14
_STATUS_WORDS = {
    "open": "open", "ongoing": "open", "in progress": "open", "on track": "open", "not started": "open",
    "overdue": "open", "outstanding": "open", "pending": "open", "carried forward": "open", "live": "open",
    "done": "done", "complete": "done", "completed": "done", "closed": "done", "achieved": "done",
    "finished": "done", "actioned": "done",
    "dropped": "dropped", "withdrawn": "dropped", "cancelled": "dropped", "canceled": "dropped",
    "no longer required": "dropped", "not required": "dropped",
    "superseded": "superseded", "replaced": "superseded", "merged": "superseded",
}
_SOURCE_WORDS = {"meeting": "meeting", "board": "meeting", "minutes": "meeting", "case review": "case review",
                 "cspr": "case review", "lcspr": "case review", "scr": "case review", "sar": "case review",
                 "serious case review": "case review", "audit": "audit", "multi agency audit": "audit",
                 "inspection": "inspection", "jtai": "inspection", "ilacs": "inspection", "ofsted": "inspection"}
_OWNER = re.compile(r"(?P<organisation>.+?)\s*(?:\((?P<bracketed>[^()]+)\)|\s[-\u2013:]\s*(?P<after>.+))\s*$")
_SEQUENCE = re.compile(r"-(?P<year>[0-9]{4})-(?P<number>[0-9]+)$")
EDITABLE = frozenset({"text", "owner_organisation_id", "owner_person_id", "agenda_item", "source_ref",
                      "objective_id"})


def action_rag(due_on: dt.date | None, status: str, today: dt.date, override: str | None = None) -> str | None:
    """The RAG of an action on ``today``: None unless it is open.

    >>> day = dt.date(2019, 2, 6)
    >>> [action_rag(day + dt.timedelta(days=n), "open", day) for n in (-1, 0, 14, 15)]
    ['red', 'amber', 'amber', 'green']
    """
    if status != "open":
        return None
    if override:
        return override
    if due_on is None:
        return "green"
    days = (due_on - today).days
    if days < 0:
        return "red"
    return "amber" if days <= AMBER_DAYS else "green"


def parse_action_status(value: Any) -> str:
    """A status as action logs write it: ``Complete``, ``In progress``, ``No longer required``...

    >>> parse_action_status("Completed"), parse_action_status("on-track")
    ('done', 'open')
    """
    text = " ".join(str(value).replace("-", " ").replace("_", " ").split()).casefold()
    if text in _STATUS_WORDS:
        return _STATUS_WORDS[text]
    raise InputError(quoted(value), "is not an action status", "write Open, Done, Dropped or Superseded")


def parse_source(value: Any) -> tuple[str, str | None]:
    """``Case review: LCSPR Child F`` as (``case review``, ``LCSPR Child F``); ``Meeting`` has no detail.

    >>> parse_source("JTAI 2018"), parse_source("Audit - neglect"), parse_source("Board meeting")
    (('inspection', 'JTAI 2018'), ('audit', 'neglect'), ('meeting', None))
    """
    text = " ".join(str(value).split())
    head, rest = (re.split(r"\s*:\s*|\s+[-\u2013]\s+", text, maxsplit=1) + [""])[:2]
    key = head.casefold().replace("-", " ")
    words = key.split()
    kind = _SOURCE_WORDS.get(key) or (_SOURCE_WORDS.get(words[0]) if words else None)
    if kind is None:
        raise InputError(quoted(value), "is not where an action comes from",
                         "write Meeting, or Case review, Audit or Inspection and which one "
                         "(e.g. 'Case review: LCSPR Child F')")
    if kind == "meeting":
        return kind, None
    return kind, (rest or None) if key in SOURCES else text


def parse_owner(value: Any) -> tuple[str, str | None]:
    """``Essex Police (Zoë Adeyemi)`` or ``Essex Police - Zoë Adeyemi`` as (organisation, person).

    >>> parse_owner("Essex Police (Zoë Adeyemi)"), parse_owner("SBC")
    (('Essex Police', 'Zoë Adeyemi'), ('SBC', None))
    """
    text = " ".join(str(value).split())
    match = _OWNER.fullmatch(text)
    if match:
        return match["organisation"], (match["bracketed"] or match["after"]).strip()
    return text, None


def body_prefix(body: Body) -> str:
    """The letters an action reference starts with: ``B`` for the board, a sub-group's initials.

    >>> body_prefix(Body(1, 2, "Case Review Panel", "Case Review")), body_prefix(Body(1, 3, "L&D Sub Group", "L&D"))
    ('CR', 'LD')
    """
    if body.is_board:
        return "B"
    words = re.findall(r"[0-9A-Za-z]+", body.short_name or body.name)
    return "".join(word[0].upper() for word in words)[:3] or "G"


def next_reference(bf: BoardFile, board_id: int, body: Body, year: int) -> str:
    """The next reference of the board's sequence for ``year``: numbers run on across every body."""
    numbers = [int(match["number"]) for (reference,) in bf.query(
        "SELECT reference FROM board_action WHERE board_id = ? AND reference LIKE ?", (board_id, f"%-{year}-%"))
        if (match := _SEQUENCE.search(reference)) and int(match["year"]) == year]
    return f"{body_prefix(body)}-{year}-{max(numbers, default=0) + 1:03d}"


# -- reading ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LoggedAction:
    """An action as the log shows it; :func:`actions_as_at` gives it as it stood on a day."""

    id: int
    board_id: int
    reference: str
    subgroup_id: int | None
    body_name: str
    meeting_id: int | None
    meeting_on: dt.date | None
    agenda_item: str | None
    source: str
    source_ref: str | None
    raised_on: dt.date
    text: str
    owner_organisation_id: int
    owner_organisation: str
    owner_person_id: int | None
    owner_person: str | None
    due_on: dt.date | None
    status: str
    closed_on: dt.date | None
    rag_override: str | None
    rag_reason: str | None
    objective_id: int | None
    objective_number: str | None
    latest_update: str | None
    latest_update_on: dt.date | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def body_key(self) -> str:
        return body_key(self.subgroup_id)

    def rag(self, today: dt.date) -> str | None:
        return action_rag(self.due_on, self.status, today, self.rag_override)

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < today

    @property
    def owner(self) -> str:
        """``Essex Police (Zoë Adeyemi)``, or the organisation alone."""
        return f"{self.owner_organisation} ({self.owner_person})" if self.owner_person else self.owner_organisation

    @property
    def source_label(self) -> str:
        """Where it arose: ``Meeting 12 Jun 2018``, ``Case review: LCSPR Child F``."""
        if self.source == "meeting":
            return f"Meeting {format_date(self.meeting_on)}" if self.meeting_on else "Meeting"
        kind = self.source[:1].upper() + self.source[1:]
        return f"{kind}: {self.source_ref}" if self.source_ref else kind

    @property
    def status_label(self) -> str:
        label = self.status[:1].upper() + self.status[1:]
        return f"{label} {format_date(self.closed_on)}" if self.closed_on else label


_SELECT = """
SELECT a.*, m.meets_on, coalesce(o.short_name, o.name) AS owner_name, p.name AS person_name, ob.number AS objective,
       (SELECT e.note FROM action_event e WHERE e.action_id = a.id AND e.kind = 'progress'
         ORDER BY e.made_on DESC, e.id DESC LIMIT 1) AS latest_note,
       (SELECT e.made_on FROM action_event e WHERE e.action_id = a.id AND e.kind = 'progress'
         ORDER BY e.made_on DESC, e.id DESC LIMIT 1) AS latest_on
FROM board_action a
JOIN organisation o ON o.id = a.owner_organisation_id
LEFT JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN person p ON p.id = a.owner_person_id
LEFT JOIN plan_objective ob ON ob.id = a.objective_id
"""


def body_names(bf: BoardFile, board_id: int) -> dict[int | None, str]:
    """Sub-group id (None for the board) -> the name the registers show."""
    return {body.subgroup_id: body.display_name for body in list_bodies(bf, board_id)}


def _logged(row: Any, names: dict[int | None, str]) -> LoggedAction:
    return LoggedAction(
        row["id"], row["board_id"], row["reference"], row["subgroup_id"], names.get(row["subgroup_id"], ""),
        row["meeting_id"], stored_date(row["meets_on"]), row["agenda_item"], row["source"], row["source_ref"],
        dt.date.fromisoformat(row["raised_on"]), row["text"], row["owner_organisation_id"], row["owner_name"],
        row["owner_person_id"], row["person_name"], stored_date(row["due_on"]), row["status"],
        stored_date(row["closed_on"]), row["rag_override"], row["rag_reason"], row["objective_id"],
        row["objective"], row["latest_note"], stored_date(row["latest_on"]))


def list_actions(bf: BoardFile, board_id: int, *, body: Body | None = None,
                 open_only: bool = False) -> list[LoggedAction]:
    """The board's actions (of ``body`` alone if given), in order of reference."""
    sql = _SELECT + " WHERE a.board_id = ?"
    params: list[Any] = [board_id]
    if body is not None:
        sql += " AND a.subgroup_id IS ?"
        params.append(body.subgroup_id)
    if open_only:
        sql += " AND a.status = 'open'"
    names = body_names(bf, board_id)
    return [_logged(row, names) for row in bf.query(sql + " ORDER BY a.raised_on, a.reference", tuple(params))]


def get_action(bf: BoardFile, action_id: int) -> LoggedAction:
    row = bf.query_one(_SELECT + " WHERE a.id = ?", (action_id,))
    if row is None:
        raise SGDeskError(f"action {action_id} no longer exists: refresh and try again")
    return _logged(row, body_names(bf, row["board_id"]))


def find_action(bf: BoardFile, board_id: int, reference: str) -> int | None:
    return bf.scalar("SELECT id FROM board_action WHERE board_id = ? AND reference = ?",
                     (board_id, reference.strip()))


@dataclass(frozen=True)
class ActionEvent:
    """One dated thing that happened to an action."""

    id: int
    action_id: int
    made_on: dt.date
    meeting_on: dt.date | None
    kind: str
    note: str | None
    due_from: dt.date | None
    due_to: dt.date | None
    status_to: str | None
    rag_to: str | None
    body_from: int | None
    body_to: int | None

    def describe(self, names: dict[int | None, str]) -> str:
        """One line for the history: "Due 30 Jun 2018, moved to 30 Sep 2018 at the 12 Jun 2018 meeting"."""
        at = f" at the {format_date(self.meeting_on)} meeting" if self.meeting_on else ""
        if self.kind == "due":
            before = f"Due {format_date(self.due_from)}" if self.due_from else "No due date"
            after = f"moved to {format_date(self.due_to)}" if self.due_to else "date removed"
            text = f"{before}, {after}{at}"
        elif self.kind == "status":
            text = f"Marked {self.status_to}{at}" if self.status_to != "open" else f"Reopened{at}"
        elif self.kind == "carried":
            text = f"Carried from the {names.get(self.body_from, 'board')} to the {names.get(self.body_to, 'board')}{at}"
        elif self.kind == "rag":
            text = f"RAG set to {LABELS[self.rag_to]}{at}" if self.rag_to else f"RAG override removed{at}"
        else:
            return f"{self.note} (reported{at})" if at else self.note or ""
        return f"{text}: {self.note}" if self.note else text


def _event(row: Any) -> ActionEvent:
    return ActionEvent(row["id"], row["action_id"], dt.date.fromisoformat(row["made_on"]),
                       stored_date(row["meets_on"]), row["kind"], row["note"], stored_date(row["due_from"]),
                       stored_date(row["due_to"]), row["status_to"], row["rag_to"], row["body_from"], row["body_to"])


def _events(bf: BoardFile, where: str, params: tuple) -> list[ActionEvent]:
    return [_event(row) for row in bf.query(
        "SELECT e.*, m.meets_on FROM action_event e LEFT JOIN meeting m ON m.id = e.meeting_id "
        f"WHERE {where} ORDER BY e.made_on, e.id", params)]


def action_history(bf: BoardFile, action_id: int) -> list[ActionEvent]:
    """Everything that happened to the action, oldest first."""
    return _events(bf, "e.action_id = ?", (action_id,))


def as_at(action: LoggedAction, events: Iterable[ActionEvent], day: dt.date,
          names: dict[int | None, str]) -> LoggedAction:
    """``action`` as it stood at the end of ``day``, from its events (oldest first)."""
    events = list(events)
    done = [e for e in events if e.made_on <= day]
    status, closed_on = "open", None
    override, reason = None, None
    latest, latest_on = None, None
    for event in done:
        if event.kind == "status":
            status, closed_on = event.status_to or "open", event.made_on if event.status_to != "open" else None
        elif event.kind == "rag":
            override, reason = event.rag_to, event.note if event.rag_to else None
        elif event.kind == "progress":
            latest, latest_on = event.note, event.made_on
    due_on = _value_at(action.due_on, [(e.made_on, e.due_from, e.due_to) for e in events if e.kind == "due"], day)
    body = _value_at(action.subgroup_id, [(e.made_on, e.body_from, e.body_to) for e in events if e.kind == "carried"],
                     day)
    return replace(action, status=status, closed_on=closed_on, rag_override=override, rag_reason=reason,
                   latest_update=latest, latest_update_on=latest_on, due_on=due_on, subgroup_id=body,
                   body_name=names.get(body, ""))


def _value_at(current: Any, changes: list[tuple[dt.date, Any, Any]], day: dt.date) -> Any:
    """The value on ``day`` of something now ``current`` that changed (on, from, to) as listed."""
    before = [to for on, _from, to in changes if on <= day]
    if before:
        return before[-1]
    return changes[0][1] if changes else current


def actions_as_at(bf: BoardFile, board_id: int, day: dt.date) -> list[LoggedAction]:
    """The board's actions raised by ``day``, each as it stood at the end of that day."""
    names = body_names(bf, board_id)
    history: dict[int, list[ActionEvent]] = {}
    for event in _events(bf, "e.action_id IN (SELECT id FROM board_action WHERE board_id = ?)", (board_id,)):
        history.setdefault(event.action_id, []).append(event)
    return [as_at(action, history.get(action.id, ()), day, names)
            for action in list_actions(bf, board_id) if action.raised_on <= day]


def first_due_dates(bf: BoardFile, board_id: int, by: dt.date) -> dict[int, dt.date | None]:
    """Action id -> the due date it was first given, for each action whose due date had moved by ``by``."""
    found: dict[int, dt.date | None] = {}
    for action_id, due_from in bf.query(
            "SELECT e.action_id, e.due_from FROM action_event e JOIN board_action a ON a.id = e.action_id "
            "WHERE a.board_id = ? AND e.kind = 'due' AND e.made_on <= ? ORDER BY e.made_on DESC, e.id DESC",
            (board_id, by.isoformat())):
        found[action_id] = stored_date(due_from)   # the earliest move comes last
    return found


# -- writing ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActionDetails:
    """A new action. Without a meeting, give ``raised_on`` and ``body``; with one, they default to it."""

    text: str
    owner_organisation_id: int
    due_on: dt.date | None
    meeting_id: int | None = None
    raised_on: dt.date | None = None
    body: Body | None = None
    agenda_item: str | None = None
    source: str = "meeting"
    source_ref: str | None = None
    owner_person_id: int | None = None
    objective_id: int | None = None
    reference: str | None = None



def _body_of(bf: BoardFile, board_id: int, subgroup_id: int | None) -> Body:
    return next(body for body in list_bodies(bf, board_id) if body.subgroup_id == subgroup_id)


def add_action(ed: Action, bf: BoardFile, board_id: int, details: ActionDetails) -> int:
    """Log a new action; its reference is the next in the board's sequence unless one is given."""
    text = clean(details.text)
    if text is None:
        raise InputError("The action", "is empty", "type what is to be done")
    if details.source not in SOURCES:
        raise InputError(quoted(details.source), "is not where an action comes from", f"use one of {', '.join(SOURCES)}")
    raised_on, body = details.raised_on, details.body
    if details.meeting_id is not None:
        meeting = get_meeting(bf, details.meeting_id)
        if meeting.board_id != board_id:
            raise InputError("The meeting", "belongs to another board", "choose one of this board's meetings")
        raised_on = raised_on or meeting.meets_on
        body = body or _body_of(bf, board_id, meeting.subgroup_id)
    elif details.source == "meeting":
        raise InputError("The action", "has no meeting", "choose the meeting it arose at, or say which case review, "
                         "audit or inspection it answers")
    if raised_on is None:
        raise InputError("The action", "has no date raised", "give the date it was agreed")
    body = body or _body_of(bf, board_id, None)
    if details.due_on is not None and details.due_on < raised_on:
        raise InputError(f"'{format_date(details.due_on)}'", f"is before the action was raised ({format_date(raised_on)})",
                         "give a due date on or after that")
    reference = clean(details.reference)
    if reference is None:
        reference = next_reference(bf, board_id, body, raised_on.year)
    elif find_action(bf, board_id, reference) is not None:
        raise InputError(f"'{reference}'", "is already an action's reference", "give another, or leave it blank")
    return ed.insert("board_action", {
        "board_id": board_id, "reference": reference, "subgroup_id": body.subgroup_id,
        "meeting_id": details.meeting_id, "agenda_item": clean(details.agenda_item), "source": details.source,
        "source_ref": clean(details.source_ref), "raised_on": raised_on, "text": text,
        "owner_organisation_id": details.owner_organisation_id, "owner_person_id": details.owner_person_id,
        "due_on": details.due_on, "objective_id": details.objective_id})


def _check_day(action: LoggedAction, day: dt.date | None, what: str) -> dt.date:
    if day is None:
        raise InputError(f"The {what}", "has no date", "give the date")
    if day < action.raised_on:
        raise InputError(f"'{format_date(day)}'", f"is before {action.reference} was raised "
                         f"({format_date(action.raised_on)})", f"date the {what} on or after that")
    return day


def _add_event(ed: Action, action_id: int, kind: str, made_on: dt.date, meeting_id: int | None,
               **values: Any) -> int:
    return ed.insert("action_event", {"action_id": action_id, "made_on": made_on, "meeting_id": meeting_id,
                                      "kind": kind, **values})


def add_progress(ed: Action, bf: BoardFile, action_id: int, note: str, *, made_on: dt.date,
                 meeting_id: int | None = None) -> int:
    """A dated progress update (reported at ``meeting_id``, if given)."""
    action = get_action(bf, action_id)
    text = clean(note)
    if text is None:
        raise InputError("The update", "is empty", "type the progress made")
    return _add_event(ed, action_id, "progress", _check_day(action, made_on, "update"), meeting_id, note=text)


def move_due(ed: Action, bf: BoardFile, action_id: int, due_on: dt.date | None, *, made_on: dt.date,
             meeting_id: int | None = None, note: str | None = None) -> bool:
    """Move the due date, keeping the old one in the history; False if it is unchanged."""
    action = get_action(bf, action_id)
    if due_on == action.due_on:
        return False
    if not action.is_open:
        raise InputError(action.reference, f"is {action.status}", "reopen it before moving its due date")
    if due_on is not None and due_on < action.raised_on:
        raise InputError(f"'{format_date(due_on)}'", f"is before {action.reference} was raised "
                         f"({format_date(action.raised_on)})", "give a due date on or after that")
    _add_event(ed, action_id, "due", _check_day(action, made_on, "change"), meeting_id, note=clean(note),
               due_from=action.due_on, due_to=due_on)
    ed.update("board_action", action_id, {"due_on": due_on})
    return True


def set_status(ed: Action, bf: BoardFile, action_id: int, status: str, *, on: dt.date | None,
               meeting_id: int | None = None, note: str | None = None) -> bool:
    """Mark the action done, dropped or superseded on ``on`` (which done needs), or reopen it."""
    action = get_action(bf, action_id)
    status = parse_action_status(status)
    if status == action.status:
        return False
    if on is None:
        raise InputError(action.reference, f"is marked {status} without a date",
                         f"give the date it was {'done' if status == 'done' else 'closed' if status != 'open' else 'reopened'}")
    day = _check_day(action, on, "status")
    _add_event(ed, action_id, "status", day, meeting_id, note=clean(note), status_to=status)
    values: dict[str, Any] = {"status": status, "closed_on": None if status == "open" else day}
    if status != "open" and action.rag_override:
        values |= {"rag_override": None, "rag_reason": None}
    ed.update("board_action", action_id, values)
    return True


def carry_action(ed: Action, bf: BoardFile, action_id: int, to: Body, *, made_on: dt.date,
                 meeting_id: int | None = None, note: str | None = None) -> None:
    """Hand the action to another body (a sub-group's to the board, say); its reference stays."""
    action = get_action(bf, action_id)
    if to.board_id != action.board_id:
        raise InputError(f"The {to.display_name}", "belongs to another board", "carry it to one of this board's bodies")
    if to.subgroup_id == action.subgroup_id:
        raise InputError(action.reference, f"is already with the {to.display_name}", "choose another body")
    _add_event(ed, action_id, "carried", _check_day(action, made_on, "carry"), meeting_id, note=clean(note),
               body_from=action.subgroup_id, body_to=to.subgroup_id)
    ed.update("board_action", action_id, {"subgroup_id": to.subgroup_id})


def override_rag(ed: Action, bf: BoardFile, action_id: int, rag: str | None, reason: str | None, *,
                 made_on: dt.date) -> None:
    """Rate the action ``rag`` whatever its due date says, for ``reason``; None removes the override."""
    action = get_action(bf, action_id)
    if not action.is_open:
        raise InputError(action.reference, f"is {action.status}", "only open actions are RAG rated")
    reason = clean(reason)
    if rag is not None:
        if rag not in RAGS:
            raise InputError(quoted(rag), "is not a RAG rating", "use red, amber or green")
        if reason is None:
            raise InputError("The RAG override", "has no reason", "say why the rating differs from the due date's")
    if rag == action.rag_override and (rag is None or reason == action.rag_reason):
        return
    _add_event(ed, action_id, "rag", _check_day(action, made_on, "override"), None, note=reason, rag_to=rag)
    ed.update("board_action", action_id, {"rag_override": rag, "rag_reason": reason if rag else None})


def update_action(ed: Action, bf: BoardFile, action_id: int, values: dict[str, Any]) -> bool:
    """Change what the action says (text, owner, agenda item, source, objective); dated changes have their own
    functions."""
    cleaned = edited(values, EDITABLE, {
        "text": InputError("The action", "is empty", "type what is to be done"),
        "owner_organisation_id": InputError("The owner", "is empty", "choose the organisation that owns the action")})
    get_action(bf, action_id)
    return ed.update("board_action", action_id, cleaned)


def set_owner(ed: Action, bf: BoardFile, action_id: int, text: str) -> bool:
    """The owner as typed, ``Essex Police (Zoë Adeyemi)``: the organisation must be in the file; a person new to
    it is added."""
    organisation, person = parse_owner(text)
    org_id = require_organisation(bf, organisation)
    person_id = person_for(ed, bf, person) if person else None
    return update_action(ed, bf, action_id, {"owner_organisation_id": org_id, "owner_person_id": person_id})


def delete_action(ed: Action, bf: BoardFile, action_id: int) -> None:
    """Remove an action with its history and its links to risks (all restored by undo)."""
    for table in ("action_event", "risk_action"):
        for (row_id,) in bf.query(f"SELECT id FROM {table} WHERE action_id = ?", (action_id,)):
            ed.delete(table, row_id)
    ed.delete("board_action", action_id)
