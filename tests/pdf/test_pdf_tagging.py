"""Tagged PDF from the house style: structure, reading order, tables across pages, artifacts, metadata."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess

import pdfplumber
import pikepdf
import pytest
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.platypus import Flowable, PageBreak, Paragraph, TableStyle

from sgdesk.pdf import (
    Contents,
    DocumentSpec,
    TaggedTable,
    build_pdf,
    bullet_list,
    data_table,
    heading,
    styles,
)
from sgdesk.pdf.accessibility import check_pdf
from sgdesk.pdf.figures import with_alt_text

DAY = datetime.date(2026, 11, 23)
HEADER = ["Agency", "Representative", "Meetings", "Attendance"]


def build(story: list, **changes) -> bytes:
    spec = {"title": "Appendix 1: Board membership and attendance", "board_name": "Southend LSCB",
            "generated_on": DAY, **changes}
    out = io.BytesIO()
    build_pdf(out, DocumentSpec(**spec), story)
    return out.getvalue()


def rows(count: int) -> list[list]:
    return [[f"Agency {n}", f"Person {n}", n % 5, f"{n % 101}%"] for n in range(count)]


def body(text: str) -> Paragraph:
    return Paragraph(text, styles()["body"])


def elements(data: bytes, tag: str) -> list[pikepdf.Dictionary]:
    """Every structure element with ``tag``, in tree order."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        todo = [pdf.Root.StructTreeRoot.K]
        while todo:
            element = todo.pop()
            if element.get("/S") == f"/{tag}":
                found.append(pikepdf.Dictionary(element))
            todo.extend(kid for kid in reversed(kids(element)) if isinstance(kid, pikepdf.Dictionary) and "/S" in kid)
    return found


def kids(element: pikepdf.Dictionary) -> list:
    found = element.get("/K")
    return list(found) if isinstance(found, pikepdf.Array) else [] if found is None else [found]


def attribute(element: pikepdf.Dictionary, name: str):
    value = element.get("/A", {}).get(f"/{name}")
    return str(value) if isinstance(value, pikepdf.Name) else value


def chars_by_tag(data: bytes) -> dict[str, str]:
    """All text on the pages, grouped by the marked-content tag it is drawn in."""
    found: dict[str, str] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                found[char["tag"] or ""] = found.get(char["tag"] or "", "") + char["text"]
    return found


def test_pdfinfo_says_tagged_and_the_checker_passes() -> None:
    data = build([heading("Board membership", style="title"), body("Text."), data_table(HEADER, rows(5))])
    assert check_pdf(data) == []
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed: build_scripts/run_tests.sh installs it")
    info = subprocess.run([shutil.which("pdfinfo"), "-"], input=data, capture_output=True, check=True)
    assert "Tagged:          yes" in info.stdout.decode()


def test_the_structure_reads_as_a_person_would_title_then_each_row(structure_text) -> None:
    data = build([heading("Board membership", style="title"), body("Who came to the board."),
                  heading("Attendance", 1, style="h2"), data_table(HEADER, rows(3), total_rows=[-1])])
    assert structure_text(data) == [
        ("Document/Sect/H1", "Board membership"),
        ("Document/Sect/P", "Who came to the board."),
        ("Document/Sect/H2", "Attendance"),
        *[("Document/Sect/Table/THead/TR/TH", text) for text in HEADER],
        *[(f"Document/Sect/Table/TBody/TR/{tag}", text)
          for n in range(3) for tag, text in zip(("TH", "TD", "TD", "TD"), (f"Agency {n}", f"Person {n}", str(n),
                                                                         f"{n}%"))],
    ]


def test_a_table_across_pages_is_one_table_with_its_header_once(structure_text) -> None:
    data = build([heading("Attendance", style="title"), data_table(HEADER, rows(150))])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:  # the header each later page repeats is an artifact
            words = page.extract_words(extra_attrs=["tag"])
            assert [word["tag"] for word in words if word["text"] == "Representative"] == [
                "TH" if page.page_number == 1 else "Artifact"]
    assert len(elements(data, "Table")) == 1
    assert len(elements(data, "TR")) == 151
    read = structure_text(data)
    assert [text for path, text in read if path.endswith("THead/TR/TH")] == HEADER
    assert [text for path, text in read if path.endswith("TBody/TR/TH")] == [f"Agency {n}" for n in range(150)]


