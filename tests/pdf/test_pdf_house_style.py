"""The PDF house style: fonts, page furniture, determinism, outline, tables."""

from __future__ import annotations

import datetime
import gc
import io
import re
import subprocess
import sys
import weakref

import pdfplumber
import pypdf
import pytest
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from sgdesk.pdf import (
    Contents,
    DocumentSpec,
    build_pdf,
    data_table,
    frame_width,
    heading,
    styles,
    switch_orientation,
)
from sgdesk.pdf.canvas import HouseDocument
from sgdesk.pdf.page import MARGIN, PAGE_SIZES
from sgdesk.pdf.styles import style as house_style

NAMES = "Siân Evans, Zoë Clarke, Niamh O'Loughlin, Łukasz Kowalski"
SYMBOLS = "£43,065 – “agreed” ‘in kind’"
DAY = datetime.date(2026, 11, 23)


def spec(**changes: object) -> DocumentSpec:
    base = {
        "title": "Appendix 1: Board membership and attendance",
        "board_name": "Southend Local Safeguarding Children Board",
        "subject": "Annual report 2017-19",
        "generated_on": DAY,
    }
    return DocumentSpec(**{**base, **changes})


def build(story: list, orientation: str = "portrait", **changes: object) -> bytes:
    out = io.BytesIO()
    pages = build_pdf(out, spec(**changes), story, orientation=orientation)
    data = out.getvalue()
    assert pages == len(pypdf.PdfReader(io.BytesIO(data)).pages)
    return data


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def body(text: str) -> Paragraph:
    return Paragraph(text, styles()["body"])


def attendance_rows(count: int) -> list[list]:
    return [[f"Agency {n}", "Siân Evans" if n % 2 else "Łukasz Kowalski", n % 5, f"{n % 101}%"] for n in range(count)]


def sample_story() -> list:
    return [
        heading("Board membership", style="title"),
        body(f"Representatives: {NAMES}. Contribution {SYMBOLS}; <b>bold</b> and <i>italic</i>."),
        heading("Attendance", 1, style="h2"),
        data_table(["Agency", "Representative", "Meetings", "Attendance"], attendance_rows(30), total_rows=[-1]),
    ]


def test_unicode_names_and_symbols_are_extractable_text() -> None:
    data = build(sample_story())
    text = " ".join(page_texts(data)[0].split())  # the paragraph wraps
    for name in ("Siân Evans", "Zoë Clarke", "Niamh O'Loughlin", "Łukasz Kowalski", SYMBOLS):
        assert name in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plumbed = pdf.pages[0].extract_text()
        fonts = {char["fontname"].split("+")[-1] for char in pdf.pages[0].chars}
    assert "Zoë Clarke" in plumbed and "£43,065" in plumbed
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"} <= fonts  # embedded subsets


def test_each_face_prints_what_it_is_used_for_and_only_the_faces_used_are_embedded() -> None:
    code = """if True:
        import datetime, io, pypdf
        from reportlab.platypus import Paragraph
        from sgdesk.pdf import DocumentSpec, build_pdf, styles
        def faces(text):
            out = io.BytesIO()
            build_pdf(out, DocumentSpec(title="Faces", board_name="Board", generated_on=datetime.date(2019, 6, 28)),
                      [Paragraph(text, styles()["body"])])
            page = pypdf.PdfReader(out).pages[0]
            embedded = sorted(f["/BaseFont"].split("+")[-1] for f in page["/Resources"]["/Font"].values())
            printed = []
            def visit(text, cm, tm, font, size):
                if text.strip() in ("Q", "W", "Z", "X"):
                    printed.append((text.strip(), font["/BaseFont"].split("+")[-1]))
            page.extract_text(visitor_text=visit)
            return embedded, printed
        print(faces("Q <b>W</b> <i>Z</i>"))
        print(faces("Q <b><i>X</i></b>"))
    """  # a process of its own: no face is embedded because another test of this process used it
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [
        "(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique'], "
        "[('Q', 'DejaVuSans'), ('W', 'DejaVuSans-Bold'), ('Z', 'DejaVuSans-Oblique')])",
        "(['DejaVuSans', 'DejaVuSans-BoldOblique'], [('Q', 'DejaVuSans'), ('X', 'DejaVuSans-BoldOblique')])",
    ]


