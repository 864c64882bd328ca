"""What needs the training administrator's attention now, shown on the Overview."""

from __future__ import annotations

import datetime as dt

from sgdesk.attention import AttentionItem
from sgdesk.dates import format_date
from sgdesk.store import BoardFile
from sgdesk.training.bookings import untold_promotions
from sgdesk.training.model import list_sessions
from sgdesk.training.policy import get_retention_years
from sgdesk.training.retention import due_delegates, retention_cutoff

_VIEW = "training"
SOON_DAYS = 28


def training_attention(bf: BoardFile, board_id: int, today: dt.date | None = None) -> list[AttentionItem]:
    """Places given from a waiting list to tell people about, sessions to fill or promote into,
    registers not taken, and delegates past the retention period."""
    today = today or dt.date.today()
    items = _untold_promotions(bf, board_id)
    for session in list_sessions(bf, board_id, start=today - dt.timedelta(days=60)):
        if session.cancelled:
            continue
        target = {"session": session.id}
        if session.session_date >= today:
            if session.free_places and session.waiting:
                items.append(AttentionItem(_VIEW, f"{session.label}: {session.free_places} free place(s) and "
                                                  f"{session.waiting} on the waiting list: promote from the list",
                                           "problem", target))
            elif session.waiting:
                items.append(AttentionItem(_VIEW, f"{session.label} is full with {session.waiting} on the waiting "
                                                  "list: consider another session", "info", target))
            elif session.free_places and session.session_date <= today + dt.timedelta(days=SOON_DAYS):
                items.append(AttentionItem(_VIEW, f"{session.label} has {session.free_places} free place(s) of "
                                                  f"{session.capacity}", "info", target))
        else:
            unmarked = bf.scalar("SELECT count(*) FROM training_booking WHERE session_id = ? AND status = 'confirmed'",
                                 (session.id,))
            if unmarked:
                items.append(AttentionItem(_VIEW, f"The register of {session.label} is not taken ({unmarked} "
                                                  "delegate(s) unmarked)", "warning", {**target, "register": True}))
    years = get_retention_years(bf, board_id)
    due = due_delegates(bf, board_id, retention_cutoff(today, years))
    if due:
        items.append(AttentionItem(_VIEW, f"{len(due)} delegate(s) last booked before "
                                          f"{format_date(retention_cutoff(today, years))}, past the {years}-year "
                                          "retention period: anonymise them", "warning", {"anonymise": True}))
    return items


def _untold_promotions(bf: BoardFile, board_id: int) -> list[AttentionItem]:
    return [AttentionItem(_VIEW, f"{p.delegate} was given a place on {p.course} ({format_date(p.session_date)}) "
                                 "from the waiting list: tell them", "warning",
                          {"session": p.session_id, "booking": p.booking_id})
            for p in untold_promotions(bf, board_id)]
