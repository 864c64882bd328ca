"""Finance view: ledger editing with undo, the contributions calculator, budget against actual."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from sgdesk.finance.contributions import year_settings
from sgdesk.finance.ledger import list_entries
from sgdesk.fyear import FinancialYear
from sgdesk.gui.finance.view import FinanceView
from sgdesk.money import pounds

Y2016, Y2018, Y2019 = FinancialYear(2016), FinancialYear(2018), FinancialYear(2019)


def _finance(window, year: FinancialYear, tab: str = "ledger") -> FinanceView:
    view = window.show_view("finance")
    view.show_target({"year": year.start_year, "tab": tab})
    return view


def _new_entry(qtbot, window, year: FinancialYear):
    """The ledger of ``year`` with its Add entry dialog open."""
    panel = _finance(window, year).ledger
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    return panel.dialog


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)


def test_add_an_entry_then_undo_and_redo(qtbot, window):
    panel = _finance(window, Y2018).ledger
    assert panel.model.rowCount() == 30
    assert panel.totals.text() == "30 entries: spent £137,755.83, received £140,084.42; surplus £2,328.59"
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.isVisible()
    dialog.category.setCurrentText("Office expenses")
    qtbot.keyClicks(dialog.description, "Office Expenses: Toner")
    dialog.amount.insert("£")                  # QTest types ASCII only; the rest is pasted
    qtbot.keyClicks(dialog.amount, "1,234.50")
    qtbot.keyClicks(dialog.entry_date, "12/06/2018")
    dialog.party.insert("Siân Pryce Office Supplies")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert panel.model.rowCount() == 31
    assert panel.totals.text() == "31 entries: spent £138,990.33, received £140,084.42; surplus £1,094.09"
    window.undo()
    assert panel.model.rowCount() == 30
    assert "surplus £2,328.59" in panel.totals.text()
    window.redo()
    assert panel.model.rowCount() == 31


def test_a_bad_amount_is_shown_in_the_dialog_and_nothing_is_saved(qtbot, window):
    panel = _finance(window, Y2018).ledger
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.keyClicks(dialog.description, "Postage")
    qtbot.keyClicks(dialog.amount, "12.3.4")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "'12.3.4' is not an amount of money: write it as 1234.56"
    dialog.amount.setText("12.34")
    qtbot.keyClicks(dialog.entry_date, "01/04/2019")
    _save(qtbot, dialog)
    assert "is outside the financial year 2018/19" in dialog.error.text()
    assert len(list_entries(window.context.bf, 1, Y2018)) == 30


def test_edit_and_delete_with_undo(qtbot, window, message_boxes):
    panel = _finance(window, Y2018).ledger
    panel.table.selectRow(0)   # Salaries 87,819.53
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.amount.text() == "87,819.53"
    dialog.amount.setText("87,000.00")
    _save(qtbot, dialog)
    assert "spent £136,936.30" in panel.totals.text()
    assert panel.model.row_at(0)["balance"] == -pounds(87_000)
    window.undo()
    assert "spent £137,755.83" in panel.totals.text()

    panel.table.selectRow(1)   # Salary Recharge -11,745.03
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert message_boxes == ["Delete the ledger entry Salary Recharge?\n\nCredit £11,745.03 (reduces spending)"]
    assert panel.model.rowCount() == 30, "nothing is deleted before the user says so"
    message_boxes.press.append("Delete entry")
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert set(message_boxes.buttons[-1]) == {"Delete entry", "Keep entry"}
    assert panel.model.rowCount() == 29
    assert "spent £149,500.86" in panel.totals.text()
    window.undo()
    assert panel.model.rowCount() == 30
    assert panel.model.row_at(1)["description"] == "Salary Recharge"


def test_fund_and_category_filters(qtbot, window):
    panel = _finance(window, Y2018).ledger
    panel.category.setCurrentIndex(panel.category.findText("Office expenses (expenditure)"))
    assert panel.model.rowCount() == 6
    assert panel.totals.text() == ("6 entries (filtered): spent £5,007.00, received £0.00; deficit £5,007.00")
    panel.fund.setCurrentIndex(panel.fund.findText("Child death review (ring-fenced)"))
    assert panel.model.rowCount() == 0


def test_contributions_recompute_live_as_the_total_is_typed(qtbot, window):
    panel = _finance(window, Y2016, "contributions").contributions
    model = panel.model
    assert [model.data(model.index(r, 5)) for r in range(6)] == [
        "£43,065.00", "£14,355.00", "£22,620.00", "£6,264.00", "£609.00", "£87.00"]
    panel.total.selectAll()
    qtbot.keyClicks(panel.total, "90,000")
    assert model.data(model.index(0, 5)) == "£44,550.00"            # recomputed before saving
    assert year_settings(window.context.bf, 1, Y2016)[0] == pounds(87_000)
    qtbot.keyClick(panel.total, Qt.Key.Key_Return)
    assert year_settings(window.context.bf, 1, Y2016)[0] == pounds(90_000)
    assert sum(panel.model.allocation.amounts) == pounds(90_000)
    window.undo()
    assert year_settings(window.context.bf, 1, Y2016)[0] == pounds(87_000)
    assert model.data(model.index(0, 5)) == "£43,065.00"


def test_editing_a_share_warns_when_shares_do_not_add_up(qtbot, window):
    panel = _finance(window, Y2016, "contributions").contributions
    model = panel.model
    assert not panel.warnings.isVisible()
    assert model.setData(model.index(0, 2), "50%")
    assert model.data(model.index(0, 2)) == "50%"
    assert sum(model.allocation.amounts) == pounds(87_000)
    assert panel.warnings.isVisible()
    assert "add up to 100.5%, not 100%" in panel.warnings.text()
    model.setData(model.index(1, 6), "Invoiced")
    assert model.data(model.index(1, 6)) == "Invoiced"
    window.undo()
    window.undo()
    assert model.data(model.index(0, 2)) == "49.5%" and not panel.warnings.isVisible()


def test_add_a_partner_and_copy_last_years_partners(qtbot, window):
    panel = _finance(window, Y2019, "contributions").contributions
    assert panel.copy_button.isEnabled() and panel.copy_button.text() == "Co&py partners from 2018/19"
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 6
    assert {line.status for line in panel.model.allocation.lines} == {"projected"}
    panel.partner.setCurrentText("Essex County Fire and Rescue Service")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 7
    assert panel.model.line(6).organisation_id is not None


def test_budget_against_actual_and_carry_forward(qtbot, window, painted):
    from sgdesk.gui.finance.budget import ACTUAL_COLOUR

    view = _finance(window, Y2018, "budget")
    budget = view.budget
    assert budget.chart.rows[0] == ("Expenditure", None, None, False)
    assert ("Salaries", 0, 7_607_450, False) in budget.chart.rows
    assert painted(budget.chart, ACTUAL_COLOUR.name()) > 1000      # the actuals' bars, not just the legend
    assert budget.carry_button.text() == "Carry surplus £2,328.59 into 2019/20"
    qtbot.mouseClick(budget.carry_button, Qt.MouseButton.LeftButton)
    carried = [e for e in list_entries(window.context.bf, 1, Y2019) if e.carried_from == 2018]
    assert [(e.category, e.amount) for e in carried] == [("Carried forward", 232_859)]
    assert "carried forward into 2019/20 income" in budget.carry_note.text()
    assert not budget.carry_button.isEnabled()
    view.show_year(Y2016)
    table = budget.comparison.table
    assert table.rows[-1]["budget"] == pounds(173_000) - pounds(115_850)
    assert budget.lines.rowCount() == 17


def test_overview_item_opens_the_budget_tab(qtbot, window):
    overview = window.show_view("overview")
    item = next(overview.list.item(i) for i in range(overview.list.count())
                if "not carried forward" in overview.list.item(i).text())
    overview._open_item(item)
    view = window.views["finance"]
    assert window.view_stack.currentWidget() is view
    assert view.tabs.currentWidget() is view.budget
    assert view.selected_year() == Y2018


def test_empty_board_says_what_to_do(qtbot, settings, empty_board):
    from sgdesk.gui.shell.main_window import MainWindow

    path = Path(empty_board.path)
    empty_board.close()
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    view = win.show_view("finance")
    assert view.stack.currentWidget() is view.empty
    qtbot.mouseClick(view.empty.findChild(type(view.ledger.add_button)), Qt.MouseButton.LeftButton)
    dialog = view.ledger.dialog
    assert dialog.isVisible()
    assert dialog.category.count() > 5   # the standard categories, before the board has any
    qtbot.keyClicks(dialog.description, "Independent Chair fee")
    qtbot.keyClicks(dialog.amount, "1,500")
    _save(qtbot, dialog)
    assert view.stack.currentWidget() is not view.empty
    assert view.ledger.model.rowCount() == 1


def test_deleting_a_budget_line_asks_first(qtbot, window, asks_before_removing):
    budget = _finance(window, Y2016, "budget").budget
    budget.lines_table.selectRow(0)
    line = budget.lines.row_at(0)
    question = asks_before_removing(budget.delete_button, "Delete budget line", "Keep budget line",
                                    budget.lines.rowCount)
    assert question.startswith(f"Delete the 2016/17 budget line {line['category']} (")
    assert window.undo_action.text() == f"&Undo Delete the 2016/17 budget line {line['category']}"


def test_removing_a_partner_from_the_contributions_asks_first(qtbot, window, asks_before_removing):
    panel = _finance(window, Y2018, "contributions").contributions
    panel.table.selectRow(0)
    name = panel.model.line(0).label
    question = asks_before_removing(panel.delete_button, "Remove partner", "Keep partner", panel.model.rowCount)
    assert question.startswith(f"Remove {name} from the 2018/19 contributions (£")
    assert window.undo_action.text() == f"&Undo Remove {name} from the 2018/19 contributions"


def test_the_ledger_form_shows_the_sign_an_amount_will_have_and_asks_about_brackets(qtbot, window, message_boxes):
    dialog = _new_entry(qtbot, window, Y2018)
    qtbot.keyClicks(dialog.description, "Refund of room hire")
    qtbot.keyClicks(dialog.amount, "250.00")
    assert dialog.effect.text() == "Spent £250.00"
    dialog.amount.setText("(250.00)")
    assert dialog.effect.text() == "Credit £250.00 (reduces spending)"
    dialog.section.setCurrentIndex(dialog.section.findData("income"))
    assert dialog.effect.text() == "Income paid back £250.00 (reduces income)"
    dialog.section.setCurrentIndex(dialog.section.findData("expenditure"))
    dialog.amount.setText("250.0.0")
    assert dialog.effect.text() == "Not an amount yet: write it as 1234.56", "no sign shown from a wrong number"
    dialog.amount.setText("(250.00)")

    message_boxes.press.append("Change the amount")
    _save(qtbot, dialog)
    assert message_boxes == ["Brackets make (250.00) a negative amount: credit £250.00 (reduces spending). Save it "
                             "as a credit?"]
    assert dialog.isVisible() and len(list_entries(window.context.bf, 1, Y2018)) == 30
    message_boxes.press.append("Save as a credit")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    saved = next(e for e in list_entries(window.context.bf, 1, Y2018) if e.description == "Refund of room hire")
    assert (saved.section, saved.amount) == ("expenditure", -25000)


def test_a_minus_sign_needs_no_question(qtbot, window, message_boxes):
    dialog = _new_entry(qtbot, window, Y2018)
    qtbot.keyClicks(dialog.description, "Salary recharge")
    qtbot.keyClicks(dialog.amount, "-1,000")
    assert dialog.effect.text() == "Credit £1,000.00 (reduces spending)"
    _save(qtbot, dialog)
    assert message_boxes == [] and not dialog.isVisible()


def test_a_total_typed_as_70k_is_read_as_70000(qtbot, window):
    panel = _finance(window, Y2016, "contributions").contributions
    panel.total.selectAll()
    qtbot.keyClicks(panel.total, "£70k")
    assert panel.summary.text().startswith("6 partners: shares add up to")
    assert "cash contributions £70,000.00 of £70,000.00." in panel.summary.text()
    assert sum(panel.model.allocation.amounts) == pounds(70_000)
    qtbot.keyClick(panel.total, Qt.Key.Key_Return)
    assert year_settings(window.context.bf, 1, Y2016)[0] == pounds(70_000)


def test_a_total_that_cannot_be_read_shows_no_preview_made_from_it(qtbot, window, message_boxes):
    panel = _finance(window, Y2016, "contributions").contributions
    model = panel.model
    panel.total.selectAll()
    qtbot.keyClicks(panel.total, "£70kk")        # "£70" on the way there previewed £70.00
    assert "of £70.00" not in panel.summary.text()
    assert "of £87,000.00" in panel.summary.text()
    assert model.data(model.index(0, 5)) == "£43,065.00", "the amounts are the saved total's"
    assert panel.warnings.isVisible()
    assert panel.warnings.text() == ("The total typed, '£70kk' is not an amount of money: write it as 1234.56, or "
                                     "as 70k. The amounts shown are for the saved total, £87,000.00.")
    qtbot.keyClick(panel.total, Qt.Key.Key_Return)
    assert message_boxes == ["'£70kk' is not an amount of money: write it as 1234.56, or as 70k"]
    assert year_settings(window.context.bf, 1, Y2016)[0] == pounds(87_000)


def test_an_overspend_is_said_in_words_beside_the_red_bar_and_in_the_table(qtbot, window):
    dialog = _new_entry(qtbot, window, Y2016)
    view = window.views["finance"]
    dialog.category.setCurrentText("ICT")
    qtbot.keyClicks(dialog.description, "Laptop")
    qtbot.keyClicks(dialog.amount, "500")
    _save(qtbot, dialog)
    view.tabs.setCurrentWidget(view.budget)
    chart = view.budget.chart
    ict = next(i for i, row in enumerate(chart.rows) if row[0] == "ICT")
    assert chart.rows[ict][3], "drawn red: worse than budget"
    assert chart.labels[ict] == "£500  £150 over"
    salaries = next(i for i, row in enumerate(chart.rows) if row[0] == "Salaries")
    assert chart.labels[salaries] == "£0  £85.5k under" and not chart.rows[salaries][3]
    table = view.budget.comparison.table
    assert [c.label for c in table.columns][-1] == "Against budget"
    row = next(r for r in table.rows if r["category"] == "ICT")
    assert (row["variance"], row["against"]) == (pounds(150), "£150.00 over budget")
    income = next(r for r in table.rows if r["category"] == "Partner contributions")
    assert income["against"] == "£87,000.00 under budget"
    assert not chart.grab().isNull()
