"""The Overview in the app: a new board's first steps with buttons that tick off, and the board at a glance."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton


@pytest.fixture
def new_board_window(qtbot, settings, empty_board):
    from sgdesk.gui.shell.main_window import MainWindow

    path = empty_board.path
    empty_board.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    return window


def step_buttons(overview) -> list[QPushButton]:
    grid = overview.steps_grid
    return [grid.itemAtPosition(row, 2).widget() for row in range(grid.rowCount()) if grid.itemAtPosition(row, 2)]


def marks(overview) -> list[str]:
    grid = overview.steps_grid
    return [grid.itemAtPosition(row, 0).widget().accessibleName() for row in range(grid.rowCount())
            if grid.itemAtPosition(row, 0)]


def test_a_new_board_opens_on_its_first_steps(new_board_window):
    overview = new_board_window.views["overview"]
    assert new_board_window.view_stack.currentWidget() is overview
    assert overview.steps_panel.isVisible()
    assert overview.steps_heading.text() == "First steps: 0 of 5 done"
    assert [b.text() for b in step_buttons(overview)] == ["Add an organisation…", "Import attendance…",
                                                          "Set the charging policy…", "Start a self-assessment…",
                                                          "Enter the budget…"]
    assert set(marks(overview)) == {"To do"}


def test_a_steps_button_does_it_and_the_step_ticks_off(new_board_window, qtbot, fill_form, monkeypatch):
    overview = new_board_window.views["overview"]
    fill_form(monkeypatch, name="Essex Police", short_name="Police")
    qtbot.mouseClick(step_buttons(overview)[0], Qt.MouseButton.LeftButton)
    assert new_board_window.view_stack.currentWidget() is new_board_window.views["membership"]
    new_board_window.show_view("overview")
    assert overview.steps_heading.text() == "First steps: 1 of 5 done"
    assert marks(overview)[0] == "Done" and not step_buttons(overview)[0].isEnabled()


def test_the_import_step_opens_file_import_for_the_attendance_grid(new_board_window, qtbot):
    overview = new_board_window.views["overview"]
    qtbot.mouseClick(step_buttons(overview)[1], Qt.MouseButton.LeftButton)
    dialog = new_board_window.import_dialog
    assert dialog.isVisible() and dialog.kind_name() == "attendance"
    dialog.close()


def test_the_charging_policy_step_opens_the_policy(new_board_window, qtbot, monkeypatch):
    from sgdesk.gui.training.settings import PolicyDialog

    opened = []
    monkeypatch.setattr(PolicyDialog, "open", lambda dialog: opened.append(dialog))
    overview = new_board_window.views["overview"]
    qtbot.mouseClick(step_buttons(overview)[2], Qt.MouseButton.LeftButton)
    assert new_board_window.view_stack.currentWidget() is new_board_window.views["training"]
    assert len(opened) == 1


def test_hidden_first_steps_stay_hidden_for_that_file(new_board_window, qtbot, settings):
    from sgdesk.gui.shell.main_window import MainWindow

    overview = new_board_window.views["overview"]
    qtbot.mouseClick(overview.hide_steps_button, Qt.MouseButton.LeftButton)
    assert not overview.steps_panel.isVisible()
    path = new_board_window.context.bf.path
    new_board_window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.open_path(path)
    again.show()
    assert not again.show_view("overview").steps_panel.isVisible()


def test_the_demo_board_at_a_glance(window):
    overview = window.show_view("overview")
    panels = {frame.accessibleName(): [label.text() for label in frame.findChildren(QLabel)]
              for frame in overview.glance_column.findChildren(type(overview.steps_panel))
              if frame.objectName() == "overviewPanel"}
    assert list(panels) == ["Membership", "Next meetings", "Open self-assessment rounds",
                            "Training sessions with places", "Spend against budget, 2018/19"]
    assert "Board self-assessment 2019/20: 3 of 6 returned, deadline 28 Feb 2020" in panels[
        "Open self-assessment rounds"]
    assert "Spent £137,755.83" in panels["Spend against budget, 2018/19"]
    link = next(label for label in overview.glance_column.findChildren(QLabel) if label.text().startswith(
        '<a href="finance"'))
    link.linkActivated.emit("finance")
    assert window.view_stack.currentWidget() is window.views["finance"]
    assert window.views["finance"].tabs.currentIndex() == 2


@pytest.mark.parametrize("height", [768, 480])
def test_the_glances_keep_every_line_readable_on_a_short_screen(window, qtbot, height):
    """On a short screen the glance panels keep the height their wrapped lines need (the column scrolls)
    rather than being squeezed until their lines overlap, and the attention list wraps rather than scrolls
    sideways."""
    window.showNormal()
    window.setMinimumSize(0, 0)     # as short as a laptop's screen with a docked taskbar and a large text size
    window.resize(1024, height)
    overview = window.show_view("overview")
    qtbot.waitUntil(lambda: window.height() == height)
    qtbot.wait(50)
    squeezed = [label.text() for label in overview.glance_column.findChildren(QLabel)
                if label.wordWrap() and label.height() < label.heightForWidth(label.width())]
    assert squeezed == []
    assert not overview.list.horizontalScrollBar().isVisible()