def test_same_inputs_give_identical_bytes_and_changes_show() -> None:
    first = build(sample_story(), draft=True, marking="OFFICIAL")
    assert build(sample_story(), draft=True, marking="OFFICIAL") == first
    changed = sample_story() + [body("One more line.")]
    assert build(changed, draft=True, marking="OFFICIAL") != first
    assert build(sample_story(), draft=True, marking="OFFICIAL", generated_on=DAY.replace(day=24)) != first


def test_the_house_document_writes_the_file_as_reportlab_would(monkeypatch: pytest.MonkeyPatch) -> None:
    story = [*sample_story(), body('A <a href="https://example.org/report">linked report</a>.')]
    ours = build(story, draft=True, marking="OFFICIAL")
    again = build(story, draft=True, marking="OFFICIAL")  # its pages and fonts compressed as kept the first time
    monkeypatch.setattr(HouseDocument, "format", PDFDocument.format)  # reportlab writes every object itself
    assert build(story, draft=True, marking="OFFICIAL") == ours == again


def test_story_is_not_consumed_and_can_be_built_again() -> None:
    story = sample_story()
    first = build(story)
    assert len(story) == 4
    assert build(story) == first


class _Probe(Flowable):
    """Notes, when drawn, which of the flowables it watches are still alive."""

    def __init__(self, watched: list) -> None:
        super().__init__()
        self.watched = [weakref.ref(flowable) for flowable in watched]
        self.alive: list[bool] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.alive = [ref() is not None for ref in self.watched]


@pytest.mark.parametrize("consume", [True, False])
def test_a_consumed_story_lets_each_flowable_go_once_drawn_and_prints_the_same(consume: bool) -> None:
    def story() -> list:
        low = Spacer(1, PAGE_SIZES["portrait"][1] - 2 * MARGIN - 80)
        moved = data_table(["Agency", "Meetings"], [["Essex Police", 3], ["Southend Council", 4]])  # to page 2
        drawn = [heading("Attendance", style="title"), data_table(["Agency"], [["Essex Police"]]), low, moved]
        return [*drawn, _Probe(drawn)]

    kept = story()
    expected = build(kept)
    consumed = story()
    probe = consumed[-1]
    out = io.BytesIO()
    build_pdf(out, spec(), consumed, consume=consume)
    assert out.getvalue() == expected
    assert (consumed, probe.alive) == (([], [False] * 4) if consume else (consumed, [True] * 4))


def test_what_a_build_makes_is_freed_once_written_however_long_the_document() -> None:
    """Its pages and structure tree are freed by reference counting, not left in reference cycles
    for the garbage collector, which scans them all (a pack's tens of thousands, as it exports)."""
    def left_in_cycles(rows: int) -> int:
        story = [heading("Attendance", style="title"), data_table(["Agency", "Representative", "Meetings", "Attendance"], attendance_rows(rows)),
                 Paragraph("A paragraph long enough to wrap over several lines of the page. " * 8, styles()["body"])]
        gc.collect()
        gc.disable()
        try:
            build_pdf(io.BytesIO(), spec(), story, consume=True)
            return gc.collect()
        finally:
            gc.enable()

    assert left_in_cycles(400) == left_in_cycles(20)


def test_every_page_says_page_x_of_y_and_the_generated_date() -> None:
    story = [data_table(["Agency", "Representative", "Meetings", "Attendance"], attendance_rows(120))]
    texts = page_texts(build(story))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Generated 23 Nov 2026" in text


def test_long_table_repeats_its_header_on_every_page() -> None:
    header = ["Partner agency", "Named representative", "Meetings attended", "Attendance rate"]
    texts = page_texts(build([data_table(header, attendance_rows(200))]))
    assert len(texts) >= 4
    for text in texts:
        assert "Partner agency" in text and "Attendance rate" in text
    everything = "\n".join(texts)
    assert "Agency 0\n" in everything and "Agency 199\n" in everything


def test_metadata() -> None:
    meta = pypdf.PdfReader(io.BytesIO(build(sample_story(), author="Business unit"))).metadata
    assert meta.title == "Appendix 1: Board membership and attendance"
    assert meta.author == "Business unit"
    assert meta.subject == "Annual report 2017-19"
    assert meta.creator == "SG Desk"


def test_header_carries_board_name_and_title() -> None:
    text = page_texts(build([body("Text.")], footer_text="Southend LSCB annual report"))[0]
    assert "Southend Local Safeguarding Children Board" in text
    assert "Appendix 1: Board membership and attendance" in text
    assert "Southend LSCB annual report" in text


