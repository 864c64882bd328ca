"""The Reports view, driven as a user would: outputs, formats, pack options, preview, export, branding."""

from __future__ import annotations

import base64
import datetime as dt

import docx
import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sgdesk.gui.reports.view import ReportsView

YEAR = "2018/19"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwPCfAQAL+wP9"
                       "2x0mHwAAAABJRU5ErkJggg==")


@pytest.fixture
def view(window) -> ReportsView:
    view = window.show_view("reports")
    view.year.setCurrentIndex(view.year.findText(YEAR))
    return view


def formats(view: ReportsView) -> list[str]:
    return [view.format.itemText(i) for i in range(view.format.count())]


def wait_for(qtbot, results: list) -> object:
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    return results[0]


def test_outputs_are_grouped_with_the_pack_first(view):
    texts = [view.outputs.item(row).text() for row in range(view.outputs.count())]
    assert texts[:2] == ["Annual report", "Annual-report appendix pack (cover, contents, appendices)"]
    assert "Documents and appendices" in texts and "Reports (tables)" in texts
    assert "Ledger: ledger entries with a running balance and totals by category" in texts
    assert view.selected() == ("export", "pack")
    heading = view.outputs.item(0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable


def test_each_output_offers_its_formats_and_only_the_pack_its_options(view):
    assert formats(view) == [".pdf", ".docx"]
    assert view.pack_options.isVisibleTo(view)
    assert not view.show_button.isEnabled() and view.preview_button.isEnabled()
    view.select_output("report", "ledger")
    assert formats(view) == [".pdf", ".docx", ".xlsx", ".csv"]
    assert not view.pack_options.isVisibleTo(view)
    assert view.show_button.isEnabled()
    view.select_format("csv")
    assert not view.draft.isEnabled()  # a CSV has no pages to mark
    view.select_format("pdf")
    assert view.draft.isEnabled()
    view.select_output("export", "assessment-form")
    assert formats(view) == [".xlsx"] and not view.preview_button.isEnabled()


def test_preview_shows_every_page_of_the_pack(view, qtbot):
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.pages_stack.currentIndex() == 1, timeout=30000)
    assert view.tabs.currentIndex() == 1
    total = view.page_preview.pages.total
    assert total > 10 and view.pages_label.text() == f"{total} pages"
    labels = view.page_preview.page_labels
    assert len(labels) == total and labels[0].accessibleName() == f"Page 1 of {total}"
    fitted = labels[0].pixmap().width()
    view.zoom.setCurrentIndex(view.zoom.findData(50))
    half = view.page_preview.page_labels[0].pixmap().width()
    assert abs(half - 595.28 * 96 / 72 * 0.5) <= 1 and half != fitted


def test_the_pack_follows_the_chosen_appendices_order_and_numbering(view, qtbot, tmp_path):
    options = view.pack_options
    keys = [options.appendices.item(row).data(Qt.ItemDataRole.UserRole) for row in range(options.appendices.count())]
    assert keys == ["membership", "finance", "assessment", "training", "plan-progress", "risk-summary", "data-matrix"]
    assert [options.appendices.item(row).checkState() == Qt.CheckState.Checked for row in range(len(keys))] == \
        [True, True, True, True, True, False, True]       # the risk summary is offered, not chosen
    options.appendices.item(2).setCheckState(Qt.CheckState.Unchecked)
    options.appendices.setCurrentRow(1)
    qtbot.mouseClick(options.up, Qt.MouseButton.LeftButton)
    options.numbering.clear()
    qtbot.keyClicks(options.numbering, "A")
    options.marking.setCurrentText("OFFICIAL-SENSITIVE")
    view.draft.setChecked(True)
    done: list = []
    view.export_to(tmp_path / "pack.pdf", on_done=done.append)
    result = wait_for(qtbot, done)
    reader = pypdf.PdfReader(result.path)
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [
        "Appendix A: Southend LSCB finance 2018/19", "Appendix B: Board membership and attendance",
        "Appendix C: Multi-agency training 2018/19", "Appendix D: Business plan progress 2018/19",
        "Appendix E: Local Authority Data Matrix"]
    assert all("DRAFT" in page.extract_text() and "OFFICIAL-SENSITIVE" in page.extract_text()
               for page in reader.pages)