def test_header_cells_have_column_scope_row_headers_row_scope_and_spans_carry_their_size() -> None:
    table = data_table(["Theme", "Statement", "Mean"], [["Duties"], ["Plans", "Publish a plan", "3.0"],
                                                        ["", "Review it", "2.5"], ["Annual report", "", "3.2"]],
                       section_rows=[0])
    table.setStyle(TableStyle([("SPAN", (0, 2), (0, 3)), ("SPAN", (0, 4), (1, 4))]))
    data = build([heading("Self-assessment", style="title"), table])
    headers = elements(data, "TH")
    assert [(attribute(th, "Scope"), attribute(th, "RowSpan"), attribute(th, "ColSpan")) for th in headers] == [
        ("/Column", None, None), ("/Column", None, None), ("/Column", None, None),
        ("/Row", None, 3),  # the section row spans the table
        ("/Row", 2, None),  # the theme spans two statements
        ("/Row", None, 2),  # a statement without a theme spans both columns
    ]
    assert [len(kids(tr)) for tr in elements(data, "TR")] == [3, 1, 3, 2, 2]  # cells a span covers are not cells
    assert check_pdf(data) == []


def test_the_row_header_columns_are_chosen_per_table() -> None:
    data = build([heading("Figures", style="title"),
                  data_table(["Measure", "", "Measure", ""], [["Sessions", 4, "Attended", 40]], row_headers=(0, 2))])
    assert [attribute(cell, "Scope") for cell in elements(data, "TH")] == ["/Column"] * 4 + ["/Row", "/Row"]
    assert len(elements(data, "TD")) == 2


def test_a_row_split_between_pages_stays_one_row_and_one_cell_per_column(structure_text) -> None:
    long = " ".join(f"word{n}" for n in range(900))  # a row over two pages (reportlab cannot split one twice)
    data = build([heading("Commentary", style="title"), data_table(["Theme", "Comment"], [["Plans", long]])])
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
    comment = elements(data, "TD")
    assert len(elements(data, "TR")) == 2 and len(comment) == 1
    assert any(isinstance(kid, pikepdf.Dictionary) and kid.Type == "/MCR" for kid in kids(comment[0]))  # a later page
    text = dict(structure_text(data))["Document/Sect/Table/TBody/TR/TD"]
    assert text.startswith("word0 word1") and text.endswith("word899")


def test_a_paragraph_split_between_pages_is_one_paragraph(structure_text) -> None:
    long = " ".join(f"word{n}" for n in range(2500))
    data = build([heading("Notes", style="title"), body(long), body("After.")])
    assert [path for path, _text in structure_text(data)] == ["Document/Sect/H1", "Document/Sect/P", "Document/Sect/P"]
    assert len(kids(elements(data, "P")[0])) >= 2  # content on two pages
    assert structure_text(data)[1][1].endswith("word2499")


def test_each_top_level_heading_starts_a_section_and_headings_follow_the_outline(structure_text) -> None:
    data = build([body("Before any heading."), heading("Appendix 1", style="title"), heading("Part", 1, style="h2"),
                  heading("Detail", 2, style="h3"), body("Text."), PageBreak(), heading("Appendix 2", style="title"),
                  heading("Skipped to level 3", 2, style="h3")])
    assert structure_text(data) == [
        ("Document/Sect/P", "Before any heading."),
        ("Document/Sect/H1", "Appendix 1"), ("Document/Sect/H2", "Part"), ("Document/Sect/H3", "Detail"),
        ("Document/Sect/P", "Text."),
        ("Document/Sect/H1", "Appendix 2"), ("Document/Sect/H2", "Skipped to level 3"),
    ]
    assert len(elements(data, "Sect")) == 3


def test_lists_are_tagged_with_labels_and_bodies_in_the_house_font(structure_text) -> None:
    data = build([heading("Ratings", style="title"), bullet_list(["1 = poor", "2 = adequate"]),
                  bullet_list(["First section", "Second section"], numbered=True)])
    assert structure_text(data)[1:] == [
        ("Document/Sect/L/LI/Lbl", "•"), ("Document/Sect/L/LI/LBody/P", "1 = poor"),
        ("Document/Sect/L/LI/Lbl", "•"), ("Document/Sect/L/LI/LBody/P", "2 = adequate"),
        ("Document/Sect/L/LI/Lbl", "1."), ("Document/Sect/L/LI/LBody/P", "First section"),
        ("Document/Sect/L/LI/Lbl", "2."), ("Document/Sect/L/LI/LBody/P", "Second section"),
    ]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert {char["fontname"].split("+")[-1] for char in pdf.pages[0].chars} <= {"DejaVuSans", "DejaVuSans-Bold"}
    assert check_pdf(data) == []


