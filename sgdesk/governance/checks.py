"""`sgdesk check` for the registers: records whose dates or scores cannot be right."""

from __future__ import annotations

import datetime as dt

from sgdesk.checks import Finding
from sgdesk.store import BoardFile

_QUERIES: tuple[tuple[str, str, str, str], ...] = (
    ("problem", "SELECT a.reference FROM board_action a WHERE a.due_on < a.raised_on",
     "actions due before they were raised", "move their due dates in the Actions view"),
    ("problem", ("SELECT DISTINCT a.reference FROM action_event e JOIN board_action a ON a.id = e.action_id "
                "WHERE e.made_on < a.raised_on"), "actions with history dated before they were raised",
     "check the dates of their updates"),
    ("warning", "SELECT a.reference FROM board_action a WHERE a.closed_on > :today",
     "actions closed on a date still to come", "correct the date done"),
    ("problem", "SELECT r.reference FROM risk r WHERE NOT EXISTS (SELECT 1 FROM risk_review v WHERE v.risk_id = r.id)",
     "risks with no scores", "record a review of each in the Risks view"),
    ("problem", ("SELECT DISTINCT r.reference FROM risk_review v JOIN risk r ON r.id = v.risk_id "
                "WHERE v.reviewed_on < r.identified_on"), "risks reviewed before they were identified",
     "check the dates of their reviews"),
    ("warning", ("SELECT DISTINCT r.reference FROM risk_review v JOIN risk r ON r.id = v.risk_id "
                "WHERE v.reviewed_on > :today"), "risks with a review dated in the future",
     "correct the review date"),
    ("problem", ("SELECT DISTINCT o.number FROM plan_update u JOIN plan_objective o ON o.id = u.objective_id "
                "JOIN plan p ON p.id = o.plan_id WHERE u.made_on < p.starts_on"),
     "business plan objectives with updates from before the plan began", "check the dates of those updates"),
)


def governance_checks(bf: BoardFile, today: dt.date | None = None) -> list[Finding]:
    today = today or dt.date.today()
    findings = []
    for level, sql, what, fix in _QUERIES:
        found = [row[0] for row in bf.query(sql, {"today": today.isoformat()})]
        if found:
            shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            findings.append(Finding(level, f"{what[:1].upper()}{what[1:]} ({len(found)}): {shown}",  # type: ignore[arg-type]
                                    fix))
    if not findings:
        actions = bf.scalar("SELECT count(*) FROM board_action")
        risks = bf.scalar("SELECT count(*) FROM risk")
        findings.append(Finding("ok", f"the action log ({actions} actions) and risk register ({risks} risks) "
                                "are consistent"))
    return findings
