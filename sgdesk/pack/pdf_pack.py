"""The pack as one PDF: cover, contents page with page numbers, then the appendices."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from sgdesk.branding import Branding
from sgdesk.pack.assemble import BoundAppendix

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

PACK_TITLE = "Annual report appendices"
CONTENTS_DEPTH = 1  # the contents list appendices (level 0) and their sections (level 1)
LOGO_BOX_MM = (70, 35)


def logo_description(branding: Branding) -> str:
    """The logo's alternative text."""
    return f"Logo of {branding.full_name}"


def logo_flowable(logo: bytes, box_mm: tuple[float, float], description: str) -> Any:
    """The logo scaled to fit ``box_mm`` (width, height), keeping its proportions, with
    ``description`` as its alternative text."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    from sgdesk.pdf.figures import with_alt_text

    width, height = ImageReader(io.BytesIO(logo)).getSize()
    scale = min(box_mm[0] * mm / width, box_mm[1] * mm / height)
    image = Image(io.BytesIO(logo), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return with_alt_text(image, description)


def cover(branding: Branding, spec: "DocumentSpec", lines: list[str], title: str = PACK_TITLE) -> list[Any]:
    """The cover: logo, board, ``title`` ("Annual report appendices"), ``lines`` (the period); the
    marking is at the top and bottom of the page, as on every page."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from sgdesk.pdf import styles
    from sgdesk.pdf.colours import TEXT
    from sgdesk.pdf.markup import plain_to_markup

    s = styles()
    board = ParagraphStyle("cover-board", parent=s["title"], fontSize=24, leading=30, spaceAfter=14)
    heading = ParagraphStyle("cover-title", parent=s["title"], fontSize=20, leading=25, textColor=TEXT)
    line = ParagraphStyle("cover-line", parent=s["body"], fontSize=14, leading=18, spaceAfter=4)
    story: list[Any] = [Spacer(1, 30 * mm)]
    if branding.logo:
        story += [logo_flowable(branding.logo, LOGO_BOX_MM, logo_description(branding)), Spacer(1, 14 * mm)]
    story += [Paragraph(plain_to_markup(branding.full_name), board),
              Paragraph(plain_to_markup(title), heading),
              *(Paragraph(plain_to_markup(text), line) for text in lines), Spacer(1, 20)]
    if spec.draft:
        story.append(Paragraph("Draft: not for publication.", s["body"]))
    story += [Spacer(1, 10 * mm), Paragraph(f"{spec.generated_label()} by SG Desk.", s["note"])]
    return story


def contents() -> list[Any]:
    """The contents page: the appendices and their sections, filled in with page numbers as it is built."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from sgdesk.pdf import Contents, styles, switch_orientation

    s = styles()
    table = Contents(CONTENTS_DEPTH, [
        ParagraphStyle("contents-0", parent=s["body"], fontSize=11, leading=15, fontName=s["h1"].fontName,
                       spaceBefore=8, spaceAfter=2, leftIndent=0, firstLineIndent=0),
        ParagraphStyle("contents-1", parent=s["body"], fontSize=9.5, leading=12.5, leftIndent=14,
                       firstLineIndent=0, spaceAfter=1),
    ])
    title = Paragraph("Contents", s["title"])
    title.structure_tag = "H1"  # a heading, though not in the outline or the contents themselves
    return [*switch_orientation("portrait"), title, table]  # after the plain cover


def pack_story(branding: Branding, spec: "DocumentSpec", period_text: str,
               appendices: list[BoundAppendix]) -> list[Any]:
    from sgdesk.pdf import switch_orientation

    story = [*cover(branding, spec, [period_text]), *contents()]
    for appendix in appendices:
        story += [*switch_orientation(appendix.orientation), *appendix.flowables]
    return story
