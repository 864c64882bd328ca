"""A frozen table's edges keep in step with the table as the user widens a column."""

from PySide6.QtGui import QStandardItem, QStandardItemModel

from sgdesk.gui.widgets.frozen import FrozenTable


def _table(qtbot, rows: int = 50, columns: int = 12) -> FrozenTable:
    model = QStandardItemModel(rows, columns)
    for row in range(rows):
        for column in range(columns):
            model.setItem(row, column, QStandardItem(f"r{row} c{column}"))
    table = FrozenTable()
    qtbot.addWidget(table)
    table.setModel(model)
    table.freeze(1, 1)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_frozen_column_widened_in_the_table_is_as_wide_in_its_edge(qtbot):
    table = _table(qtbot)
    left, right = table.edge_view(at_right=False), table.edge_view(at_right=True)
    table.setColumnWidth(0, 173)
    table.setColumnWidth(11, 91)
    table.setColumnWidth(5, 140)   # a column that scrolls: no edge shows it
    assert left.columnWidth(0) == 173 and right.columnWidth(11) == 91
    assert left.isColumnHidden(5) and right.isColumnHidden(5)


def test_a_row_made_taller_in_the_table_is_as_tall_in_its_edges(qtbot):
    table = _table(qtbot)
    table.setRowHeight(3, 61)
    assert table.edge_view(at_right=False).rowHeight(3) == 61 == table.edge_view(at_right=True).rowHeight(3)
