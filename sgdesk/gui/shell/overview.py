"""Overview: a new board's first steps, what needs attention now, and the board at a glance.

The first steps (:mod:`sgdesk.overview`) show with a button each until every one is done or the
user hides them; each ticks itself off as it is done. What needs attention is a list whose items
open where each is fixed. The glances, on the right, say what is coming up and how the year stands.
"""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sgdesk.attention import AttentionItem
from sgdesk.gui.widgets.help import help_link
from sgdesk.gui.widgets.views import BoardView, column, row
from sgdesk.overview import Glance, StepState

_SEVERITY = {"problem": ("Problem", "#B00020"), "warning": ("Check", "#8A5A00"), "info": ("Note", "#1F4E79")}
_VIEW_TITLES = {"membership": "Membership", "meetings": "Meetings", "training": "Training",
                "assessment": "Self-assessment", "finance": "Finance", "reports": "Reports"}


def _panel(name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("overviewPanel")
    frame.setAccessibleName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 10)
    return frame, layout


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("panelHeading")
    return label


class OverviewView(BoardView):
    key = "overview"
    title = "Overview"
    help_page = "getting-started.html"
    watched_tables = frozenset({"*"})

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel()
        self.heading.setObjectName("viewHeading")

        self.steps_panel, steps_layout = _panel("First steps")
        self.steps_heading = _heading("First steps")
        self.hide_steps_button = QPushButton("Hide first steps")
        self.hide_steps_button.setToolTip("Stop showing these steps for this file (its records are not changed)")
        self.hide_steps_button.clicked.connect(self.hide_first_steps)
        steps_layout.addLayout(row(self.steps_heading, None, help_link("getting-started.html", "Getting started"),
                                   self.hide_steps_button))
        self.steps_grid = QGridLayout()
        self.steps_grid.setColumnStretch(1, 1)
        steps_layout.addLayout(self.steps_grid)

        self.attention_heading = _heading("Needs attention")
        self.list = QListWidget()
        self.list.setObjectName("attentionList")
        self.list.setAccessibleName("Items needing attention")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # items wrap to the width
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        self.nothing = QLabel("Nothing needs your attention. Meetings to record, attendance flags, contributions not "
                              "yet received, training sessions with waiting lists and open self-assessment rounds "
                              "will be listed here as they arise.")
        self.nothing.setObjectName("muted")
        self.nothing.setWordWrap(True)

        self.glance_column = column()
        self.glance_column.setObjectName("atAGlance")
        self.glance_column.setAccessibleName("At a glance")
        # on a short screen the panels keep the height their text needs and the column scrolls, rather than
        # each panel squeezed until its lines overlap
        glance_scroll = QScrollArea()
        glance_scroll.setWidget(self.glance_column)
        glance_scroll.setWidgetResizable(True)
        glance_scroll.setFrameShape(QFrame.Shape.NoFrame)
        glance_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        glance_scroll.setMinimumWidth(360)

        left = column(self.steps_panel, self.attention_heading, self.nothing, (self.list, 1))
        left.layout().addStretch(0)     # takes the space the list leaves when nothing needs attention
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row((left, 3), (glance_scroll, 2)), 1)
        self.refresh()

    def _on_changed(self, changes) -> None:  # every change may alter what needs attention
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # -- what is shown -----------------------------------------------------------------------------------
    def items(self) -> list[AttentionItem]:
        from sgdesk import registry

        board_id = self.context.board_id
        if board_id is None:
            return []
        found: list[AttentionItem] = []
        for provider in registry.load().attention:
            found.extend(provider(self.context.bf, board_id))
        order = {"problem": 0, "warning": 1, "info": 2}
        return sorted(found, key=lambda item: order[item.severity])

    def steps(self) -> list[StepState]:
        from sgdesk import registry
        from sgdesk.overview import first_steps

        if self.context.board_id is None:
            return []
        return first_steps(self.context.bf, self.context.board_id, registry.load().first_steps)

    def glances(self) -> list[Glance]:
        from sgdesk import registry
        from sgdesk.overview import glances

        if self.context.board_id is None:
            return []
        return glances(self.context.bf, self.context.board_id, registry.load().glances)

    def refresh(self) -> None:
        board = self.context.board
        self.heading.setText(board.name if board else "No board yet")
        self._show_steps(self.steps())
        self._show_attention(self.items())
        self._show_glances(self.glances())

    def _show_steps(self, states: list[StepState]) -> None:
        _clear(self.steps_grid)
        done = sum(state.done for state in states)
        shown = bool(states) and done < len(states) and not self._steps_hidden()
        self.steps_panel.setVisible(shown)
        if not shown:
            return
        self.steps_heading.setText(f"First steps: {done} of {len(states)} done")
        for index, state in enumerate(states):
            mark = QLabel("✓" if state.done else "○")
            mark.setObjectName("stepDone" if state.done else "stepToDo")
            mark.setAccessibleName("Done" if state.done else "To do")
            text = QLabel(state.step.text)
            text.setWordWrap(True)
            text.setEnabled(not state.done)
            button = QPushButton(state.step.button)
            button.setObjectName(f"step_{index}")
            button.setEnabled(not state.done and not self.context.read_only)
            button.clicked.connect(lambda _checked=False, step=state.step: self._start(step))
            for column_index, widget in enumerate((mark, text, button)):
                self.steps_grid.addWidget(widget, index, column_index)

    def _show_attention(self, items: list[AttentionItem]) -> None:
        self.list.clear()
        for item in items:
            label, colour = _SEVERITY[item.severity]
            entry = QListWidgetItem(f"{label}: {item.text}")
            entry.setForeground(QColor(colour))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            entry.setToolTip("Open where this is fixed")
            self.list.addItem(entry)
        self.attention_heading.setText(f"Needs attention ({len(items)})" if items else "Needs attention")
        self.list.setVisible(bool(items))
        self.nothing.setVisible(not items)

    def _show_glances(self, found: list[Glance]) -> None:
        layout = self.glance_column.layout()
        _clear(layout)
        for glance in found:
            frame, inner = _panel(glance.heading)
            inner.addWidget(_heading(glance.heading))
            for line in glance.lines or (glance.empty,):
                text = QLabel(line)
                text.setWordWrap(True)
                if not glance.lines:
                    text.setObjectName("muted")
                inner.addWidget(text)
            link = QLabel(f'<a href="{glance.view}">Open {_VIEW_TITLES.get(glance.view, glance.view)} ›</a>')
            link.setAccessibleName(f"Open {_VIEW_TITLES.get(glance.view, glance.view)}")
            link.linkActivated.connect(lambda _href, g=glance: self.context.navigate.emit(g.view, dict(g.target)))
            inner.addWidget(link, 0, Qt.AlignmentFlag.AlignRight)
            layout.addWidget(frame)
        layout.addStretch(1)

    # -- acting ----------------------------------------------------------------------------------------
    def _start(self, step) -> None:
        if step.import_kind is not None:
            self.context.import_requested.emit(step.import_kind)
        else:
            self.context.navigate.emit(step.view, dict(step.target))

    def _open_item(self, entry: QListWidgetItem) -> None:
        item: AttentionItem = entry.data(Qt.ItemDataRole.UserRole)
        self.context.navigate.emit(item.view, dict(item.target))

    def _steps_key(self) -> str:
        """A settings key for this file (a hash: a path's slashes and backslashes would make groups)."""
        digest = hashlib.sha1(str(self.context.bf.path.resolve()).encode("utf-8")).hexdigest()[:16]
        return f"overview/firstStepsHidden/{digest}"

    def _steps_hidden(self) -> bool:
        settings = self.context.settings
        return settings is not None and settings.value(self._steps_key(), False, type=bool)

    def hide_first_steps(self) -> None:
        if self.context.settings is not None:
            self.context.settings.setValue(self._steps_key(), True)
        self.steps_panel.hide()


def _clear(layout: Any) -> None:
    """Remove and delete every widget and stretch of ``layout``."""
    while layout.count():
        child = layout.takeAt(0)
        if child.widget() is not None:
            child.widget().deleteLater()
