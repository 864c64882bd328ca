"""The pack as one Word document: cover, contents, then each appendix read from its story."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO

from sgdesk.branding import Branding
from sgdesk.pack.assemble import BoundAppendix
from sgdesk.pack.pdf_pack import LOGO_BOX_MM, PACK_TITLE

if TYPE_CHECKING:
    from sgdesk.office.word import WordDocument
    from sgdesk.pdf import DocumentSpec


def word_cover(document: "WordDocument", branding: Branding, spec: "DocumentSpec", lines: list[str],
               title: str = PACK_TITLE) -> None:
    """The cover, as the PDF's (:func:`sgdesk.pack.pdf_pack.cover`), then a new page."""
    from sgdesk.office.word import NOTE

    if branding.logo:
        document.picture(branding.logo, width_mm=LOGO_BOX_MM[0], height_mm=LOGO_BOX_MM[1], centred=False)
    document.paragraph(branding.full_name, "Title")
    document.paragraph(title, "Subtitle")
    for line in lines:
        document.paragraph(line, size=14)
    if spec.marking:
        document.paragraph(spec.marking, bold=True, size=12)
    if spec.draft:
        document.paragraph("Draft: not for publication.")
    document.paragraph(f"{spec.generated_label()} by SG Desk.", NOTE)
    document.new_page()


def write_pack_docx(out: str | os.PathLike[str] | BinaryIO, branding: Branding, spec: "DocumentSpec",
                    period_text: str, appendices: list[BoundAppendix]) -> None:
    from sgdesk.office.story import read_story
    from sgdesk.office.word import WordDocument

    document = WordDocument(spec, "portrait")
    word_cover(document, branding, spec, [period_text])
    document.paragraph("Contents", "Title")
    document.contents([appendix.title for appendix in appendices])
    for appendix in appendices:
        document.new_page(appendix.orientation)
        document.blocks(read_story(appendix.flowables))
    document.save(out)
