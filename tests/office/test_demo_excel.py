"""The demo board's workbooks as Excel shows them: read back with openpyxl for their cells, formats,
sheet names and page setup, and laid out by LibreOffice (as Excel would) and read with pdfplumber
for what prints."""

from __future__ import annotations

import re

import openpyxl
import pdfplumber
import pytest

from sgdesk.office.excel import DECIMAL_FORMAT, SHEET_NAME_LENGTH

FIGURE = re.compile(r"[-−(]?£?\d[\d,]*(\.\d+)?%?\)?")


def workbooks(outputs: dict) -> list[str]:
    return sorted(name for name in outputs if name.endswith(".xlsx"))


def is_header(cell) -> bool:
    """A table's header cell: white bold type on a fill (a sheet may hold several tables)."""
    return bool(cell.font.b and cell.font.color is not None and cell.font.color.rgb == "00FFFFFF"
                and cell.fill.fill_type == "solid")


def printed_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def test_no_figure_in_any_demo_workbook_is_stored_as_text(demo_outputs):
    names = workbooks(demo_outputs)
    assert {"appendix1.xlsx", "appendix2.xlsx", "appendix3.xlsx", "training.xlsx", "assessment-form.xlsx"} <= set(names)
    text_figures = {}
    for name in names:
        book = openpyxl.load_workbook(demo_outputs[name])
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if is_header(cell):
                        continue  # a column's label ("2018") is text
                    if isinstance(cell.value, str) and FIGURE.fullmatch(cell.value.strip()):
                        text_figures.setdefault(name, []).append(f"{sheet.title}!{cell.coordinate} {cell.value!r}")
    assert text_figures == {}


def printed_figures(path) -> set[str]:
    """Every figure printed on the pages of ``path`` (page numbers aside)."""
    with pdfplumber.open(path) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    return {word for line in lines if not line.startswith("Page ") for word in line.split() if FIGURE.fullmatch(word)}


def test_every_figure_a_workbook_prints_reads_as_the_pdf_of_the_same_export_prints_it(demo_outputs, office_pdfs):
    """22.41 stays 22.41, 4,700 beside 15.2 stays 4,700, a rate of 0.02 is no amount of money; an
    amount under a "£" header may show its £ sign."""
    names = [name for name in workbooks(demo_outputs) if name.replace(".xlsx", ".pdf") in demo_outputs]
    assert {"data-matrix.xlsx", "indicators.xlsx", "appendix2.xlsx", "training.xlsx"} <= set(names)
    different = {}
    for name in names:
        in_pdf = printed_figures(demo_outputs[name.replace(".xlsx", ".pdf")])
        unlike = sorted(figure for figure in printed_figures(office_pdfs[name])
                        if figure not in in_pdf and figure.replace("£", "") not in in_pdf)
        if unlike:
            different[name] = unlike[:10]
    assert different == {}


def test_key_figures_are_numbers_in_their_own_formats(demo_outputs):
    sheet = openpyxl.load_workbook(demo_outputs["training.xlsx"])["Key figures"]
    values = {sheet.cell(row, column).value: sheet.cell(row, column + 1)
              for row in range(2, sheet.max_row + 1) for column in (1, 3)}
    assert values["Attended"].value == 475 and values["Attended"].number_format == "#,##0"
    assert values["Fill rate (attended / places offered)"].number_format == "0%"
    assert values["Income charged"].value == pytest.approx(5470) and "£" in values["Income charged"].number_format
    assert values["Mean confidence before (1-5)"].number_format == DECIMAL_FORMAT


def test_means_print_to_one_decimal_place_and_totals_stand_below_the_filter(demo_outputs):
    statements = openpyxl.load_workbook(demo_outputs["assessment.xlsx"]).worksheets[0]
    header = [cell.value for cell in statements[1]]
    mean = header.index("Mean") + 1
    means = [statements.cell(row, mean) for row in range(2, statements.max_row + 1)
             if isinstance(statements.cell(row, mean).value, (int, float))]
    assert means and all(cell.number_format == DECIMAL_FORMAT for cell in means)
    sectors = openpyxl.load_workbook(demo_outputs["training.xlsx"])["Delegates by sector"]
    last = sectors.max_row
    assert sectors.cell(last, 1).value == "All" and all(cell.font.b for cell in sectors[last])
    assert sectors.auto_filter.ref == f"A1:E{last - 1}"


