"""The pack as one Word document: cover, contents, then each appendix read from its story."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, BinaryIO

from sgdesk.branding import Branding
from sgdesk.pack.assemble import BoundAppendix
from sgdesk.pack.pdf_pack import LOGO_BOX_MM, PACK_TITLE, logo_description

if TYPE_CHECKING:
    from sgdesk.office.word import WordDocument
    from sgdesk.pdf import DocumentSpec


def word_cover(document: "WordDocument", branding: Branding, spec: "DocumentSpec", lines: list[str],
               title: str = PACK_TITLE) -> None:
    """The cover, as the PDF's (:func:`sgdesk.pack.pdf_pack.cover`), then a new page; make the
    document with ``cover=True``, so that its first page has only the marking, no running header."""
    from sgdesk.office.word import NOTE
    if branding.logo:
        document.picture(branding.logo, width_mm=LOGO_BOX_MM[0], height_mm=LOGO_BOX_MM[1],
                         alt=logo_description(branding), centred=False)
    document.paragraph(branding.full_name, "Title")
    document.paragraph(title, "Subtitle")
    for line in lines:
        document.paragraph(line, size=14)
    if spec.draft:
        document.paragraph("Draft: not for publication.")
    document.paragraph(f"{spec.generated_label()} by SG Desk.", NOTE)
    document.new_page()


def write_pack_docx(out: str | os.PathLike[str] | BinaryIO, branding: Branding, spec: "DocumentSpec",
                    period_text: str, appendices: list[BoundAppendix]) -> None:
    from sgdesk.office.story import read_story
    from sgdesk.office.word import CONTENTS_HEADING, WordDocument

    document = WordDocument(spec, "portrait", cover=True)
    word_cover(document, branding, spec, [period_text])
    document.paragraph("Contents", CONTENTS_HEADING)
    document.contents()
    for appendix in appendices:
        document.new_page(appendix.orientation)
        document.blocks(read_story(appendix.flowables))
    document.save(out)
