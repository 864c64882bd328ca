"""The Membership view: search, edit in place with undo, add seats and appoint people through the forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


@pytest.fixture
def membership(window):
    return window.show_view("membership")


def rows(table):
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_view_lists_organisations_with_their_seats_and_history(membership):
    assert membership.org_table.model().rowCount() == membership.context.bf.scalar("SELECT count(*) FROM organisation")
    membership.org_table.select_id(membership.context.bf.scalar(
        "SELECT id FROM organisation WHERE name = 'Essex Police'"))
    assert rows(membership.seat_table) == [["Southend LSCB", "Member", "Essex Police", "Zoë Adeyemi", "Aisha Rahman",
                                            "", ""]]
    assert [r[:2] for r in rows(membership.holder_table)] == [["Zoë Adeyemi", "representative"],
                                                             ["Aisha Rahman", "deputy"]]
    assert rows(membership.alias_table) == [["Southend Police", "", ""]]


def test_search_filters_organisations_people_and_sub_groups(membership, qtbot):
    qtbot.keyClicks(membership.search, "hospital")
    assert [r[0] for r in rows(membership.org_table)] == ["Southend University Hospital NHS Foundation Trust"]
    membership.search.setText("Wiśniewski")
    membership.tabs.setCurrentIndex(1)      # the People tab, read when it is shown
    assert [r[0] for r in rows(membership.people_table)] == ["Tomasz Wiśniewski"]
    assert "Case Review (Case Review): Chair" not in rows(membership.people_table)[0][4]
    assert rows(membership.people_table)[0][4] == "Clinical Commissioning Group (Board): deputy; " \
                                                   "Southend CCG (Case Review): Chair"
    membership.search.setText("vacant")
    assert [r[0] for r in rows(membership.subgroup_table)] == ["CSE & Missing Children Group"]


def test_editing_a_cell_saves_it_and_edit_undo_restores_it(window, membership):
    table = membership.org_table
    table.select_id(membership.context.bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'"))
    index = table.model().index(table.currentIndex().row(), 1)
    assert table.model().setData(index, "Cafcass")
    assert membership.context.bf.scalar("SELECT short_name FROM organisation WHERE name = 'CAFCASS'") == "Cafcass"
    assert window.undo_action.text() == "&Undo Change the short name of CAFCASS"
    window.undo_action.trigger()
    assert membership.context.bf.scalar("SELECT short_name FROM organisation WHERE name = 'CAFCASS'") == "CAFCASS"


def test_a_bad_value_is_refused_with_a_message(membership, message_boxes):
    table = membership.org_table
    table.select_id(membership.context.bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'"))
    table.model().setData(table.model().index(table.currentIndex().row(), 2), "charity")
    assert message_boxes == ["'charity' is not a type of organisation: use one of: council, police, health, "
                             "probation, education, courts, fire, voluntary, lay, board, other"]
    assert membership.context.bf.scalar("SELECT org_type FROM organisation WHERE name = 'CAFCASS'") == "courts"


def test_add_a_seat_then_appoint_a_new_person_to_it(fill_form, window, membership, monkeypatch):
    bf = membership.context.bf
    cafcass = bf.scalar("SELECT id FROM organisation WHERE name = 'CAFCASS'")
    membership.org_table.select_id(cafcass)
    fill_form(monkeypatch, body="board", role="Member", starts_on="01/04/2019")
    membership.add_seat_button.click()
    assert rows(membership.seat_table) == [["Southend LSCB", "Member", "CAFCASS", "Vacant", "", "1 Apr 2019", ""]]
    fill_form(monkeypatch, person="Łukasz Nowak", job_title="Service Manager", kind="representative",
              starts_on="01/04/2019")
    membership.appoint_button.click()
    assert rows(membership.seat_table)[0][3] == "Łukasz Nowak"
    assert rows(membership.holder_table) == [["Łukasz Nowak", "representative", "1 Apr 2019", "", "Service Manager"]]
    assert window.undo_action.text() == "&Undo Appoint Łukasz Nowak (new) as representative for CAFCASS"
    window.undo_action.trigger()
    assert rows(membership.holder_table) == []
    window.undo_action.trigger()
    assert rows(membership.seat_table) == []


def test_removing_a_seat_with_attendance_is_refused(membership, message_boxes):
    bf = membership.context.bf
    membership.org_table.select_id(bf.scalar("SELECT id FROM organisation WHERE name = 'Essex Police'"))
    membership.remove_seat_button.click()
    assert message_boxes == ["this seat has attendance marks, so it cannot be removed: give it an end date instead"]


def test_add_an_organisation_and_a_sub_group(fill_form, membership, monkeypatch):
    fill_form(monkeypatch, name="Youth Offending Service", short_name="YOS", org_type="council")
    membership.add_org_button.click()
    assert membership.org_table.selected()["name"] == "Youth Offending Service"
    fill_form(monkeypatch, name="Neglect Sub Group", frequency="Quarterly", tor_review_on="31/03/2020")
    membership.add_subgroup_button.click()
    assert rows(membership.subgroup_table)[-1][:6] == ["Neglect Sub Group", "", "Quarterly", "31 Mar 2020",
                                                      "Position vacant", "Position vacant"]


def test_an_empty_form_is_refused_and_stays_open(fill_form, membership, monkeypatch, message_boxes):
    fill_form(monkeypatch, name="")
    membership.add_org_button.click()
    assert message_boxes == ["The organisation's name is empty: type its full name"]


def test_overview_items_open_the_seat_or_sub_group(membership):
    seat = membership.context.bf.scalar("SELECT id FROM seat WHERE label = 'SBC Councillor'")
    membership.show_target({"seat_id": seat})
    assert membership.seat_table.selected()["label"] == "SBC Councillor"
    membership.show_target({"subgroup_id": 2})
    assert membership.tabs.currentIndex() == 2
    assert membership.subgroup_table.selected()["name"] == "Monitoring Sub Group"


def open_new_board(qtbot, settings, tmp_path, view_key: str):
    """The main window on a new file holding one board with nothing in it, showing ``view_key``."""
    from sgdesk.boards import add_board
    from sgdesk.gui.shell.main_window import MainWindow
    from sgdesk.store import create_board_file

    path = tmp_path / "new.sgdesk"
    with create_board_file(path) as bf, bf.edit("Create") as ed:
        add_board(ed, "Thurrock LSCB")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.open_path(path)
    return win.show_view(view_key)


def test_an_empty_file_says_what_to_do(qtbot, settings, tmp_path):
    view = open_new_board(qtbot, settings, tmp_path, "membership")
    assert view.stack.currentWidget() is view.empty
    assert view.empty.findChild(type(view.seats_heading), "emptyHeading").text() == "No organisations yet"
    assert view.empty.isEnabled()
    button = view.empty.findChild(type(view.add_org_button))
    assert button.text() == "Add an organisation"


def test_widgets_have_accessible_names(membership):
    for widget in (membership.search, membership.org_table, membership.seat_table, membership.holder_table,
                   membership.alias_table, membership.people_table, membership.subgroup_table):
        assert widget.accessibleName()
    assert membership.org_table.accessibleName() == "Organisations"
    assert membership.org_table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_an_organisations_name_stays_in_view_while_its_other_columns_scroll(window, membership, qtbot):
    """A record table narrower than its columns keeps the column naming each row, and edits it where it is seen."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    window.showNormal()
    window.resize(1280, 720)
    table = membership.org_table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    QApplication.processEvents()
    names = table.edge_view(False)
    police = table.model().index(next(r for r in range(table.model().rowCount())
                                      if table.model().index(r, 0).data() == "Essex Police"), 0)
    y = table.rowViewportPosition(police.row()) + 5
    assert names.isVisible() and names.geometry().left() == table.viewport().geometry().left()
    assert names.indexAt(names.viewport().mapFrom(table, table.viewport().mapTo(table, QPoint(5, y)))).data() == \
        "Essex Police"
    assert table.indexAt(QPoint(5, y)).column() > 0           # the table itself has scrolled its name away
    table.setCurrentIndex(police)
    table.edit(police)
    editor = names.findChild(QLineEdit)
    assert editor is not None and editor.isVisible() and editor.text() == "Essex Police"
    editor.setText("Essex Police Service")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.context.bf.scalar(
        "SELECT count(*) FROM organisation WHERE name = 'Essex Police Service'") == 1)     # the editor commits queued