def test_the_legend_and_names_keep_their_exact_text(demo, demo_path, tmp_path, demo_outputs, office_pdfs):
    legend = openpyxl.load_workbook(demo_outputs["appendix1.xlsx"])["Key to the marks"]
    dash = next(cell for cell in legend["A"] if cell.value == "-")
    assert dash.quotePrefix and dash.data_type == "s"
    assert "'-" not in printed_text(office_pdfs["appendix1.xlsx"])


def test_a_name_starting_like_a_formula_shows_exactly_in_excel(demo, tmp_path):
    from sgdesk.cli import main
    from sgdesk.demo.outputs import office_pdfs as convert

    org = demo.scalar("SELECT id FROM organisation WHERE name = 'Seaside Stars Nursery Ltd'")
    with demo.edit("Rename") as ed:
        ed.update("organisation", org, {"name": "+Plus Care Ltd"})
    out = tmp_path / "training.xlsx"
    assert main(["export", str(demo.path), "training", "--year", "2018/19", "--out", str(out)]) == 0
    cell = next(cell for row in openpyxl.load_workbook(out)["Delegates by organisation"].iter_rows()
                for cell in row if cell.value and "Plus Care" in str(cell.value))
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("+Plus Care Ltd", "s", True)
    text = printed_text(convert([out], tmp_path / "pdf")[out])
    assert "+Plus Care Ltd" in text and "'+Plus" not in text


def test_every_sheet_is_named_for_what_it_holds_in_whole_words(demo_outputs):
    names = {name: openpyxl.load_workbook(demo_outputs[name]).sheetnames for name in workbooks(demo_outputs)}
    assert names["appendix1.xlsx"] == ["Key to the marks", "Attendance", "Membership by role", "Sub-group chairs"]
    assert names["appendix2.xlsx"] == ["Finance 2018-19", "Partner contributions 2018-19"]
    assert names["assessment.xlsx"] == ["Board self-assessment 2018-19", "Themes and sections",
                                        "Strengths, development areas"]
    assert names["contributions.xlsx"] == ["Partner contributions 2018-19", "Contributions by year"]
    for sheets in names.values():
        assert len(set(sheets)) == len(sheets)
        assert all(len(sheet) <= SHEET_NAME_LENGTH and not re.search(r"\(\d+\)$", sheet) for sheet in sheets)


def test_every_header_label_prints_whole(demo_outputs, office_pdfs):
    """A wrapped header gets a row tall enough for all its lines ("5 Jun 2018", not "2018")."""
    missing = {}
    for name in workbooks(demo_outputs):
        text = printed_text(office_pdfs[name])
        book = openpyxl.load_workbook(demo_outputs[name])
        for sheet in book.worksheets:
            if sheet.title == "Instructions":
                continue
            for cell in sheet[1]:
                label = " ".join(str(cell.value or "").split())
                if label and not all(word in text for word in label.split()):
                    missing.setdefault(name, []).append(label)
    assert missing == {}
    attendance = openpyxl.load_workbook(demo_outputs["appendix1.xlsx"])["Attendance"]
    assert attendance.row_dimensions[1].height and attendance.row_dimensions[1].height >= 2 * 13


def test_the_response_form_prints_landscape_one_page_wide_with_its_header_on_every_page(demo_outputs, office_pdfs):
    form = openpyxl.load_workbook(demo_outputs["assessment-form.xlsx"])["Response form"]
    setup = form.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert form.sheet_properties.pageSetUpPr.fitToPage and form.print_title_rows == "$1:$1"
    labels = [cell.value for cell in form[1]]
    with pdfplumber.open(office_pdfs["assessment-form.xlsx"]) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        pages = pdf.pages[:next(n for n, text in enumerate(texts) if "How to fill in this form" in text)]
        assert 1 <= len(pages) <= 3  # not ten pages cut down the columns
        for page in pages:
            assert page.width > page.height
            text = page.extract_text()
            assert all(label in text for label in labels)  # every column on the page, the header repeated
