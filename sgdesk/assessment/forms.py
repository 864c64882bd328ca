"""Response forms: one XLSX per respondent, to fill in and import back (kind ``assessment-form``).

The first sheet is the form the importer reads: one row per statement, a drop-down for the
score (scores from the tool's scale, split ratings, n/a) and a comment column; only those two
columns can be edited. The second sheet explains how to fill it in and lists the scores.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Callable

from sgdesk.assessment.importers import form_headers
from sgdesk.atomic import atomic_open
from sgdesk.assessment.rounds import (
    Respondent,
    Round,
    choose_round,
    get_round,
    list_respondents,
    list_rounds,
    responses_of,
)
from sgdesk.assessment.tool_store import load_tool
from sgdesk.boards import get_board
from sgdesk.dates import format_date
from sgdesk.errors import NotFoundError
from sgdesk.organisations import find_organisation
from sgdesk.store import BoardFile

FORM_SHEET = "Response form"
HELP_SHEET = "Instructions"
NOT_ANSWERED = "n/a"
_WIDTHS = {"Round": 18, "Respondent": 20, "Code": 7, "Section": 22, "Theme": 20, "Statement": 62, "Score": 26,
           "Comment": 55}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_ACCENT = "1F4E79"
_FILL_IN = "FFF7D6"
_READ_ONLY = "F2F2F2"
_GUIDE_WIDTH = 88  # characters: the instructions column fits a portrait A4 page
_GUIDE_LINE = 80  # characters of the instructions' text a line holds, about


def form_file_name(rnd: Round, respondent: Respondent) -> str:
    """``Board self-assessment 2019-20 - Essex Police.xlsx`` (safe on Windows)."""
    name = f"{rnd.title} - {respondent.short_name}".replace("/", "-")
    return _UNSAFE.sub(" ", name).strip(" .") + ".xlsx"


def write_response_form(bf: BoardFile, respondent: Respondent, out: Path) -> Path:
    """Write ``respondent``'s form to ``out``, filled in with any answers already recorded."""
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    from sgdesk.office.excel import LINE_HEIGHT, font, house_workbook, print_setup

    rnd = get_round(bf, respondent.round_id)
    tool = load_tool(bf, rnd.tool_id).spec
    scale = tool.scale
    answers = responses_of(bf, respondent.id)
    codes = {row[0]: row[1] for row in bf.query("SELECT code, id FROM assessment_statement WHERE tool_id = ?",
                                                (rnd.tool_id,))}
    choices = [scale.describe(score) for score in scale.scores()] + [NOT_ANSWERED]

    book = house_workbook()
    form = book.active
    form.title = FORM_SHEET
    guide = book.create_sheet(HELP_SHEET)
    choices_first_row = _write_instructions(guide, bf, rnd, respondent, tool, choices)

    headers = form_headers()
    form.append(headers)
    for cell in form[1]:
        cell.font = font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_ACCENT)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    column = {header: index + 1 for index, header in enumerate(headers)}
    wrap = Alignment(wrap_text=True, vertical="top")
    body = font()
    for section, theme, statement in tool.statements():
        score, comment = answers.get(codes[statement.code], (None, None))
        form.append([rnd.title, respondent.organisation, statement.code, section.title, theme.title, statement.text,
                     scale.describe(score) if score is not None else None, comment])
        row = form.max_row
        for cell in form[row]:
            cell.alignment = wrap
            cell.font = body
            cell.fill = PatternFill("solid", fgColor=_READ_ONLY)
        for header in ("Score", "Comment"):
            cell = form.cell(row, column[header])
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill("solid", fgColor=_FILL_IN)
            cell.number_format = "@"
        lines = max(math.ceil(len(statement.text) / 70), math.ceil(len(section.title) / 24), 1)
        form.row_dimensions[row].height = LINE_HEIGHT * lines + 4
    for header, width in _WIDTHS.items():
        form.column_dimensions[_letter(column[header])].width = width
    form.row_dimensions[1].height = 20
    form.freeze_panes = "D2"

    score_letter = _letter(column["Score"])
    validation = DataValidation(
        type="list", formula1=f"'{HELP_SHEET}'!$A${choices_first_row}:$A${choices_first_row + len(choices) - 1}",
        allow_blank=True, showDropDown=False, showErrorMessage=True, showInputMessage=True,
        errorTitle="Not a score", error=f"Choose a score from the list ({scale.summary()}), or leave it blank.",
        promptTitle="Score", prompt=f"Choose from the list: {scale.summary()}; a split rating such as 2/3 if "
                                    "between two; n/a or blank if you cannot answer.")
    validation.add(f"{score_letter}2:{score_letter}{form.max_row}")
    form.add_data_validation(validation)
    board_name = get_board(bf, rnd.board_id).name
    print_setup(form, "landscape", board_name)
    print_setup(guide, "portrait", board_name, title_rows=None)
    form.protection.sheet = True
    form.protection.formatColumns = False
    form.protection.formatRows = False
    book.active = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    book.save(buffer)
    with atomic_open(out) as handle:
        handle.write(buffer.getvalue())
    return out