def test_landscape_document_and_mixed_orientations() -> None:
    pages = pypdf.PdfReader(io.BytesIO(build([body("Wide.")], orientation="landscape"))).pages
    assert float(pages[0].mediabox.width) > float(pages[0].mediabox.height)

    story = [body("Portrait.")] + switch_orientation("landscape") + [body("Landscape.")]
    story += switch_orientation("portrait") + [body("Portrait again.")]
    pages = pypdf.PdfReader(io.BytesIO(build(story))).pages
    shapes = ["landscape" if p.mediabox.width > p.mediabox.height else "portrait" for p in pages]
    assert shapes == ["portrait", "landscape", "portrait"]
    assert "Landscape." in pages[1].extract_text()


def test_switching_on_an_empty_page_leaves_no_blank_page() -> None:
    story = switch_orientation("landscape") + [body("First page is wide.")]
    pages = pypdf.PdfReader(io.BytesIO(build(story))).pages
    assert len(pages) == 1
    assert pages[0].mediabox.width > pages[0].mediabox.height


def test_frame_width_and_orientation_names() -> None:
    assert frame_width() == pytest.approx(595.2756 - 2 * MARGIN, abs=0.01)
    assert frame_width("landscape") == pytest.approx(841.8898 - 2 * MARGIN, abs=0.01)
    with pytest.raises(ValueError):
        frame_width("sideways")
    with pytest.raises(ValueError):
        switch_orientation("upright")


def test_draft_watermark_only_on_drafts() -> None:
    story = [body("Minutes of the Executive.")] + switch_orientation("landscape") + [body("Grid.")]
    assert all("DRAFT" in text for text in page_texts(build(story, draft=True)))
    assert not any("DRAFT" in text for text in page_texts(build(story)))


def test_protective_marking_top_and_bottom_of_every_page() -> None:
    story = [data_table(["Agency", "Rep", "Meetings", "Attendance"], attendance_rows(150))]
    texts = page_texts(build(story, marking="OFFICIAL-SENSITIVE"))
    assert len(texts) > 1
    assert all(text.count("OFFICIAL-SENSITIVE") == 2 for text in texts)
    assert "OFFICIAL" not in page_texts(build([body("Open paper.")]))[0]


def test_outline_holds_headings_nested_and_pointing_at_their_pages() -> None:
    story = [heading("Appendix 1"), heading("Membership", 1, style="h2"), body("Text.")]
    story += switch_orientation("landscape") + [heading("Attendance", 1, style="h2"), heading("Appendix 2")]
    reader = pypdf.PdfReader(io.BytesIO(build(story)))
    outline = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == ["Appendix 1", "Appendix 2"]
    children = outline[1]
    assert [item.title for item in children] == ["Membership", "Attendance"]
    assert [reader.get_destination_page_number(item) for item in children] == [0, 1]
    assert reader.get_destination_page_number(outline[2]) == 1


def test_heading_levels_that_skip_are_nested_one_deeper() -> None:
    reader = pypdf.PdfReader(io.BytesIO(build([heading("Deep first", 2), heading("Top", 0)])))
    assert [item.title for item in reader.outline] == ["Deep first", "Top"]


def test_headings_feed_a_table_of_contents() -> None:
    story = [TableOfContents(), heading("Membership"), heading("Attendance", 1, style="h2")]
    story += switch_orientation("landscape") + [heading("Budget")]
    text = page_texts(build(story))[0]
    contents = text[: text.index("Membership", text.index("Budget"))]
    assert "Membership" in contents and "Attendance" in contents and "Budget" in contents


def contents_and_sections(count: int, before: list | None = None) -> list:
    """Contents, then ``before`` and ``count`` sections of different lengths (a heading, a table)."""
    level_style = styles()["body"]
    story = [Contents(1, [level_style, level_style]), PageBreak(), heading("After the contents", 0), *(before or [])]
    for number in range(1, count + 1):
        story += [heading(f"Section {number}", 1, style="h2"), data_table(["Agency", "Representative", "Meetings",
                                                                          "Attendance"], attendance_rows(number * 3))]
    return story


