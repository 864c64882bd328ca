"""XLSX response forms: exported per agency, filled in with openpyxl, imported back (or refused)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from sgdesk import registry
from sgdesk.assessment.demo import OPEN_TITLE
from sgdesk.assessment.forms import (
    FORM_SHEET,
    HELP_SHEET,
    form_file_name,
    write_round_forms,
)
from sgdesk.assessment.rounds import find_round, list_respondents, responses_of
from sgdesk.assessment.scores import Score
from sgdesk.cli import main
from sgdesk.importing import ImportProblems, run_import

BOARD = 1


@pytest.fixture
def open_round(demo):
    (rnd,) = find_round(demo, BOARD, OPEN_TITLE)
    return rnd


def respondent(demo, rnd, short_name: str):
    return next(r for r in list_respondents(demo, rnd.id) if r.short_name == short_name)


def export_form(demo, tmp_path, short_name: str):
    out = tmp_path / "form.xlsx"
    assert main(["export", str(demo.path), "assessment-form", "--out", str(out), "--set",
                 f"respondent={short_name}"]) == 0
    return out


def fill(path, answers: dict[str, tuple[object, str | None]]):
    book = openpyxl.load_workbook(path)
    sheet = book[FORM_SHEET]
    headers = [cell.value for cell in sheet[1]]
    code, score, comment = headers.index("Code"), headers.index("Score"), headers.index("Comment")
    for row in sheet.iter_rows(min_row=2):
        if row[code].value in answers:
            row[score].value, row[comment].value = answers[row[code].value]
    book.save(path)


def test_the_form_has_the_statements_a_drop_down_a_comment_column_and_instructions(demo, tmp_path, open_round):
    out = export_form(demo, tmp_path, "NPS")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [FORM_SHEET, HELP_SHEET]
    sheet = book[FORM_SHEET]
    assert [c.value for c in sheet[1]] == ["Round", "Respondent", "Code", "Section", "Theme", "Statement", "Score",
                                           "Comment"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 26 and rows[0][:3] == (OPEN_TITLE, "National Probation Service", "SD1")
    assert rows[-1][5].startswith("The Independent Chair")
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and str(validation.sqref) == "G2:G27"
    first, last = validation.formula1.split("!")[1].replace("$", "").split(":")
    choices = [c.value for c in book[HELP_SHEET][first:last] for c in c]
    assert choices == ["1 poor", "1/2 between poor and adequate", "2 adequate", "2/3 between adequate and good",
                       "3 good", "3/4 between good and outstanding", "4 outstanding", "n/a"]
    assert sheet.protection.sheet and not sheet["G2"].protection.locked and sheet["F2"].protection.locked
    help_text = " ".join(str(c.value) for c in book[HELP_SHEET]["A"] if c.value)
    assert "How to fill in this form" in help_text and "never tied to your organisation" in help_text


def test_a_filled_in_form_imports_back(demo, tmp_path, open_round):
    out = export_form(demo, tmp_path, "NPS")
    fill(out, {"SD1": ("3 good", "Clear plan, shared ownership."), "SD2": ("2/3 between adequate and good", None),
               "KR1": (4, None), "KR2": ("n/a", "We do not see this data."), "EN10": ("2", None)})
    summary = run_import(demo, registry.load().import_kinds["assessment-form"], out, BOARD)
    assert summary.created == {"answers": 5}
    nps = respondent(demo, open_round, "NPS")
    codes = {row[0]: row[1] for row in demo.query("SELECT id, code FROM assessment_statement WHERE tool_id = ?",
                                                  (open_round.tool_id,))}
    got = {codes[sid]: answer for sid, answer in responses_of(demo, nps.id).items()}
    assert got == {"SD1": (Score(6), "Clear plan, shared ownership."), "SD2": (Score(5), None),
                   "KR1": (Score(8), None), "KR2": (None, "We do not see this data."), "EN10": (Score(4), None)}
    assert nps.submitted_on == dt.date.today()


def test_a_reexported_form_carries_the_answers_and_a_second_import_changes_nothing(demo, tmp_path, open_round):
    out = export_form(demo, tmp_path, "Southend CCG")
    cells = {row[2]: row[6] for row in openpyxl.load_workbook(out)[FORM_SHEET].iter_rows(min_row=2, values_only=True)}
    assert cells["SD1"] == "3 good" and all(cells.values())
    summary = run_import(demo, registry.load().import_kinds["assessment-form"], out, BOARD)
    assert summary.created == {} and summary.updated == {} and summary.skipped == 26


def test_a_returned_form_with_bad_scores_is_refused_by_row_and_nothing_is_written(demo, tmp_path, open_round):
    out = export_form(demo, tmp_path, "NPS")
    fill(out, {"SD1": (0, None), "SD2": (5, None), "SD3": ("three", None), "SD4": (2.7, None),
               "KR1": ("3", "fine")})
    before = demo.scalar("SELECT count(*) FROM assessment_response")
    with pytest.raises(ImportProblems) as error:
        run_import(demo, registry.load().import_kinds["assessment-form"], out, BOARD)
    lines = error.value.report().splitlines()
    assert lines == [
        "form.xlsx row 2, column 'Score': '0' is below the scale (1 to 4); use a whole score from 1 to 4, or a "
        "split rating such as 2/3",
        "form.xlsx row 3, column 'Score': '5' is above the scale (1 to 4); use a whole score from 1 to 4, or a "
        "split rating such as 2/3",
        "form.xlsx row 4, column 'Score': 'three' is not a score; use a whole score from 1 to 4, or a split rating "
        "such as 2/3",
        "form.xlsx row 5, column 'Score': '2.7' is not a score on the scale; use a whole score from 1 to 4, or a "
        "split rating such as 2/3",
    ]
    assert demo.scalar("SELECT count(*) FROM assessment_response") == before
    assert respondent(demo, open_round, "NPS").submitted_on is None


def test_forms_for_every_agency_of_a_round(demo, tmp_path, open_round):
    written = write_round_forms(demo, open_round.id, tmp_path)
    assert [p.name for p in written] == [form_file_name(open_round, r) for r in list_respondents(demo, open_round.id)]
    assert written[0].name == "Board self-assessment 2019-20 - CAFCASS.xlsx"


def test_the_form_export_says_whose_form_to_write(demo, tmp_path, capsys):
    assert main(["export", str(demo.path), "assessment-form", "--out", str(tmp_path / "x.xlsx")]) == 1
    assert "say whose form to write with --set respondent=AGENCY" in capsys.readouterr().err
