"""Reading a PDF story (reportlab flowables in house style) as plain blocks for Word and Excel.

An appendix is written once, as a story for :func:`sgdesk.pdf.build_pdf`; its Word and Excel
versions are read from the same story, so all three carry the same headings, tables, figures
and notes. Spacers, conditional page breaks and tables of contents have no Word equivalent
and are passed over.
"""

from __future__ import annotations

from typing import Any, Iterable

from sgdesk.office.blocks import (
    Block,
    Cell,
    HeadingBlock,
    ImageBlock,
    PageBlock,
    TableBlock,
    TextBlock,
)
from sgdesk.reporting import Picture

_ALIGN_LETTERS = {0: "L", 1: "C", 2: "R", 4: "L", "LEFT": "L", "CENTER": "C", "CENTRE": "C", "RIGHT": "R",
                  "DECIMAL": "R"}


def read_story(flowables: Iterable[Any]) -> list[Block]:
    """The blocks of ``flowables``, in order."""
    blocks: list[Block] = []
    _read(list(flowables), blocks)
    return blocks


def _read(flowables: list[Any], blocks: list[Block]) -> None:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import (
        Image,
        KeepTogether,
        ListFlowable,
        PageBreak,
        Paragraph,
        Table,
    )

    from sgdesk.pdf.figures import alt_text
    from sgdesk.pdf.headings import Heading

    for flowable in flowables:
        if isinstance(flowable, Heading):
            blocks.append(HeadingBlock(flowable.title, flowable.level))
        elif isinstance(flowable, Paragraph):
            text = flowable.getPlainText().strip()
            if text:
                blocks.append(TextBlock(text, _kind(flowable), bold=_is_bold(flowable)))
        elif isinstance(flowable, Table):
            blocks.append(_table(flowable, _last_heading(blocks)))
        elif isinstance(flowable, ListFlowable):
            _read_list(flowable, blocks)
        elif isinstance(flowable, KeepTogether):
            _read(list(flowable._content), blocks)
        elif isinstance(flowable, PageBreak):
            template = flowable.nextTemplate
            blocks.append(PageBlock(template if template in ("portrait", "landscape") else None))
        elif isinstance(flowable, Image):
            blocks.append(ImageBlock(_image_bytes(flowable), flowable.drawWidth, flowable.drawHeight,
                                     alt_text(flowable)))
        elif isinstance(flowable, Drawing):
            blocks.append(ImageBlock(drawing_png(flowable), flowable.width, flowable.height, alt_text(flowable)))


def drawing_png(drawing: Any, dpi: int = 192) -> bytes:
    """A reportlab Drawing (a chart) as PNG: drawn as PDF, then rasterised with pdfium."""
    import io

    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    document = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _last_heading(blocks: list[Block]) -> str:
    return next((block.text for block in reversed(blocks) if isinstance(block, HeadingBlock)), "")


def _is_bold(paragraph: Any) -> bool:
    frags = [frag for frag in paragraph.frags if getattr(frag, "text", "").strip()]
    if frags:
        return all(getattr(frag, "bold", 0) or "Bold" in getattr(frag, "fontName", "") for frag in frags)
    return "Bold" in paragraph.style.fontName


def _kind(paragraph: Any) -> str:
    """"quote", "note" (small or italic print) or "body"."""
    style = paragraph.style
    if style.name == "quote":
        return "quote"
    small = style.name in ("note", "small") or "Italic" in style.fontName or "Oblique" in style.fontName
    return "note" if small else "body"


def _read_list(flowable: Any, blocks: list[Block]) -> None:
    """List items as bullet paragraphs; a numbered list keeps its numbers in the text."""
    numbered = str(getattr(flowable, "_bulletType", "bullet")) == "1"
    for number, item in enumerate(flowable._flowables, start=1):
        text = _text(list(getattr(item, "_flowables", [item])))
        if numbered:
            blocks.append(TextBlock(f"{number}. {text}"))
        else:
            blocks.append(TextBlock(text, "bullet"))


