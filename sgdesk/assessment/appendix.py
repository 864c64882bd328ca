"""Appendix 3 of the annual report: the self-assessment tool, its summary table and commentary.

Laid out as the seed report lays it out: an introduction (the sections, the scale, what mode,
mean and range mean, how many agencies took part), the table (a shaded row per section, a
theme cell spanning its statements, the figures right of the text), then the examples of
commentary by theme, quoted and unattributed.
"""

from __future__ import annotations

from typing import Any

from sgdesk.assessment.results import RoundResults, StatementResult, round_results
from sgdesk.assessment.rounds import choose_round
from sgdesk.exporting import ExportRequest, ExportResult
from sgdesk.fyear import Period
from sgdesk.registry import appendix_title
from sgdesk.store import BoardFile

DEFAULT_TITLE = "Self-Assessment Tool"
TABLE_HEADER = ["Self-Assessment Outcomes (Score) – Set Against Specific Duties", "",
                "N (Agencies answering)", "Mode (Score appearing most frequently)", "Mean (Average score)",
                "Range (Difference between high and low score)"]
COLUMN_WEIGHTS = [1.3, 4.3, 1.1, 1.3, 1.0, 1.25]
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(n: int) -> str:
    """``six`` for 6; figures from 11 up."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def appendix3_story(bf: BoardFile, board_id: int, period: Period | None, options: dict[str, str] | None = None
                    ) -> tuple[str, str, list[Any]]:
    """(title, orientation, flowables) of the appendix, for this export and the annual-report pack.

    ``options``: ``round`` (a round's title, id or year; default the latest round in
    ``period``, published rounds first) and ``title`` (default "Appendix 3: Self-Assessment Tool",
    numbered as the pack numbers it by default).
    """
    from reportlab.platypus import Spacer

    from sgdesk.pdf import heading

    options = options or {}
    rnd = choose_round(bf, board_id, period, options.get("round"))
    results = round_results(bf, rnd.id, with_change=False)
    title = options.get("title") or appendix_title("assessment", DEFAULT_TITLE)
    story: list[Any] = [heading(title, 0, style="title")]
    story += _introduction(results)
    story += [_summary_table(results), Spacer(1, 10)]
    story += _strengths(results)
    story += _commentary(results)
    return title, "portrait", story


def _paragraph(text: str, style: str = "body"):
    from reportlab.platypus import Paragraph

    from sgdesk.pdf.markup import plain_to_markup
    from sgdesk.pdf.styles import style as house_style

    return Paragraph(plain_to_markup(text), house_style(style))


def _introduction(results: RoundResults) -> list[Any]:
    from reportlab.platypus import Paragraph

    from sgdesk.pdf import bullet_list, styles

    s = styles()
    spec = results.tool.spec
    rnd = results.round
    covered = "" if rnd.title.endswith(rnd.period.label) else f", for {rnd.period.label}"
    story: list[Any] = [_paragraph(f"Round: {rnd.title}{covered}."),
                        _paragraph(f"The tool is split into {in_words(len(spec.sections))} sections:"),
                        bullet_list([section.title for section in spec.sections], numbered=True)]
    if spec.introduction:
        story.append(_paragraph(spec.introduction))
    story += [_paragraph("Each statement should be attributed one of the following ratings:"),
              bullet_list([f"{p.value} = {p.label}" for p in spec.scale.points]),
              _paragraph("This summary includes the:")]
    split = " A split rating such as 2/3 counts as half-way (2.5)." if spec.scale.allow_split else ""
    for name, meaning in (("N", "the number of agencies that rated the statement."),
                          ("Mode", "the score given most often; where scores tie, each is shown (2/3)."),
                          ("Mean", "the average score, to one decimal place."),
                          ("Range", "the difference between the highest and the lowest score." + split)):
        story.append(Paragraph(f"<b>{name}</b> – {meaning}", s["body"]))
    agencies = results.respondents
    text = (f"The following is compiled from partner input from {in_words(agencies)} "
            f"agenc{'y' if agencies == 1 else 'ies'}. No score or comment is attributed to any agency.")
    if any(st.hidden and st.summary.n for st in results.statements):
        text += (f" Where fewer than {in_words(results.threshold)} agencies rated a statement, its figures are not "
                 "shown, so that no agency's answer can be identified.")
    story.append(_paragraph(text))
    if not results.round.status == "published":
        story.append(_paragraph(f"This round is {results.round.status}: the figures may still change.", "note"))
    return story


def _statement_cells(statement: StatementResult) -> list[str]:
    """N, mode, mean (to one decimal place) and range; hidden figures give way to why."""
    summary = statement.summary
    if statement.absent_text:
        return [str(summary.n), statement.absent_text, "", ""]
    return [str(summary.n), summary.mode_text, summary.mean_text, summary.range_text]


def _summary_table(results: RoundResults):
    from reportlab.platypus import TableStyle

    from sgdesk.pdf import data_table

    rows: list[list[Any]] = []
    sections: list[int] = []
    spans: list[tuple] = []
    current_section = None
    theme_start: int | None = None
    for index, statement in enumerate(results.statements):
        if statement.section_index != current_section:
            current_section = statement.section_index
            sections.append(len(rows))
            rows.append([statement.section])
        row = len(rows) + 1   # table rows count the header
        figures = _statement_cells(statement)
        if statement.themes_in_table:
            first_of_theme = index == 0 or results.statements[index - 1].theme_index != statement.theme_index \
                or results.statements[index - 1].section_index != statement.section_index
            rows.append([_paragraph(statement.theme, "cell_bold") if first_of_theme else "", statement.text,
                         *figures])
            if first_of_theme:
                theme_start = row
            last_of_theme = index + 1 == len(results.statements) or \
                results.statements[index + 1].theme_index != statement.theme_index
            if last_of_theme and theme_start is not None and row > theme_start:
                spans += [("SPAN", (0, theme_start), (0, row)), ("NOSPLIT", (0, theme_start), (-1, row))]
        else:
            rows.append([statement.text, "", *figures])
            spans.append(("SPAN", (0, row), (1, row)))
        if statement.absent_text:
            spans += [("SPAN", (3, row), (5, row)), ("TEXTCOLOR", (3, row), (5, row), "#555555")]
    table = data_table(TABLE_HEADER, rows, col_widths=COLUMN_WEIGHTS, align="LLCCCC", section_rows=sections,
                       zebra=False, title="Self-assessment outcomes")
    table.setStyle(TableStyle([("SPAN", (0, 0), (1, 0)), ("VALIGN", (2, 1), (-1, -1), "MIDDLE"), *spans]))
    return table


def _strengths(results: RoundResults) -> list[Any]:
    from sgdesk.pdf import bullet_list, heading

    strengths, areas = results.strengths(), results.areas_for_development()
    if not strengths:
        return []

    def line(statement: StatementResult) -> str:
        return f"{statement.text} (mean {statement.summary.mean_text})"

    return [heading("Key strengths and areas for development", 1, style="h2"),
            _paragraph("Rated highest by partners:"), bullet_list([line(s) for s in strengths]),
            _paragraph("Rated lowest by partners:"), bullet_list([line(s) for s in areas])]


def _commentary(results: RoundResults) -> list[Any]:
    from sgdesk.pdf import heading

    grouped = results.comments_by_theme()
    if not grouped:
        return []
    story: list[Any] = [heading("Self-Assessment Tool: Examples of Commentary by Partners", 1, style="h2")]
    for theme, comments in grouped:
        story.append(heading(theme, 2, style="h3"))
        story += [_paragraph(f"“{comment}”", "quote") for comment in comments]
    return story


def export_appendix3(bf: BoardFile, request: ExportRequest) -> ExportResult:
    from sgdesk.branding import document_spec
    from sgdesk.pdf import build_pdf

    title, orientation, story = appendix3_story(bf, request.board_id, request.period, request.options)
    rnd = choose_round(bf, request.board_id, request.period, request.options.get("round"))
    spec = document_spec(bf, request.board_id, title, subject=f"Self-assessment: {rnd.title}", draft=request.draft,
                         footer_text=rnd.title, generated_on=request.generated_on)
    pages = build_pdf(request.out, spec, story, orientation=orientation)
    notes = () if rnd.status == "published" else (f"'{rnd.title}' is {rnd.status}, not yet published",)
    return ExportResult(request.out, pages, notes)
