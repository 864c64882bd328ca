"""The ``meeting-pack`` export: the papers for one meeting as a PDF (house style, bookmarked) or Word.

Cover, contents, then numbered sections: the agenda from the forward plan, attendance at the last
meeting, the action log, the risk register (a 5 x 5 heat map, a figure whose alternative text is
written from the same data, and the table by residual score with trend), and business plan
progress when the forward plan lists it. The Word version is read from the same story.
"""

from __future__ import annotations

from typing import Any

from sgdesk.branding import document_spec, load_branding
from sgdesk.dates import format_date
from sgdesk.errors import InputError
from sgdesk.exporting import ExportRequest, ExportResult, Progress, no_progress
from sgdesk.governance.actions import AMBER_DAYS, LoggedAction
from sgdesk.governance.papers import (
    ACTIONS,
    AGENDA,
    ATTENDANCE,
    PLAN,
    RISKS,
    MeetingPapers,
    long_date,
    meeting_papers,
)
from sgdesk.governance.pdf_parts import paragraph, rag_cell, risk_register
from sgdesk.governance.rag import LABELS
from sgdesk.store import BoardFile

MARK_WORDS = {"Y": "Present", "D": "Present (deputy)", "A": "Apologies", "N": "Absent"}


def chosen_meeting(bf: BoardFile, board_id: int, options: dict[str, str]) -> int:
    """The meeting ``options`` name: ``meeting`` is its id, or its date (of the board's meeting, or of the
    sub-group ``body`` names)."""
    from sgdesk.dates import parse_date
    from sgdesk.membership.bodies import find_body
    from sgdesk.membership.meetings import meetings_on

    value = (options or {}).get("meeting", "").strip()
    fix = "give the meeting's id or its date, e.g. --meeting 06/02/2019 (add --set body=NAME for a sub-group's)"
    if not value:
        raise InputError("The meeting", "is not given", fix)
    if value.isdigit():
        return int(value)
    body = find_body(bf, board_id, options.get("body"))
    found = meetings_on(bf, body, parse_date(value))
    if not found:
        raise InputError(f"'{value}'", f"is not the date of a meeting of the {body.display_name}", fix)
    return found[0]


def section_heading(papers: MeetingPapers, section: str, extra: str = "") -> Any:
    from sgdesk.pdf import heading

    return heading(f"{papers.section_number(section)}. {section}{extra}", 0, style="h1")


def _agenda(papers: MeetingPapers, s: dict) -> list[Any]:
    from sgdesk.pdf import data_table

    rows = [[item.number, item.title, item.lead, item.paper] for item in papers.agenda()]
    return [section_heading(papers, AGENDA),
            data_table(["No.", "Item", "Lead", "Paper"], rows, col_widths=[0.7, 6, 2.6, 2.6], align="RLLL")]


def _attendance(papers: MeetingPapers, s: dict) -> list[Any]:
    from sgdesk.pdf import data_table

    previous = papers.previous
    story = [section_heading(papers, ATTENDANCE, f": {format_date(previous.meets_on)}")]
    if not papers.previous_recorded:
        story.append(paragraph(f"Attendance at the meeting of {format_date(previous.meets_on)} is not recorded yet.",
                        s["body"]))
    else:
        present, deputies = papers.marked("Y", "D"), papers.marked("D")
        apologies, absent = papers.marked("A"), papers.marked("N")
        story.append(paragraph(f"{len(papers.attendance)} seats were expected: {len(present)} present"
                        f"{f' ({len(deputies)} by a deputy)' if deputies else ''}, {len(apologies)} sent apologies, "
                        f"{len(absent)} absent without apologies.", s["body"]))
        order = {"Y": 0, "D": 0, "A": 1, "N": 2}
        rows = [[a.seat, a.name, MARK_WORDS[a.mark]]
                for a in sorted(papers.attendance, key=lambda a: (order[a.mark], a.seat.casefold()))]
        story.append(data_table(["Seat", "Attended by / representative", "Attendance"], rows, col_widths=[5, 5, 2.5]))
    if papers.apologies_now:
        names = "; ".join(f"{a.seat} ({a.person})" if a.person else a.seat for a in papers.apologies_now)
        story.append(paragraph(f"Apologies received for this meeting: {names}.", s["body"]))
    return story


