"""The PDF/UA checker: it passes a house PDF and fails each kind of inaccessible one, naming what is wrong."""

from __future__ import annotations

import datetime
import io

import pikepdf
import pytest
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from sgdesk.pdf import DocumentSpec, TaggedTable, build_pdf, data_table, heading, styles
from sgdesk.pdf.accessibility import check_pdf

SPEC = DocumentSpec(title="Appendix 1: Board membership", board_name="Southend LSCB",
                    generated_on=datetime.date(2026, 11, 23))


def build(story: list, **options) -> bytes:
    out = io.BytesIO()
    build_pdf(out, SPEC, story, **options)
    return out.getvalue()


def good_story() -> list:
    return [heading("Board membership", style="title"), Paragraph("Who came.", styles()["body"]),
            data_table(["Agency", "Meetings"], [["Essex Police", 3], ["Southend Council", 4]])]


def checks(data: bytes) -> set[str]:
    return {problem.check for problem in check_pdf(data)}


def altered(change) -> bytes:
    """The good PDF with ``change(pdf)`` made to it by pikepdf."""
    with pikepdf.open(io.BytesIO(build(good_story()))) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False)
    return out.getvalue()


def test_a_house_pdf_passes() -> None:
    assert check_pdf(build(good_story())) == []


def test_a_pdf_made_without_tags_fails() -> None:
    problems = [str(problem) for problem in check_pdf(build(good_story(), tagged=False))]
    assert "the document is not marked as tagged (MarkInfo Marked is not true) [UA]" in problems
    assert "the document has no structure tree [UA]" in problems
    assert "page 1: content (Tj) is neither marked as an artifact nor tagged [01-005]" in problems


def test_a_plain_reportlab_pdf_fails_on_everything_it_lacks() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, "Hello")
    canvas.save()
    assert checks(out.getvalue()) >= {"UA", "01-005", "06-001", "07-001", "11-001", "31-009", "31-027"}


def test_a_figure_without_alternative_text_fails() -> None:
    chart = Drawing(100, 50)  # given no with_alt_text
    chart.add(Rect(0, 0, 80, 30))
    problems = [str(problem) for problem in check_pdf(build([*good_story(), chart]))]
    assert problems == ["page 1: a Figure has no alternative text (/Alt) [13-004]"]


def test_a_table_without_header_cells_fails() -> None:
    problems = [str(problem) for problem in check_pdf(build([*good_story(), TaggedTable([["a", "b"], ["c", "d"]])]))]
    assert problems == ["page 1: a Table has no TH header cell [SG]"]


def test_a_header_cell_without_scope_fails() -> None:
    def drop_scope(pdf) -> None:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/TH":
                del obj["/A"]
    assert checks(altered(drop_scope)) == {"15-003"}


def test_an_unembedded_font_fails() -> None:
    plain = ParagraphStyle("plain", fontName="Helvetica")
    problems = [str(problem) for problem in check_pdf(build([*good_story(), Paragraph("Helvetica", plain)]))]
    assert problems == ["page 1: the font Helvetica is not embedded [31-009]",
                        "page 1: the font Helvetica has no ToUnicode map [31-027]"]


def test_marked_content_the_structure_tree_does_not_reach_fails() -> None:
    def forget_the_table(pdf) -> None:
        section = pdf.Root.StructTreeRoot.K.K  # Document > its one Sect
        section.K = pikepdf.Array([kid for kid in section.K if kid.get("/S") != "/Table"])
    problems = check_pdf(altered(forget_the_table))
    assert {problem.what for problem in problems} >= {"MCID 3 is not reachable from the structure tree"}
    assert {problem.check for problem in problems} == {"UA"}