def listed_and_outline_pages(data: bytes) -> tuple[dict[str, int], dict[str, int]]:
    """The page each contents line gives a section, and the page the outline says it starts."""
    listed = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for line in page.extract_text().splitlines():
                match = re.fullmatch(r"(Section \d+)[ .]+ (\d+)", line)
                if match and match[1] not in listed:
                    listed[match[1]] = int(match[2])
    reader = pypdf.PdfReader(io.BytesIO(data))
    flat = [item for entry in reader.outline for item in (entry if isinstance(entry, list) else [entry])]
    found = {item.title: reader.get_destination_page_number(item) + 1 for item in flat}
    return listed, {title: page for title, page in found.items() if title.startswith("Section")}


def test_contents_over_two_pages_give_every_heading_its_page() -> None:
    data = build(contents_and_sections(45))
    listed, outline = listed_and_outline_pages(data)
    assert len(listed) == 45 and listed == outline
    texts = page_texts(data)
    assert "Section 45" in texts[1] and "Section 1 " not in texts[1]  # the contents took two pages
    assert all(text.rstrip().endswith(f"Page {n} of {len(texts)}") for n, text in enumerate(texts, start=1))


def test_contents_are_right_when_a_heading_hides_from_them() -> None:
    """A heading inside a table is in the outline but not the contents, and the bookmarks after it move on."""
    hidden = data_table(["Note"], [[heading("Inside a table", 2, style="h3")]])
    listed, outline = listed_and_outline_pages(build(contents_and_sections(12, before=[hidden])))
    assert len(listed) == 12 and listed == outline


def test_a_consumed_story_whose_contents_need_a_second_pass_fails() -> None:
    hidden = data_table(["Note"], [[heading("Inside a table", 2, style="h3")]])
    with pytest.raises(RuntimeError, match="contents were laid out for other headings"):
        build_pdf(io.BytesIO(), spec(), contents_and_sections(12, before=[hidden]), consume=True)


@pytest.mark.parametrize("hidden", [False, True])
def test_contents_laid_out_once_print_what_reportlabs_contents_laid_out_each_time_would(monkeypatch,
                                                                                       hidden: bool) -> None:
    """The contents' table is made as reportlab's TableOfContents makes it, once for a width and the entries."""
    import sgdesk.pdf.contents as contents

    def theirs(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        TableOfContents.wrap(self, availWidth, availHeight)
        self.canv.setNamedCB("drawTOCEntryEnd", lambda canv, kind, label: self._entry_end(canv, label, availWidth))
        self._table = contents._ContentsTable(self._table._cellvalues, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    spaced = styles()["body"].clone("spaced", spaceBefore=4)
    before = [data_table(["Note"], [[heading("Inside a table", 2, style="h3")]])] if hidden else []  # a second pass

    def pdf() -> bytes:
        story = contents_and_sections(40, before=before)
        story[0] = Contents(1, [spaced, styles()["body"]])
        return build(story)

    ours = pdf()
    monkeypatch.setattr(contents.Contents, "wrap", theirs)
    assert ours == pdf()


def test_contents_entries_and_their_numbers_link_to_their_headings() -> None:
    data = build(contents_and_sections(12))
    reader = pypdf.PdfReader(io.BytesIO(data))
    _listed, outline = listed_and_outline_pages(data)
    page_numbers = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, start=1)}
    height = float(reader.pages[0].mediabox.height)
    links = []
    for annotation in reader.pages[0]["/Annots"]:
        annotation = annotation.get_object()
        links.append(([float(v) for v in annotation["/Rect"]], page_numbers[annotation["/Dest"][0].idnum]))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words()
    numbers = [word for word in words  # the contents' numbers, not the footer's
               if re.fullmatch(r"\d+", word["text"]) and word["x1"] > 500 and word["bottom"] < height - MARGIN]
    assert sorted(int(word["text"]) for word in numbers) == sorted([2, *outline.values()])
    for word in numbers:  # each number is inside one link, to its page
        leads_to = [page for (left, bottom, right, top), page in links
                    if left <= word["x0"] and word["x1"] <= right + 0.5
                    and bottom <= height - (word["top"] + word["bottom"]) / 2 <= top]
        assert leads_to == [int(word["text"])]


def test_heading_text_is_plain_text() -> None:
    text = page_texts(build([heading("Income & expenditure <2018/19>")]))[0]
    assert "Income & expenditure <2018/19>" in text