def test_an_appendix_can_cover_a_period_of_its_own(view, qtbot, tmp_path):
    options = view.pack_options
    options.appendices.setCurrentRow(0)  # Board membership and attendance
    pack_year = (dt.date(2018, 4, 1), dt.date(2019, 3, 31))
    assert (options.own_start.date().toPython(), options.own_end.date().toPython()) == pack_year  # greyed: the pack's
    options.own_period.setChecked(True)
    assert (options.own_start.date().toPython(), options.own_end.date().toPython()) == (
        dt.date(2018, 4, 1), dt.date(2019, 3, 31))  # it starts as the pack's
    options.own_start.setDate(dt.date(2017, 9, 1))
    options.appendices.setCurrentRow(1)
    assert not options.own_period.isChecked()  # the finance appendix keeps the pack's year
    assert (options.own_start.date().toPython(), options.own_end.date().toPython()) == pack_year
    done: list = []
    view.export_to(tmp_path / "pack.pdf", on_done=done.append)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(wait_for(qtbot, done).path).pages)
    assert "Membership and attendance, September 2017 – March 2019" in text
    assert "Appendix 2: Southend LSCB finance 2018/19" in text
    options.appendices.setCurrentRow(0)
    assert options.own_period.isChecked() and options.own_start.date().toPython() == dt.date(2017, 9, 1)


def test_every_export_tells_its_progress_through_the_same_call(view, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    told: list[str] = []
    shown = QProgressDialog.setLabelText
    monkeypatch.setattr(QProgressDialog, "setLabelText", lambda dialog, text: (told.append(text), shown(dialog, text)))
    done: list = []
    view.export_to(tmp_path / "pack.pdf", on_done=done.append)
    wait_for(qtbot, done)
    assert told[0] == "Preparing Appendix 1: Board membership and attendance…"    # (later steps may be
    assert told[-1] == "Done"                                                        # too quick to show)
    told.clear()
    done.clear()
    view.select_output("report", "ledger")
    view.select_format("xlsx")
    view.export_to(tmp_path / "ledger.xlsx", on_done=done.append)
    wait_for(qtbot, done)
    assert told[0] == "Reading the records…"


def test_export_says_where_and_offers_to_open_the_folder(view, qtbot, tmp_path, message_boxes):
    view.pack_options.appendices.item(0).setCheckState(Qt.CheckState.Unchecked)
    view.export_to(tmp_path / "pack.docx")
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30000)
    assert message_boxes == [f"Saved pack.docx in {tmp_path}"]
    assert view.last_result.path == tmp_path / "pack.docx"
    headings = [p.text for p in docx.Document(tmp_path / "pack.docx").paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Appendix 1: Southend LSCB finance 2018/19"


def test_a_pack_without_a_year_explains_itself(view, qtbot, tmp_path, message_boxes):
    view.year.setCurrentIndex(0)  # Whole record
    view.export_to(tmp_path / "pack.pdf")
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30000)
    assert message_boxes == ["The annual-report pack needs a period: choose a financial year, e.g. --year 2018/19"]


def test_a_report_shows_on_screen_and_exports_as_excel(view, qtbot, tmp_path):
    view.select_output("report", "ledger")
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30000)
    assert view.table_stack.currentIndex() == 1
    assert view.table_picker.itemText(0) == "Ledger 2018/19"
    shown = view.model.rowCount()
    done: list = []
    view.export_to(tmp_path / "ledger.xlsx", on_done=done.append)
    book = openpyxl.load_workbook(wait_for(qtbot, done).path)
    assert book.sheetnames[0] == "Ledger 2018-19"
    sheet = book.worksheets[0]
    assert sheet.cell(shown + 1, 1).value == "2018/19" and sheet.cell(shown + 2, 1).value is None


def test_a_report_previews_as_pages(view, qtbot):
    view.select_output("report", "contributions")
    pages: list = []
    view.preview(on_done=pages.append)
    rendered = wait_for(qtbot, pages)
    assert rendered.total == len(rendered.images) == 1
    assert rendered.images[0].width() > 800


def test_before_anything_is_shown_the_view_says_what_to_do(view):
    assert view.table_stack.currentIndex() == 0 and view.pages_stack.currentIndex() == 0
    empty = view.table_stack.widget(0)
    assert "click Show on screen" in " ".join(label.text() for label in empty.findChildren(type(view.notes)))


