"""Tables as a typographer reads them: header words whole, long tokens broken at sensible points,
no page holding a row or two of a table that continues, totals with their rows; pages of their
own (a cover, a certificate) without the running header. Checked on made-up tables and on every
PDF the demo board produces."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pdfplumber
import pytest

from sgdesk.demo.outputs import MEETING, SEED_PERIOD, SESSION, YEAR
from sgdesk.errors import SGDeskError
from sgdesk.fyear import Period
from sgdesk.pdf import DocumentSpec, build_pdf, data_table, heading, styles
from sgdesk.pdf.page import MARGIN
from sgdesk.pdf.tables import MIN_ROWS, keep_with_last_rows

WHITE = (1, 1, 1)


def build(story: list, orientation: str = "portrait", **options) -> bytes:
    out = io.BytesIO()
    build_pdf(out, DocumentSpec("Layout", "Southend LSCB", generated_on=dt.date(2019, 6, 28)), story,
              orientation=orientation, **options)
    return out.getvalue()


def header_words(pdf) -> list[str]:
    """The words printed in white: the text of table header rows."""
    found = []
    for page in pdf.pages:
        found += [w["text"] for w in page.extract_words(extra_attrs=["non_stroking_color"])
                  if tuple(w["non_stroking_color"] or ()) == WHITE]
    return found


def opens_page(page, tables) -> bool:
    """Whether the page's first table is the first thing below its running header (so it may carry
    on a table of the page before; under a heading it is a table of its own)."""
    top = tables[0].bbox[1]
    return not [w for w in page.extract_words() if MARGIN - 1 <= w["top"] and w["bottom"] <= top]


def continuing_tables(pdf) -> list[tuple[int, int, int]]:
    """(page number, body rows, rows in all) of each piece of a table that runs over a page break.

    A piece continues if the next page opens with a table under the same header (nothing printed
    between the running header and it); body rows are
    those not all in bold (totals) and not one cell across (sections).
    """
    pieces = []
    pages = [(page, page.find_tables()) for page in pdf.pages]
    for number, (page, tables) in enumerate(pages, start=1):
        for position, table in enumerate(tables):
            rows = table.extract()
            header = rows[0]
            after = pages[number][1][0].extract()[0] if number < len(pages) and pages[number][1] else None
            before = pages[number - 2][1][-1].extract()[0] if number > 1 and pages[number - 2][1] else None
            runs_on = position == len(tables) - 1 and after == header and opens_page(*pages[number])
            ran_on = position == 0 and before == header and opens_page(page, tables)
            if not (runs_on or ran_on):
                continue
            body = 0
            for row, cells in zip(table.rows[1:], rows[1:]):
                if sum(cell is not None for cell in cells) == 1 and len(cells) > 1:
                    continue  # a section heading across the table
                chars = [c for c in page.within_bbox(row.bbox).chars if c["text"].strip()]
                if chars and all("Bold" in c["fontname"] for c in chars):
                    continue  # a total
                body += 1
            pieces.append((number, body, len(rows) - 1))
    return pieces


def test_header_words_are_never_split_however_narrow_the_column():
    header = ["Course", "From", "Mode", "Mean", "Level", "Range", "N (Agencies answering)", "Delegates"]
    rows = [["Safer recruitment", "1 Apr", "3", "3.0", "2", "1", "6", "12"]] * 4
    data = build([data_table(header, rows, col_widths=[9, 1, 1, 1, 1, 1, 1, 1])])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert sorted(header_words(pdf)) == sorted(" ".join(header).split())


def test_a_long_email_address_breaks_after_the_at_sign_and_no_cell_spills():
    rows = [["Deborah Underwood", "deborah.underwood@littleacorns.example", "£50.00"]]
    data = build([data_table(["Delegate", "Email", "Fee"], rows, col_widths=[3, 2.2, 1], width=320)])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines = pdf.pages[0].extract_text().splitlines()
    assert "deborah.underwood@" in " ".join(lines).split() and any(line.endswith("littleacorns.example")
                                                                  for line in lines)


@pytest.mark.parametrize("rows_before", range(0, 60, 3))
def test_a_table_that_breaks_keeps_three_rows_on_each_page_and_its_total_with_them(rows_before):
    filler = [heading(f"Line {n}", 1, style="h3") for n in range(rows_before)]
    rows = [[f"Agency {n}", n, f"{n}%"] for n in range(70)] + [["Total", 2415, ""]]
    data = build([*filler, data_table(["Agency", "Meetings", "Share"], rows, total_rows=[-1])])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pieces = continuing_tables(pdf)
        last = pdf.pages[-1].extract_text()
    assert len(pieces) >= 2 and all(body >= MIN_ROWS for _page, body, _rows in pieces), pieces
    assert "Total 2415" in last and "Agency 69" in last


def test_a_short_table_low_on_a_page_moves_on_whole():
    filler = [heading(f"Line {n}", 1, style="h3") for n in range(33)]
    data = build([*filler, data_table(["Agency", "Meetings"], [[f"Agency {n}", n] for n in range(5)])])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert continuing_tables(pdf) == []
        assert "Agency 0" in pdf.pages[-1].extract_text()


@pytest.mark.parametrize("names", [14, 16, 18, 20, 22, 24, 26, 28])
def test_a_signature_block_always_follows_rows_of_its_register(names):
    from reportlab.platypus import Paragraph

    s = styles()
    rows = [[str(n), f"Delegate {n}", ""] for n in range(1, names + 1)]
    table = data_table(["No.", "Name", "Signature"], rows, col_widths=[1, 5, 5], zebra=False)
    sign_off = Paragraph("Trainer's signature ____________ Number attending ____", s["body"])
    data = build([heading("Attendance register", style="title"), Paragraph("Please sign in. " * 40, s["body"]),
                  *keep_with_last_rows(table, [sign_off])])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        last = pdf.pages[-1]
        text = last.extract_text()
        assert "Trainer's signature" in text
        rows_there = sum(f"Delegate {n}" in text for n in range(1, names + 1))
        assert rows_there >= MIN_ROWS, f"{rows_there} rows with the signature block"


def test_pages_of_their_own_have_no_running_header_footer_or_page_number():
    from reportlab.platypus import PageBreak

    from sgdesk.pdf import switch_orientation

    story = [heading("Cover", style="title"), *switch_orientation("portrait"), heading("Contents", style="title"),
             PageBreak(), heading("Appendix", style="title")]
    with pdfplumber.open(io.BytesIO(build(story, furniture=False))) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert texts[0].strip() == "Cover"
    assert texts[1].startswith("Southend LSCB Layout") and texts[1].rstrip().endswith("Page 2 of 3")
    assert texts[2].rstrip().endswith("Page 3 of 3")


# -- every PDF of the demo board ---------------------------------------------------------------

@pytest.fixture(scope="session")
def label_words(demo_template) -> set[str]:
    """Every word of every table header the demo board's PDFs print, from the stories and
    reports that make them."""
    from sgdesk import registry
    from sgdesk.governance.meeting_pack import chosen_meeting, sections_story
    from sgdesk.governance.papers import meeting_papers
    from sgdesk.office.blocks import TableBlock
    from sgdesk.office.story import read_story
    from sgdesk.store import open_board_file
    from sgdesk.training.model import get_session
    from sgdesk.training.pdf_sessions import register_story

    loaded = registry.load()
    labels: list[str] = []
    with open_board_file(demo_template, read_only=True) as bf:
        for period in (Period.for_year(YEAR), SEED_PERIOD):
            for report in loaded.reports.values():
                with contextlib.suppress(SGDeskError):  # a report of whole years, for a period that is not one
                    labels += [column.label for table in report.run(bf, 1, period) for column in table.columns]
            for appendix in loaded.appendices:
                with contextlib.suppress(SGDeskError):
                    _title, _orientation, story = appendix.story(bf, 1, period, {})
                    labels += [label for block in read_story(story) if isinstance(block, TableBlock)
                               for label in block.header]
        papers = meeting_papers(bf, chosen_meeting(bf, 1, {"meeting": MEETING}))
        for story in (register_story(bf, get_session(bf, int(SESSION))), sections_story(bf, papers)):
            labels += [label for block in read_story(story) if isinstance(block, TableBlock) for label in block.header]
    return {word for label in labels for word in label.split()}


def demo_pdfs(outputs: dict) -> list[str]:
    return sorted(name for name in outputs if name.endswith(".pdf"))


def test_no_table_header_in_any_demo_pdf_splits_a_word(demo_outputs, label_words):
    split = {}
    for name in demo_pdfs(demo_outputs):
        with pdfplumber.open(demo_outputs[name]) as pdf:
            words = header_words(pdf)
        if name != "certificates.pdf":
            assert words, name
        broken = sorted({word for word in words if word not in label_words})
        if broken:
            split[name] = broken
    assert split == {}


def test_no_page_of_any_demo_pdf_holds_fewer_than_three_rows_of_a_table_that_continues(demo_outputs):
    short = {}
    for name in demo_pdfs(demo_outputs):
        with pdfplumber.open(demo_outputs[name]) as pdf:
            pieces = [piece for piece in continuing_tables(pdf) if piece[1] < MIN_ROWS]
        if pieces:
            short[name] = pieces
    assert short == {}


def test_every_demo_pdf_header_shows_its_whole_title(demo_outputs):
    for name in demo_pdfs(demo_outputs):
        with pdfplumber.open(demo_outputs[name]) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                header = " ".join(w["text"] for w in page.extract_words() if w["bottom"] < MARGIN)
                assert "…" not in header, f"{name} page {number}: {header}"


def test_certificates_are_pages_of_their_own_and_the_pack_cover_has_no_running_header(demo_outputs):
    with pdfplumber.open(demo_outputs["certificates.pdf"]) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert len(texts) > 1
    for text in texts:
        assert text.startswith("Southend-on-Sea Local Safeguarding Children Board\nCertificate of Attendance")
        assert "Generated" not in text and "Page " not in text
    with pdfplumber.open(demo_outputs["pack.pdf"]) as pdf:
        cover, contents = (pdf.pages[n].extract_text() for n in (0, 1))
    assert "Page 1 of" not in cover and not cover.startswith("Southend-on-Sea Local Safeguarding Children Board "
                                                              "Annual report appendices")
    assert contents.rstrip().endswith(f"Page 2 of {len(pdf.pages)}")


def test_the_register_header_names_the_register_and_its_date_in_full(demo_outputs):
    with pdfplumber.open(demo_outputs["register.pdf"]) as pdf:
        first = pdf.pages[0].extract_text().splitlines()
    assert first[1] == "Southend-on-Sea Local Safeguarding Children Board Attendance register, 8 Nov 2018"


def test_no_page_of_any_demo_word_file_holds_fewer_than_three_rows_of_a_table_that_continues(office_pdfs):
    """As Word lays them out (LibreOffice): rows kept with the header and with each other at the foot."""
    short = {}
    for name in sorted(name for name in office_pdfs if name.endswith(".docx")):
        with pdfplumber.open(office_pdfs[name]) as pdf:
            pieces = continuing_tables(pdf)
        if any(body < MIN_ROWS for _page, body, _rows in pieces):
            short[name] = pieces
    assert short == {}


def test_no_table_header_in_any_demo_word_file_splits_a_word(office_pdfs, label_words):
    """As Word lays them out (LibreOffice): columns are never narrower than their header's words."""
    split = {}
    for name in sorted(name for name in office_pdfs if name.endswith(".docx")):
        with pdfplumber.open(office_pdfs[name]) as pdf:
            words = header_words(pdf)
        assert words, name
        broken = sorted({word for word in words if word not in label_words})
        if broken:
            split[name] = broken
    assert split == {}
