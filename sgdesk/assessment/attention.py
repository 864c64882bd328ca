"""Overview items: self-assessment rounds still collecting answers."""

from __future__ import annotations

import datetime as dt

from sgdesk.assessment.rounds import list_respondents, list_rounds
from sgdesk.attention import AttentionItem
from sgdesk.dates import format_date
from sgdesk.store import BoardFile


def assessment_attention(bf: BoardFile, board_id: int, today: dt.date | None = None) -> list[AttentionItem]:
    """One item per open round: how many agencies have returned it, and whether the deadline has passed."""
    today = today or dt.date.today()
    items = []
    for rnd in list_rounds(bf, board_id):
        if not rnd.is_open:
            continue
        respondents = list_respondents(bf, rnd.id)
        returned = sum(1 for r in respondents if r.submitted_on is not None)
        text = f"Self-assessment '{rnd.title}' is open: {returned} of {len(respondents)} agencies have returned it"
        severity = "info"
        if rnd.deadline is not None and rnd.deadline < today and returned < len(respondents):
            text += f"; the deadline ({format_date(rnd.deadline)}) has passed"
            severity = "warning"
        elif rnd.deadline is not None:
            text += f" (deadline {format_date(rnd.deadline)})"
        items.append(AttentionItem("assessment", text, severity, {"round_id": rnd.id}))
    return items
