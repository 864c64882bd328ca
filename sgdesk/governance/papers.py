"""What the papers for one meeting hold: agenda, last meeting's attendance, action log, risk register,
business plan progress.

The papers are made as they would have been sent: from the registers as they stood the day before
the meeting (so an action agreed or a review recorded at the meeting itself belongs to the next
pack), with RAG worked out against the meeting's date, when the board reads them. After the
meeting, actions marked done and risks reviewed there are carried forward into the next pack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sgdesk.boards import get_board
from sgdesk.dates import format_date, format_date_long
from sgdesk.fyear import Period
from sgdesk.governance.actions import LoggedAction, actions_as_at, first_due_dates
from sgdesk.governance.plans import (
    ObjectiveProgress,
    Plan,
    list_objectives,
    plan_for,
    progress,
)
from sgdesk.governance.rag import ORDER
from sgdesk.governance.risks import (
    Bands,
    HeatMap,
    Risk,
    by_residual,
    get_bands,
    heat_map,
    list_risks,
)
from sgdesk.membership.bodies import Body, list_bodies
from sgdesk.membership.grid import load_grid
from sgdesk.membership.meetings import (
    ForwardItem,
    Meeting,
    get_meeting,
    list_forward_items,
    list_meetings,
)
from sgdesk.store import BoardFile

AGENDA, ATTENDANCE, ACTIONS, RISKS, PLAN = ("Agenda", "Attendance at the last meeting", "Action log",
                                            "Risk register", "Business plan progress")
CHAIR = "Chair"
BUSINESS_UNIT = "Business unit"
#: a forward-plan item whose title says this brings business plan progress into the pack
PLAN_ITEM_WORDS = "business plan"


@dataclass(frozen=True)
class AgendaItem:
    """One numbered item on a meeting's agenda, with its lead and where its paper is."""

    number: int
    title: str
    lead: str
    paper: str          # "Section 3 of this pack", "Paper due 30 Jan 2019", "Verbal"


@dataclass(frozen=True)
class Attendee:
    """A seat at the last meeting: who sat in it, and its mark."""

    seat: str
    person: str
    mark: str
    deputy: str | None = None

    @property
    def name(self) -> str:
        if self.mark == "D":
            return f"{self.deputy} (deputy)" if self.deputy else "a deputy"
        return self.person