def _write_instructions(sheet, bf: BoardFile, rnd: Round, respondent: Respondent, tool, choices: list[str]) -> int:
    """Fill the instructions sheet; returns the row where the list of scores starts (column A)."""
    from openpyxl.styles import Alignment

    from sgdesk.office.excel import LINE_HEIGHT, font

    board = get_board(bf, rnd.board_id)
    deadline = f" by {format_date(rnd.deadline)}" if rnd.deadline else ""
    lines: list[tuple[str, str]] = [
        (f"{tool.name}: response form", "title"),
        (f"{board.name} — {rnd.title}", "bold"),
        (f"For: {respondent.organisation}" + (f" (completed by {respondent.person})" if respondent.person else ""), ""),
        ("", ""),
        ("How to fill in this form", "bold"),
        (f"1. On the '{FORM_SHEET}' sheet, choose a score for each statement in the yellow Score column "
         "(click the cell and use the drop-down arrow).", ""),
        (f"2. Rate each statement {tool.scale.summary()}. If your view lies between two scores, choose the split "
         "rating (e.g. 2/3), which counts as half-way. Choose n/a or leave the score blank if you cannot answer.", ""),
        ("3. Add a comment in the Comment column wherever you can: " + " ".join(tool.prompts), ""),
        ("4. Do not change the Round, Respondent or Code columns: they tell SG Desk whose answers these are.", ""),
        (f"5. Save the file and return it to the board's business unit{deadline}.", ""),
        ("", ""),
        ("Your answers are reported anonymously: the board sees scores and comments pooled across agencies, never "
         "tied to your organisation.", "italic"),
        ("", ""),
        ("Scores you can choose", "bold"),
    ]
    if tool.introduction:
        lines.insert(4, (tool.introduction, "italic"))
        lines.insert(5, ("", ""))
    fonts = {"title": font(bold=True, size=14, color=_ACCENT), "bold": font(bold=True), "italic": font(italic=True),
             "": font()}
    for text, style in lines:
        sheet.append([text])
        cell = sheet.cell(sheet.max_row, 1)
        cell.font = fonts[style]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if len(text) > _GUIDE_LINE:
            sheet.row_dimensions[sheet.max_row].height = LINE_HEIGHT * math.ceil(len(text) / _GUIDE_LINE) + 2
    first = sheet.max_row + 1
    for choice in choices:
        sheet.append([choice])
        sheet.cell(sheet.max_row, 1).font = fonts[""]
    sheet.column_dimensions["A"].width = _GUIDE_WIDTH
    return first


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def write_round_forms(bf: BoardFile, round_id: int, folder: Path,
                      progress: Callable[[int, int, str], None] | None = None) -> list[Path]:
    """One form per respondent of the round into ``folder``; returns the files written."""
    rnd = get_round(bf, round_id)
    respondents = list_respondents(bf, round_id)
    if not respondents:
        raise NotFoundError(f"'{rnd.title}' has no respondents yet: add the agencies to ask, then export their forms")
    written = []
    for index, respondent in enumerate(respondents):
        if progress is not None:
            progress(index, len(respondents), respondent.organisation)
        written.append(write_response_form(bf, respondent, folder / form_file_name(rnd, respondent)))
    return written


def respondent_for_export(bf: BoardFile, board_id: int, round_name: str | None, agency: str | None) -> Respondent:
    """The respondent an ``assessment-form`` export is for: ``agency`` in the named or latest open round."""
    if round_name:
        rnd = choose_round(bf, board_id, None, round_name)
    else:
        open_rounds = [r for r in list_rounds(bf, board_id) if r.is_open]
        if not open_rounds:
            raise NotFoundError("this board has no open self-assessment round: name one with --set round=TITLE")
        rnd = open_rounds[0]
    respondents = list_respondents(bf, rnd.id)
    names = "; ".join(r.short_name for r in respondents) or "none yet"
    if not agency:
        raise NotFoundError(f"say whose form to write with --set respondent=AGENCY (in '{rnd.title}': {names})")
    org_id = find_organisation(bf, agency)
    found = next((r for r in respondents if r.organisation_id == org_id), None)
    if found is None:
        raise NotFoundError(f"'{agency}' is not a respondent in '{rnd.title}': use one of: {names}")
    return found
