"""PDFs for one session: the ``register`` (a sign-in sheet) and ``certificates`` of attendance.

Both take the session from ``ExportRequest.options["session"]`` (``--session ID`` on the
command line; the number is shown in the Training view). reportlab is imported inside functions.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from sgdesk.dates import format_date
from sgdesk.errors import NotFoundError, SGDeskError
from sgdesk.exporting import ExportRequest, ExportResult, Progress
from sgdesk.store import BoardFile
from sgdesk.training.model import (
    LENGTHS,
    REGISTER_MARKS,
    Session,
    get_session,
    register_mark,
    register_of,
    session_board,
)
from sgdesk.training.policy import weekday_date

SPARE_ROWS = 4
REGISTER_MARKING = "OFFICIAL"
_SESSION_HINT = ("in the app, select the session in Training > Programme and click Print register or "
                 "Certificates; on the command line, give its number with --session ID (the No. column there, "
                 "or 'sgdesk report FILE training')")


def requested_session(bf: BoardFile, request: ExportRequest) -> Session:
    """The session named by ``request.options["session"]``, checked to belong to the board."""
    text = (request.options.get("session") or "").strip()
    if not text:
        raise SGDeskError(f"this output is for one training session: {_SESSION_HINT}")
    if not text.isdigit():
        raise SGDeskError(f"'{text}' is not a session number: {_SESSION_HINT}")
    session = get_session(bf, int(text))
    if session_board(bf, session.id) != request.board_id:
        raise NotFoundError(f"session {text} belongs to another board: {_SESSION_HINT}")
    return session


def _mark_letter(status: str) -> str:
    mark = register_mark(status)
    return "" if mark is None else mark.letter


def _time(session: Session) -> str:
    return f"{session.start_time} to {session.end_time}"


MARK_HEADING = "/".join(mark.letter for mark in REGISTER_MARKS)      # P/X
MARK_KEY = ("For the trainer: mark each row " + " or ".join(f"<b>{m.letter}</b> ({m.meaning})" for m in REGISTER_MARKS)
            + f" in the {MARK_HEADING} column; SG Desk's register uses the same letters.")


def register_story(bf: BoardFile, session: Session) -> list[Any]:
    """The sign-in sheet: session details, one row per delegate with a place (a mark already recorded
    printed in the P/X column), spare rows, the key to the marks and the sign-off."""
    from sgdesk.pdf.markup import escape

    from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

    from sgdesk.pdf import TaggedTable, data_table, frame_width, heading, styles
    from sgdesk.pdf.colours import GRID, MUTED
    from sgdesk.pdf.tables import keep_with_last_rows

    s = styles()
    people = register_of(bf, session.id)
    details = [("Course", f"{session.course_title} (level {session.level}, {LENGTHS[session.length].lower()})"),
               ("Date", weekday_date(session.session_date)), ("Venue", session.where),
               ("Time", _time(session)), ("Trainer", session.trainer or ""),
               ("Booked", f"{len(people)} for {session.capacity} places (session {session.id})")]
    width = frame_width("portrait")
    label, value = s["cell_bold"], s["cell"]
    pairs = [(details[i], details[i + 3]) for i in range(3)]
    info = TaggedTable([[Paragraph(a, label), Paragraph(escape(b), value), Paragraph(c, label),
                         Paragraph(escape(d), value)] for (a, b), (c, d) in pairs],
                       colWidths=[width * w for w in (0.1, 0.5, 0.1, 0.3)], hAlign="LEFT", row_header_columns=(0, 2))
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    signature = Spacer(1, 17)
    rows = [[str(n), p.name, p.organisation, p.job_title or "", signature, _mark_letter(p.status)]
            for n, p in enumerate(people, 1)]
    rows += [[str(n), "", "", "", signature, ""] for n in range(len(people) + 1, len(people) + SPARE_ROWS + 1)]
    sign_off = TaggedTable([["Trainer's signature", "", "Number attending", ""]],
                           colWidths=[width * 0.2, width * 0.4, width * 0.2, width * 0.2], rowHeights=[28],
                           hAlign="LEFT", layout=True)
    sign_off.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "SGSans", 8.5), ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
                                  ("LEFTPADDING", (0, 0), (0, 0), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                  ("LINEBELOW", (1, 0), (1, 0), 0.6, GRID), ("LINEBELOW", (3, 0), (3, 0), 0.6, GRID)]))
    return [
        heading("Attendance register", style="title"),
        info,
        Spacer(1, 8),
        Paragraph("Please sign in when you arrive. Signing confirms you attended the whole session: your "
                  "organisation may be charged if you booked and did not attend. If you came in someone else's "
                  "place, write your name, organisation and job title in a blank row and tell the trainer.",
                  s["body"]),
        *keep_with_last_rows(
            data_table(["No.", "Name", "Organisation", "Job title", "Signature", MARK_HEADING], rows,
                       col_widths=[0.8, 3.0, 3.5, 2.5, 2.9, 0.8], align="RLLLLC", font_size=9, zebra=False,
                       row_headers=(1,)),
            [KeepTogether([Spacer(1, 6), Paragraph(MARK_KEY, s["note"]), Spacer(1, 8), sign_off, Spacer(1, 8),
                           Paragraph("This register holds personal data. Keep it secure, return it to the "
                                     "safeguarding board's business unit after the session, and it will be destroyed "
                                     "once attendance is recorded in SG Desk.", s["note"])])]),
    ]


def export_register(bf: BoardFile, request: ExportRequest, progress: Progress) -> ExportResult:
    from sgdesk.branding import document_spec
    from sgdesk.pdf import build_pdf

    session = requested_session(bf, request)
    if session.cancelled:
        raise SGDeskError(f"the session {session.label} was cancelled, so it has no register")
    progress(0, 1, f"Writing the register of {session.label}…")
    spec = document_spec(bf, request.board_id, f"Attendance register, {format_date(session.session_date)}",
                         subject="Attendance register", draft=request.draft, footer_text="Attendance register",
                         generated_on=request.generated_on)
    if spec.marking is None:   # it holds personal data: marked even if the board marks nothing else
        spec = replace(spec, marking=REGISTER_MARKING)
    pages = build_pdf(request.out, spec, register_story(bf, session))
    return ExportResult(request.out, pages)


def certificate(board: str, name: str, organisation: str, session: Session, number: str):
    """One certificate of attendance: a flowable that fills a landscape page's frame."""
    return _certificate_class()(board, name, organisation, session, number)