@dataclass(frozen=True)
class MeetingPapers:
    """Everything the papers for one meeting hold, from the registers as they stood the day before it."""

    board_name: str
    body: Body
    meeting: Meeting
    previous: Meeting | None
    next: Meeting | None
    forward_items: tuple[ForwardItem, ...]
    attendance: tuple[Attendee, ...]          # at the previous meeting
    apologies_now: tuple[Attendee, ...]       # apologies already sent for this meeting
    open_actions: tuple[LoggedAction, ...]
    done_actions: tuple[LoggedAction, ...]    # closed at or since the previous meeting
    risks: tuple[Risk, ...]                   # open, highest residual score first
    bands: Bands
    plan: Plan | None
    plan_progress: tuple[ObjectiveProgress, ...] | None   # None: the forward plan does not list it
    first_due: dict[int, dt.date | None]      # the due date first given, for actions whose due date moved

    @property
    def rag_day(self) -> dt.date:
        """The day RAG is worked out against: the meeting's."""
        return self.meeting.meets_on

    @property
    def state_day(self) -> dt.date:
        """The day the registers are shown as at: the day before the meeting."""
        return self.meeting.meets_on - dt.timedelta(days=1)

    @property
    def heat_map(self) -> HeatMap:
        return heat_map(self.risks, self.bands)

    @property
    def previous_recorded(self) -> bool:
        return bool(self.attendance)

    def marked(self, *marks: str) -> list[Attendee]:
        return [a for a in self.attendance if a.mark in marks]

    def rag_counts(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {}
        for action in self.open_actions:
            rag = action.rag(self.rag_day)
            counts[rag] = counts.get(rag, 0) + 1
        return counts

    def sections(self) -> list[str]:
        """The pack's numbered sections, in order."""
        found = [AGENDA]
        if self.previous is not None:
            found.append(ATTENDANCE)
        found += [ACTIONS, RISKS]
        if self.plan_progress is not None:
            found.append(PLAN)
        return found

    def section_number(self, section: str) -> int:
        return self.sections().index(section) + 1

    def agenda(self) -> list[AgendaItem]:
        """The standing items, the forward plan's items for this meeting, any other business, next meeting."""
        def paper(section: str) -> str:
            return f"Section {self.section_number(section)} of this pack"

        items = [("Welcome, introductions and apologies", CHAIR, "Verbal"),
                 ("Minutes of the last meeting and matters arising", CHAIR,
                  "Circulated separately" if self.previous else "Verbal")]
        if self.previous is not None:
            items.append((ATTENDANCE, BUSINESS_UNIT, paper(ATTENDANCE)))
        items += [(ACTIONS, BUSINESS_UNIT, paper(ACTIONS)), (RISKS, BUSINESS_UNIT, paper(RISKS))]
        standing = {title.casefold(): index for index, (title, _lead, _paper) in enumerate(items)}
        for item in self.forward_items:
            if item.title.casefold() in standing:      # the forward plan lists a standing item: one line, its lead
                index = standing[item.title.casefold()]
                title, lead, shown = items[index]
                items[index] = (title, item.lead or lead, shown)
                continue
            if self.plan_progress is not None and PLAN_ITEM_WORDS in item.title.casefold():
                shown = paper(PLAN)
            else:
                shown = f"Paper due {format_date(item.paper_due_on)}" if item.paper_due_on else "Paper"
            items.append((item.title, item.lead or "", shown))
        items.append(("Any other business", CHAIR, "Verbal"))
        if self.next is not None:
            items.append((f"Date of next meeting: {long_date(self.next.meets_on)}", CHAIR, ""))
        return [AgendaItem(number, *item) for number, item in enumerate(items, start=1)]


def long_date(day: dt.date) -> str:
    """``Wednesday 6 February 2019``."""
    return f"{day:%A} {format_date_long(day)}"


def _attendees(bf: BoardFile, body: Body, meeting: Meeting) -> list[Attendee]:
    grid = load_grid(bf, body, Period(meeting.meets_on, meeting.meets_on))
    found = []
    for seat in grid.seats:
        record = grid.marks.get((seat.id, meeting.id))
        if record is None or record.mark == "-":
            continue
        holder = seat.representative_on(meeting.meets_on)
        found.append(Attendee(seat.shown_as, holder.name if holder else "", record.mark, record.deputy_name))
    return found


def meeting_papers(bf: BoardFile, meeting_id: int) -> MeetingPapers:
    """The papers for the meeting ``meeting_id``."""
    meeting = get_meeting(bf, meeting_id)
    body = next(b for b in list_bodies(bf, meeting.board_id) if b.subgroup_id == meeting.subgroup_id)
    meetings = [m for m in list_meetings(bf, body, include_cancelled=False) if m.id != meeting.id]
    previous = next((m for m in reversed(meetings) if m.meets_on < meeting.meets_on and m.is_held), None)
    following = next((m for m in meetings if m.meets_on > meeting.meets_on), None)
    day = meeting.meets_on - dt.timedelta(days=1)
    actions = [a for a in actions_as_at(bf, meeting.board_id, day) if a.subgroup_id == body.subgroup_id]
    open_actions = sorted((a for a in actions if a.is_open),
                          key=lambda a: (ORDER[a.rag(meeting.meets_on)], a.due_on or dt.date.max, a.reference))
    since = previous.meets_on if previous else None
    done = [a for a in actions if not a.is_open and since is not None and a.closed_on >= since]
    risks = [r for r in list_risks(bf, meeting.board_id, as_at=day) if r.is_open and r.subgroup_id == body.subgroup_id]
    items = tuple(list_forward_items(bf, [meeting.id]))
    wants_plan = any(PLAN_ITEM_WORDS in item.title.casefold() for item in items)
    plan = plan_for(bf, meeting.board_id, day=meeting.meets_on) or plan_for(bf, meeting.board_id)
    plan_progress = None
    if wants_plan and plan is not None:
        plan_progress = tuple(progress(list_objectives(bf, plan.id), Period(plan.period.start, max(day, plan.period.start))))
    apologies_now = tuple(a for a in _attendees(bf, body, meeting) if a.mark == "A")
    return MeetingPapers(get_board(bf, meeting.board_id).name, body, meeting, previous, following, items,
                         tuple(_attendees(bf, body, previous)) if previous else (), apologies_now,
                         tuple(open_actions), tuple(sorted(done, key=lambda a: a.reference)),
                         tuple(by_residual(risks)), get_bands(bf, meeting.board_id), plan, plan_progress,
                         first_due_dates(bf, meeting.board_id, day))
