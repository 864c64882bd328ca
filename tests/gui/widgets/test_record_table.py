"""A record table not shown yet fits its columns to their contents as Qt's own fitting would, to the pixel."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from sgdesk.paths import data_path

from sgdesk.gui.widgets.models import Field
from sgdesk.gui.widgets.record_table import RecordTable

FIELDS = [Field("name", "Name"), Field("rating", "RAG", colours={"Red": "#B00020", "Green": "#2E7D32"}),
          Field("amount", "Amount", "money"), Field("on", "Due", "date"), Field("note", "Note", width=160),
          Field("last", "Last")]
WORDS = ("Ofsted", "Youth Offending Service", "iiii", "WWWW", "Mmm", "a\nvery long second line of a note", "")


def _rows(count: int) -> list[dict]:
    return [{"id": n, "name": f"{WORDS[n % 7]} {n}" * (1 + n % 3), "rating": ("Red", "Amber", "Green")[n % 3],
             "amount": (n * 7919) % 10_000_000 - 2_000_000, "on": dt.date(2018, 1, 1) + dt.timedelta(days=n * 11),
             "note": WORDS[(n * 3) % 7], "last": "x"} for n in range(count)]


def _widths(table: RecordTable) -> list[int]:
    return [table.columnWidth(c) for c in range(len(FIELDS))]


@pytest.fixture(params=["plain", "the app's style sheet"])
def styled(request):
    app = QApplication.instance()
    before = app.styleSheet()
    if request.param != "plain":
        app.setStyleSheet(data_path("ui", "style.qss").read_text(encoding="utf-8"))
    yield
    app.setStyleSheet(before)


def test_a_hidden_table_is_fitted_as_qt_fits_it(qtbot, styled):
    holder = QWidget()
    qtbot.addWidget(holder)
    table = RecordTable(None, "Records", FIELDS, parent=holder)
    table.set_rows(_rows(450))          # more rows than are measured, sorted: the first rows shown are measured
    fitted = _widths(table)
    assert not table.isVisible()
    for column in range(len(FIELDS) - 1):
        table.resizeColumnToContents(column)
        if FIELDS[column].width:
            table.setColumnWidth(column, min(table.columnWidth(column), FIELDS[column].width))
    assert fitted == _widths(table)
    table.proxy.set_search("ofsted")
    table.fit_columns()
    searched = _widths(table)
    for column in range(len(FIELDS) - 1):
        table.resizeColumnToContents(column)
    assert searched[:4] == _widths(table)[:4]


def test_a_table_on_screen_is_fitted_by_qt_to_the_rows_in_view(qtbot):
    table = RecordTable(None, "Records", FIELDS)
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    table.set_rows(_rows(450))
    QApplication.processEvents()
    fitted = _widths(table)
    table.resizeColumnToContents(0)
    assert fitted[0] == table.columnWidth(0)
