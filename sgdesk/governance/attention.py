"""What the Overview lists for the registers: actions overdue, actions due before their body's next
meeting, risks past their review date, and red risks with no open mitigating action."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sgdesk.attention import AttentionItem
from sgdesk.dates import format_date
from sgdesk.governance.actions import LoggedAction, list_actions
from sgdesk.governance.risks import get_bands, list_risks
from sgdesk.membership.bodies import list_bodies
from sgdesk.membership.meetings import list_meetings
from sgdesk.store import BoardFile

VIEW = "governance"
#: an item names at most this many references, then "and N more"
LISTED = 5


def listed(references: list[str]) -> str:
    """``B-2018-001, B-2018-004 and 3 more``.

    >>> listed(["A", "B"]), listed(list("ABCDEFG"))
    ('A and B', 'A, B, C, D, E and 2 more')
    """
    if len(references) <= LISTED:
        return references[0] if len(references) == 1 else ", ".join(references[:-1]) + f" and {references[-1]}"
    return ", ".join(references[:LISTED]) + f" and {len(references) - LISTED} more"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def governance_attention(bf: BoardFile, board_id: int, today: dt.date | None = None) -> list[AttentionItem]:
    today = today or dt.date.today()
    items: list[AttentionItem] = []
    by_body: dict[str | None, list[LoggedAction]] = defaultdict(list)
    for action in list_actions(bf, board_id, open_only=True):
        by_body[action.body_key].append(action)
    for body in list_bodies(bf, board_id):
        actions = by_body.get(body.key, [])
        overdue = sorted((a for a in actions if a.is_overdue(today)), key=lambda a: (a.due_on, a.reference))
        if overdue:
            items.append(AttentionItem(VIEW, f"{body.display_name}: {_plural(len(overdue), 'action')} overdue "
                                       f"({listed([a.reference for a in overdue])})", "problem",
                                       {"tab": "actions", "body": body.key, "rag": "red"}))
        coming = [m for m in list_meetings(bf, body, include_cancelled=False) if m.meets_on >= today]
        if coming:
            meeting = coming[0]
            due = sorted((a for a in actions if a.due_on is not None and today <= a.due_on <= meeting.meets_on),
                         key=lambda a: (a.due_on, a.reference))
            if due:
                items.append(AttentionItem(VIEW, f"{body.display_name}: {_plural(len(due), 'action')} due by its next "
                                           f"meeting on {format_date(meeting.meets_on)} "
                                           f"({listed([a.reference for a in due])})", "warning",
                                           {"tab": "actions", "body": body.key, "due_by": meeting.meets_on.isoformat()}))
    bands = get_bands(bf, board_id)
    risks = [risk for risk in list_risks(bf, board_id) if risk.is_open]
    open_actions = {a.id for actions in by_body.values() for a in actions}
    overdue_reviews = sorted((r for r in risks if r.review_overdue(today)), key=lambda r: (r.review_on, r.reference))
    if overdue_reviews:
        first = overdue_reviews[0]
        items.append(AttentionItem(VIEW, f"{_plural(len(overdue_reviews), 'risk')} past {'their' if len(overdue_reviews) > 1 else 'its'} "
                                   f"review date, due from "
                                   f"{format_date(first.review_on)} ({listed([r.reference for r in overdue_reviews])})",
                                   "warning",
                                   {"tab": "risks", "risk_id": first.id}))
    unmitigated = [r for r in risks if bands.rag(r.residual_score) == "red"
                   and not open_actions.intersection(r.action_ids)]
    if unmitigated:
        items.append(AttentionItem(VIEW, f"{_plural(len(unmitigated), 'red risk')} with no open mitigating action "
                                   f"({listed([r.reference for r in unmitigated])})", "problem",
                                   {"tab": "risks", "risk_id": unmitigated[0].id}))
    return items