def _due(action: LoggedAction, papers: MeetingPapers) -> str:
    if action.due_on is None:
        return "No date set"
    first = papers.first_due.get(action.id)
    moved = f" (first due {format_date(first)})" if action.id in papers.first_due and first else ""
    return format_date(action.due_on) + moved


def _update(action: LoggedAction) -> str:
    if not action.latest_update:
        return ""
    return f"{format_date(action.latest_update_on)}: {action.latest_update}"


def _actions(papers: MeetingPapers, s: dict) -> list[Any]:
    from sgdesk.pdf import data_table, heading

    day = papers.rag_day
    counts = papers.rag_counts()
    opened = len(papers.open_actions)
    story = [section_heading(papers, ACTIONS)]
    rated = ", ".join(f"{counts.get(rag, 0)} {rag}" for rag in ("red", "amber", "green"))
    since = f" since the meeting of {format_date(papers.previous.meets_on)}" if papers.previous else ""
    story.append(paragraph(f"{opened} open action{'s' if opened != 1 else ''} ({rated}); {len(papers.done_actions)} "
                    f"closed{since}.", s["body"]))
    story.append(paragraph(f"RAG on {format_date(day)}, the date of the meeting: red is overdue, amber due within "
                    f"{AMBER_DAYS} days, green later, unless overridden for the reason given.", s["note"]))
    if papers.open_actions:
        rows = []
        for action in papers.open_actions:
            rag = action.rag(day)
            what = action.text + (f" [{action.source_label}]" if action.source != "meeting" else "")
            if action.rag_override:
                what += f" (RAG set to {LABELS[action.rag_override]}: {action.rag_reason})"
            rows.append([action.reference, what, action.owner, _due(action, papers), rag_cell(rag, s["cell"]),
                         _update(action)])
        story.append(data_table(["Ref", "Action", "Owner", "Due", "RAG", "Latest update"], rows,
                                col_widths=[1.5, 5.2, 2.4, 1.7, 0.9, 4.8], align="LLLLLL", orientation="landscape"))
    if papers.done_actions:
        story.append(heading(f"Closed{since}", 1, style="h2"))
        rows = [[a.reference, a.text, a.owner, f"{a.status.capitalize()} {format_date(a.closed_on)}", _update(a)]
                for a in papers.done_actions]
        story.append(data_table(["Ref", "Action", "Owner", "Closed", "Latest update"], rows,
                                col_widths=[1.5, 5.6, 2.4, 1.9, 5.1], orientation="landscape"))
    return story


def _risks(papers: MeetingPapers, s: dict, references: dict[int, str]) -> list[Any]:
    story = [section_heading(papers, RISKS)]
    if not papers.risks:
        story.append(paragraph(f"No open risks are on the {papers.body.display_name}'s register.", s["body"]))
        return story
    return story + risk_register(list(papers.risks), papers.bands, references,
                                 f"Risk heat map, {format_date(papers.state_day)}")


def _plan(papers: MeetingPapers, s: dict) -> list[Any]:
    from sgdesk.pdf import data_table

    story = [section_heading(papers, PLAN, f": {papers.plan.title}" if papers.plan else "")]
    rows = []
    for item in papers.plan_progress or ():
        latest = item.objective.latest(papers.state_day)
        progress = f"{format_date(latest.made_on)}: {latest.progress}" if latest else "No update yet"
        rows.append([item.objective.number, item.objective.priority, item.objective.lead or "",
                     rag_cell(item.rag, s["cell"]), progress])
    if rows:
        story.append(data_table(["No.", "Objective", "Lead", "RAG", "Latest progress"], rows,
                                col_widths=[0.6, 6.4, 2.0, 0.9, 6.6], align="RLLLL", orientation="landscape"))
    else:
        story.append(paragraph("The plan has no objectives yet.", s["body"]))
    return story


