"""Appendix 3 as a PDF: the seed's figures read back, the layout, anonymity, the story API."""

from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest

from sgdesk.assessment.appendix import appendix3_story
from sgdesk.assessment.demo import OPEN_TITLE, PUBLISHED_TITLE
from sgdesk.assessment.demo_data import PUBLISHED, RESPONDENTS, UNREPRODUCIBLE
from sgdesk.assessment.rounds import set_anonymity_threshold
from sgdesk.cli import main
from sgdesk.exporting import ExportRequest
from sgdesk.fyear import Period

BOARD = 1


def export(path, out, *args: str) -> str:
    assert main(["export", str(path), "appendix3", "--out", str(out), *args]) == 0
    with pdfplumber.open(out) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def figures_by_statement(pdf_path) -> list[list[str]]:
    """The rows of the summary table: [theme or statement text, ..., mode, mean, range]."""
    rows = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += [[(cell or "").replace("\n", " ") for cell in row] for row in table]
    return rows


@pytest.fixture
def appendix(demo_path, tmp_path):
    out = tmp_path / "appendix3.pdf"
    return out, export(demo_path, out, "--year", "2018/19")


def test_the_appendix_prints_the_seed_figures(appendix):
    out, _text = appendix
    rows = figures_by_statement(out)
    body = [row for row in rows if len(row) == 6 and row[-1] and row[-1][0].isdigit()]
    assert len(body) == 26
    published = [figures for code, figures in PUBLISHED.items()]
    for code, row, expected in zip(PUBLISHED, body, published):
        if code not in UNREPRODUCIBLE:
            mode, mean, range_ = row[-3:]
            assert (mode, mean.removesuffix(".0"), range_) == expected, code  # the seed printed 3.0 as 3
    sd1 = body[0]
    assert sd1[0] == "Strategic Plan" and sd1[1].startswith("To publish a strategic plan")
    assert sd1[2:] == ["6", "3", "3.0", "2"]  # N, mode, mean (one decimal place), range


def test_the_table_is_laid_out_as_in_the_seed(appendix):
    out, text = appendix
    rows = figures_by_statement(out)
    header = rows[0]
    assert header[0].startswith("Self-Assessment Outcomes (Score)") and header[2] == "N (Agencies answering)"
    assert header[3].startswith("Mode")
    sections = [row[0] for row in rows if row[0] and all(not cell for cell in row[1:])]
    assert sections[:3] == ["Statutory Duties set out in Section 14 of the Children Act 2004",
                            "Statutory Guidance - Key Roles and Responsibilities", "Enablers of Board Effectiveness"]
    leadership = [row for row in rows if row[-2:] and "raise the profile" in " ".join(row)]
    assert leadership[0][0] == "Leadership"       # the theme cell spans its three statements
    assert "The tool is split into three sections:" in text
    assert "1 = poor" in text and "4 = outstanding" in text
    assert "compiled from partner input from six agencies" in text


def test_the_commentary_is_quoted_by_theme_and_unattributed(appendix):
    _out, text = appendix
    commentary = text[text.index("Examples of Commentary by Partners"):]
    assert commentary.index("Strategic Plan") < commentary.index("Annual Report") < commentary.index("Confidentiality")
    assert "“Board members are involved in the creation of the strategic plan and take ownership of" in commentary
    flat = " ".join(text.split())
    for _organisation, person in RESPONDENTS:
        assert person not in flat
    assert "CAFCASS" not in flat and "Probation" not in flat


def test_statements_under_the_threshold_say_too_few_responses(demo, tmp_path):
    with demo.edit("Threshold") as ed:
        set_anonymity_threshold(ed, demo, BOARD, 6)
    text = export(demo.path, tmp_path / "a.pdf", "--year", "2018/19")
    rows = figures_by_statement(tmp_path / "a.pdf")
    kr2 = next(row for row in rows if row[0].startswith("Establish ways of analysing"))
    assert "too few responses" in " ".join(kr2[2:]) and "2.7" not in kr2
    assert "Where fewer than six agencies rated a statement, its figures are not shown" in " ".join(text.split())


def test_an_open_round_is_marked_and_named_by_the_round_option(demo_path, tmp_path, capsys):
    text = export(demo_path, tmp_path / "open.pdf", "--set", f"round={OPEN_TITLE}")
    assert "This round is open: the figures may still change." in text
    assert f"'{OPEN_TITLE}' is open, not yet published" in capsys.readouterr().out


def test_the_story_for_the_annual_report_pack(demo):
    title, orientation, story = appendix3_story(demo, BOARD, Period.for_year("2018/19"), {"title": "Appendix C"})
    assert (title, orientation) == ("Appendix C", "portrait") and len(story) > 10


def test_the_pdf_is_the_same_each_time(demo, tmp_path):
    from sgdesk import registry

    export_ = registry.load().exports["appendix3"]
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for out in (first, second):
        export_.run(demo, ExportRequest(BOARD, out, None, generated_on=dt.date(2019, 6, 1)))
    assert first.read_bytes() == second.read_bytes()
    with pdfplumber.open(first) as pdf:
        assert PUBLISHED_TITLE in pdf.pages[0].extract_text()