def _text(value: Any) -> str:
    from reportlab.platypus import Paragraph

    if value is None:
        return ""
    if isinstance(value, Paragraph):
        return value.getPlainText().strip()
    if isinstance(value, (list, tuple)):
        return " ".join(text for text in (_text(v) for v in value) if text)
    if isinstance(value, str):
        return value.strip()
    return str(value) if not hasattr(value, "wrap") else ""


def _bold(value: Any) -> bool:
    from reportlab.platypus import Paragraph

    return isinstance(value, Paragraph) and bool(_text(value)) and _is_bold(value)


def _image_bytes(image: Any) -> bytes:
    source = image.filename
    if hasattr(source, "getvalue"):
        return source.getvalue()
    with open(source, "rb") as handle:
        return handle.read()


def _position(value: int, count: int) -> int:
    return value + count if value < 0 else value


def _cell_fills(table: Any, count: int, columns: int, heads: int) -> dict[tuple[int, int], str]:
    """Colours set behind single body cells (a RAG rating's), by (body row, column): "#C6EFCE"."""
    fills = {}
    for command in table._bkgrndcmds:
        if command[0] != "BACKGROUND" or not hasattr(command[3], "hexval"):
            continue
        (c0, r0), (c1, r1) = command[1], command[2]
        column, row = _position(c0, columns), _position(r0, count)
        if (column, row) == (_position(c1, columns), _position(r1, count)) and row >= heads:
            fills[(row - heads, column)] = "#" + command[3].hexval()[2:].upper()
    return fills


def _picture(value: Any) -> Picture | None:
    """A small figure drawn in a cell (a house-style trend line) as PNG, with its alternative text."""
    from reportlab.graphics.shapes import Drawing

    from sgdesk.pdf.figures import alt_text

    if not isinstance(value, Drawing):
        return None
    return Picture(drawing_png(value), value.width, value.height, alt_text(value))


def _table(table: Any, title: str) -> TableBlock:
    from reportlab.platypus import Paragraph

    values = table._cellvalues
    count, columns = len(values), len(values[0]) if values else 0
    heads = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
    sections: set[int] = set()
    for _command, start, stop in table._spanCmds:
        row, last_row = _position(start[1], count), _position(stop[1], count)
        full = _position(start[0], columns) == 0 and _position(stop[0], columns) == columns - 1
        if full and row == last_row and row >= heads:
            sections.add(row - heads)
    totals = {_position(command[1][1], count) - heads for command in table._linecmds
              if command[0] == "LINEABOVE" and _position(command[1][1], count) > heads}

    header = [" ".join(t for t in (_text(values[r][c]) for r in range(heads)) if t) for c in range(columns)]
    fills = _cell_fills(table, count, columns, heads)
    rows: list[list[Cell]] = []
    for index, row in enumerate(values[heads:]):
        if index in sections:
            rows.append([Cell(_text(row[0]), bold=True)])
        else:
            rows.append([Cell(_text(value), _bold(value), fills.get((index, column)), _picture(value))
                         for column, value in enumerate(row)])

    aligns = []
    for c in range(columns):
        letters = []
        for r in range(heads, count):
            if r - heads in sections or not _text(values[r][c]):
                continue
            value = values[r][c]
            key = value.style.alignment if isinstance(value, Paragraph) else table._cellStyles[r][c].alignment
            letters.append(_ALIGN_LETTERS.get(key, "L"))
        aligns.append(max(sorted(set(letters)), key=letters.count) if letters else "L")
    weights = [float(w) if isinstance(w, (int, float)) and w > 0 else 1.0 for w in table._colWidths]
    return TableBlock(header=header, rows=rows, aligns=aligns, weights=weights,
                      section_rows=frozenset(sections), total_rows=frozenset(totals - sections), title=title)
