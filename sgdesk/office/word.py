"""Word documents in house style: real tables that paste into the annual report.

Tables are Word tables in the board's style (grid, header row filled with the board's accent
and repeated at the top of every page, rows never split across pages, numbers right-aligned,
merged cells where the PDF spans them). Headings use Word's own Heading styles, in order, so
they take on the annual report's look when pasted and a screen reader can move between them.
Pages are A4; each section's header (board and title) and footer (date, text, "Page X of Y",
marking) are laid out for its own page width. Every style is in UK English, every picture has
alternative text, and spacing comes from paragraph spacing, never from empty paragraphs.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, BinaryIO

from sgdesk.office.blocks import (
    Block,
    Cell,
    HeadingBlock,
    PageBlock,
    TableBlock,
    TextBlock,
    report_table_block,
)
from sgdesk.office.layout import MARGIN_MM, MIN_ROWS, PAGE_MM, at_least, orientation_for, usable_width_mm
from sgdesk.office.package import document_time, save_package
from sgdesk.reporting import NOTHING, ReportTable, sentence

if TYPE_CHECKING:
    from sgdesk.pdf import DocumentSpec

MM_PER_POINT = 25.4 / 72
FONT = "Arial"
LANGUAGE = "en-GB"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
NOTE = "Table Note"
CONTENTS_HEADING = "TOC Heading"
CONTENTS_ENTRY = "toc {}"  # Word's own names for the styles of contents entries, by level
_MUTED = "595959"
_TEXT = "1A1A1A"
_WHITE_SHARE = 0.85  # section rows are shaded with the accent mixed this far towards white
_AFTER_TABLE_PT = 8  # space above a paragraph that follows a table
_CELL_PT = 9  # the size of table text
_CELL_MARGIN_PT = 5.4  # Word's cell margin, left and right
_CELL_SPARE_PT = 1.5  # a little room beyond a column's longest word
# a table too wide for its words at the house size is set smaller, with narrower cell margins
_TABLE_SIZES = ((_CELL_PT, _CELL_MARGIN_PT), (8.5, 4), (8, 3), (7.5, 2.5), (7, 2))
_LONGEST_WORD_SHARE = 0.3  # of a table's width: a word wider than this may break
#: cells Word must not break: figures (£1,234.56, 52%, −0.4, 2/3) and dates (13 Sep 2018)
_UNBROKEN = re.compile(r"[-−+(]?£?\d[\d,./]*%?\)?|\d{1,2} [A-Z][a-z]{2} \d{4}")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: settings.xml children that must come after w:updateFields (ECMA-376 CT_Settings order)
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator")


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _simple_field(parent: Any, instruction: str, shown: Any) -> None:
    """A field (PAGE, NUMPAGES, PAGEREF) at the end of ``parent``, showing the run ``shown``
    until Word updates it."""
    field = _element("w:fldSimple", instr=instruction)
    field.append(shown._r)
    parent.append(field)


@dataclass(frozen=True)
class _TableFit:
    """How a table fits its width: its columns in points, its type size and its cells' side margins."""

    widths: list[float]
    size_pt: float
    margin_pt: float


def _table_fit(block: TableBlock, width_pt: float) -> _TableFit:
    """The block's columns in points filling ``width_pt``, in proportion to its weights but never
    so narrow that Word must split a header word, a figure, a date or a word (an email address;
    up to a share of the table, past which a word must break). A table with too many columns for
    that at the house size is set smaller, with narrower cell margins, down to a least size."""
    for size, margin in _TABLE_SIZES:
        floors = _floors(block, width_pt, size, margin)
        if sum(floors) <= width_pt:
            break
    total = sum(block.weights)
    return _TableFit(at_least([width_pt * weight / total for weight in block.weights], floors, width_pt), size, margin)


