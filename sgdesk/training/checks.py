"""Domain checks for `sgdesk check`: training sessions over capacity, open bookings on cancelled sessions,
session tallies that are not the count of their bookings, delegates' last sessions that are not their bookings'."""

from __future__ import annotations

from sgdesk.checks import Finding
from sgdesk.store import BoardFile
from sgdesk.training.model import PLACES_SQL

#: each session's tally (``training_session_tally``) counted afresh from its bookings and evaluations, as the
#: migration that made the table filled it (db/0016_training_tallies.sql)
_RECOUNT = """
SELECT s.id, sum(b.status IS 'confirmed'), sum(b.status IS 'waitlisted'), sum(b.status IS 'attended'),
       sum(b.status IS 'dna'), sum(b.status IS 'cancelled'), sum(b.status IS 'substituted'),
       sum(b.substitute_for IS NOT NULL),
       count(e.id), coalesce(sum(e.confidence_before), 0), count(e.confidence_before),
       coalesce(sum(e.confidence_after), 0), count(e.confidence_after), coalesce(sum(e.useful), 0), count(e.useful)
FROM training_session s
LEFT JOIN training_booking b ON b.session_id = s.id
LEFT JOIN training_evaluation e ON e.booking_id = b.id AND b.status = 'attended'
GROUP BY s.id
"""
#: the sessions whose tally is not the recount of their bookings, or that have none, and the tallies of no session
_MISCOUNTED = f"""
SELECT id FROM ({_RECOUNT} EXCEPT SELECT * FROM training_session_tally)
UNION SELECT id FROM training_session_tally WHERE id NOT IN (SELECT id FROM training_session)
ORDER BY id
"""
#: each delegate's last booked session (``training_delegate_last_session``) found afresh from their bookings: the rows
#: the migration that made the table filled it with (db/0017_delegate_last_sessions.sql)
_LAST_SESSIONS = """
SELECT d.id, d.board_id, d.anonymised_on IS NOT NULL, last.day
FROM (SELECT b.delegate_id, max(s.session_date) AS day FROM training_booking b
      JOIN training_session s ON s.id = b.session_id GROUP BY b.delegate_id) last
JOIN training_delegate d ON d.id = last.delegate_id
"""
#: the delegates whose stored last session is not the one their bookings give, or who have none stored, and the
#: rows stored for a delegate with no booking (the recount made once: 0.95 -> 0.45 s on the ten-year stress board)
_MISDATED = f"""
WITH recount AS ({_LAST_SESSIONS})
SELECT id FROM (SELECT * FROM recount EXCEPT SELECT * FROM training_delegate_last_session)
UNION SELECT id FROM (SELECT * FROM training_delegate_last_session EXCEPT SELECT * FROM recount)
ORDER BY id
"""
SHOWN = 10   # sessions or delegates named in a finding, at most
_RESTORE = "restore the latest good backup (sgdesk restore), or report this to your SG Desk support"


def training_checks(bf: BoardFile) -> list[Finding]:
    """Sessions over capacity, live bookings on cancelled sessions, tallies that are not their sessions' counts and
    delegates' last sessions that are not their bookings' (none should ever be: the last two only if the file was
    changed outside SG Desk)."""
    over = bf.query(f"""
        SELECT s.id, s.capacity, count(b.id) FROM training_session s
        JOIN training_booking b ON b.session_id = s.id AND b.status IN {PLACES_SQL}
        GROUP BY s.id HAVING count(b.id) > s.capacity""")
    live = bf.scalar("SELECT count(*) FROM training_booking b JOIN training_session s ON s.id = b.session_id "
                     "WHERE s.status = 'cancelled' AND b.status NOT IN ('cancelled', 'substituted')")
    miscounted = [row[0] for row in bf.query(_MISCOUNTED)]
    misdated = [row[0] for row in bf.query(_MISDATED)]
    findings = []
    if over:
        ids = ", ".join(str(row[0]) for row in over)
        findings.append(Finding("problem", f"training sessions over capacity: {ids}",
                                "cancel bookings or raise the capacity in the Training view"))
    if live:
        findings.append(Finding("problem", f"{live} booking(s) still open on cancelled training sessions",
                                "cancel them in the Training view (no charge applies)"))
    if miscounted:
        findings.append(Finding("problem", "training sessions whose tally is not the count of their bookings, so "
                                           f"that the training figures miscount them: {_named(miscounted)}",
                                _RESTORE))
    if misdated:
        findings.append(Finding("problem", "training delegates whose last booked session is not stored as their "
                                           "bookings give it, so that the retention check may miss them or name "
                                           f"them too soon: {_named(misdated)}", _RESTORE))
    if not findings:
        findings.append(Finding("ok", "training: no session over capacity, no open booking on a cancelled session, "
                                      "every session's tally the count of its bookings, every delegate's last "
                                      "session their bookings'"))
    return findings


def _named(ids: list[int]) -> str:
    """The first :data:`SHOWN` of ``ids``, and how many more."""
    more = f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
    return f"{', '.join(map(str, ids[:SHOWN]))}{more}"
