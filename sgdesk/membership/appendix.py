"""Appendix 1 of the annual report: board membership and attendance, as a PDF.

:func:`appendix1_story` gives the title, the orientation and the flowables, so the annual-report
pack can put the appendix among others; the ``appendix1`` export writes it on its own. The
content follows the published appendix (seed 000): the key to the marks, the grid of seats by
meeting dates with the percentage column, a note of meetings not yet recorded, then the
membership by role and the sub-group chairs.
"""

from __future__ import annotations

from typing import Any

from sgdesk.branding import document_spec
from sgdesk.dates import MONTH_NAMES
from sgdesk.exporting import ExportRequest, ExportResult
from sgdesk.fyear import Period
from sgdesk.membership.bodies import Body, board_body, find_body, list_subgroups
from sgdesk.membership.feature import APPENDIX_KEY, TITLE
from sgdesk.membership.grid import AttendanceGrid, load_grid, record_span
from sgdesk.membership.marks import MARKS, MEANINGS
from sgdesk.membership.meetings import Meeting
from sgdesk.membership.seats import Seat, list_seats
from sgdesk.registry import appendix_title
from sgdesk.reporting import format_cell
from sgdesk.store import BoardFile

ORIENTATION = "landscape"
#: at most this many meeting columns side by side; more continue in a second grid
MEETINGS_PER_GRID = 10
_ROLE_ORDER = {"independent chair": 0, "chair": 1, "vice chair": 2}
_NAME_SHARES = (0.55, 0.45)    # Organisation and Current representative share what the marks leave
_MARK_WIDTH = 44.0             # points: "01 May" in bold fits on one line


def _month_span(period: Period) -> str:
    """``September 2017 – March 2019``."""
    start, end = period.start, period.end
    first = f"{MONTH_NAMES[start.month - 1]} {start.year}"
    last = f"{MONTH_NAMES[end.month - 1]} {end.year}"
    return first if first == last else f"{first} \u2013 {last}"


def _options_body(bf: BoardFile, board_id: int, options: dict[str, str]) -> Body:
    name = (options or {}).get("body")
    return find_body(bf, board_id, name) if name else board_body(bf, board_id)


def _shown(grid: AttendanceGrid, seat: Seat, meeting: Meeting, fold: bool) -> str:
    mark = grid.cell(seat, meeting).mark or ""
    return "Y" if fold and mark == "D" else mark


def _key(fold: bool) -> list[list[str]]:
    rows = [[mark, MEANINGS[mark][0].upper() + MEANINGS[mark][1:]] for mark in MARKS if not (fold and mark == "D")]
    if fold:
        rows[0][1] = "Attended (the nominated representative or a substitute)"
    return rows


def _grid_tables(grid: AttendanceGrid, fold: bool) -> list[Any]:
    """The grid, in pieces of at most :data:`MEETINGS_PER_GRID` meetings, each under a line saying
    which meetings it covers; the % column ends the last."""
    from reportlab.platypus import Paragraph, Spacer

    from sgdesk.pdf import data_table, frame_width, styles

    meetings = grid.meetings
    unrecorded = {m.id for m in grid.unrecorded_meetings}
    chunks = [meetings[i:i + MEETINGS_PER_GRID] for i in range(0, len(meetings), MEETINGS_PER_GRID)] or [[]]
    names = frame_width(ORIENTATION) - _MARK_WIDTH * (len(chunks[0]) + 1)
    name_widths = [names * share for share in _NAME_SHARES]  # the same in every piece
    tables: list[Any] = []
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        header = ["Organisation", "Current representative",
                  *(m.heading + (" *" if m.id in unrecorded else "") for m in chunk)] + (["%"] if last else [])
        rows = []
        for seat in grid.seats:
            row = [seat.shown_as, seat.representative_name(record_span(grid))]
            row += [_shown(grid, seat, m, fold) for m in chunk]
            if last:
                row.append(format_cell(grid.totals(seat).percent, "percent"))
            rows.append(row)
        widths = [*name_widths, *[_MARK_WIDTH] * (len(chunk) + (1 if last else 0))]
        align = "LL" + "C" * len(chunk) + ("R" if last else "")
        title, caption = "Attendance", "Attendance at each meeting, by seat"
        if len(chunks) > 1:
            first, final = chunk[0].meets_on, chunk[-1].meets_on
            title = f"Attendance {MONTH_NAMES[first.month - 1][:3]} {first.year} to " \
                    f"{MONTH_NAMES[final.month - 1][:3]} {final.year}"
            caption = f"Attendance at the meetings from {chunk[0].heading} to {chunk[-1].heading}, by seat"
        if tables:
            tables.append(Spacer(1, 6))
        tables += [Paragraph(caption, styles()["body"]),
                   data_table(header, rows, col_widths=widths, align=align, width=sum(widths),
                              orientation=ORIENTATION, title=title)]
    return tables