def _floors(block: TableBlock, width_pt: float, size: float, margin: float) -> list[float]:
    """Each column's least width in points with text of ``size`` and cell margins of ``margin``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # Helvetica's widths are Arial's

    def needs(text: str, bold: bool) -> float:
        return stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size) + 2 * margin + _CELL_SPARE_PT

    floors = []
    for column, label in enumerate(block.header):
        floor = max((needs(word, True) for word in label.split()), default=0)
        for index, row in enumerate(block.rows):
            if column >= len(row) or index in block.section_rows:
                continue
            cell = row[column]
            whole = _UNBROKEN.fullmatch(cell.text)
            longest = max((needs(word, cell.bold) for word in ([cell.text] if whole else cell.text.split())), default=0)
            floor = max(floor, longest if whole else min(longest, _LONGEST_WORD_SHARE * width_pt))
        floors.append(floor)
    return floors


class WordDocument:
    """A Word document built a block at a time: headings, paragraphs, tables, pictures.

    Every page carries the furniture of ``spec`` (board name, title, generated date, footer
    text, page number, marking, and DRAFT for a draft); with ``cover`` the first page is a
    cover without them.
    """

    def __init__(self, spec: "DocumentSpec", orientation: str = "portrait", *, cover: bool = False) -> None:
        from docx import Document

        self.spec = spec
        self.doc = Document()
        self.orientation = orientation
        self._blank_page = True
        self._break_before = False  # the next paragraph starts a new page
        self._after_table = False
        self._contents: tuple[Any, int, float] | None = None  # the contents' placeholder, depth and width
        self._accent = spec.accent.lstrip("#").upper()
        self._tint = "".join(f"{round(c + (255 - c) * _WHITE_SHARE):02X}"
                             for c in bytes.fromhex(self._accent))
        self._styles()
        self._settings()
        section = self.doc.sections[0]
        self._lay_out(section, orientation)
        if cover:
            self._cover_furniture(section)

    # -- set-up ---------------------------------------------------------------------------------
    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor

        styles = self.doc.styles
        accent = RGBColor.from_string(self._accent)
        normal = styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(10)
        normal.font.color.rgb = RGBColor.from_string(_TEXT)
        normal.paragraph_format.space_after = Pt(6)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", CONTENTS_HEADING):
            styles[name].font.name = FONT
            styles[name].font.color.rgb = accent
        subtitle = styles["Subtitle"]
        subtitle.font.name, subtitle.font.italic = FONT, False
        subtitle.font.color.rgb = RGBColor.from_string(_TEXT)
        styles["Quote"].font.color.rgb = RGBColor.from_string(_MUTED)
        for name, size, bold, italic in ((TABLE_TEXT, 9, False, False), (TABLE_HEADING, 9, True, False),
                                         (NOTE, 8, False, True)):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(3 if name == NOTE else 0)
        for level in (1, 2, 3):
            style = styles.add_style(CONTENTS_ENTRY.format(level), WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), f"TOC{level}")
            style.base_style = normal
            style.paragraph_format.space_after = Pt(3 if level == 1 else 1)
            style.paragraph_format.left_indent = Mm(6 * (level - 1))
            style.font.bold = level == 1
        styles[TABLE_HEADING].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        styles[NOTE].font.color.rgb = RGBColor.from_string(_MUTED)
        for name in ("Header", "Footer"):  # the template's tab stops suit a US Letter page only
            tabs = styles[name].element.pPr.find(f"{{{_W}}}tabs")
            if tabs is not None:
                tabs.getparent().remove(tabs)
        self._language()
        properties = self.doc.core_properties
        properties.title, properties.subject = self.spec.title, self.spec.subject
        properties.author = properties.last_modified_by = self.spec.author
        properties.language = LANGUAGE
        properties.created = properties.modified = document_time(self.spec.generated_on)
        properties.revision = 1

    def _language(self) -> None:
        """UK English for the document defaults and every style, so spelling is checked as British."""
        from docx.oxml.ns import qn

        styles = self.doc.styles.element
        holders = [styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))]
        holders += [style for style in styles.findall(qn("w:style")) if style.get(qn("w:type")) != "numbering"]
        for holder in holders:
            properties = holder.get_or_add_rPr() if hasattr(holder, "get_or_add_rPr") else holder.find(qn("w:rPr"))
            language = properties.find(qn("w:lang"))
            if language is None:
                language = _element("w:lang")
                properties.append(language)
            for attribute in ("val", "eastAsia", "bidi") if holder is holders[0] else ("val",):
                language.set(qn(f"w:{attribute}"), LANGUAGE)

    def _settings(self) -> None:
        """Word updates fields (the contents page numbers) when the document is opened."""
        from docx.oxml.ns import qn

        settings = self.doc.settings.element
        later = next((child for child in settings if child.tag.split("}")[-1] in _AFTER_UPDATE_FIELDS), None)
        update = _element("w:updateFields", val="true")
        if later is None:
            settings.append(update)
        else:
            later.addprevious(update)
        theme_language = settings.find(qn("w:themeFontLang"))
        if theme_language is not None:
            theme_language.set(qn("w:val"), LANGUAGE)

    def _lay_out(self, section: Any, orientation: str) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        landscape = orientation == "landscape"
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = (PAGE_MM[1], PAGE_MM[0]) if landscape else PAGE_MM
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
        section.header_distance = section.footer_distance = Mm(8)
        section.different_first_page_header_footer = False  # a new section copies the cover's setting
        self._furniture(section, usable_width_mm(orientation))

    def _furniture(self, section: Any, width_mm: float) -> None:
        """The header (marking, DRAFT, board and title) and footer (date, text, page, marking),
        with tab stops at the centre and right margin of this section's own page."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
        from docx.shared import Mm, Pt

        spec = self.spec
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        header, footer = section.header, section.footer
        for part in (header, footer):  # a section laid out again (a new orientation) starts afresh
            for paragraph in part.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            first = part.paragraphs[0]
            for child in list(first._p):
                if child.tag != f"{{{_W}}}pPr":
                    first._p.remove(child)
            first.paragraph_format.tab_stops.clear_all()
            first.alignment = None
        top_line = " — ".join(part for part in ("DRAFT" if spec.draft else "", spec.marking or "") if part)
        lines = header.paragraphs[0]
        if top_line:
            lines.alignment = WD_ALIGN_PARAGRAPH.CENTER
            lines.add_run(top_line).bold = True
            lines = header.add_paragraph()
        lines.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
        self._small(lines, f"{spec.board_name}\t{spec.title}")

        lines = footer.paragraphs[0]
        lines.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm / 2), WD_TAB_ALIGNMENT.CENTER)
        lines.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
        self._small(lines, f"{spec.generated_label()}\t{spec.footer_text or ''}\tPage ")
        _simple_field(lines._p, "PAGE", self._small(lines, "1"))
        self._small(lines, " of ")
        _simple_field(lines._p, "NUMPAGES", self._small(lines, "1"))
        if spec.marking:
            marking = footer.add_paragraph()
            marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
            marking.add_run(spec.marking).bold = True
        for paragraph in (*header.paragraphs, *footer.paragraphs):
            paragraph.paragraph_format.space_after = Pt(0)

    def _cover_furniture(self, section: Any) -> None:
        """The first page is a cover: only the marking and DRAFT at its top, the marking at its foot."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section.different_first_page_header_footer = True
        top_line = " — ".join(part for part in ("DRAFT" if self.spec.draft else "", self.spec.marking or "") if part)
        for part, text in ((section.first_page_header, top_line), (section.first_page_footer, self.spec.marking)):
            part.is_linked_to_previous = False
            if text:
                paragraph = part.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(text).bold = True

    @staticmethod
    def _small(paragraph: Any, text: str) -> Any:
        from docx.shared import Pt, RGBColor

        run = paragraph.add_run(text)
        run.font.size = Pt(7.5)
        run.font.color.rgb = RGBColor.from_string(_MUTED)
        return run

    # -- content ------------------------------------------------------------------------------
    def new_page(self, orientation: str | None = None) -> None:
        """Start a new page, in ``orientation`` if given (no page is left blank)."""
        from docx.enum.section import WD_SECTION

        orientation = orientation or self.orientation
        if self._blank_page:
            if orientation != self.orientation:
                self._lay_out(self.doc.sections[-1], orientation)
        elif orientation != self.orientation:
            self._lay_out(self.doc.add_section(WD_SECTION.NEW_PAGE), orientation)
        else:
            self._break_before = True
        self.orientation = orientation
        self._blank_page = True
        self._after_table = False

    def _placed(self, paragraph: Any) -> Any:
        """``paragraph`` just added: on a new page if one was asked for, spaced below a table."""
        from docx.shared import Pt

        if self._break_before:
            paragraph.paragraph_format.page_break_before = True
            self._break_before = False
        elif self._after_table and paragraph.style.name != NOTE:
            paragraph.paragraph_format.space_before = Pt(_AFTER_TABLE_PT)
        self._after_table = False
        self._blank_page = False
        return paragraph

    def heading(self, text: str, level: int = 1) -> None:
        self._placed(self.doc.add_heading(text, level))

    def paragraph(self, text: str, style: str | None = None, *, bold: bool = False,
                  size: float | None = None, centred: bool = False) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return self._placed(paragraph)

    def picture(self, data: bytes, *, width_mm: float, height_mm: float, alt: str, centred: bool = True) -> None:
        """An image no larger than ``width_mm`` by ``height_mm``, keeping its proportions, described by
        ``alt`` (its alternative text)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.image.image import Image
        from docx.shared import Mm

        image = Image.from_blob(data)
        scale = min(Mm(width_mm) / image.width, Mm(height_mm) / image.height)
        paragraph = self.doc.add_paragraph()
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(io.BytesIO(data), width=int(image.width * scale),
                                                height=int(image.height * scale))
        shape._inline.docPr.set("descr", alt)
        self._placed(paragraph)

    def contents(self, depth: int = 2) -> None:
        """The contents: an entry per Heading 1 to ``depth``, written when the document is saved.

        Each entry links to its heading and shows the heading's page through a PAGEREF field,
        which LibreOffice works out as it lays the pages out and Word fills in when the document
        is opened (``updateFields``), so the page numbers are there the first time.
        """
        self._contents = (self.paragraph("", CONTENTS_ENTRY.format(1)), depth, usable_width_mm(self.orientation))

    def _fill_contents(self) -> None:
        """Bookmark each heading the contents lists and write its entry in place of the placeholder."""
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm

        if self._contents is None:
            return
        placeholder, depth, width = self._contents
        levels = {f"Heading {level}": level for level in range(1, depth + 1)}
        headings = [paragraph for paragraph in self.doc.paragraphs if paragraph.style.name in levels]
        for number, heading in enumerate(headings, start=1):
            key = f"_Toc{number:05d}"
            heading._p.insert(0 if heading._p.pPr is None else 1, _element("w:bookmarkStart", id=str(number),
                                                                            name=key))
            heading._p.append(_element("w:bookmarkEnd", id=str(number)))
            entry = placeholder.insert_paragraph_before(style=CONTENTS_ENTRY.format(levels[heading.style.name]))
            entry.paragraph_format.tab_stops.add_tab_stop(Mm(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            link = _element("w:hyperlink", anchor=key, history="1")
            entry._p.append(link)
            link.append(entry.add_run(f"{heading.text}\t")._r)
            _simple_field(link, f"PAGEREF {key} \\h", entry.add_run())
        if not headings:
            placeholder.insert_paragraph_before("There are no headings to list.", style=CONTENTS_ENTRY.format(1))
        placeholder._p.getparent().remove(placeholder._p)

    def table(self, block: TableBlock) -> None:
        """``block`` as a Word table, with its notes beneath it."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        if self._after_table:  # two tables with nothing between are one table to Word: name the second
            self.paragraph(block.title or "Continued", NOTE)
        columns = len(block.header)
        width_mm = usable_width_mm(self.orientation)
        if block.width_pt:
            width_mm = min(width_mm, block.width_pt * MM_PER_POINT)
        fit = _table_fit(block, width_mm / MM_PER_POINT)
        widths = [Mm(points * MM_PER_POINT) for points in fit.widths]
        word_table = self.doc.add_table(rows=0, cols=columns)
        if fit.size_pt != _CELL_PT:
            margins = _element("w:tblCellMar")
            for side in ("left", "right"):
                margins.append(_element(f"w:{side}", w=str(round(fit.margin_pt * 20)), type="dxa"))
            word_table._tbl.tblPr.append(margins)
        word_table.style = self.doc.styles["Table Grid"]
        word_table.alignment = WD_TABLE_ALIGNMENT.LEFT
        word_table.autofit = False
        preferred = word_table._tbl.tblPr.find(f"{{{_W}}}tblW")
        preferred.set(f"{{{_W}}}type", "dxa")
        preferred.set(f"{{{_W}}}w", str(round(Mm(width_mm).twips)))  # the table's own width, not the page's
        for column, width in zip(word_table.columns, widths):
            column.width = width
        heading_style, text_style = self.doc.styles[TABLE_HEADING], self.doc.styles[TABLE_TEXT]
        grid: list[list[Any]] = []
        header: list[Any] = []
        if any(block.header):
            header = self._row(word_table, "w:tblHeader")
            for cell, label, align, width in zip(header, block.header, block.aligns, widths):
                self._cell(cell, Cell(label), heading_style, align, width, self._accent, fit.size_pt)
            for first, last in block.header_spans:
                header[first].merge(header[last])
        for index, cells in enumerate(block.rows):
            row = self._row(word_table, "w:cantSplit")
            grid.append(row)
            if index in block.section_rows:
                merged = row[0].merge(row[-1]) if columns > 1 else row[0]
                self._cell(merged, Cell(cells[0].text if cells else "", bold=True), text_style, "L", None,
                           self._tint, fit.size_pt)
                self._keep_with_next(merged)
                continue
            total_row = index in block.total_rows
            for cell, value, align, width in zip(row, cells, block.aligns, widths):
                self._cell(cell, replace(value, bold=value.bold or total_row), text_style, align, width, None,
                           fit.size_pt)
                if total_row:
                    borders = _element("w:tcBorders")
                    borders.append(_element("w:top", val="single", sz="8", space="0", color=_TEXT))
                    cell._tc.get_or_add_tcPr().append(borders)
        # a page holds at least three rows of a table that breaks: the header with the first
        # rows, the last rows with each other, a total with the row above it
        count = len(grid)
        kept = {r for r in range(count - 1) if r < MIN_ROWS - 1 or r >= count - MIN_ROWS}
        kept |= {r - 1 for r in block.total_rows if r > 0}
        for cell in header if count else []:
            self._keep_with_next(cell)
        for r in sorted(kept):
            for cell in grid[r]:
                self._keep_with_next(cell)
        for span in block.spans:
            for r in range(span.row, span.last_row):
                for cell in grid[r]:
                    self._keep_with_next(cell)  # rows sharing a merged cell stay on one page
            grid[span.row][span.column].merge(grid[span.last_row][span.last_column])
        self._blank_page = False
        self._after_table = True
        self._break_before = False
        for note in block.notes:
            self.paragraph(note, NOTE)

    @staticmethod
    def _row(table: Any, property_tag: str) -> list[Any]:
        """A new row's cells (built directly: python-docx's ``row.cells`` reads the whole table)."""
        from docx.table import _Cell

        row = table.add_row()
        row._tr.get_or_add_trPr().append(_element(property_tag))
        return [_Cell(tc, table) for tc in row._tr.tc_lst]

    @staticmethod
    def _keep_with_next(cell: Any) -> None:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True

    @staticmethod
    def _cell(cell: Any, value: Cell, style: Any, align: str, width: Any, fill: str | None,
              size_pt: float = _CELL_PT) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        if width is not None:
            cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style.style_id  # paragraph.style = style would search every style, per cell
        paragraph.alignment = {"R": WD_ALIGN_PARAGRAPH.RIGHT, "C": WD_ALIGN_PARAGRAPH.CENTER}.get(
            align, WD_ALIGN_PARAGRAPH.LEFT)
        if value.text or value.picture is not None:  # an empty cell holds no run, so merging adds no empty line
            run = paragraph.add_run(value.text)
            if value.bold and style.name == TABLE_TEXT:
                run.bold = True
            if size_pt != _CELL_PT:
                run.font.size = Pt(size_pt)
            if value.picture is not None:
                shape = run.add_picture(io.BytesIO(value.picture.png), width=Pt(value.picture.width_pt),
                                        height=Pt(value.picture.height_pt))
                shape._inline.docPr.set("descr", value.picture.alt_text)  # the figure's alternative text
        fill = value.fill.lstrip("#") if value.fill else fill
        if fill:
            cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=fill))

    def blocks(self, blocks: list[Block]) -> None:
        """Add ``blocks`` in order (a story read by :func:`sgdesk.office.story.read_story`)."""
        for block in blocks:
            if isinstance(block, HeadingBlock):
                self.heading(block.text, min(block.level + 1, 3))
            elif isinstance(block, TextBlock):
                style = {"note": NOTE, "quote": "Quote", "bullet": "List Bullet"}.get(block.kind)
                self.paragraph(block.text, style, bold=block.bold)
            elif isinstance(block, TableBlock):
                self.table(block)
            elif isinstance(block, PageBlock):
                self.new_page(block.orientation)
            else:
                self.picture(block.data, width_mm=min(block.width_pt * MM_PER_POINT, usable_width_mm(self.orientation)),
                             height_mm=block.height_pt * MM_PER_POINT, alt=block.alt)

    def save(self, out: str | os.PathLike[str] | BinaryIO) -> None:
        """Write the document; the same content and spec give byte-identical files."""
        self._fill_contents()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        save_package(out, buffer.getvalue(), self.spec.generated_on)


def write_docx(out: str | os.PathLike[str] | BinaryIO, spec: "DocumentSpec", tables: list[ReportTable]) -> None:
    """A Word document titled ``spec.title`` and described by ``spec.subject``, as the PDF of the
    same report is, holding each table under its own heading."""
    orientation = orientation_for(tables)
    document = WordDocument(spec, orientation)
    document.heading(spec.title, 0)
    if spec.subject:
        document.paragraph(sentence(spec.subject), NOTE)
    for table in tables:
        if table.title != spec.title:  # a report's one table often bears the report's own title
            document.heading(table.title, 1)
        if not table.rows:
            document.paragraph(NOTHING, NOTE)
        document.table(report_table_block(table, orientation))
    document.save(out)
