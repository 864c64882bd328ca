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


def test_rows_fitted_to_their_words_after_a_new_model_are_as_tall_in_the_edges(qtbot):
    table = _table(qtbot, rows=20)
    model = table.model()
    model.beginResetModel()
    model.endResetModel()
    table.setWordWrap(True)
    table.setColumnWidth(0, 60)
    model.setItem(4, 0, QStandardItem("a name long enough to wrap over several lines in a narrow column"))
    table.resizeRowsToContents()
    left, right = table.edge_view(at_right=False), table.edge_view(at_right=True)
    assert table.rowHeight(4) > table.rowHeight(3)
    assert [left.rowHeight(r) for r in range(20)] == [table.rowHeight(r) for r in range(20)] == \
        [right.rowHeight(r) for r in range(20)]


def test_a_new_model_with_more_rows_leaves_no_row_of_the_edges_out_of_step(qtbot):
    table = _table(qtbot, rows=5)
    table.setRowHeight(2, 57)
    bigger = QStandardItemModel(3000, 12)
    table.setModel(bigger)
    table.setRowHeight(2500, 44)
    left = table.edge_view(at_right=False)
    assert [left.rowHeight(r) for r in range(3000)] == [table.rowHeight(r) for r in range(3000)]
