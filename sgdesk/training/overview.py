"""Training on the Overview: the charging policy as a first step, and the next sessions with places left."""

from __future__ import annotations

import datetime as dt

from sgdesk.dates import format_date
from sgdesk.overview import FirstStep, Glance
from sgdesk.store import BoardFile
from sgdesk.training.model import list_sessions
from sgdesk.training.policy import POLICY_KEY

NEXT_SESSIONS = 3


def has_policy(bf: BoardFile, board_id: int) -> bool:
    return bool(bf.scalar("SELECT count(*) FROM board_setting WHERE board_id = ? AND key = ?", (board_id, POLICY_KEY)))


FIRST_STEPS = (FirstStep(30, "Set the charging policy for training: fees, late cancellations and how long "
                             "delegates' details are kept.", "Set the charging policy…", has_policy, "training",
                         {"start": "policy"}),)


def sessions_with_places(bf: BoardFile, board_id: int, today: dt.date) -> Glance:
    """The next scheduled sessions that still have places."""
    coming = [s for s in list_sessions(bf, board_id, start=today) if not s.cancelled]
    open_ = [s for s in coming if s.free_places][:NEXT_SESSIONS]
    lines = tuple(f"{format_date(s.session_date)}: {s.course_title}, {s.free_places} of {s.capacity} places left"
                  for s in open_)
    if lines:
        return Glance(30, "Training sessions with places", lines, "training", {"tab": "programme"})
    empty = ("Every coming session is full." if coming else
             "No training sessions are planned from today: add them in Training.")
    return Glance(30, "Training sessions with places", (), "training", {"tab": "programme"}, empty=empty)
