"""Checking a Word document against the accessibility rules SG Desk's Word files keep.

A council publishing an annual report must make it accessible (WCAG 2.2 AA); these are the
rules of that a Word file can be checked for by machine, as :func:`docx_problems` does:

- the document and every style are in UK English (so spelling is checked as British);
- the core properties carry the document's title;
- headings use Word's Heading styles, in order (a Heading 3 never follows a Heading 1);
- each table's first row is a header row that repeats on every page;
- every picture has alternative text;
- no empty paragraph is used for spacing (a page or section break is not empty);
- text is at a contrast of at least 4.5:1 against its background (the page or the cell's fill).
"""

from __future__ import annotations

import os
from typing import IO, Any

from sgdesk.branding import contrast_ratio

LANGUAGE = "en-GB"
MINIMUM_CONTRAST = 4.5
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_WHITE = "FFFFFF"
_BLACK = "000000"


def docx_problems(source: str | os.PathLike[str] | IO[bytes]) -> list[str]:
    """Each way the Word document at ``source`` breaks the rules above, one line each; [] if none."""
    import docx

    document = docx.Document(source)
    problems: list[str] = []
    problems += _language_problems(document)
    if not (document.core_properties.title or "").strip():
        problems.append("the document has no title in its properties (File > Info > Title)")
    problems += _heading_problems(document)
    problems += _table_problems(document)
    problems += _picture_problems(document)
    problems += _empty_paragraphs(document)
    problems += _contrast_problems(document)
    return problems


def _language_problems(document: Any) -> list[str]:
    styles = document.styles.element
    default = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    problems = []
    if default is None or default.get(f"{_W}val") != LANGUAGE:
        problems.append(f"the document's default language is not {LANGUAGE}")
    for element, where in ((styles, "style"), (document.element.body, "paragraph")):
        for language in element.iter(f"{_W}lang"):
            value = language.get(f"{_W}val")
            if value is not None and value != LANGUAGE:
                owner = next((a for a in language.iterancestors(f"{_W}style", f"{_W}p")), None)
                name = owner.find(f"{_W}name") if owner is not None and owner.tag == f"{_W}style" else None
                label = f"the style '{name.get(f'{_W}val')}'" if name is not None else f"a {where}"
                problems.append(f"{label} is in {value}, not {LANGUAGE}")
    for style in styles.findall(f"{_W}style"):
        if style.get(f"{_W}type") in ("paragraph", "character", "table"):
            language = style.find(f"{_W}rPr/{_W}lang")
            if language is None or language.get(f"{_W}val") != LANGUAGE:
                problems.append(f"the style '{style.find(f'{_W}name').get(f'{_W}val')}' is not set to {LANGUAGE}")
    return problems


def _heading_level(paragraph: Any) -> int | None:
    name = paragraph.style.name if paragraph.style is not None else ""
    if name == "Title":
        return 0
    if name.startswith("Heading ") and name[8:].isdigit():
        return int(name[8:])
    return None


def _heading_problems(document: Any) -> list[str]:
    problems, previous = [], 0
    for paragraph in document.paragraphs:
        level = _heading_level(paragraph)
        if level is None:
            continue
        if level > previous + 1:
            problems.append(f"the heading '{paragraph.text}' is a Heading {level} after a "
                            + ("Title" if previous == 0 else f"Heading {previous}") + ": a level is skipped")
        previous = level
    return problems


def _table_problems(document: Any) -> list[str]:
    problems = []
    for number, table in enumerate(document.tables, start=1):
        first = table._tbl.tr_lst[0] if table._tbl.tr_lst else None
        marked = first is not None and first.trPr is not None and first.trPr.find(f"{_W}tblHeader") is not None
        if not marked:
            problems.append(f"table {number}'s first row is not a header row repeated on each page")
    return problems


def _picture_problems(document: Any) -> list[str]:
    problems = []
    for number, properties in enumerate(document.element.body.iter(f"{_DRAWING}docPr"), start=1):
        if not (properties.get("descr") or "").strip():
            problems.append(f"picture {number} ('{properties.get('name', '')}') has no alternative text")
    return problems


def _empty_paragraphs(document: Any) -> list[str]:
    """Body paragraphs (not table cells, where an empty cell is fine) with nothing in them."""
    problems = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        element = paragraph._p
        if paragraph.text.strip():
            continue
        if element.find(f"{_W}pPr/{_W}sectPr") is not None:
            continue  # the carrier of a section break (a change of orientation)
        if any(True for _ in element.iter(f"{_W}br", f"{_W}drawing", f"{_W}fldSimple", f"{_W}fldChar")):
            continue
        problems.append(f"paragraph {number} is empty (spacing belongs to the paragraph styles)")
    return problems


def _style_colour(style: Any) -> str | None:
    while style is not None:
        colour = style.font.color.rgb if style.font.color.type is not None else None
        if colour is not None:
            return str(colour)
        style = style.base_style
    return None


def _run_colour(run: Any, paragraph: Any) -> str:
    """The colour the run's text is drawn in: its own, its character style's, its paragraph style's."""
    if run.font.color.type is not None and run.font.color.rgb is not None:
        return str(run.font.color.rgb)
    if run._r.rPr is not None and run._r.rPr.rStyle is not None:
        colour = _style_colour(run.style)
        if colour:
            return colour
    return _style_colour(paragraph.style) or _BLACK


def _fill(cell_element: Any) -> str:
    shading = cell_element.find(f"{_W}tcPr/{_W}shd")
    fill = shading.get(f"{_W}fill") if shading is not None else None
    return fill.upper() if fill and fill.lower() != "auto" else _WHITE


def _contrast_problems(document: Any) -> list[str]:
    from docx.text.paragraph import Paragraph

    seen: set[tuple[str, str]] = set()
    problems = []
    body = document.element.body
    for element in body.iter(f"{_W}p"):
        cell = next(element.iterancestors(f"{_W}tc"), None)
        background = _fill(cell) if cell is not None else _WHITE
        paragraph = Paragraph(element, document)
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            colour = _run_colour(run, paragraph)
            if (colour, background) in seen:
                continue
            seen.add((colour, background))
            ratio = contrast_ratio(colour, background)
            if ratio < MINIMUM_CONTRAST:
                problems.append(f"text in #{colour} on #{background} ('{run.text.strip()[:30]}') has a contrast "
                                f"of {ratio:.1f}:1, under {MINIMUM_CONTRAST}:1")
    return problems
