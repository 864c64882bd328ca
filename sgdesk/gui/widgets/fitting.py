"""Checking that a window shows its text whole: what a laptop screen of 1280×720 must not cut.

:func:`fit_problems` looks at a window as it is shown now and lists what the user cannot read: a
label, button, check box, choice, placeholder, tab or group title narrower than its text (or, when
it wraps, shorter than its lines); a column heading narrower than its text; a table or list cell
whose text is cut; a widget that lies outside the window or its parent (a layout squeezed below
its minimum). Text cut short is allowed where a tooltip shows it whole (a table's cells, a path).
Scrolled content (a table's rows, a scroll area's page) is checked where it is, not for lying
outside its viewport.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from sgdesk.gui.widgets.frozen import FROZEN

#: pixels a text may overrun its room by before it counts as cut (rounding in the styles' arithmetic)
SLACK = 1
_SHOW_MNEMONIC = int(Qt.TextFlag.TextShowMnemonic)


def fit_problems(window: QWidget) -> list[str]:
    """What ``window`` (a main window or dialog, shown) cuts or puts out of sight now, one line each."""
    problems: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if not _scrolled(widget, window):
            problems += _placement(widget, window)
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        for check in _CHECKS:
            if isinstance(widget, check[0]):
                problems += check[1](widget)
                break
    return problems


def describe(widget: QWidget) -> str:
    """A widget as the user would point at it: its kind and its text or name."""
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    text = " ".join(_plain(text).split()) or widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__} “{text[:60]}”" if text else type(widget).__name__


def _plain(text: str) -> str:
    """``text`` as shown: without the access key's ``&`` (``&&`` shows one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _whole_in_tip(widget: QWidget, text: str) -> bool:
    return bool(text) and " ".join(_plain(text).split()) in " ".join(widget.toolTip().split())


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` is content a scroll area moves (inside a viewport), so may lie out of view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            return True
        parent = owner
    return False


def _placement(widget: QWidget, window: QWidget) -> list[str]:
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(where):
        return [f"{describe(widget)} lies outside the window ({_box(where)}; the window is "
                f"{window.width()}×{window.height()})"]
    parent = widget.parentWidget()
    if parent is not None and parent is not window and not parent.rect().contains(widget.geometry()):
        return [f"{describe(widget)} is cut off by {describe(parent)} ({_box(widget.geometry())} in "
                f"{parent.width()}×{parent.height()})"]
    return []


def _box(rect: QRect) -> str:
    return f"{rect.width()}×{rect.height()} at {rect.x()},{rect.y()}"


def _cut(widget: QWidget, what: str, needs: int, has: int, measure: str = "wide") -> list[str]:
    if needs <= has + SLACK:
        return []
    return [f"{what} is cut: its text needs {needs} px, it is {has} px {measure}"]


# -- the checks, one kind of widget each -------------------------------------------------------------------------
def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull() or _whole_in_tip(label, text):
        return []
    if label.wordWrap():
        return _cut(label, describe(label), label.heightForWidth(label.width()), label.height(), "tall")
    return _cut(label, describe(label), label.sizeHint().width(), label.width())


def _push_button(button: QPushButton) -> list[str]:
    text = button.text()
    if not text or _whole_in_tip(button, text):
        return []
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    needs = button.fontMetrics().size(_SHOW_MNEMONIC, text).width()
    if not button.icon().isNull():
        needs += button.iconSize().width() + 4
    if button.menu() is not None:
        needs += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    return _cut(button, describe(button), needs, room.width())


def _check_button(button: QAbstractButton) -> list[str]:
    if not button.text() or _whole_in_tip(button, button.text()):
        return []
    return _cut(button, describe(button), button.sizeHint().width(), button.width())


def _combo(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not text or _whole_in_tip(combo, text):
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    return _cut(combo, f"the choice “{text[:60]}” of {describe(combo)}",
                combo.fontMetrics().horizontalAdvance(text), room.width())


def _line_edit(edit: QLineEdit) -> list[str]:
    if isinstance(edit.parentWidget(), (QComboBox, QAbstractItemView)) or edit.parentWidget() is not None and \
            isinstance(edit.parentWidget().parentWidget(), QAbstractItemView):
        return []                 # a combo box's own field, or a cell being edited
    text = edit.text() if edit.isReadOnly() else "" if edit.text() else edit.placeholderText()
    if not text or _whole_in_tip(edit, text):
        return []
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    has = room.width() - margins.left() - margins.right() - 4     # QLineEdit's own 2 px each side
    what = f"{describe(edit)}'s {'text' if edit.isReadOnly() else 'hint'} “{text[:60]}”"
    return _cut(edit, what, edit.fontMetrics().horizontalAdvance(text), has)


def _group_box(box: QGroupBox) -> list[str]:
    title = box.title()
    if not title:
        return []
    needs = box.fontMetrics().size(_SHOW_MNEMONIC, title).width() + (20 if box.isCheckable() else 0)
    return _cut(box, describe(box), needs, box.width())


def _tab_bar(bar: QTabBar) -> list[str]:
    problems = []
    for tab in range(bar.count()):
        if not bar.isTabVisible(tab):
            continue
        rect, wanted = bar.tabRect(tab), bar.tabSizeHint(tab)
        if rect.width() + SLACK < wanted.width() or not bar.rect().contains(rect):
            problems.append(f"the tab “{_plain(bar.tabText(tab))}” is cut: it needs {wanted.width()} px, "
                            f"{rect.width()} px of it are shown")
    return problems


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    problems = []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    needs_of = _heading_widths(header)
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) <= 0:
            continue
        text = model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if text is None or not str(text).strip() or model.headerData(
                logical, header.orientation(), Qt.ItemDataRole.ToolTipRole):
            continue
        has = header.sectionSize(logical) if horizontal else header.width()
        needs = needs_of[logical]
        if needs > has + SLACK:
            problems.append(f"the heading “{' '.join(str(text).split())}” of {describe(header.parentWidget())} is "
                            f"cut: it needs {needs} px, it is {has} px wide")
    return problems


def _heading_widths(header: QHeaderView) -> dict[int, int]:
    """The width each section's heading needs: room for the sort arrow only where it is drawn."""
    shown = header.isSortIndicatorShown()
    header.setSortIndicatorShown(False)
    widths = {logical: header.sectionSizeFromContents(logical).width() for logical in range(header.count())}
    header.setSortIndicatorShown(shown)
    sorted_by = header.sortIndicatorSection()
    if shown and 0 <= sorted_by < header.count():
        widths[sorted_by] = header.sectionSizeFromContents(sorted_by).width()
    return widths


def _sideways(table: QTableView) -> list[str]:
    """A table that must be scrolled sideways to see all its columns, unless it keeps its row names in view."""
    bar = table.horizontalScrollBar()
    if bar.maximum() <= 0 or table.property(FROZEN) or table.verticalHeader().isVisible():
        return []            # all in view, or the rows' names stay in view (frozen, or the rows' headings)
    per_item = table.horizontalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
    more = f"{bar.maximum()} column{'s' if bar.maximum() > 1 else ''}" if per_item else f"{bar.maximum()} px"
    return [f"{describe(table)} must be scrolled sideways to show its columns whole ({more} more)"]


def _cells(view: QAbstractItemView) -> list[str]:
    """The cells on screen whose text is cut with no tooltip showing it whole (the first few)."""
    model = view.model()
    if model is None or isinstance(view, QTableView) and view.isColumnHidden(0) and model.columnCount() == 1:
        return []
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    viewport = view.viewport().rect()
    columns = range(model.columnCount(view.rootIndex())) if isinstance(view, QTableView) else range(1)
    problems: list[str] = []
    for row in range(model.rowCount(view.rootIndex())):
        for column in columns:
            index = model.index(row, column, view.rootIndex())
            rect = view.visualRect(index)
            if rect.isEmpty() or not viewport.intersects(rect):
                continue
            problem = _cell_problem(view, index, rect, margin)
            if problem:
                problems.append(problem)
                if len(problems) >= 3:
                    return problems
    return problems


def _cell_problem(view: QAbstractItemView, index: QModelIndex, rect: QRect, margin: int) -> str | None:
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or not str(text).strip() or index.data(Qt.ItemDataRole.DecorationRole) is not None:
        return None
    text = str(text)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    if tip and " ".join(text.split()) in " ".join(str(tip).split()):
        return None
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font) if font is not None else view.fontMetrics()
    width = rect.width() - margin
    wraps = view.wordWrap() if isinstance(view, QTableView) else isinstance(view, QListView) and view.wordWrap()
    if wraps:
        needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), int(Qt.TextFlag.TextWordWrap), text)
        if needed.width() <= width + SLACK and needed.height() <= rect.height() + SLACK:
            return None
    elif max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""]) <= width + SLACK and \
            metrics.height() * max(1, len(text.splitlines())) <= rect.height() + SLACK:
        return None
    return f"the cell “{' '.join(text.split())[:60]}” of {describe(view)} is cut ({rect.width()}×{rect.height()} px)"


_CHECKS: tuple[tuple[type, object], ...] = (
    (QLabel, _label),
    ((QCheckBox, QRadioButton, QToolButton), _check_button),
    (QPushButton, _push_button),
    (QComboBox, _combo),
    (QLineEdit, _line_edit),
    (QGroupBox, _group_box),
    (QTabBar, _tab_bar),
    (QHeaderView, _header),
    (QTableView, lambda table: _sideways(table) + _cells(table)),
    (QListView, _cells),
)
