"""The demo board's Word files as Word shows them: read back with python-docx for their structure,
and laid out by LibreOffice (as Word would) and read with pdfplumber for what the reader sees."""

from __future__ import annotations

import io

import docx
import pdfplumber
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor

from sgdesk.office.accessibility import docx_problems
from sgdesk.office.layout import MARGIN_MM
from sgdesk.pack.options import pack_choices

POINTS_PER_MM = 72 / 25.4
STATEMENT_SD1 = "To publish a strategic plan for each"
STATEMENT_KR1 = "Identify the role, responsibility, authority and accountability"


def word_files(outputs: dict) -> list[str]:
    return sorted(name for name in outputs if name.endswith(".docx"))


def test_every_word_file_passes_the_accessibility_checks(demo_outputs):
    names = word_files(demo_outputs)
    assert {"appendix1.docx", "appendix3.docx", "pack.docx", "training.docx"} <= set(names)
    assert {name: docx_problems(demo_outputs[name]) for name in names} == {name: [] for name in names}


def test_the_accessibility_check_names_each_rule_a_document_breaks():
    document = docx.Document()  # python-docx's template: US English, no title
    document.add_heading("Report", 0)
    document.add_heading("Detail", 3)  # skips Heading 1 and 2
    document.add_paragraph()  # an empty paragraph for spacing
    document.add_table(rows=2, cols=2).cell(1, 0).text = "no header row"
    grey = document.add_paragraph().add_run("pale grey text")
    grey.font.color.rgb = RGBColor(0xAA, 0xAA, 0xAA)
    image = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (4, 4), "white").save(image, "PNG")
    document.add_picture(io.BytesIO(image.getvalue()), width=Mm(10))
    out = io.BytesIO()
    document.save(out)
    problems = "\n".join(docx_problems(io.BytesIO(out.getvalue())))
    for expected in ("default language is not en-GB", "no title in its properties",
                     "'Detail' is a Heading 3 after a Title", "table 1's first row is not a header row",
                     "has no alternative text", "is empty", "#AAAAAA on #FFFFFF"):
        assert expected in problems


def test_appendix3_statements_fill_the_statement_column_and_themes_span_their_rows(demo_outputs):
    for name in ("appendix3.docx", "pack.docx"):
        table = next(t for t in docx.Document(demo_outputs[name]).tables
                     if t.rows[0].cells[0].text.startswith("Self-Assessment Outcomes"))
        header = table.rows[0]._tr.tc_lst
        assert header[0].grid_span == 2  # the header label spans theme and statement, as printed
        rows = [row._tr.tc_lst for row in table.rows[1:]]
        texts = [[cell.xpath("string(.)") for cell in cells] for cells in rows]
        kr1 = next(cells for cells, text in zip(rows, texts) if text[0].startswith(STATEMENT_KR1))
        assert kr1[0].grid_span == 2  # a statement without a theme fills both columns
        sd1 = next(index for index, text in enumerate(texts) if len(text) > 1 and text[1].startswith(STATEMENT_SD1))
        assert texts[sd1][0] == "Strategic Plan" and rows[sd1][0].vMerge == "restart"
        assert rows[sd1 + 1][0].vMerge == "continue" and texts[sd1 + 1][0] == ""  # the theme spans its two rows
        assert texts[sd1 + 1][1].startswith("The plan should be evidence based")


def words_of(page, text: str) -> list[dict]:
    """The words of ``text`` where it is printed on ``page`` (first occurrence), in order."""
    wanted = text.split()
    words = page.extract_words()
    for start in range(len(words)):
        if [w["text"] for w in words[start:start + len(wanted)]] == wanted:
            return words[start:start + len(wanted)]
    return []


