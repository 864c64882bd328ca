"""A reportlab Table that tags itself: Table > THead/TBody > TR > TH/TD, one Table across pages.

The rows, header rows, row-header columns and spans are read from the table as it was made,
before reportlab splits it between pages; each part remembers which of those rows it holds,
so a row continued on the next page stays one TR and the header rows a part repeats are
pagination artifacts. Shading and rules are layout artifacts. The tags are written through
reportlab's table render callbacks, so any cell content (text, a Paragraph, a list of
flowables) is the content of its cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import CellStyle, TableRenderCB, _rowLen

from sgdesk.pdf.figures import alt_text
from sgdesk.pdf.fonts import REGULAR
from sgdesk.pdf.structure import StructureBuilder
from sgdesk.pdf.tagging import in_house_font, structure_of

Cell = tuple[int, int]
#: (tag, Scope, rows, columns spanned) -> the tag and attributes of every table cell of that kind: the
#: thousands of cells of a document share a few attribute dictionaries, written out once each
_CELL_KINDS: dict[tuple[str, str | None, int, int], tuple[str, dict[str, Any]]] = {}


class TableShape:
    """What the tags of a table need from it as first made: header rows, row headers, spans."""

    tag = "Table"
    keep_empty = True  # an empty cell is still a cell of the table

    def __init__(self, table: Table, header_rows: int, row_header_columns: Iterable[int],
                 section_rows: Iterable[int]) -> None:
        self.header_rows = header_rows
        self.row_header_columns = frozenset(row_header_columns)
        self.section_rows = frozenset(section_rows)
        self.spans: dict[Cell, tuple[int, int]] = {}  # (row, column) -> (rows, columns) it spans
        self.owner: dict[Cell, Cell] = {}  # a cell a span covers -> the span's first cell
        #: the cells that hold a chart with alternative text (a Figure inside the cell) -> that text
        self.charts: dict[Cell, str] = {}
        for row, values in enumerate(table._cellvalues):
            for column, value in enumerate(values):
                if isinstance(value, (list, tuple)) and len(value) == 1:  # reportlab's cell of flowables
                    value = value[0]
                if isinstance(value, Drawing) and alt_text(value):
                    self.charts[row, column] = alt_text(value)
        if table._spanCmds:
            table._calcSpanRanges()
            for (column, row), extent in table._spanRanges.items():
                if extent is None:
                    continue
                x0, y0, x1, y1 = extent
                if (x0, y0) != (x1, y1):
                    self.spans[row, column] = (y1 - y0 + 1, x1 - x0 + 1)
                    for y in range(y0, y1 + 1):
                        for x in range(x0, x1 + 1):
                            self.owner[y, x] = (y0, x0)

    def row_groups(self, row: int) -> list[tuple[str, Any]]:
        """The grouping elements (tag, key) a row belongs to inside the table, outermost first (made
        for each row drawn: kept by the shape, whose keys they hold, they would make reference cycles)."""
        section = "THead" if row < self.header_rows else "TBody"
        return [(section, (self, section)), ("TR", (self, row))]

    def cell_key(self, row: int, column: int) -> tuple[TableShape, int, int]:
        """What identifies the cell's element, on whichever page it is drawn."""
        return self, row, column

    def cell(self, row: int, column: int) -> tuple[str, dict[str, Any]] | None:
        """The tag and attributes of the cell starting at ``row``, ``column`` (None: not content); the
        attributes are shared with every cell of the same kind, and never changed in place."""
        if row < self.header_rows:
            tag, scope = "TH", "Column"
        elif row in self.section_rows or column in self.row_header_columns:
            tag, scope = "TH", "Row"
        else:
            tag, scope = "TD", None
        rows, columns = self.spans.get((row, column), (1, 1)) if self.spans else (1, 1)
        kind = (tag, scope, rows, columns)
        made = _CELL_KINDS.get(kind)
        if made is None:
            attributes: dict[str, Any] = {} if scope is None else {"Scope": scope}
            if rows > 1:
                attributes["RowSpan"] = rows
            if columns > 1:
                attributes["ColSpan"] = columns
            made = _CELL_KINDS[kind] = tag, attributes
        return made

    def text(self, row: int, column: int) -> str | None:
        """The plain text a link in the cell describes itself with (None: none needed)."""
        return None


class LayoutShape(TableShape):
    """A table that only lays things out: a Div whose cells are paragraphs, in reading order."""

    tag = "Div"
    keep_empty = False

    def row_groups(self, row: int) -> list[tuple[str, Any]]:
        return []

    def cell(self, row: int, column: int) -> tuple[str, dict[str, Any]] | None:
        return "P", {}


class _Tags(TableRenderCB):
    """reportlab's table render callbacks, passed on to the table being drawn."""

    _METHODS = {"startTable": "tag_start", "startBG": "tag_artifact_start", "endBG": "tag_artifact_end",
                "startRow": "tag_row", "startCell": "tag_cell", "endCell": "tag_cell_end", "endRow": "tag_row_end",
                "startLines": "tag_artifact_start", "endLines": "tag_artifact_end", "endTable": "tag_end"}

    def __call__(self, table: TaggedTable, command: str, *args: Any) -> None:
        getattr(table, self._METHODS[command])(*args)


#: the render callbacks every tagged table draws with (a table drawing itself calls its tag_ methods instead)
TAGS = _Tags()


