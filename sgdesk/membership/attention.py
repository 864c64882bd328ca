"""What the Overview lists for membership and meetings."""

from __future__ import annotations

import datetime as dt

from sgdesk.attention import AttentionItem
from sgdesk.dates import format_date
from sgdesk.membership.bodies import list_bodies
from sgdesk.membership.flags import deputy_runs
from sgdesk.membership.grid import load_grid
from sgdesk.store import BoardFile


def membership_attention(bf: BoardFile, board_id: int, today: dt.date | None = None) -> list[AttentionItem]:
    today = today or dt.date.today()
    items: list[AttentionItem] = []
    for body in list_bodies(bf, board_id):
        grid = load_grid(bf, body)
        name = body.display_name
        for meeting in grid.unrecorded_meetings:
            items.append(AttentionItem("meetings", f"{name}: the meeting of {format_date(meeting.meets_on)} was held "
                                       "but its attendance is not recorded",
                                       target={"body": body.key, "meeting_id": meeting.id}))
        for meeting in grid.meetings:
            if meeting.status == "planned" and meeting.meets_on < today:
                items.append(AttentionItem("meetings", f"{name}: the meeting planned for "
                                           f"{format_date(meeting.meets_on)} has passed: mark it held or cancelled",
                                           target={"body": body.key, "meeting_id": meeting.id}))
        recorded = grid.recorded_meetings
        for flag in deputy_runs(grid):  # only runs still going at the latest recorded meeting
            if recorded and flag.meeting_id == recorded[-1].id:
                items.append(AttentionItem("meetings", f"{name}: {flag.text}",
                                           target={"body": body.key, "seat_id": flag.seat_id}))
        for seat in grid.seats:
            if seat.active_on(today) and seat.representative_on(today) is None:
                items.append(AttentionItem("membership", f"{name}: the {seat.role} seat of {seat.shown_as} has no "
                                           "representative", "info", {"seat_id": seat.id}))
        if body.tor_review_on is not None and body.tor_review_on < today:
            items.append(AttentionItem("membership", f"{name}: its terms of reference were due for review on "
                                       f"{format_date(body.tor_review_on)}", "info",
                                       {"subgroup_id": body.subgroup_id}))
    return items
