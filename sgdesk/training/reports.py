"""Reports ``training``, ``charges`` and ``evaluations`` (printed by the CLI, shown in the app)."""

from __future__ import annotations

import datetime as dt

from sgdesk.collector import collector_paused
from sgdesk.fyear import Period
from sgdesk.reporting import ReportColumn, ReportTable, format_cell
from sgdesk.store import BoardFile
from sgdesk.training.charges import charge_rows, describe_period, organisation_totals
from sgdesk.training.evaluations import (
    CONFIDENCE_SCALE,
    EvaluationSummary,
    evaluation_summaries,
)
from sgdesk.training.figures import Figures, period_figures
from sgdesk.training.model import LENGTHS, iso, session_dates
from sgdesk.training.policy import get_policy

C = ReportColumn


def figure_rows(figures: Figures) -> list[tuple[str, object, str]]:
    """(measure, value, kind) of the headline figures, shared by the report and the PDF."""
    evaluations = figures.evaluations
    rows: list[tuple[str, object, str]] = [
        ("Sessions run", figures.sessions_run, "int"),
        ("Sessions cancelled", figures.sessions_cancelled, "int"),
        ("Sessions still to run", figures.sessions_planned, "int"),
        ("Places offered", figures.places_offered, "int"),
        ("Bookings", figures.bookings, "int"),
        ("Cancellations in time", figures.cancellations_in_time, "int"),
        ("Late cancellations", figures.late_cancellations, "int"),
        ("Places taken by substitutes", figures.substitutions, "int"),
        ("Still on a waiting list", figures.still_waiting, "int"),
        ("Attended", figures.attended, "int"),
        ("Did not attend (DNA)", figures.dna, "int"),
        ("Fill rate (attended / places offered)", figures.fill_rate, "percent"),
        ("DNA rate (DNA / (attended + DNA))", figures.dna_rate, "percent"),
        ("Different delegates who attended", figures.delegates, "int"),
        ("Income charged", figures.income, "money"),
    ]
    if evaluations is not None:
        rows += [
            ("Evaluations returned", evaluations.returned, "int"),
            ("Mean confidence before (1-5)", evaluations.before, "decimal"),
            ("Mean confidence after (1-5)", evaluations.after, "decimal"),
            ("Found the course useful", evaluations.useful_percent, "percent"),
        ]
    return rows


def training_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    figures = period_figures(bf, board_id, period)
    when = describe_period(period)
    headline = ReportTable(
        f"Training figures {when}", [C("measure", "Measure"), C("value", "Value", "text")],
        [{"measure": measure, "value": format_cell(value, kind)} for measure, value, kind in figure_rows(figures)],
        notes=["Sessions run are those dated up to today; charges follow the current charging policy."])
    orgs = ReportTable(
        "Delegates by organisation",
        [C("organisation", "Organisation"), C("category", "Charging category"), C("bookings", "Bookings", "int"),
         C("attended", "Attended", "int"), C("dna", "DNA", "int"), C("delegates", "Delegates", "int"),
         C("income", "Charged", "money")],
        [{"organisation": g.name, "category": g.category, "bookings": g.bookings, "attended": g.attended,
          "dna": g.dna, "delegates": g.delegates, "income": g.income} for g in figures.by_organisation])
    sectors = ReportTable(
        "Delegates by sector",
        [C("sector", "Sector"), C("bookings", "Bookings", "int"), C("attended", "Attended", "int"),
         C("dna", "DNA", "int"), C("delegates", "Delegates", "int")],
        [{"sector": g.name, "bookings": g.bookings, "attended": g.attended, "dna": g.dna, "delegates": g.delegates}
         for g in figures.by_sector])
    sessions = ReportTable(
        "Sessions run",
        [C("id", "Session", "int"), C("date", "Date", "date"), C("course", "Course"), C("level", "Level", "int"),
         C("length", "Length"), C("capacity", "Places", "int"), C("bookings", "Bookings", "int"),
         C("attended", "Attended", "int"), C("dna", "DNA", "int"), C("late", "Late cancellations", "int"),
         C("fill", "Fill rate", "percent")],
        [{"id": line.session.id, "date": line.session.session_date, "course": line.session.course_title,
          "level": line.session.level, "length": LENGTHS[line.session.length], "capacity": line.session.capacity,
          "bookings": line.bookings, "attended": line.attended, "dna": line.dna, "late": line.late_cancellations,
          "fill": line.fill_percent} for line in figures.sessions])
    from sgdesk.training.retention import anonymisation_log  # only this report reads the log, not the appendix

    tables = [headline, orgs, sectors, sessions]
    log = anonymisation_log(bf, board_id)
    if log:
        tables.append(ReportTable(
            "Data protection: delegates anonymised",
            [C("done", "Done on", "date"), C("cutoff", "Last booking before", "date"),
             C("years", "Retention (years)", "int"), C("delegates", "Delegates", "int"),
             C("bookings", "Bookings kept", "int")],
            [{"done": r[0], "cutoff": r[1], "years": r[2], "delegates": r[3], "bookings": r[4]} for r in log]))
    return tables


