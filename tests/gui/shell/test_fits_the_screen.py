"""The window fits a laptop's screen: it opens maximised there and as it was left, and every view, tab
and dialog shows its text whole at 1280×720 and 1366×768 with nothing outside the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QTableView, QWidget

from sgdesk.gui.shell.placement import first_geometry
from sgdesk.gui.widgets.fitting import fit_problems

LAPTOPS = [QSize(1280, 720), QSize(1366, 768)]


def test_the_first_window_opens_maximised_on_a_laptop_screen(qtbot, settings):
    from sgdesk.gui.shell.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.isMaximized)
    assert win.screen().availableGeometry().contains(win.frameGeometry())
    for laptop in (QRect(0, 0, 1366, 728), QRect(0, 0, 1536, 824), QRect(0, 0, 1280, 680)):
        assert first_geometry(laptop) is None


def test_on_a_large_screen_it_opens_centred_within_it():
    desk = QRect(0, 0, 1920, 1040)
    frame = first_geometry(desk)
    assert desk.contains(frame) and frame.center() == desk.center()
    assert QSize(1280, 800).boundedTo(frame.size()) == QSize(1280, 800)     # room for the tables
    assert first_geometry(QRect(0, 0, 3840, 2120)).size() == QSize(1600, 1000)


def test_it_opens_again_as_it_was_left(qtbot, settings):
    from sgdesk.gui.shell.main_window import MainWindow

    def reopened() -> MainWindow:
        win = MainWindow(settings)
        qtbot.addWidget(win)
        win.show()
        QApplication.processEvents()
        return win

    first = reopened()
    qtbot.waitUntil(first.isMaximized)
    first.close()
    second = reopened()
    qtbot.waitUntil(second.isMaximized)
    second.showNormal()
    second.resize(1100, 660)
    QApplication.processEvents()
    second.close()
    third = reopened()
    assert not third.isMaximized() and third.size() == QSize(1100, 660)


def test_the_checker_finds_cut_text_and_what_lies_outside(qtbot):
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle("Test")
    row = QHBoxLayout(window)
    label = QLabel("Review terms by the end of the month")
    label.setMinimumWidth(10)
    row.addWidget(label)
    button = QPushButton("Add organisation…")
    button.setMinimumWidth(10)
    row.addWidget(button)
    table = QTableView()
    model = QStandardItemModel(1, 1)
    model.setHorizontalHeaderLabels(["Representative"])
    model.setItem(0, 0, QStandardItem("Southend University Hospital NHS Foundation Trust"))
    table.setModel(model)
    table.setColumnWidth(0, 60)
    row.addWidget(table)
    outside = QLabel("Off", window)
    window.resize(300, 200)
    window.show()
    outside.setGeometry(280, 10, 60, 20)
    QApplication.processEvents()
    found = "\n".join(fit_problems(window))
    assert "“Review terms by the end of the month” is cut" in found
    assert "“Add organisation…” is cut" in found
    assert "heading “Representative”" in found
    assert "cell “Southend University Hospital NHS Foundation Trust”" in found
    assert "“Off” lies outside the window" in found
    model.item(0, 0).setToolTip("Southend University Hospital NHS Foundation Trust")
    model.setHeaderData(0, Qt.Orientation.Horizontal, "Representative", Qt.ItemDataRole.ToolTipRole)
    QApplication.processEvents()
    found = "\n".join(fit_problems(window))
    assert "cell “Southend" not in found and "heading “Representative”" not in found


@pytest.mark.parametrize("size", LAPTOPS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_view_and_tab_fits(each_view, window, size):
    window.showNormal()
    window.resize(size)
    QApplication.processEvents()
    assert window.size() == size
    found: list[str] = []
    each_view(lambda shown, where: found.extend(f"{where}: {problem}" for problem in fit_problems(shown)))
    assert not found, "\n".join(found)


def test_every_dialog_fits_a_laptop_screen(each_dialog):
    found: list[str] = []
    smallest = LAPTOPS[0]

    def check(dialog: QWidget, where: str) -> None:
        if dialog.frameGeometry().width() > smallest.width() or dialog.frameGeometry().height() > smallest.height():
            found.append(f"{where}: the dialog is {dialog.width()}×{dialog.height()}, larger than the screen")
        found.extend(f"{where}: {problem}" for problem in fit_problems(dialog))

    each_dialog(check)
    assert not found, "\n".join(found)


def test_a_new_boards_views_and_the_welcome_screen_fit(qtbot, settings, empty_board, each_view_of):
    """What a new user sees first: the welcome screen, then each view empty, with its way to start."""
    from sgdesk.gui.shell.main_window import MainWindow

    path = empty_board.path
    empty_board.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.resize(LAPTOPS[0])
    QApplication.processEvents()
    found = [f"Welcome: {problem}" for problem in fit_problems(window)]
    assert window.open_path(path)
    QApplication.processEvents()           # the status bar lays itself out for the file once the window has
    each_view_of(window, lambda shown, where: found.extend(f"{where}: {problem}" for problem in fit_problems(shown)))
    assert not found, "\n".join(found)