def test_long_cells_wrap_inside_the_page() -> None:
    comment = "Representative sent a deputy & apologies <twice>; " * 12
    rows = [["Essex Police", comment, 3, "£1,234.50"], ["Southend CCG", "Short.", 12, "£99.00"]]
    story = [data_table(["Agency", "Comment", "Meetings", "Amount"], rows)]
    story += switch_orientation("landscape") + [data_table(["Agency", "Comment"], [["CAFCASS", comment * 2]], orientation="landscape")]
    data = build(story)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert page.chars
            assert max(char["x1"] for char in page.chars) <= page.width - MARGIN + 0.5
            assert min(char["x0"] for char in page.chars) >= MARGIN - 0.5
    assert "apologies <twice>" in page_texts(data)[0]


def test_cells_print_their_text_as_given() -> None:
    rows = [["Income & expenditure <2018/19>", "  spaced   out  "], ["", "Siân Evans"], ["Total", "£43,065"]]
    text = page_texts(build([data_table(["Line", "Note"], rows, total_rows=[-1])]))[0]
    for shown in ("Income & expenditure <2018/19>", "spaced out", "Siân Evans", "Total", "£43,065"):
        assert shown in text


@pytest.mark.parametrize("tagged", [True, False])
@pytest.mark.parametrize("shortcut", ["_quick_drawing", "_clean"])
def test_cells_made_and_drawn_without_reportlabs_general_code_write_what_it_would(monkeypatch, shortcut: str,
                                                                                   tagged: bool) -> None:
    import sgdesk.pdf.tables as tables

    letters = [chr(c) for c in (*range(0x100, 0x17F), *range(0x391, 0x3A9), *range(0x3B1, 0x3C9), *range(0x410, 0x460))]
    many = [" ".join("".join(letters[i:i + 6]) for i in range(start, start + 24, 6))
            for start in range(0, len(letters) - 24, 24)]  # more glyphs than one font subset holds
    rows = [["Income & (expenditure) \\ <2018/19>", "  spaced   out  ", "£1,234.50", "centred"],
            ["", "a note long enough to wrap onto a second line of its narrow cell", "(12.00)", "   "],
            ["\u200bzero width", "line\nbreak", "a > b", "chair@lscb.example.org.uk"],
            *([text, "Siân", "7", "Zoë"] for text in many),
            *([f"{words} words", " ".join("ab" for _ in range(words)), "1", "y"] for words in range(6, 16)),  # just over
            *(["wrapped right and centred", "z", text, text] for text in many[:4]),  # lines that change subset
            ["a word wider than its cell", "z", "Supercalifragilistic", "Supercalifragilistic"],
            ["Total", "", "£43,065.59", "x"]]

    def story() -> list:
        return [data_table(["Line", "Note", "Amount", "Mark"], rows, align="LLRC", total_rows=[-1],
                           col_widths=[5, 2, 2, 1])]

    def pdf() -> bytes:
        out = io.BytesIO()
        build_pdf(out, spec(), story(), tagged=tagged)
        return out.getvalue()

    marked_up: list[str] = []
    markup = tables._markup
    monkeypatch.setattr(tables, "_markup", lambda text, *args: marked_up.append(text) or markup(text, *args))

    def short_ways() -> int:
        """How many cells are drawn (_quick_drawing) or made (_clean) the short way."""
        marked_up.clear()
        cells = [cell for row in story()[0]._cellvalues for cell in row]
        return sum(cell.quick for cell in cells) if shortcut == "_quick_drawing" else len(cells) - len(marked_up)

    made = pdf()
    shortcuts = short_ways()
    assert shortcuts > len(rows) * 4 / 2  # most cells
    monkeypatch.setattr(tables, shortcut, lambda text_or_style: False)
    monkeypatch.setattr(tables._CellStyles, "_made", {})  # cell styles made again, without the shortcut
    assert short_ways() == 0
    assert made == pdf()


def test_a_text_whose_characters_have_their_codes_splits_as_reportlab_splits_it() -> None:
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.pdfmetrics import getFont

    import sgdesk.pdf.tables as tables
    from sgdesk.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    font, doc = getFont(REGULAR), PDFDocument()
    letters = "".join(chr(c) for c in (*range(0x100, 0x17F), *range(0x391, 0x3A9), *range(0x410, 0x460)))
    texts = ["Siân Evans", "Siân", "£43,065\u00a0– ok", "\ue000 no glyph", "\ue000", "", " ", letters[:200],
             letters, letters[150:260], letters[300:], "Siân Evans", "Zoë " + letters[-5:], letters[-5:] + " Zoë"]
    quick = 0
    for text in texts * 2:
        before = {code: n for code, n in font.state[doc].assignments.items()} if doc in font.state else {}
        ours = tables._split(font, text, doc)
        quick += before == font.state[doc].assignments and all(ord(c) in before or c == "\u00a0" for c in text)
        assert ours == font.splitString(text, doc)  # which gives no code again: the same as ours
    assert quick > len(texts)  # most of the second round, at least


