"""Self-assessment on the Overview: starting a round as a first step, and the rounds still open."""

from __future__ import annotations

import datetime as dt

from sgdesk.assessment.rounds import list_respondents, list_rounds
from sgdesk.dates import format_date
from sgdesk.overview import FirstStep, Glance
from sgdesk.store import BoardFile


def has_round(bf: BoardFile, board_id: int) -> bool:
    return bool(bf.scalar("SELECT count(*) FROM assessment_round WHERE board_id = ?", (board_id,)))


FIRST_STEPS = (FirstStep(40, "Start a self-assessment round and send each partner its response form.",
                         "Start a self-assessment…", has_round, "assessment", {"start": "new_round"}),)


def rounds_in_progress(bf: BoardFile, board_id: int, today: dt.date) -> Glance:
    lines = []
    for rnd in (r for r in list_rounds(bf, board_id) if r.is_open):
        respondents = list_respondents(bf, rnd.id)
        returned = sum(r.submitted_on is not None for r in respondents)
        deadline = f", deadline {format_date(rnd.deadline)}" if rnd.deadline else ""
        lines.append(f"{rnd.title}: {returned} of {len(respondents)} returned{deadline}")
    return Glance(20, "Open self-assessment rounds", tuple(lines), "assessment",
                  empty="No self-assessment round is open.")
