"""Attendance flags: what a business manager should look at in a grid.

* **Deputy run**: a seat represented by a deputy at more than two consecutive meetings (the
  board's rule: a deputy may stand in, but not for more than two meetings running without a
  review of the nomination). Consecutive means among the meetings counted for the seat.
* **Statutory partner absent**: a statutory partner (local authority, police, health) whose
  seats at a recorded meeting were all marked A or N.
* **Inquorate**: a recorded meeting that fails the body's quorum rule (a board setting; by
  default the chair or vice chair present and every statutory partner present).
* **Not recorded** and **missing marks**: see :mod:`.grid`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Literal

from sgdesk.boards import get_setting, set_setting
from sgdesk.dates import format_date
from sgdesk.membership.bodies import Body
from sgdesk.membership.grid import AttendanceGrid
from sgdesk.membership.meetings import Meeting
from sgdesk.store import BoardFile
from sgdesk.store.changes import Action

DEPUTY_RUN_LIMIT = 2
QUORUM_SETTING = "membership.quorum"

FlagKind = Literal["not recorded", "missing marks", "deputy run", "statutory partner absent", "inquorate"]


@dataclass(frozen=True)
class Flag:
    """One thing in a grid a business manager should look at (a deputy run...), with the seat and meeting it
    concerns."""

    kind: FlagKind
    text: str                        # one line, e.g. "Essex Police: deputy at 3 meetings running (...)"
    day: dt.date | None = None       # the meeting it concerns (the last, for a run)
    seat_id: int | None = None
    meeting_id: int | None = None
    severity: Literal["info", "warning", "problem"] = "warning"

    @property
    def title(self) -> str:
        return self.kind[0].upper() + self.kind[1:]


@dataclass(frozen=True)
class QuorumRule:
    """When a meeting is quorate. Stored per body in the board setting ``membership.quorum``."""

    enabled: bool = True
    chair_or_vice_chair: bool = True
    all_statutory_partners: bool = True
    minimum_present: int = 0

    def describe(self) -> str:
        if not self.enabled:
            return "quorum is not checked"
        parts = []
        if self.chair_or_vice_chair:
            parts.append("the chair or vice chair present")
        if self.all_statutory_partners:
            parts.append("every statutory partner present")
        if self.minimum_present:
            parts.append(f"at least {self.minimum_present} seats present")
        return "quorate with " + (", ".join(parts) if parts else "anyone present")


def default_quorum(body: Body) -> QuorumRule:
    """The board itself is checked by default; sub-groups once a rule is set for them."""
    return QuorumRule(enabled=body.is_board)


def get_quorum_rule(bf: BoardFile, body: Body) -> QuorumRule:
    stored = get_setting(bf, body.board_id, QUORUM_SETTING, {}).get(body.key)
    if not stored:
        return default_quorum(body)
    known = {key: stored[key] for key in asdict(QuorumRule()) if key in stored}
    return QuorumRule(**known)


def set_quorum_rule(ed: Action, bf: BoardFile, body: Body, rule: QuorumRule) -> None:
    if rule.minimum_present < 0:
        raise ValueError("minimum_present cannot be negative")
    rules = dict(get_setting(bf, body.board_id, QUORUM_SETTING, {}))
    rules[body.key] = asdict(rule)
    set_setting(ed, bf, body.board_id, QUORUM_SETTING, rules)


# -- the flags ------------------------------------------------------------------------------------------
def recording_flags(grid: AttendanceGrid) -> list[Flag]:
    flags = [Flag("not recorded", f"The meeting of {format_date(m.meets_on)} was held but its attendance is "
                  "not recorded; it is not counted", m.meets_on, meeting_id=m.id) for m in grid.unrecorded_meetings]
    by_meeting: dict[int, list[str]] = {}
    for seat, meeting in grid.missing_marks():
        by_meeting.setdefault(meeting.id, []).append(seat.shown_as)
    for meeting in grid.recorded_meetings:
        names = by_meeting.get(meeting.id)
        if names:
            flags.append(Flag("missing marks", f"{format_date(meeting.meets_on)}: no mark for {', '.join(names)} "
                              "(not counted)", meeting.meets_on, meeting_id=meeting.id, severity="info"))
    return flags


def deputy_runs(grid: AttendanceGrid, limit: int = DEPUTY_RUN_LIMIT) -> list[Flag]:
    flags = []
    for seat in grid.seats:
        run: list[Meeting] = []
        for meeting, mark in [*grid.counted_marks(seat), (None, "")]:
            if mark == "D":
                run.append(meeting)  # type: ignore[arg-type]
                continue
            if len(run) > limit:
                dates = ", ".join(format_date(m.meets_on) for m in run)
                flags.append(Flag("deputy run", f"{seat.shown_as}: a deputy attended {len(run)} meetings running "
                                  f"({dates}); review the nominated representative", run[-1].meets_on,
                                  seat_id=seat.id, meeting_id=run[-1].id))
            run = []
    return flags


def _statutory_absent(grid: AttendanceGrid, meeting: Meeting) -> list[str]:
    """Statutory partners expected at ``meeting`` none of whose seats was present."""
    expected: dict[str, bool] = {}
    for seat in grid.seats:
        if seat.statutory and grid.cell(seat, meeting).counted:
            name = seat.organisation_short or seat.organisation_name
            expected[name] = expected.get(name, False) or grid.present_at(seat, meeting)
    return sorted(name for name, present in expected.items() if not present)


def statutory_absences(grid: AttendanceGrid) -> list[Flag]:
    flags = []
    for meeting in grid.recorded_meetings:
        for name in _statutory_absent(grid, meeting):
            flags.append(Flag("statutory partner absent", f"{format_date(meeting.meets_on)}: {name}, a statutory "
                              "partner, was not represented", meeting.meets_on, meeting_id=meeting.id))
    return flags


def quorum_failures(grid: AttendanceGrid, meeting: Meeting, rule: QuorumRule) -> list[str]:
    """Why ``meeting`` was inquorate under ``rule`` (empty when quorate or not checked)."""
    if not rule.enabled or not grid.is_recorded(meeting):
        return []
    reasons = []
    if rule.chair_or_vice_chair and not any(
            (seat.is_chair or seat.is_vice_chair) and grid.cell(seat, meeting).mark == "Y" for seat in grid.seats):
        reasons.append("neither the chair nor the vice chair was there")
    if rule.all_statutory_partners:
        missing = _statutory_absent(grid, meeting)
        if missing:
            reasons.append(f"statutory partner{'s' if len(missing) > 1 else ''} absent: {', '.join(missing)}")
    present = sum(grid.present_at(seat, meeting) for seat in grid.seats)
    if present < rule.minimum_present:
        reasons.append(f"{present} seats present, fewer than {rule.minimum_present}")
    return reasons


def quorum_flags(grid: AttendanceGrid, rule: QuorumRule) -> list[Flag]:
    flags = []
    for meeting in grid.recorded_meetings:
        reasons = quorum_failures(grid, meeting, rule)
        if reasons:
            flags.append(Flag("inquorate", f"{format_date(meeting.meets_on)} was inquorate: {'; '.join(reasons)}",
                              meeting.meets_on, meeting_id=meeting.id, severity="problem"))
    return flags


def all_flags(grid: AttendanceGrid, rule: QuorumRule) -> list[Flag]:
    """Every flag of the grid, in date order."""
    flags = [*recording_flags(grid), *deputy_runs(grid), *statutory_absences(grid), *quorum_flags(grid, rule)]
    return sorted(flags, key=lambda f: (f.day or dt.date.min, f.kind))