def test_a_chart_is_a_figure_with_its_alternative_text_and_the_box_it_fills() -> None:
    chart = Drawing(200, 100)
    chart.add(Rect(0, 0, 150, 40))
    chart.add(String(0, 60, "Places attended", fontName="SGSans"))
    story = [heading("Training", style="title"), body("Above the chart."),
             with_alt_text(chart, "Bar chart: places attended by sector. Health 3.")]
    data = build(story)
    (figure,) = elements(data, "Figure")
    assert str(figure.Alt) == "Bar chart: places attended by sector. Health 3."
    left, bottom, right, top = (float(v) for v in attribute(figure, "BBox"))
    assert (round(right - left), round(top - bottom)) == (200, 100)
    with pdfplumber.open(io.BytesIO(data)) as pdf:  # the box is where the chart's bar is drawn
        (bar,) = [rect for rect in pdf.pages[0].rects if rect["tag"] == "Figure"]
        assert (round(bar["x0"]), round(bar["y0"]), round(bar["width"])) == (round(left), round(bottom), 150)
    with pikepdf.open(io.BytesIO(data)) as pdf:  # drawing the chart sets no other font
        assert {str(font.BaseFont).split("+")[-1] for font in pdf.pages[0].Resources.Font.values()} == {
            "DejaVuSans", "DejaVuSans-Bold"}


def test_a_trend_line_in_a_table_cell_is_a_figure_inside_its_cell() -> None:
    from sgdesk.pdf.figures import trend_line

    lines = [["Children looked after", trend_line([[15.2, 16.3, 16.0]], "Trend: 15.2, 16.3, 16.0% 2017-2019.")],
             ["Referrals", trend_line([[4.0, None, 5.5]], "Trend: 4.0, not published, 5.5 2017-2019.")]]
    data = build([heading("Performance", style="title"), data_table(["Indicator", "Trend"], lines)])
    assert check_pdf(data) == []
    figures = elements(data, "Figure")
    assert [str(figure.Alt) for figure in figures] == ["Trend: 15.2, 16.3, 16.0% 2017-2019.",
                                                        "Trend: 4.0, not published, 5.5 2017-2019."]
    with pikepdf.open(io.BytesIO(data)) as pdf:  # each in the cell of its row, after the row's header
        found = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"]
        assert [(str(f.P.S), str(f.P.P.S), [str(cell.S) for cell in kids(f.P.P)]) for f in found] == [
            ("/TD", "/TR", ["/TH", "/TD"])] * 2
    with pdfplumber.open(io.BytesIO(data)) as pdf:  # each box holds its line, as drawn
        page = pdf.pages[0]
        drawn = [curve for curve in page.curves if curve["tag"] == "Figure"]
        boxes = [[float(v) for v in attribute(figure, "BBox")] for figure in figures]

        def inside(curve, box) -> bool:
            left, bottom, right, top = box
            return left <= curve["x0"] and curve["x1"] <= right and bottom <= curve["y0"] and curve["y1"] <= top

        assert drawn and all(any(inside(curve, box) for box in boxes) for curve in drawn)
        assert all(any(inside(curve, box) for curve in drawn) for box in boxes)
        assert {font.split("+")[-1] for font in (c["fontname"] for c in page.chars)} <= {"DejaVuSans",
                                                                                         "DejaVuSans-Bold"}
    with pikepdf.open(io.BytesIO(data)) as pdf:  # drawing the lines sets no other font
        assert {str(font.BaseFont).split("+")[-1] for font in pdf.pages[0].Resources.Font.values()} == {
            "DejaVuSans", "DejaVuSans-Bold"}