class TaggedTable(Table):
    """A reportlab ``Table`` whose cells are tagged; its text cells print in the house font.

    ``repeatRows`` header rows are column headers (TH, Scope Column) repeated on each page;
    cells in ``row_header_columns`` and the first cell of ``section_rows`` (indexes of table
    rows) are row headers (TH, Scope Row); the rest are TD. Spanned cells carry RowSpan and
    ColSpan. A ``layout`` table (one that only places things side by side) is a Div of
    paragraphs instead. Other arguments are reportlab's.
    """

    tags_itself = True
    shape_class: type[TableShape] = TableShape

    def __init__(self, data: list[list[Any]], *args: Any, row_header_columns: Iterable[int] = (),
                 section_rows: Iterable[int] = (), layout: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("renderCB", TAGS)
        made_here = kwargs.get("cellStyles") is None
        if made_here:  # not a part reportlab made by splitting, which keeps its parent's styles
            kwargs["cellStyles"] = self.new_cell_styles(len(data), max(map(_rowLen, data), default=0))
        super().__init__(data, *args, **kwargs)
        if made_here:
            for values in self._cellvalues:
                for value in values:
                    in_house_font(value)
        self._row_headers = tuple(row_header_columns)
        self._sections = tuple(section_rows)
        self.shape_class = LayoutShape if layout else type(self).shape_class
        self._shape: TableShape | None = None
        self._rows: list[tuple[int, bool]] | None = None  # per row drawn: (row of the whole table, repeated)
        self._structure: StructureBuilder | None = None  # while the table draws on a tagging canvas
        self._row, self._repeat, self._groups = 0, False, 0  # the row being drawn, and the groups it opened
        self._cell_open = False  # the cell being drawn is content, not an artifact
        self._figure_open = False  # the cell being drawn is a chart: a Figure inside its TH or TD

    def new_cell_styles(self, rows: int, columns: int) -> list[list[CellStyle]]:
        """The style of each cell of a table made with ``rows`` rows of ``columns`` cells, in the house
        font, before the table's style commands: reportlab's, one for each cell."""
        styles = []
        for row in range(rows):
            styles.append([])
            for column in range(columns):
                style = CellStyle(repr((row, column)))
                style.fontname = REGULAR
                styles[-1].append(style)
        return styles

    def shape(self) -> TableShape:
        """The shape of the whole table (this one, or the one reportlab split this part from)."""
        if self._shape is None:
            repeat = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
            self._shape = self.shape_class(self, repeat, self._row_headers, self._sections)
        return self._shape

    def rows(self) -> list[tuple[int, bool]]:
        """For each of this part's rows, the whole table's row it shows and whether it is a repeat."""
        if self._rows is None:
            self._rows = [(row, False) for row in range(self._nrows)]
        return self._rows

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        """Split as reportlab does, telling each part which rows of the whole table it holds."""
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, rest = parts
            rows, shape = self.rows(), self.shape()
            repeated = rest.repeatRows if isinstance(rest.repeatRows, int) else len(rest.repeatRows)
            in_row = first._nrows + rest._nrows - repeated - self._nrows  # 1 when a row was split in two
            first._shape = rest._shape = shape
            first._rows = rows[:first._nrows]
            rest._rows = [(row, True) for row, _ in rows[:repeated]] + rows[first._nrows - in_row:]
        return parts

    # -- the render callbacks -----------------------------------------------------------------------------
    def tag_start(self) -> None:
        self._structure = structure_of(self.canv)
        if self._structure is not None:
            shape = self.shape()
            self._structure.open_group(shape.tag, shape)

    def tag_end(self) -> None:
        if self._structure is not None:
            self._structure.close_group()
        self._structure = None

    def tag_artifact_start(self) -> None:
        if self._structure is not None:
            self._structure.begin_artifact(self.canv._code, "Layout")

    def tag_artifact_end(self) -> None:
        if self._structure is not None:
            self._structure.end_artifact()

    def tag_row(self, row: int) -> None:
        self._row, self._repeat = self.rows()[row]
        self._groups = 0
        if self._structure is None or self._repeat:
            return
        for tag, key in self.shape().row_groups(self._row):
            self._structure.open_group(tag, key)
            self._groups += 1

    def tag_row_end(self) -> None:
        for _group in range(self._groups):
            self._structure.close_group()
        self._groups = 0

    def tag_cell(self, row: int, column: int, value: Any, style: Any = None, place: tuple[float, float] = (0, 0),
                 size: tuple[float, float] = (0, 0)) -> None:
        structure = self._structure
        if structure is None:
            return
        canv = self.canv
        if self._repeat:
            structure.begin_artifact(canv._code, "Pagination")
            return
        shape = self._shape
        first = self._row, column
        if shape.owner:
            first = shape.owner.get(first, first)
        first_row, first_column = first  # in the whole table: the cell's, or its span's first cell's
        cell = shape.cell(first_row, first_column)
        if not shape.keep_empty and isinstance(value, str) and not value.strip():
            cell = None  # a blank in a layout is just space
        self._cell_open = cell is not None
        described = shape.charts.get(first) if shape.charts else None
        self._figure_open = bool(cell and described)
        if cell is None:
            structure.begin_artifact(canv._code, "Layout")
        elif self._figure_open:
            (left, bottom), (width, height) = place, size
            box = canv._absRect((left + style.leftPadding, bottom + style.bottomPadding,
                                 left + width - style.rightPadding, bottom + height - style.topPadding), relative=1)
            structure.open_group(cell[0], shape.cell_key(first_row, first_column), cell[1])
            structure.begin(canv._code, canv.getPageNumber(), "Figure", attributes={"BBox": [round(v, 2) for v in box]},
                            alt=described)
        else:
            structure.begin(canv._code, canv.getPageNumber(), cell[0], shape.cell_key(first_row, first_column), cell[1],
                            text=shape.text(first_row, first_column))

    def tag_cell_end(self) -> None:
        structure = self._structure
        if structure is None:
            return
        if self._repeat or not self._cell_open:
            structure.end_artifact()
        elif self._figure_open:
            structure.end()
            structure.close_group()
        else:
            structure.end(keep_empty=self._shape.keep_empty)