@pytest.mark.parametrize("width", [20, 41.5, 60, 95, 300])
def test_a_plain_cell_breaks_into_the_lines_reportlab_would_give_it(width: float) -> None:
    from reportlab.platypus.paragraph import Paragraph as ReportlabParagraph

    import sgdesk.pdf.tables as tables

    style = tables._CellStyles(8.5, 8.5).get("R")
    for text in ("", "one", "a note long enough to wrap onto several lines of a narrow cell",
                 "Supercalifragilisticexpialidocious and more", "ab " * 30, "Siân Zoë ĀĂĄĆĈ ΑΒΓΔ АБВГ"):
        cell, theirs = style.plain(text), ReportlabParagraph(text, style.style)
        assert cell.wrap(width, 1000) == theirs.wrap(width, 1000)
        ours = cell.blPara
        assert (ours.kind, ours.lines, ours.ascent, ours.descent) == \
            (theirs.blPara.kind, theirs.blPara.lines, theirs.blPara.ascent, theirs.blPara.descent)
        assert (cell._width_max, cell._wrapWidths, cell.height) == (theirs._width_max, theirs._wrapWidths, theirs.height)


@pytest.mark.parametrize("tagged", [True, False])
def test_house_tables_measured_and_drawn_by_themselves_write_what_reportlabs_table_would(monkeypatch,
                                                                                         tagged: bool) -> None:
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.platypus import Table

    import sgdesk.pdf.tables as tables

    chart = Drawing(40, 12)
    chart.add(Rect(0, 0, 30, 10))
    rows = [["Income"], *([f"Line {n}", f"a note of line {n} long enough to wrap in its cell" * (n % 3), f"£{n},000.50"]
                          for n in range(60)),
            ["Total income", "", "£61,000.50"], ["Expenditure"], ["Chair", chart, "£1.00"],
            ["Clerk", Paragraph("<b>bold</b> & marked up", styles()["body"]), "(2.00)"], ["Total", "", "£43,065.59"]]

    def story() -> list:
        return [data_table(["Line", "Note", "Amount"], rows, section_rows=[0, 62], total_rows=[61, -1],
                           fills={(1, 2): "#C6EFCE"}), Spacer(1, 200),
                data_table(["Agency", "Meetings"], [["Essex Police", 3], ["Southend CCG", ""]])]

    def pdf() -> bytes:
        out = io.BytesIO()
        build_pdf(out, spec(), story(), tagged=tagged)
        return out.getvalue()

    by_themselves = {"rows": 0, "cells": 0}  # rows measured and cells drawn by the house table itself
    heights, draw_cell = tables.HouseTable._plain_heights, tables.HouseTable._draw_cell

    def counted_heights(table, widths):
        found = heights(table, widths)
        by_themselves["rows"] += len(found or ())
        return found

    def counted_cell(table, *args):
        by_themselves["cells"] += 1
        draw_cell(table, *args)

    monkeypatch.setattr(tables.HouseTable, "_plain_heights", counted_heights)
    monkeypatch.setattr(tables.HouseTable, "_draw_cell", counted_cell)
    made = pdf()
    assert len(pypdf.PdfReader(io.BytesIO(made)).pages) >= 2  # the first table splits
    assert by_themselves["rows"] > len(rows) and by_themselves["cells"] > 3 * len(rows)
    monkeypatch.setattr(tables.HouseTable, "_calc_height", Table._calc_height)
    monkeypatch.setattr(tables.HouseTable, "draw", Table.draw)
    assert made == pdf()