@collector_paused()      # a ten-year report holds tens of thousands of rows
def charges_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    rows = charge_rows(bf, board_id, period)
    totals = organisation_totals(rows)
    when = describe_period(period)
    summary = ReportTable(
        f"Charges by organisation {when}",
        [C("organisation", "Organisation"), C("category", "Charging category"),
         C("bookings", "Chargeable bookings", "int"), C("total", "Total", "money")],
        [{"organisation": t.organisation, "category": t.category, "bookings": t.bookings, "total": t.total}
         for t in totals] + ([{"organisation": "All organisations", "category": "", "bookings": len(rows),
                               "total": sum(t.total for t in totals)}] if rows else []),
        notes=[get_policy(bf, board_id).summary()], total_rows=frozenset({len(totals)} if rows else ()))
    detail = ReportTable(
        "Chargeable bookings",
        [C("organisation", "Organisation"), C("delegate", "Delegate"), C("email", "Email"), C("course", "Course"),
         C("date", "Session date", "date"), C("length", "Length"), C("reason", "Reason"), C("fee", "Fee", "money")],
        [{"organisation": organisation, "delegate": delegate, "email": email or "", "course": course,
          "date": day, "length": LENGTHS[length], "reason": reason, "fee": fee}
         for (_booking, _org, organisation, _category, delegate, email, course, _session, day, length, reason,
              fee) in rows])
    return [summary, detail]


def _summary_row(summary: EvaluationSummary) -> dict:
    return {"title": summary.title, "attended": summary.attended, "returned": summary.returned,
            "before": summary.before, "after": summary.after, "change": summary.change,
            "useful": summary.useful_percent}


def _summary_columns(first: str) -> list[ReportColumn]:
    return [C("title", first), C("attended", "Attended", "int"), C("returned", "Evaluations", "int"),
            C("before", "Confidence before", "decimal"), C("after", "Confidence after", "decimal"),
            C("change", "Change", "change"), C("useful", "Useful", "percent")]


def evaluations_report(bf: BoardFile, board_id: int, period: Period | None) -> list[ReportTable]:
    start, end = (period.start, period.end) if period else (None, None)
    found = evaluation_summaries(bf, board_id, start=start, end=end)
    dates = session_dates(bf, board_id, start=start, end=end)
    sessions = sorted(found["session"], key=lambda s: (dates[s.key], s.key))
    rows = [_summary_row(s) for s in found["course"]] + [_summary_row(s) for s in found["all"]]
    comments = bf.query(
        "SELECT s.session_date, c.title, e.comments FROM training_evaluation e "      # few have comments: from them
        "CROSS JOIN training_booking b ON b.id = e.booking_id CROSS JOIN training_session s ON s.id = b.session_id "
        "JOIN training_course c ON c.id = s.course_id WHERE c.board_id = ? AND e.comments IS NOT NULL "
        "AND s.session_date BETWEEN ? AND ? ORDER BY s.session_date, c.title, e.id",
        (board_id, (start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()))
    return [
        ReportTable(f"Evaluations by course {describe_period(period)}", _summary_columns("Course"), rows,
                    notes=[f"Confidence is rated {CONFIDENCE_SCALE}; means to one decimal place. Comments are "
                           "listed without names."],
                    total_rows=frozenset(range(len(found["course"]), len(rows)))),
        ReportTable("Evaluations by session", [C("session", "Session", "int"), C("date", "Date", "date"),
                                               *_summary_columns("Course")],
                    [{"session": s.key, "date": dates[s.key], **_summary_row(s)} for s in sessions]),
        ReportTable("Comments", [C("date", "Session date", "date"), C("course", "Course"), C("comment", "Comment")],
                    [{"date": iso(r[0]), "course": r[1], "comment": r[2]} for r in comments]),
    ]