def test_an_element_naming_another_parent_than_the_one_holding_it_fails() -> None:
    def misparent_the_table(pdf) -> None:
        section = pdf.Root.StructTreeRoot.K.K  # Document > its one Sect
        table = next(kid for kid in section.K if kid.get("/S") == "/Table")
        table.P = pdf.Root.StructTreeRoot.K  # the Document, not the Sect
    problems = check_pdf(altered(misparent_the_table))
    assert [str(problem) for problem in problems] == [
        "page 1: a Table element's parent (/P) is not the Sect that holds it [UA]"]


@pytest.mark.parametrize(("change", "check"), [
    (lambda pdf: pdf.Root.__delitem__("/Lang"), "11-001"),
    (lambda pdf: pdf.Root.__delitem__("/MarkInfo"), "UA"),
    (lambda pdf: pdf.Root.__delitem__("/ViewerPreferences"), "07-001"),
    (lambda pdf: setattr(pdf.Root.ViewerPreferences, "DisplayDocTitle", False), "07-002"),
    (lambda pdf: pdf.Root.__delitem__("/Metadata"), "06-001"),
    (lambda pdf: setattr(pdf.Root, "Metadata", pdf.make_stream(b"<x:xmpmeta><dc:title><rdf:Alt><rdf:li>T</rdf:li>"
                                                                b"</rdf:Alt></dc:title></x:xmpmeta>")), "06-002"),
    (lambda pdf: setattr(pdf.Root, "Metadata", pdf.make_stream(b"<pdfuaid:part>1</pdfuaid:part>")), "06-003"),
    (lambda pdf: setattr(pdf.docinfo, "Title", ""), "SG"),
    (lambda pdf: setattr(pdf.Root.MarkInfo, "Suspects", True), "01-007"),
])
def test_each_missing_document_entry_fails(change, check: str) -> None:
    assert checks(altered(change)) == {check}


def test_an_artifact_inside_tagged_content_and_tagged_content_inside_an_artifact_fail() -> None:
    def nest(pdf) -> None:
        page = pdf.pages[0]
        page.contents_add(pdf.make_stream(b"/P <</MCID 90>> BDC /Artifact BMC 0 0 m 1 1 l S EMC EMC "
                                          b"/Artifact BMC /P <</MCID 91>> BDC 0 0 m 1 1 l S EMC EMC"))
    assert {"01-003", "01-004"} <= checks(altered(nest))


def test_headings_must_start_at_h1_and_not_skip_a_level() -> None:
    def retag(pdf, old: str, new: str) -> None:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == old:
                obj.S = pikepdf.Name(new)
    assert checks(altered(lambda pdf: retag(pdf, "/H1", "/H2"))) == {"14-002"}
    story = [heading("Board", style="title"), heading("Detail", 1, style="h2")]
    with pikepdf.open(io.BytesIO(build(story))) as pdf:
        retag(pdf, "/H2", "/H3")
        out = io.BytesIO()
        pdf.save(out)
    assert checks(out.getvalue()) == {"14-003"}


def test_a_table_out_of_shape_fails() -> None:
    def cells_outside_rows(pdf) -> None:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/TR":
                obj.S = pikepdf.Name("/Div")
    problems = {str(problem) for problem in check_pdf(altered(cells_outside_rows))}
    assert "page 1: a table element THead holds Div [09-004]" in problems  # what a table part may hold
    assert "page 1: TH is inside Div [09-004]" in problems  # where a cell may be


def test_structure_types_must_be_standard_or_mapped_to_one_and_standard_ones_not_remapped() -> None:
    def rename_paragraphs(pdf, role_map=None) -> None:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/P":
                obj.S = pikepdf.Name("/Para")
        if role_map is not None:
            pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary(role_map)
    assert checks(altered(rename_paragraphs)) == {"02-001"}
    assert checks(altered(lambda pdf: rename_paragraphs(pdf, {"/Para": pikepdf.Name("/P")}))) == set()
    assert checks(altered(lambda pdf: rename_paragraphs(pdf, {"/Para": pikepdf.Name("/P"),
                                                             "/H1": pikepdf.Name("/P")}))) == {"02-004"}