@pytest.mark.parametrize("tagged", [True, False])
def test_house_table_cells_sharing_styles_print_as_reportlabs_cell_each_with_its_own(monkeypatch,
                                                                                    tagged: bool) -> None:
    from reportlab.lib.colors import red
    from reportlab.platypus import Table, TableStyle

    import sgdesk.pdf.tables as tables
    from sgdesk.pdf.tagged_table import TaggedTable

    rows = [["Income"], *([f"Line {n}", f"a note of line {n}" * (n % 4), f"£{n},000.50"] for n in range(40)),
            ["Essex Police", "word " * 700, "(3.00)"],  # a row split in two across pages, its other cells middle-aligned
            ["Total income", "", "£61,000.50"], ["Expenditure"], ["Chair", "long " * 90, "£1.00"], ["Total", "", "£4.59"]]

    def story() -> list:
        table = data_table(["Line", "Note", "Amount"], rows, section_rows=[0, 43], total_rows=[42, -1],
                           fills={(1, 2): "#C6EFCE"})
        table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("VALIGN", (1, 1), (1, -1), "TOP"),
                                   ("TEXTCOLOR", (0, 3), (0, 5), red), ("FONT", (2, 4), (2, 4), "SGSans-Bold", 9),
                                   ("LEFTPADDING", (1, 0), (1, -1), 8), ("ALIGN", (0, -1), (0, -1), "RIGHT")]))
        return [Spacer(1, 300), table]

    def pdf() -> tuple[bytes, list[list[dict]]]:
        made = story()
        out = io.BytesIO()
        build_pdf(out, spec(), list(made), tagged=tagged)
        return out.getvalue(), [[{k: v for k, v in vars(style).items() if k != "name"} for style in row]
                                for row in made[1]._cellStyles]

    shared, shared_styles = pdf()
    assert len(pypdf.PdfReader(io.BytesIO(shared)).pages) >= 3
    assert len({id(style) for row in story()[1]._cellStyles for style in row}) < 20  # a few styles, 135 cells
    monkeypatch.setattr(tables.HouseTable, "new_cell_styles", TaggedTable.new_cell_styles)
    monkeypatch.setattr(tables.HouseTable, "_addCommand", Table._addCommand)
    monkeypatch.setattr(tables.HouseTable, "split", TaggedTable.split)
    monkeypatch.setattr(tables.HouseTable, "_calc_height", Table._calc_height)
    theirs, their_styles = pdf()
    assert shared_styles == their_styles
    assert shared == theirs


def test_a_trend_line_writes_what_reportlabs_renderer_writes_however_often_drawn(monkeypatch) -> None:
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas

    from sgdesk.pdf.figures import trend_line
    from sgdesk.pdf.fonts import REGULAR, register_fonts

    shown = [[[15.2, 16.3, 16.0]], [[4.0, None, 5.5, 6.1], [3.0, 3.5, None, 2.0]], [[7.0]], [[None, None]],
             [[2.0, 2.0, 2.0], [1.0, 3.0, 2.0]], [[-1.5, 0.0, 2.25, None, None, 1.0]], []]

    def drawn(lines: list, draw, width: float, height: float, font: str | None) -> tuple[list[str], dict, dict]:
        """What drawing a trend line writes, the canvas's state after, and the fonts the document then uses."""
        canvas = Canvas(io.BytesIO())
        drawing = trend_line(lines, "A trend.", width=width, height=height)
        if font is not None:  # else reportlab starts the drawing in its default font
            drawing.initialFontName = font
        drawing.canv = canvas
        draw(drawing)
        state = {name: getattr(canvas, name) for name in canvas.STATE_ATTRIBUTES}
        state["_extgstate"] = vars(canvas._extgstate)  # the graphics state as it ends, by value
        return canvas._code, state, dict(canvas._doc.fontMapping)

    register_fonts()
    ours = type(trend_line([[1.0, 2.0]], "A trend.")).draw
    for lines in shown:
        for width, height, font in ((48, 14, REGULAR), (60, 20, REGULAR), (48, 14, None), (48, 14, "Times-Roman")):
            theirs = drawn(lines, Drawing.draw, width, height, font)
            assert drawn(lines, ours, width, height, font) == theirs  # made
            assert drawn(lines, ours, width, height, font) == theirs  # kept

    def pdf(accent: str) -> bytes:
        rows = [[f"Indicator {n}", trend_line(lines, f"Trend {n}.")] for n, lines in enumerate(shown * 3)]
        out = io.BytesIO()
        build_pdf(out, spec(accent=accent), [data_table(["Indicator", "Trend"], rows)])
        return out.getvalue()

    made = [pdf(accent) for accent in ("#1F4E79", "#1F4E79", "#7A1F5C", "#1F4E79")]  # the board's own accent
    monkeypatch.setattr(type(trend_line([[1.0, 2.0]], "A trend.")), "draw", Drawing.draw)
    assert made == [pdf(accent) for accent in ("#1F4E79", "#1F4E79", "#7A1F5C", "#1F4E79")]