@functools.cache
def _certificate_class():
    """The certificate flowable's class, defined on first use (it needs reportlab)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    from sgdesk.pdf.colours import ACCENT, GRID, MUTED, TEXT
    from sgdesk.pdf.fonts import BOLD, ITALIC, REGULAR
    from sgdesk.pdf.tagging import artifact, group, marked

    def fitted(text: str, font: str, size: float, room: float) -> float:
        """The largest size up to ``size`` at which ``text`` fits ``room``."""
        while size > 9 and stringWidth(text, font, size) > room:
            size -= 0.5
        return size

    class _Certificate(Flowable):
        tags_itself = True  # a Sect: the title an H1, each line a P, the borders and signature lines artifacts

        def __init__(self, board: str, name: str, organisation: str, session: Session, number: str) -> None:
            super().__init__()
            self.board, self.name, self.organisation = board, name, organisation
            self.session, self.number = session, number

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width, self.height = avail_width, avail_height - 1
            return self.width, self.height

        def draw(self) -> None:
            c, w, h = self.canv, self.width, self.height
            with artifact(c):
                c.setStrokeColor(ACCENT)
                c.setLineWidth(2.2)
                c.rect(0, 0, w, h)
                c.setLineWidth(0.6)
                c.rect(7, 7, w - 14, h - 14)
            mid, room = w / 2, w - 120
            lines = [
                (h - 58, self.board, REGULAR, 13, MUTED),
                (h - 108, "Certificate of Attendance", BOLD, 30, ACCENT),
                (h - 150, "This is to certify that", ITALIC, 12, MUTED),
                (h - 190, self.name, BOLD, 26, TEXT),
                (h - 214, self.organisation, REGULAR, 11.5, MUTED),
                (h - 248, "attended the multi-agency safeguarding training", ITALIC, 12, MUTED),
                (h - 282, self.session.course_title, BOLD, 19, TEXT),
                (h - 306, f"Level {self.session.level} · {LENGTHS[self.session.length]} · {_time(self.session)}",
                 REGULAR, 11.5, TEXT),
                (h - 326, f"on {weekday_date(self.session.session_date)} · {self.session.where}", REGULAR, 11.5,
                 TEXT),
            ]
            with group(c, "Sect"):
                for y, text, font, size, colour in lines:
                    with marked(c, "H1" if text == "Certificate of Attendance" else "P"):
                        c.setFillColor(colour)
                        c.setFont(font, fitted(text, font, size, room))
                        c.drawCentredString(mid, y, text)
                for x, label in ((w * 0.2, f"Trainer: {self.session.trainer or ''}".rstrip(": ")),
                                 (w * 0.8, "Business manager, for the board")):
                    with artifact(c):
                        c.setStrokeColor(GRID)
                        c.setLineWidth(0.7)
                        c.line(x - 120, 78, x + 120, 78)
                    with marked(c, "P"):
                        c.setFillColor(MUTED)
                        c.setFont(REGULAR, 9)
                        c.drawCentredString(x, 64, label)
                with marked(c, "P"):
                    c.setFont(REGULAR, 7.5)
                    c.drawCentredString(mid, 24, f"Certificate number {self.number}")

    return _Certificate


def certificates_story(bf: BoardFile, board_name: str, session: Session) -> list[Any]:
    from reportlab.platypus import PageBreak

    people = register_of(bf, session.id, ("attended",))
    if not people:
        raise SGDeskError(f"nobody is marked as attended at {session.label}: take the register first")
    story: list[Any] = []
    for person in people:
        number = f"{session.session_date:%Y}-{session.id:04d}-{person.booking_id:05d}"
        story += [certificate(board_name, person.name, person.organisation, session, number), PageBreak()]
    return story[:-1]


def export_certificates(bf: BoardFile, request: ExportRequest, progress: Progress) -> ExportResult:
    from sgdesk.branding import document_spec
    from sgdesk.pdf import build_pdf

    session = requested_session(bf, request)
    progress(0, 1, f"Writing the certificates of {session.label}…")
    spec = document_spec(bf, request.board_id,
                         f"Certificates: {session.course_title}, {format_date(session.session_date)}",
                         subject="Certificates of attendance", draft=request.draft, marking=None,
                         footer_text="Certificate of attendance", generated_on=request.generated_on)
    pages = build_pdf(request.out, spec, certificates_story(bf, spec.board_name, session), orientation="landscape",
                      furniture=False)  # a certificate is a page of its own
    return ExportResult(request.out, pages)
