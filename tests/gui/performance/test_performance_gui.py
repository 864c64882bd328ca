"""Performance view: the matrix and its filters, the chart, figures and rules edited with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sgdesk.gui.performance.view import PerformanceView
from sgdesk.indicators.attention import indicators_attention


def _view(window) -> PerformanceView:
    return window.show_view("performance")


def shown(view: PerformanceView, column: int) -> list[str]:
    proxy = view.proxy
    return [proxy.data(proxy.index(row, column)) for row in range(proxy.rowCount())]


def _select(view: PerformanceView, prefix: str):
    row = next(r for r in view.model.rows if r.indicator.name.startswith(prefix))
    view.select_indicator(row.indicator.id)
    return row


def _cell(view: PerformanceView, area: str, period: str):
    line = next(n for n, (a, is_rank) in enumerate(view.grid.lines) if a.name == area and not is_rank)
    column = [p.label for p in view.grid_data.periods].index(period)
    return view.grid.index(line, column)


def test_the_matrix_lists_every_indicator_with_its_rating(window):
    view = _view(window)
    ratings = shown(view, view.model.RAG)
    assert len(ratings) == len(view.model.rows) == 65
    assert view.summary.text().startswith(f"65 indicators for Southend-on-Sea: {ratings.count('Green')} Green, "
                                          f"{ratings.count('Amber')} Amber, {ratings.count('Red')} Red")
    rerefs = view.model.rows.index(_select(view, "Re-referrals"))
    index = view.model.index(rerefs, view.model.RAG)
    assert index.data() == "Red" and index.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#ffc7ce"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "30.2% in 2020 against England 22.6%"


def test_filters_by_rating_and_section(window):
    view = _view(window)
    view.rating.setCurrentIndex(view.rating.findData("red"))
    assert set(shown(view, view.model.RAG)) == {"Red"}
    assert len(shown(view, 0)) == int(indicators_attention(window.context.bf, 1)[0].text.split()[0])
    view.rating.setCurrentIndex(0)
    view.section.setCurrentIndex(view.section.findData("Children's social care"))
    assert set(shown(view, 8)) == {"Children's social care"} and len(shown(view, 0)) == 15
    view.search.setText("protection plans")
    assert all("protection plans" in name.casefold() for name in shown(view, 0)) and len(shown(view, 0)) == 3


def test_the_overview_item_opens_the_red_indicators(window):
    item = indicators_attention(window.context.bf, 1)[0]
    window.navigate(item.view, item.target)
    view = window.views["performance"]
    assert view.rating.currentData() == "red" and set(shown(view, view.model.RAG)) == {"Red"}


def test_the_chart_says_what_it_shows_and_leaves_out_what_is_off_its_scale(window, qtbot):
    view = _view(window)
    row = _select(view, "Children (under 16) living in low-income")
    assert view.chart.accessibleDescription() == ("Trend: 15.2, 16.3, 16.0, 15.8% 2017-2020; England 17.0, 18.0, "
                                                  "18.2, 19.1%.")
    assert [line[0] for line in view.chart.lines()] == ["This authority", "England"]
    assert not view.chart.grab().isNull() and row is view.current
    _select(view, "Referrals to children's social care (number)")   # England's 642,980 beside 2,721
    assert [line[0] for line in view.chart.lines()] == ["This authority"]


def test_a_figure_typed_in_the_grid_is_stored_and_undone(window):
    view = _view(window)
    _select(view, "Re-referrals")
    assert view.grid.setData(_cell(view, "Southend-on-Sea", "2020"), "21.0")
    assert _cell(view, "Southend-on-Sea", "2020").data() == "21.0"
    assert shown(view, view.model.RAG)[view.proxy.mapFromSource(
        view.model.index(view.model.rows.index(view.current), 0)).row()] == "Green"
    window.undo()
    assert _cell(view, "Southend-on-Sea", "2020").data() == "30.2"
    assert view.current.judgement.label == "Red"


def test_a_suppression_mark_is_shown_as_the_mark(window):
    view = _view(window)
    _select(view, "Re-referrals")
    view.grid.setData(_cell(view, "Medway", "2020"), "c")
    cell = _cell(view, "Medway", "2020")
    assert cell.data() == "c" and cell.data(Qt.ItemDataRole.ToolTipRole) == "Suppressed to protect confidentiality"


def test_a_bad_figure_is_refused_with_its_reason_and_nothing_changes(window, message_boxes):
    view = _view(window)
    _select(view, "Re-referrals")
    before = window.context.bf.scalar("SELECT count(*) FROM audit_action")
    view.grid.setData(_cell(view, "Southend-on-Sea", "2019"), "24.4.1")
    assert message_boxes and message_boxes[0].startswith("'24.4.1' is not a figure")
    assert _cell(view, "Southend-on-Sea", "2019").data() == "24.4"
    assert window.context.bf.scalar("SELECT count(*) FROM audit_action") == before


def test_the_rank_is_typed_beside_the_figure(window):
    view = _view(window)
    _select(view, "Re-referrals")
    line = next(n for n, (area, is_rank) in enumerate(view.grid.lines) if is_rank)
    column = [p.label for p in view.grid_data.periods].index("2019")
    view.grid.setData(view.grid.index(line, column), "120 of 151")
    assert view.grid.index(line, column).data() == "120 of 151"


def test_changing_the_rule_changes_the_rating_and_undo_brings_it_back(window, monkeypatch, fill_form):
    view = _view(window)
    _select(view, "Re-referrals")
    fill_form(monkeypatch, tolerance="10")
    view.edit_indicator()
    assert view.current.indicator.rule.tolerance == 10 and view.current.judgement.label == "Amber"
    window.undo()
    assert view.current.judgement.label == "Red"


def test_add_a_period_then_type_its_figure(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    view = _view(window)
    _select(view, "Re-referrals")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("2021", True))
    view.add_period()
    assert [p.label for p in view.grid_data.periods][-1] == "2021"
    view.grid.setData(_cell(view, "Southend-on-Sea", "2021"), "25.0 (p)")
    assert view.current.latest.period.label == "2021" and view.current.latest.figure.provisional


def test_an_empty_board_starts_from_the_standard_indicators(qtbot, settings, tmp_path):
    from sgdesk.boards import add_board
    from sgdesk.gui.shell.main_window import MainWindow
    from sgdesk.indicators.catalogue import CATALOGUE
    from sgdesk.store import create_board_file

    path = tmp_path / "new.sgdesk"
    with create_board_file(path) as bf:
        with bf.edit("Board") as ed:
            add_board(ed, "Test Safeguarding Children Partnership")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    view = _view(window)
    assert view.stack.currentWidget() is view.empty
    qtbot.mouseClick(view.empty.findChild(type(view.add_button)), Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.stack.body and view.model.rowCount() == len(CATALOGUE)


def test_the_regional_comparison_shows_totals_averages_and_this_partnership(window):
    view = _view(window)
    view.show_target({"tab": "regional"})
    tables = view.regional.tables
    assert len(tables) == 3          # children's, adults', combined
    first = tables[0].model()
    names = [first.index(row, 0).data() for row in range(first.rowCount())]
    assert "Southend (this partnership)" in names and names[-1] == "Average of the other 4"


def test_an_area_marked_as_a_neighbour_is_kept_and_undone(window, monkeypatch, fill_form):
    view = _view(window)
    view.show_target({"tab": "areas"})
    panel = view.areas
    row = next(n for n in range(panel.model.rowCount()) if panel.model.row_at(n)["name"] == "East of England")
    panel.table.selectRow(row)
    fill_form(monkeypatch, aliases="EAST OF ENGLAND, Eastern region")
    panel.edit_selected()
    assert panel.model.row_at(row)["aliases"] == "EAST OF ENGLAND, Eastern region"
    window.undo()
    assert panel.model.row_at(row)["aliases"] == ""


def test_deleting_an_area_or_an_indicator_asks_first(window, asks_before_removing):
    view = _view(window)
    view.show_target({"tab": "areas"})
    panel = view.areas
    panel.table.selectRow(0)
    name = panel.model.row_at(0)["name"]
    question = asks_before_removing(panel.delete_button, "Delete area", "Keep area", panel.model.rowCount)
    assert question == f"Delete {name} and its figures? Edit > Undo brings them back."
    view.tabs.setCurrentIndex(0)
    view.table.selectRow(0)
    name = view.current.indicator.name
    question = asks_before_removing(view.delete_button, "Delete indicator", "Keep indicator", view.proxy.rowCount)
    assert question == f"Delete {name} and all its figures? Edit > Undo brings them back."