def test_numbers_are_right_aligned() -> None:
    rows = [["A", 7, "£5.00"], ["B", 88, "£66.00"], ["C", 909, "£3,330.00"]]
    data = build([data_table(["Agency", "Meetings", "Amount"], rows)])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words()
    for column in (["7", "88", "909"], ["£5.00", "£66.00", "£3,330.00"]):
        right_edges = {round(word["x1"], 1) for word in words if word["text"] in column}
        assert len(right_edges) == 1


def test_section_and_total_rows() -> None:
    rows = [["Expenditure"], ["Independent chair", "£12,000.00"], ["Total expenditure", "£12,000.00"]]
    table = data_table(["Description", "2018/19"], rows, section_rows=[0], total_rows=[2])
    data = build([table])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    fonts = {char["text"]: char["fontname"] for char in chars}
    assert fonts["E"].endswith("DejaVuSans-Bold")  # the section label
    assert fonts["T"].endswith("DejaVuSans-Bold")  # the total label
    assert fonts["I"].endswith("DejaVuSans")  # an ordinary row


def test_table_header_is_filled_with_the_accent() -> None:
    def header_fills(accent: str) -> set[tuple[float, ...]]:
        data = build([data_table(["Agency", "Meetings"], [["Essex Police", 3]])], accent=accent)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return {tuple(round(v, 2) for v in rect["non_stroking_color"]) for rect in pdf.pages[0].rects if rect["fill"]}

    assert (0.12, 0.31, 0.47) in header_fills("#1F4E79")
    assert (0.8, 0.0, 0.0) in header_fills("#CC0000")


def test_a_cell_taller_than_a_page_breaks_instead_of_failing() -> None:
    rows = [["Essex Police", "word " * 3000], ["CAFCASS", "Short."]]
    texts = page_texts(build([data_table(["Agency", "Comment"], rows)]))
    assert len(texts) > 1 and "CAFCASS" in texts[-1]


def test_table_arguments_are_checked() -> None:
    with pytest.raises(ValueError):
        data_table(["A", "B"], [["only one"]])
    with pytest.raises(ValueError):
        data_table(["A", "B"], [["a", "b"]], align="LRC")
    with pytest.raises(ValueError):
        data_table(["A", "B"], [["a", "b"]], col_widths=[1])
    with pytest.raises(IndexError):
        data_table(["A", "B"], [["a", "b"]], total_rows=[5])


def test_styles_are_the_named_house_styles_and_fresh_each_time() -> None:
    names = {"title", "h1", "h2", "h3", "body", "small", "note", "cell", "cell_bold", "cell_right",
             "cell_right_bold", "cell_center", "quote"}
    first = styles()
    assert set(first) == names
    first["body"].fontSize = 30
    assert styles()["body"].fontSize != 30
    assert first["h1"].parent is first["body"]  # a set's styles derive from its own body
    assert all(style.fontName.startswith("SGSans") for style in first.values())
    for name, made in styles().items():  # one style alone: the same, fresh, and so are those it derives from
        alone = house_style(name)
        assert vars(alone).keys() == vars(made).keys()
        assert all(getattr(alone, key) == getattr(made, key) for key in vars(made) if key != "parent")
        if made.parent is not None:
            assert vars(alone.parent) == {**vars(made.parent), "parent": alone.parent.parent}
            alone.parent.fontSize = 30
    assert styles()["body"].fontSize != 30 and house_style("h1").parent.fontSize != 30


def test_an_empty_story_is_refused() -> None:
    with pytest.raises(ValueError):
        build_pdf(io.BytesIO(), spec(), [])


def test_a_table_without_rows_still_prints_its_header() -> None:
    assert "Agency" in page_texts(build([data_table(["Agency", "Meetings"], [])]))[0]


def test_build_writes_to_a_path(tmp_path) -> None:
    out = tmp_path / "appendix.pdf"
    assert build_pdf(out, spec(), [body("To a file.")]) == 1
    assert out.read_bytes().startswith(b"%PDF")


def test_the_package_pulls_in_neither_qt_nor_pandas() -> None:
    code = "import sys, sgdesk.pdf; print(sorted(m for m in ('PySide6', 'pandas') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
