"""Domain checks for `sgdesk check`: membership and attendance records that contradict each other."""

from __future__ import annotations

import datetime as dt

from sgdesk.checks import Finding
from sgdesk.dates import format_date
from sgdesk.store import BoardFile


def _day(iso: str) -> str:
    return format_date(dt.date.fromisoformat(iso))


def _count_finding(bf: BoardFile, sql: str, found: str, fix: str, example=lambda row: str(row[0])) -> list[Finding]:
    """One warning counting the rows ``sql`` finds, with the first three as examples."""
    rows = bf.query(sql)
    if not rows:
        return []
    examples = "; ".join(example(r) for r in rows[:3]) + ("; ..." if len(rows) > 3 else "")
    return [Finding("warning", f"{len(rows)} {found} ({examples})", fix)]


def membership_checks(bf: BoardFile) -> list[Finding]:
    findings: list[Finding] = []
    findings += _count_finding(
        bf, "SELECT coalesce(s.label, o.short_name, o.name), m.meets_on FROM attendance a "
            "JOIN seat s ON s.id = a.seat_id JOIN organisation o ON o.id = s.organisation_id "
            "JOIN meeting m ON m.id = a.meeting_id "
            "WHERE (s.starts_on IS NOT NULL AND m.meets_on < s.starts_on) OR (s.ends_on IS NOT NULL AND "
            "m.meets_on > s.ends_on) ORDER BY m.meets_on",
        "attendance marks fall outside their seat's dates",
        "correct the seat's dates in Membership, or the marks in Meetings", lambda r: f"{r[0]} on {_day(r[1])}")
    findings += _count_finding(
        bf, "SELECT m.meets_on, m.status FROM meeting m WHERE m.status != 'held' AND EXISTS "
            "(SELECT 1 FROM attendance a WHERE a.meeting_id = m.id) ORDER BY m.meets_on",
        "meetings have attendance marks but are not marked held",
        "set their status to held in Meetings, or clear the marks", lambda r: f"{_day(r[0])} ({r[1]})")
    findings += _count_finding(
        bf, "SELECT p.name FROM seat_holder h JOIN seat s ON s.id = h.seat_id JOIN person p ON p.id = h.person_id "
            "WHERE (s.starts_on IS NOT NULL AND h.starts_on IS NOT NULL AND h.starts_on < s.starts_on) "
            "OR (s.ends_on IS NOT NULL AND (h.ends_on IS NULL OR h.ends_on > s.ends_on)) ORDER BY p.name",
        "people hold a seat outside the seat's own dates",
        "correct their terms in the seat's history in Membership")
    findings += _count_finding(
        bf, "SELECT coalesce(s.label, o.short_name, o.name) FROM seat_holder a JOIN seat_holder b "
            "ON a.seat_id = b.seat_id AND a.id < b.id AND a.kind = 'representative' AND b.kind = 'representative' "
            "AND coalesce(a.starts_on, '') <= coalesce(b.ends_on, '9999') "
            "AND coalesce(b.starts_on, '') <= coalesce(a.ends_on, '9999') "
            "JOIN seat s ON s.id = a.seat_id JOIN organisation o ON o.id = s.organisation_id",
        "seats have two representatives at once",
        "end the earlier representative's term in the seat's history")
    findings += _count_finding(
        bf, "SELECT o.name || ' (' || b.name || ')' FROM organisation o CROSS JOIN board b WHERE o.statutory = 1 "
            "AND (o.active_to IS NULL OR o.active_to >= date('now')) "
            "AND EXISTS (SELECT 1 FROM seat WHERE board_id = b.id) AND NOT EXISTS (SELECT 1 FROM seat s "
            "WHERE s.board_id = b.id AND s.subgroup_id IS NULL AND s.organisation_id = o.id "
            "AND (s.ends_on IS NULL OR s.ends_on >= date('now'))) ORDER BY o.name",
        "statutory partners have no seat on their board",
        "add a seat for each statutory partner in Membership")
    if not findings:
        findings.append(Finding("ok", "membership and attendance records agree with each other"))
    return findings