def test_appendix3_statements_print_in_lines_as_wide_as_the_statement_column(office_pdfs):
    """As Word lays it out: each statement runs in full lines, not a word or two a line."""
    with pdfplumber.open(office_pdfs["appendix3.docx"]) as pdf:
        for statement in (STATEMENT_SD1, STATEMENT_KR1):
            page = next(p for p in pdf.pages if words_of(p, statement))
            words = words_of(page, statement)
            mode = max((w for w in page.extract_words() if w["text"] == "Mode"), key=lambda w: w["x0"])
            assert max(w["x1"] for w in words) <= mode["x0"]  # left of the figures
            assert len({round(w["top"]) for w in words}) == 1  # its opening words share one line


def header_and_footer_lines(page) -> tuple[list[dict], list[dict]]:
    margin = MARGIN_MM * POINTS_PER_MM
    words = page.extract_words()
    return ([w for w in words if w["bottom"] < margin], [w for w in words if w["top"] > page.height - margin])


@pytest.mark.parametrize("name", ["pack.docx", "appendix1.docx", "appendix3.docx", "charges.docx"])
def test_each_page_header_and_footer_end_at_its_own_right_margin(office_pdfs, name):
    margin = MARGIN_MM * POINTS_PER_MM
    orientations = set()
    with pdfplumber.open(office_pdfs[name]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            header, footer = header_and_footer_lines(page)
            if name == "pack.docx" and number == 1:
                assert header == [] and footer == []  # the cover has no running header or page number
                continue
            orientations.add("landscape" if page.width > page.height else "portrait")
            for line in (header, footer):
                assert line, f"page {number} has no header or footer"
                assert abs(max(w["x1"] for w in line) - (page.width - margin)) < 3, f"page {number}"
            board_end = max(w["x1"] for w in header if w["x0"] < page.width / 2)
            title_start = min(w["x0"] for w in header if w["x0"] > page.width / 2)
            assert title_start - board_end > 20, f"page {number}: the board's name runs into the title"
            assert any(w["text"] == "Page" for w in footer)
    if name in ("pack.docx", "appendix1.docx", "charges.docx"):
        assert "landscape" in orientations


def test_header_and_footer_tab_stops_are_those_of_each_section(demo_outputs):
    document = docx.Document(demo_outputs["pack.docx"])
    for style in ("Header", "Footer"):
        assert document.styles[style].paragraph_format.tab_stops._pPr.find(qn("w:tabs")) is None
    widths = set()
    for section in document.sections:
        usable = section.page_width - section.left_margin - section.right_margin
        for part in (section.header, section.footer):
            stops = [stop.position for p in part.paragraphs for stop in p.paragraph_format.tab_stops]
            assert stops and abs(max(stops) - usable) < Mm(0.5)
        widths.add(round(usable / 36000))
    assert len(widths) == 2  # portrait and landscape sections, each with its own


def test_the_contents_shows_the_page_each_appendix_starts_on_the_first_time_it_is_opened(office_pdfs, demo_outputs):
    document = docx.Document(demo_outputs["pack.docx"])
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    with pdfplumber.open(office_pdfs["pack.docx"]) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    contents = pages[1].splitlines()
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(titles) == len(pack_choices({}).appendices)
    for title in titles:
        line = next(line for line in contents if line.startswith(title))
        number = int(line.rstrip().rsplit(".", 1)[-1].strip())
        assert title in pages[number - 1].splitlines()[1:4], f"{title} is not on page {number}"


def test_every_style_is_in_uk_english(demo_outputs):
    document = docx.Document(demo_outputs["appendix2.docx"])
    styles = [s for s in document.styles if s.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER)]
    assert styles and all(s.element.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"
                          for s in styles)
    assert document.core_properties.language == "en-GB"


def test_email_addresses_print_whole_in_word(office_pdfs):
    with pdfplumber.open(office_pdfs["charges.docx"]) as pdf:
        addresses = [w["text"] for page in pdf.pages for w in page.extract_words() if "@" in w["text"]]
    assert addresses and all(address.endswith(".example") for address in addresses)
