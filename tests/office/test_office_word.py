"""Word documents: real tables that repeat their header, right-aligned figures, the board's style."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from sgdesk.office.blocks import typed_table
from sgdesk.office.story import read_story
from sgdesk.office.word import WordDocument, write_docx
from sgdesk.pdf import DocumentSpec
from sgdesk.reporting import ReportColumn, ReportTable

DAY = dt.date(2026, 11, 23)


def spec(**changes) -> DocumentSpec:
    return DocumentSpec(**{"title": "Attendance 2018/19", "board_name": "Southend-on-Sea LSCB",
                           "generated_on": DAY, **changes})


def attendance(rows: int = 3) -> ReportTable:
    columns = [ReportColumn("org", "Organisation"), ReportColumn("rep", "Representative"),
               ReportColumn("expected", "Expected", "int"), ReportColumn("percent", "Percent", "percent"),
               ReportColumn("cost", "Cost", "money")]
    names = ["Siân Pryce", "Zoë Adeyemi", "Łukasz Nowak", "Niamh O'Loughlin"]
    return ReportTable("Attendance per seat", columns,
                       [{"org": f"Agency {n}", "rep": names[n % 4], "expected": n + 1, "percent": 100 - n,
                         "cost": 123456 * n} for n in range(rows)], ["Meetings not recorded are not counted."])


def document(tables: list[ReportTable], **changes) -> docx.document.Document:
    out = io.BytesIO()
    write_docx(out, spec(**changes), tables)
    return docx.Document(io.BytesIO(out.getvalue()))


def test_a_report_becomes_headings_and_word_tables_with_the_same_figures():
    doc = document([attendance()])
    assert [p.text for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))] == [
        "Attendance 2018/19", "Attendance per seat"]
    table = doc.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Organisation", "Representative", "Expected", "Percent",
                                                           "Cost"]
    assert [cell.text for cell in table.rows[2].cells] == ["Agency 1", "Zoë Adeyemi", "2", "99%", "£1,234.56"]
    assert "Meetings not recorded are not counted." in [p.text for p in doc.paragraphs]


def test_a_report_says_what_it_holds_under_its_title_and_when_a_table_is_empty_as_its_pdf_does():
    empty = ReportTable("Attendance per seat", attendance().columns, [], [])
    texts = [p.text for p in document([empty], subject="attendance of each seat at board meetings").paragraphs]
    assert texts[:4] == ["Attendance 2018/19", "Attendance of each seat at board meetings.", "Attendance per seat",
                         "There is nothing to show for this period."]


def test_the_header_row_repeats_on_every_page_and_rows_never_split():
    table = document([attendance(80)]).tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])


def test_figures_are_right_aligned_and_text_left_aligned():
    table = document([attendance()]).tables[0]
    alignments = [cell.paragraphs[0].alignment for cell in table.rows[1].cells]
    assert alignments == [WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT,
                          WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]


def test_tables_take_the_board_style_and_accent():
    doc = document([attendance()], accent="#7A1F5C")
    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    shading = table.rows[0].cells[0]._tc.tcPr.find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == "7A1F5C"
    assert str(doc.styles["Heading 1"].font.color.rgb) == "7A1F5C"


def test_pages_are_a4_with_the_board_header_page_numbers_and_marking():
    doc = document([attendance()], marking="OFFICIAL", draft=True, footer_text="Annual report 2018/19")
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    header = [p.text for p in section.header.paragraphs]
    assert header == ["DRAFT — OFFICIAL", "Southend-on-Sea LSCB\tAttendance 2018/19"]
    footer = section.footer.paragraphs
    assert footer[0].text.startswith("Generated 23 Nov 2026\tAnnual report 2018/19\tPage ")
    instructions = [f.get(qn("w:instr")) for f in footer[0]._p.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer[-1].text == "OFFICIAL"


def test_a_wide_table_turns_the_page_to_landscape():
    columns = [ReportColumn(f"c{n}", f"Meeting {n}") for n in range(14)]
    wide = ReportTable("Grid", columns, [{f"c{n}": "Attended in person" for n in range(14)}])
    assert document([wide]).sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document([attendance()]).sections[0].orientation == WD_ORIENT.PORTRAIT


def test_same_content_gives_identical_bytes():
    first, second = io.BytesIO(), io.BytesIO()
    write_docx(first, spec(), [attendance()])
    write_docx(second, spec(), [attendance()])
    assert first.getvalue() == second.getvalue()


@pytest.fixture
def finance_story(demo):
    from sgdesk.finance.appendix import appendix2_story
    from sgdesk.fyear import Period

    return appendix2_story(demo, 1, Period.for_year("2018/19"), {})


def test_a_pdf_story_reads_back_as_the_same_tables_with_totals_and_sections(finance_story):
    title, orientation, flowables = finance_story
    out = io.BytesIO()
    document_ = WordDocument(spec(title=title), orientation)
    document_.blocks(read_story(flowables))
    document_.save(out)
    doc = docx.Document(io.BytesIO(out.getvalue()))
    assert doc.paragraphs[0].text == title and doc.paragraphs[0].style.name == "Heading 1"
    ledger = doc.tables[0]
    rows = {row.cells[1].text: row for row in ledger.rows}
    assert rows["Salaries"].cells[2].text == "87,819.53"
    assert rows["Total Expenditure"].cells[2].text == "137,755.83"
    assert rows["Total Expenditure"].cells[1].paragraphs[0].runs[0].bold
    assert rows["Outcome"].cells[2].text == "−2,328.59"
    assert rows["Salaries"].cells[0].text == "Expenditure"
    assert "Partner contributions 2018/19" in [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]


def test_story_tables_come_back_typed_for_excel(finance_story):
    from sgdesk.office.blocks import TableBlock

    blocks = [b for b in read_story(finance_story[2]) if isinstance(b, TableBlock)]
    ledger, contributions = (typed_table(block) for block in blocks)
    assert [c.kind for c in ledger.columns] == ["text", "text", "money"]
    salaries = next(row for row in ledger.rows if row["c1"] == "Salaries")
    assert salaries["c2"] == 8781953
    assert [c.label for c in contributions.columns] == ["Partner", "Share or basis", "Amount £", "Status"]
    assert contributions.rows[-1]["c2"] == 6716342


def test_typed_tables_read_percentages_counts_and_blanks():
    from sgdesk.office.blocks import Cell, TableBlock

    block = TableBlock(["Agency", "Meetings", "Attendance", "Mean"],
                       [[Cell("Police"), Cell("4"), Cell("75%"), Cell("2.8")],
                        [Cell("Lay member"), Cell("1,204"), Cell("n/a"), Cell("3.0")]],
                       aligns=list("LRRR"), weights=[4, 1, 1, 1])
    typed = typed_table(block)
    assert [c.kind for c in typed.columns] == ["text", "int", "percent", "decimal"]
    assert typed.rows[1] == {"c0": "Lay member", "c1": 1204, "c2": None, "c3": Decimal("3.0")}