def sections_story(bf: BoardFile, papers: MeetingPapers) -> list[Any]:
    """The numbered sections, each starting its page (the action log onwards in landscape)."""
    from reportlab.platypus import PageBreak

    from sgdesk.pdf import styles, switch_orientation

    s = styles()
    references = {row[0]: row[1] for row in bf.query("SELECT id, reference FROM board_action WHERE board_id = ?",
                                                     (papers.meeting.board_id,))}
    story: list[Any] = [*switch_orientation("portrait"), *_agenda(papers, s)]
    if papers.previous is not None:
        story += [PageBreak(), *_attendance(papers, s)]
    story += [*switch_orientation("landscape"), *_actions(papers, s)]
    story += [PageBreak(), *_risks(papers, s, references)]
    if papers.plan_progress is not None:
        story += [PageBreak(), *_plan(papers, s)]
    return story


def cover_lines(papers: MeetingPapers) -> list[str]:
    """The body, the day, the time, the place."""
    meeting = papers.meeting
    when = long_date(meeting.meets_on) + (f" at {meeting.starts_at}" if meeting.starts_at else "")
    lines = [papers.body.name if not papers.body.is_board else "Board meeting", when]
    if meeting.where:
        lines.append(meeting.where)
    return lines


def pack_title(papers: MeetingPapers) -> str:
    return f"{papers.body.display_name} meeting papers, {format_date(papers.meeting.meets_on)}"


def export_meeting_pack(bf: BoardFile, request: ExportRequest, progress: Progress = no_progress) -> ExportResult:
    """Write the papers for ``request.options["meeting"]`` as PDF or Word."""
    progress(0, 2, "Reading the registers…")
    from sgdesk.pack.pdf_pack import contents, cover

    papers = meeting_papers(bf, chosen_meeting(bf, request.board_id, request.options))
    if papers.meeting.board_id != request.board_id:
        raise InputError(f"Meeting {papers.meeting.id}", "belongs to another board", "choose the board with --board")
    spec = document_spec(bf, request.board_id, pack_title(papers), subject="Meeting papers", draft=request.draft,
                         footer_text=f"{papers.body.display_name}, {format_date(papers.meeting.meets_on)}",
                         generated_on=request.generated_on)
    branding = load_branding(bf, request.board_id)
    sections = sections_story(bf, papers)
    notes = tuple(_notes(papers))
    progress(1, 2, "Laying out the pages…")
    if request.format == "docx":
        from sgdesk.office.story import read_story
        from sgdesk.office.word import CONTENTS_HEADING, WordDocument
        from sgdesk.pack.word_pack import word_cover

        document = WordDocument(spec, "portrait", cover=True)
        word_cover(document, branding, spec, cover_lines(papers), "Meeting papers")
        document.paragraph("Contents", CONTENTS_HEADING)
        document.contents()
        document.blocks(read_story(sections))
        document.save(request.out)
        return ExportResult(request.out, None, notes)
    from sgdesk.pdf import build_pdf

    story = [*cover(branding, spec, cover_lines(papers), "Meeting papers"), *contents(), *sections]
    return ExportResult(request.out, build_pdf(request.out, spec, story, furniture=False), notes)  # a plain cover


def _notes(papers: MeetingPapers) -> list[str]:
    notes = []
    if papers.previous is not None and not papers.previous_recorded:
        notes.append(f"attendance at the meeting of {format_date(papers.previous.meets_on)} is not recorded yet")
    if not papers.forward_items:
        notes.append("the forward plan lists no items for this meeting: the agenda has the standing items only")
    return notes