def test_page_furniture_watermark_and_marking_are_artifacts() -> None:
    data = build([heading("Attendance", style="title"), body("The text.")], draft=True, marking="OFFICIAL",
                 footer_text="Annual report")
    by_tag = chars_by_tag(data)
    assert set(by_tag) == {"Artifact", "H1", "P"}
    for text in ("Southend LSCB", "Appendix 1: Board", "Generated 23 Nov 2026", "Annual report", "Page 1 of 1",
                 "DRAFT", "OFFICIAL"):
        assert text in by_tag["Artifact"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        marks = [instruction.operands for instruction in pikepdf.parse_content_stream(pdf.pages[0])
                 if str(instruction.operator) == "BDC" and instruction.operands[0] == "/Artifact"]
        subtypes = {str(properties.get("/Subtype")) for _tag, properties in marks if properties.Type == "/Pagination"}
    assert subtypes == {"/Header", "/Footer", "/Watermark"}


def test_a_decorative_rule_is_a_layout_artifact() -> None:
    from reportlab.platypus import HRFlowable

    data = build([heading("Attendance", style="title"), body("Above."), HRFlowable(width="100%", thickness=2),
                  body("Below.")])
    assert check_pdf(data) == []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (rule,) = [line for line in pdf.pages[0].lines + pdf.pages[0].rects if line.get("linewidth") == 2]
        assert rule["tag"] == "Artifact"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        kinds = [str(instruction.operands[1].Type) for instruction in pikepdf.parse_content_stream(pdf.pages[0])
                 if str(instruction.operator) == "BDC" and instruction.operands[0] == "/Artifact"]
    assert "/Layout" in kinds


def test_contents_entries_are_links_read_without_their_dot_leaders(structure_text) -> None:
    s = styles()
    title = Paragraph("Contents", s["title"])
    title.structure_tag = "H1"
    story = [title, Contents(1, [s["body"], s["small"]]), PageBreak(), heading("Appendix 1: Membership", style="title"),
             heading("Attendance", 1, style="h2"), heading("Too deep for the contents", 2, style="h3")]
    data = build(story)
    read = structure_text(data)
    assert read[:3] == [("Document/Sect/H1", "Contents"),
                        ("Document/Sect/TOC/TOCI/Reference/Link", "Appendix 1: Membership 2"),
                        ("Document/Sect/TOC/TOCI/Reference/Link", "Attendance 2")]
    assert chars_by_tag(data)["Artifact"].count(".") > 40  # the leaders: artifacts, not the links' text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        annotations = list(pdf.pages[0].Annots)
        assert len(annotations) == 4  # the entry text and its page number, for each entry
        assert [str(a.Contents) for a in annotations] == ["Appendix 1: Membership"] * 2 + ["Attendance"] * 2
        assert pdf.pages[0].Tabs == "/S"
    for link in elements(data, "Link"):
        assert [kid.Type for kid in kids(link) if isinstance(kid, pikepdf.Dictionary)] == ["/OBJR", "/OBJR"]
    assert check_pdf(data) == []


def test_a_layout_table_is_a_div_of_paragraphs_without_its_blanks(structure_text) -> None:
    data = build([heading("Register", style="title"),
                  TaggedTable([["Trainer's signature", "", "Number attending", ""]], layout=True)])
    assert structure_text(data)[1:] == [("Document/Sect/Div/P", "Trainer's signature"),
                                        ("Document/Sect/Div/P", "Number attending")]
    assert check_pdf(data) == []


def test_the_document_dates_are_the_day_printed_and_only_that_day_changes_them() -> None:
    story = [heading("Attendance", style="title"), body("Text.")]
    first = build(story)
    assert build(story) == first
    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert str(pdf.docinfo.CreationDate) == str(pdf.docinfo.ModDate) == "D:20261123000000+00'00'"
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert "<xmp:CreateDate>2026-11-23T00:00:00Z</xmp:CreateDate>" in xmp
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and ">Appendix 1: Board membership and attendance<" in xmp
        assert pdf.Root.Lang == "en-GB" and pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.pdf_version == "1.7"
    next_day = build(story, generated_on=DAY + datetime.timedelta(days=1))
    with pikepdf.open(io.BytesIO(next_day)) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20261124")


def test_undated_documents_carry_today_in_the_footer_and_the_metadata() -> None:
    data = build([heading("Attendance", style="title")], generated_on=None)
    today = datetime.date.today()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith(f"D:{today:%Y%m%d}")
    assert f"Generated {today.day} {today:%b} {today.year}" in chars_by_tag(data)["Artifact"]


def test_a_flowable_that_draws_without_tags_is_reported_by_the_checker() -> None:
    class Stamp(Flowable):
        def wrap(self, width: float, height: float) -> tuple[float, float]:
            return 100, 20

        def draw(self) -> None:
            self.canv.drawString(0, 5, "Approved")

    problems = check_pdf(build([heading("Minutes", style="title"), Stamp()]))
    assert [(p.check, p.page) for p in problems] == [("01-005", 1)]