def test_branding_is_edited_saved_and_undone(view, qtbot, tmp_path, window):
    from sgdesk.branding import load_branding

    qtbot.mouseClick(view.branding_button, Qt.MouseButton.LeftButton)
    dialog = view.branding_dialog
    assert dialog.full_name.text() == "Southend-on-Sea Local Safeguarding Children Board"
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    dialog.load_logo(logo)
    dialog.footer.clear()
    qtbot.keyClicks(dialog.footer, "Working together to keep children safe")
    dialog.marking.setCurrentText("OFFICIAL")
    dialog.set_accent("#7A1F5C")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    branding = load_branding(window.context.bf, window.context.board_id)
    assert (branding.footer_text, branding.marking, branding.accent, branding.logo) == (
        "Working together to keep children safe", "OFFICIAL", "#7A1F5C", PNG)
    assert window.undo_action.text() == "&Undo Change the board's branding"

    done: list = []
    view.export_to(tmp_path / "pack.pdf", on_done=done.append)
    reader = pypdf.PdfReader(wait_for(qtbot, done).path)
    assert all("Working together to keep children safe" in page.extract_text() for page in reader.pages[1:])
    assert "Working together" not in reader.pages[0].extract_text()  # the cover has no running footer
    assert len(reader.pages[0].images) == 1  # the logo on the cover

    window.undo_action.trigger()
    assert load_branding(window.context.bf, window.context.board_id).logo is None


def test_branding_that_cannot_be_used_is_explained(view, qtbot, tmp_path, message_boxes):
    qtbot.mouseClick(view.branding_button, Qt.MouseButton.LeftButton)
    dialog = view.branding_dialog
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("minutes")
    dialog.load_logo(not_an_image)
    dialog.full_name.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert message_boxes == [
        "The logo is not a PNG or JPEG image: save the logo as PNG or JPEG and choose that",
        "The board's full name is empty: type the name printed on the board's documents"]
    assert dialog.isVisible()


def test_the_board_chooses_brackets_for_negative_amounts_and_every_output_follows(view, qtbot, tmp_path, window):
    from sgdesk.branding import load_branding

    qtbot.mouseClick(view.branding_button, Qt.MouseButton.LeftButton)
    dialog = view.branding_dialog
    assert dialog.negative.currentData() == "minus"
    dialog.negative.setCurrentIndex(dialog.negative.findData("brackets"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert load_branding(window.context.bf, window.context.board_id).negative == "brackets"
    view.select_output("export", "appendix2")
    done: list = []
    view.export_to(tmp_path / "appendix2.pdf", on_done=done.append)
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(wait_for(qtbot, done).path).pages)
    assert "Total Income (140,084.42)" in text and "Outcome (2,328.59)" in text and "−" not in text


def test_the_preview_has_the_room_at_1280_by_720(window):
    """What the user met: the page preview was a strip about 230 px tall under the pack's settings."""
    from PySide6.QtWidgets import QApplication

    window.showNormal()
    window.resize(1280, 720)
    view = window.show_view("reports")
    view.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    QApplication.processEvents()
    assert view.tabs.currentWidget().height() >= 300        # the Pages tab, whose preview fills it


def test_an_accent_too_light_to_read_is_explained_with_a_darker_one_to_use(view, qtbot, window, message_boxes):
    from sgdesk.branding import load_branding

    qtbot.mouseClick(view.branding_button, Qt.MouseButton.LeftButton)
    dialog = view.branding_dialog
    assert dialog.contrast.text() == "Contrast with white 8.6:1: readable in headings and table headers."
    assert not dialog.use_nearby.isVisibleTo(dialog)
    dialog.set_accent("#7FB3D5")
    assert dialog.contrast.text() == (
        "The accent colour #7FB3D5 has a contrast of 2.2:1 with white, and headings and table headers need at "
        "least 4.5:1 to be readable: choose a darker colour, such as #377BA8 (4.6:1).")
    assert dialog.use_nearby.isVisibleTo(dialog) and dialog.use_nearby.text() == "&Use #377BA8"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert message_boxes == [dialog.contrast.text()[:-1]]  # Save refuses it, saying the same
    assert dialog.isVisible() and load_branding(window.context.bf, window.context.board_id).accent is None
    dialog.use_nearby.click()
    assert dialog.accent == "#377BA8" and not dialog.use_nearby.isVisibleTo(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert load_branding(window.context.bf, window.context.board_id).accent == "#377BA8"
