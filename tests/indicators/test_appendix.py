"""The data matrix appendix read back: the figures in the PDF, Word and Excel are the stored ones; RAG is
written and coloured; each trend line has its words."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest

from sgdesk.cli import main
from sgdesk.exporting import ExportRequest
from sgdesk.indicators.rag import RATING_FILLS

DAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def exported(demo_template, tmp_path_factory) -> dict[str, Path]:
    from sgdesk import registry
    from sgdesk.store import open_board_file

    folder = tmp_path_factory.mktemp("matrix")
    export = registry.load().exports["data-matrix"]
    found = {}
    with open_board_file(demo_template, read_only=True) as bf:
        for fmt in ("pdf", "docx", "xlsx"):
            found[fmt] = folder / f"matrix.{fmt}"
            export.run(bf, ExportRequest(1, found[fmt], generated_on=DAY))
    return found


@pytest.fixture(scope="module")
def published(demo_template) -> dict[str, dict[str, str]]:
    """indicator -> period -> the figure (or mark) the indicators report gives for this authority."""
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        assert main(["report", str(demo_template), "indicators", "--format", "csv"]) == 0
    figures: dict[str, dict[str, str]] = defaultdict(dict)
    for row in csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))):
        if row["Area"] == "Southend-on-Sea":
            figures[row["Indicator"]][row["Period"]] = row["Value"] or row["Mark"]
    return figures


def _label(name: str) -> str:
    return " ".join(name.split())


def pdf_rows(path: Path) -> list[tuple[list[str], list[str]]]:
    """(header, row) for every body row of every table in the PDF, cells' lines joined."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                header = [_label(cell or "") for cell in table[0]]
                found += [(header, [_label(cell or "") for cell in row]) for row in table[1:]]
    return found


def test_the_pdf_shows_the_stored_figures_of_every_indicator(exported, published):
    rows = {row[0]: (header, row) for header, row in pdf_rows(exported["pdf"]) if "Rank" in header}
    checked = 0
    for name, by_period in published.items():
        header, row = rows.get(name) or rows[f"{name} (%)"]
        periods = header[1:header.index("Rank")]
        for period, cell in zip(periods, row[1:]):
            if period in by_period:
                assert cell.replace(",", "") == by_period[period], (name, period)
                checked += 1
    assert checked > 250 and len(published) == 65


def test_rag_is_written_and_coloured_and_comparators_sit_beneath(exported):
    rows = pdf_rows(exported["pdf"])
    rerefs = next(n for n, (_h, row) in enumerate(rows) if row[0].startswith("Re-referrals"))
    header, row = rows[rerefs]
    assert row[header.index("RAG")] == "Red" and row[header.index("Change")] == "↑ worse"
    assert row[header.index("Rank")] == "139"
    assert rows[rerefs + 1][1][0] == "England" and rows[rerefs + 1][1][header.index("2020")] == "22.6"
    words = {"Green": 0, "Amber": 0, "Red": 0}
    for header, row in rows:
        if "RAG" in header and row[header.index("RAG")] in words:
            words[row[header.index("RAG")]] += 1
    colours = {key: 0 for key in words}
    with pdfplumber.open(exported["pdf"]) as pdf:
        for page in pdf.pages:
            for rect in page.rects:
                fill = rect.get("non_stroking_color")
                for key, hex_colour in RATING_FILLS.items():
                    wanted = tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
                    if fill and len(fill) == 3 and all(abs(a - b) < 0.01 for a, b in zip(fill, wanted)):
                        colours[key.capitalize()] += 1
    assert colours == words and words["Red"] == 7


def test_each_trend_line_says_what_it_shows(demo):
    from sgdesk.indicators.appendix import matrix_story
    from reportlab.graphics.shapes import Drawing

    from sgdesk.pdf.figures import alt_text

    _title, _orientation, story = matrix_story(demo, 1, None, {})
    figures = [cell for table in story if hasattr(table, "_cellvalues") for line in table._cellvalues
               for cell in line if isinstance(cell, Drawing)]
    texts = {alt_text(figure) for figure in figures}
    assert "Trend: 15.2, 16.3, 16.0, 15.8% 2017-2020; England 17.0, 18.0, 18.2, 19.1%." in texts
    assert "Trend: 19.9, 16.3, 23.7, 24.4, 30.2% 2016-2020; England 22.6% in 2020." in texts
    assert "Trend: not published, 62, 64, 60, 56% 2014-2021; England not published, 72, 68, 69, 62%." in texts


def test_word_has_the_figures_the_colours_and_the_trend_lines_with_their_words(exported):
    document = docx.Document(exported["docx"])
    rows = [[cell for cell in row.cells] for table in document.tables for row in table.rows]
    rerefs = next(row for row in rows if row[0].text.startswith("Re-referrals"))
    assert [cell.text for cell in rerefs[1:9]] == ["19.9", "16.3", "23.7", "24.4", "30.2", "139", "Red", "↑ worse"]
    shading = rerefs[7]._tc.tcPr.xpath("./w:shd")[0]
    assert shading.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") == "FFC7CE"
    descriptions = [element.get("descr") for element in rerefs[9]._tc.xpath(".//wp:docPr")]
    assert descriptions == ["Trend: 19.9, 16.3, 23.7, 24.4, 30.2% 2016-2020; England 22.6% in 2020."]


def test_excel_has_the_figures_as_numbers_with_the_rag_colour_and_trend_pictures(exported):
    book = openpyxl.load_workbook(exported["xlsx"])
    sheet = book["Children's social care"]
    row = next(row for row in sheet.iter_rows() if str(row[0].value).startswith("Re-referrals"))
    assert [cell.value for cell in row[1:6]] == [19.9, 16.3, 23.7, 24.4, 30.2]
    assert row[7].value == "Red" and row[7].fill.fgColor.rgb.endswith("FFC7CE")
    assert len(sheet._images) == 15     # a trend line for each of the section's 15 indicators
    with __import__("zipfile").ZipFile(exported["xlsx"]) as archive:
        drawings = " ".join(archive.read(name).decode() for name in archive.namelist() if "drawings/drawing" in name)
    assert 'descr="Trend: 19.9, 16.3, 23.7, 24.4, 30.2% 2016-2020; England 22.6% in 2020."' in drawings
