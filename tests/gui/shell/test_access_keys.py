"""Access keys (Alt+letter) are unique in every window as it is shown (every view, every tab, every
dialog), and no label shows a stray "&"."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from sgdesk.gui.widgets.mnemonics import access_key, access_key_problems


def problems_in(window: QWidget, where: str) -> list[str]:
    """What is wrong in ``window`` as it is shown now (``where`` says which view and tab that is)."""
    return [f"{where}: {problem.removeprefix(window.windowTitle() + ': ')}" for problem in access_key_problems(window)]


def test_the_checker_finds_a_clash_and_a_stray_ampersand(qtbot):
    from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

    assert access_key("Save and &next") == "n" and access_key("A && B") is None
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Test")
    form = QFormLayout(dialog)
    form.addRow("&Score:", QLineEdit())
    form.addRow(QPushButton("&Save and next"))
    row = QHBoxLayout()
    row.addWidget(QLineEdit())
    form.addRow("&File:", row)
    form.addRow(QLabel("Terms && conditions"))
    dialog.show()
    assert access_key_problems(dialog) == [
        "the label “&File:” shows its & (it has no field to go to)",
        "Test: Alt+S is label “&Score:”, button “&Save and next”"]


def test_every_view_and_tab_of_the_main_window(each_view):
    found: list[str] = []
    each_view(lambda window, where: found.extend(problems_in(window, where)))
    assert not found, "\n".join(found)


def test_every_dialog(each_dialog):
    """The dialogs of every view, each shown as the user sees it."""
    found: list[str] = []
    each_dialog(lambda dialog, where: found.extend(problems_in(dialog, where)))
    assert not found, "\n".join(found)


def test_alt_s_on_the_answers_tab_presses_save_and_next(window, qtbot):
    """What the user met: Alt+S only moved the focus to "Save and next", because another control used S."""
    from PySide6.QtCore import Qt

    from sgdesk.assessment.demo import OPEN_TITLE

    view = window.show_view("assessment")
    view.round_combo.setCurrentIndex(next(i for i, r in enumerate(view.rounds) if r.title == OPEN_TITLE))
    entry = view.entry
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = entry.current_row().code
    entry.score.setCurrentIndex(entry.score.findText("3 good"))
    entry.comment.setFocus()
    qtbot.keyClick(entry.comment, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # a button pressed by its access key clicks a moment later (Qt animates the press)
    qtbot.waitUntil(lambda: entry.current_row().code != first, timeout=2000)
    respondent = entry.current_respondent()
    assert window.context.bf.scalar(
        "SELECT r.score_halves FROM assessment_response r JOIN assessment_statement s ON s.id = r.statement_id "
        "WHERE r.respondent_id = ? AND s.code = ?", (respondent.id, first)) == 6


def test_the_welcome_screen(qtbot, settings):
    from sgdesk.gui.shell.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    QApplication.processEvents()
    assert not problems_in(win, "Welcome")
