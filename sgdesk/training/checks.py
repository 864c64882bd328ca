"""Domain checks for `sgdesk check`: training sessions over capacity, open bookings on cancelled sessions."""

from __future__ import annotations

from sgdesk.checks import Finding
from sgdesk.store import BoardFile
from sgdesk.training.model import PLACES_SQL


def training_checks(bf: BoardFile) -> list[Finding]:
    """Sessions over capacity, and live bookings on cancelled sessions (neither should ever be)."""
    over = bf.query(f"""
        SELECT s.id, s.capacity, count(b.id) FROM training_session s
        JOIN training_booking b ON b.session_id = s.id AND b.status IN {PLACES_SQL}
        GROUP BY s.id HAVING count(b.id) > s.capacity""")
    live = bf.scalar("SELECT count(*) FROM training_booking b JOIN training_session s ON s.id = b.session_id "
                     "WHERE s.status = 'cancelled' AND b.status NOT IN ('cancelled', 'substituted')")
    findings = []
    if over:
        ids = ", ".join(str(row[0]) for row in over)
        findings.append(Finding("problem", f"training sessions over capacity: {ids}",
                                "cancel bookings or raise the capacity in the Training view"))
    if live:
        findings.append(Finding("problem", f"{live} booking(s) still open on cancelled training sessions",
                                "cancel them in the Training view (no charge applies)"))
    if not findings:
        findings.append(Finding("ok", "training: no session over capacity, no open booking on a cancelled session"))
    return findings