def _membership_rows(bf: BoardFile, body: Body, period: Period | None) -> list[list[str]]:
    seats = sorted(list_seats(bf, body, period),
                   key=lambda s: (_ROLE_ORDER.get(s.role.casefold(), 3), s.role.casefold(), s.shown_as.casefold()))
    rows = []
    for seat in seats:
        holder = seat.representative_for(period)
        rows.append([seat.role, holder.name if holder else "Vacant", (holder.job_title or "") if holder else "",
                     seat.organisation_name])
    return rows


def _chair_cell(seats: list[Seat], period: Period | None) -> tuple[str, str]:
    if not seats:
        return "Position vacant", ""
    seat = seats[0]
    holder = seat.representative_for(period)
    if holder is None:
        return "Position vacant", seat.organisation_name
    text = holder.name + (f" ({holder.job_title})" if holder.job_title else "")
    return text, seat.organisation_name


def _chair_rows(bf: BoardFile, board_id: int, period: Period | None) -> list[list[str]]:
    rows = []
    for subgroup in list_subgroups(bf, board_id):
        seats = list_seats(bf, subgroup, period)
        chair = _chair_cell([s for s in seats if s.is_chair], period)
        vice = _chair_cell([s for s in seats if s.is_vice_chair], period)
        rows.append([subgroup.name, *chair, *vice])
    return rows


def appendix1_story(bf: BoardFile, board_id: int, period: Period | None,
                    options: dict[str, str] | None = None) -> tuple[str, str, list[Any]]:
    """``(title, orientation, flowables)`` of Appendix 1 for ``period`` (the whole record if None)."""
    from sgdesk.pdf.markup import escape

    from reportlab.platypus import Paragraph, Spacer

    from sgdesk.pdf import data_table, frame_width, heading, styles

    options = options or {}
    fold = options.get("deputies", "show").casefold() == "fold"
    body = _options_body(bf, board_id, options)
    grid = load_grid(bf, body, period)
    span = record_span(grid)
    s = styles()
    title = appendix_title(APPENDIX_KEY, TITLE if body.is_board else f"{body.name} membership and attendance")
    story: list[Any] = [heading(title, 0, style="title")]
    when = _month_span(span) if span else "no meetings yet"
    story.append(Paragraph(f"Membership and attendance, {when} (nominated representative or substitute)",
                           s["body"]))
    story.append(data_table(["Mark", "Meaning"], _key(fold), col_widths=[1, 9], align="CL", zebra=False,
                            width=frame_width(ORIENTATION) * 0.55, orientation=ORIENTATION, title="Key to the marks"))
    story.append(Spacer(1, 8))
    if grid.seats and grid.meetings:
        story += _grid_tables(grid, fold)
        notes = ["% is (Y + D) / (Y + D + A + N), in whole percent rounded half up; n/a where the seat was "
                 "not expected at any meeting counted."]
        unrecorded = grid.unrecorded_meetings
        if unrecorded:
            dates = ", ".join(m.heading for m in unrecorded)
            notes.insert(0, f"* Not recorded yet, so not counted: {dates}.")
        story += [Spacer(1, 4), *(Paragraph(escape(n), s["note"]) for n in notes)]
    else:
        story.append(Paragraph("No seats or meetings are recorded for this period.", s["body"]))

    story.append(heading(f"Membership of the {body.display_name} by role", 1, style="h2"))
    members = _membership_rows(bf, body, period)
    if members:
        story.append(data_table(["Role", "Representative", "Job title", "Organisation"], members,
                                col_widths=[2.6, 2.6, 4.4, 4.4], orientation=ORIENTATION, title="Membership by role"))
    else:
        story.append(Paragraph("No seats are recorded.", s["body"]))
    if body.is_board:
        chairs = _chair_rows(bf, board_id, period)
        if chairs:
            story.append(heading("Chairing of the sub-groups", 1, style="h2"))
            story.append(data_table(["Sub-group", "Chair", "Organisation", "Vice chair", "Organisation"], chairs,
                                    col_widths=[2.6, 3.4, 2.8, 3.4, 2.8], orientation=ORIENTATION,
                                    title="Sub-group chairs"))
    return title, ORIENTATION, story


def export_appendix1(bf: BoardFile, request: ExportRequest) -> ExportResult:
    """The PDF, in the board's branding (Word and Excel are made from the same story by the office exports)."""
    from sgdesk.pdf import build_pdf

    title, orientation, story = appendix1_story(bf, request.board_id, request.period, request.options)
    grid = load_grid(bf, _options_body(bf, request.board_id, request.options), request.period)
    span = record_span(grid)
    spec = document_spec(bf, request.board_id, title,
                         subject=f"Membership and attendance, {_month_span(span)}" if span else "Membership",
                         draft=request.draft, generated_on=request.generated_on)
    pages = build_pdf(request.out, spec, story, orientation=orientation)
    notes = tuple(f"the meeting of {m.heading} is not recorded, so it is not counted" for m in grid.unrecorded_meetings)
    return ExportResult(request.out, pages, notes)
