"""Tools: list, copy, edit (a used version is kept; the edit becomes the next version), load and save JSON."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sgdesk.assessment.scores import Scale, ScalePoint
from sgdesk.assessment.tool_store import (
    StoredTool,
    copy_tool,
    install_tool,
    save_tool,
    tool_in_use,
)
from sgdesk.assessment.tools import (
    PURPOSES,
    SectionSpec,
    StatementSpec,
    ThemeSpec,
    ToolSpec,
    load_tool_file,
)
from sgdesk.atomic import write_text
from sgdesk.errors import InputError, SGDeskError
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import confirm, counted, show_error
from sgdesk.gui.widgets.file_dialogs import EXPORTS, IMPORTS, open_file, save_file
from sgdesk.gui.widgets.forms import REQUIRED_NOTE, required_label
from sgdesk.gui.widgets.unsaved import DialogEdits, input_values

_SCALE_LINE = re.compile(r"\s*(\d+)\s*[=:\-–]?\s*(.+?)\s*")
SECTION, THEME, STATEMENT = "section", "theme", "statement"


def parse_scale_lines(text: str, allow_split: bool) -> Scale:
    """``1 = poor`` per line into a Scale; raises InputError naming the line."""
    points = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _SCALE_LINE.fullmatch(line)
        if match is None:
            raise InputError(f"Scale line {number} '{line.strip()}'", "is not a score and a label",
                             "write each point as 1 = poor")
        points.append(ScalePoint(int(match[1]), match[2]))
    return Scale(tuple(points), allow_split)


class ToolEditorDialog(DialogEdits, QDialog):
    """Edit a tool's sections, themes, statements, scale and prompts; Save stores it as data.

    Cancel, Escape or closing the window with changes made asks before they are thrown away.
    """

    def __init__(self, context: AppContext, tool: StoredTool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.tool = context, tool
        self.saved_id: int | None = None
        spec = tool.spec
        in_use = tool_in_use(context.bf, tool.id)
        self.setWindowTitle(f"Edit tool: {spec.name}")
        self.resize(980, 640)
        tabs = QTabWidget()

        about = QWidget()
        form = QFormLayout(about)
        self.name = QLineEdit(spec.name)
        self.name.setAccessibleName("Tool name")
        self.purpose = QComboBox()
        self.purpose.setAccessibleName("Purpose")
        self.purpose.addItems(PURPOSES)
        self.purpose.setCurrentText(spec.purpose)
        self.introduction = QPlainTextEdit(spec.introduction)
        self.introduction.setAccessibleName("Introduction")
        self.prompts = QPlainTextEdit("\n".join(spec.prompts))
        self.prompts.setAccessibleName("Comment prompts")
        form.addRow(required_label("&Name:"), self.name)
        form.addRow("&Purpose:", self.purpose)
        form.addRow("&Introduction:", self.introduction)
        form.addRow("Co&mment prompts (one a line):", self.prompts)
        note = QLabel(REQUIRED_NOTE)
        note.setObjectName("muted")
        form.addRow(note)
        if in_use:
            form.addRow(QLabel(f"Rounds have used version {spec.version}: saving makes version {spec.version + 1}, "
                               "and those rounds keep the version they were run with."))
        tabs.addTab(about, "About")

        structure = QWidget()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Sections, themes and statements"])
        self.tree.setAccessibleName("Sections, themes and statements")
        self.tree.setMinimumWidth(420)
        self.tree.currentItemChanged.connect(lambda *_: self._show_item())
        for section in spec.sections:
            section_item = self._item(None, SECTION, title=section.title, themes_in_table=section.themes_in_table)
            for theme in section.themes:
                theme_item = self._item(section_item, THEME, title=theme.title)
                for statement in theme.statements:
                    self._item(theme_item, STATEMENT, code=statement.code, text=statement.text)
        self.tree.expandAll()
        self.fields = QStackedWidget()
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.textEdited.connect(lambda text: self._set_field("title", text))
        self.in_table = QCheckBox("Show theme names beside the statements in the published table")
        self.in_table.toggled.connect(lambda on: self._set_field("themes_in_table", on))
        title_page = QWidget()
        title_form = QFormLayout(title_page)
        title_form.addRow("&Title:", self.title_edit)
        title_form.addRow("", self.in_table)
        self.code_edit = QLineEdit()
        self.code_edit.setAccessibleName("Statement code")
        self.code_edit.textEdited.connect(lambda text: self._set_field("code", text))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Statement text")
        self.text_edit.textChanged.connect(lambda: self._set_field("text", self.text_edit.toPlainText()))
        statement_page = QWidget()
        statement_form = QFormLayout(statement_page)
        statement_form.addRow("&Code:", self.code_edit)
        statement_form.addRow("&Statement:", self.text_edit)
        statement_form.addRow(QLabel("Codes stay the same from round to round: change against the previous round "
                                     "matches statements by code."))
        self.fields.addWidget(title_page)
        self.fields.addWidget(statement_page)
        buttons = QHBoxLayout()
        for text, slot in (("Add section", lambda: self.add(SECTION)), ("Add theme", lambda: self.add(THEME)),
                           ("Add statement", lambda: self.add(STATEMENT)), ("Remove", self.remove),
                           ("Move up", lambda: self.move(-1)), ("Move down", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.fields)
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([560, 400])
        structure_layout = QVBoxLayout(structure)
        structure_layout.addWidget(splitter, 1)
        structure_layout.addLayout(buttons)
        tabs.addTab(structure, "Statements")

        scale_page = QWidget()
        scale_form = QFormLayout(scale_page)
        self.scale_text = QPlainTextEdit("\n".join(f"{p.value} = {p.label}" for p in spec.scale.points))
        self.scale_text.setAccessibleName("Rating scale")
        self.allow_split = QCheckBox("Allow split ratings between two scores (2/3 counts as 2.5)")
        self.allow_split.setChecked(spec.scale.allow_split)
        scale_form.addRow("Rating &scale (one a line, lowest first):", self.scale_text)
        scale_form.addRow("", self.allow_split)
        tabs.addTab(scale_page, "Scale")

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(box)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))

    # -- unsaved changes --------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.remember_values()

    def values_now(self) -> tuple:
        items, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            items.append(item.data(0, Qt.ItemDataRole.UserRole))
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return tuple(input_values(self)), tuple(str(data) for data in items)

    def save_edit(self) -> bool:
        self.save()
        return self.result() == QDialog.DialogCode.Accepted

    def reject(self) -> None:
        if self.values_changed() and not confirm(self, "Discard changes", f"Throw away the changes to the tool "
                                                 f"{self.tool.spec.name}?", "Discard changes", "Keep editing"):
            return
        super().reject()

    # -- the tree --------------------------------------------------------------------------------------
    def _item(self, parent: QTreeWidgetItem | None, level: str, **values) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, Qt.ItemDataRole.UserRole, {"level": level, **values})
        self._label(item)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    @staticmethod
    def _label(item: QTreeWidgetItem) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data["level"] == STATEMENT:
            item.setText(0, f"{data['code']}  {data['text']}")
        else:
            item.setText(0, data["title"])
            font = item.font(0)
            font.setBold(data["level"] == SECTION)
            item.setFont(0, font)

    def _show_item(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data["level"] == STATEMENT:
            self.fields.setCurrentIndex(1)
            self.code_edit.setText(data["code"])
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(data["text"])
            self.text_edit.blockSignals(False)
        else:
            self.fields.setCurrentIndex(0)
            self.title_edit.setText(data["title"])
            self.in_table.blockSignals(True)
            self.in_table.setChecked(bool(data.get("themes_in_table", True)))
            self.in_table.blockSignals(False)
            self.in_table.setVisible(data["level"] == SECTION)

    def _set_field(self, key: str, value) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        data = dict(item.data(0, Qt.ItemDataRole.UserRole))
        if key not in data and not (key == "themes_in_table" and data["level"] == SECTION):
            return
        data[key] = value
        item.setData(0, Qt.ItemDataRole.UserRole, data)
        self._label(item)

    def _level(self, item: QTreeWidgetItem | None) -> str | None:
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)["level"]

    def add(self, level: str) -> None:
        current = self.tree.currentItem()
        parent_level = {SECTION: None, THEME: SECTION, STATEMENT: THEME}[level]
        parent = current
        while parent is not None and self._level(parent) != parent_level:
            parent = parent.parent()
        if parent_level is not None and parent is None:
            show_error(self, InputError(f"A new {level}", f"needs a {parent_level} to go in",
                                        f"choose a {parent_level} first"))
            return
        values = {"code": self._next_code(), "text": "New statement"} if level == STATEMENT else \
            {"title": f"New {level}", **({"themes_in_table": True} if level == SECTION else {})}
        item = self._item(parent, level, **values)
        self.tree.setCurrentItem(item)

    def _next_code(self) -> str:
        codes = {spec.code.casefold() for _s, _t, spec in self.current_spec_statements()}
        n = len(codes) + 1
        while f"s{n}" in codes:
            n += 1
        return f"S{n}"

    def current_spec_statements(self):
        for s in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(s)
            for t in range(section.childCount()):
                theme = section.child(t)
                for st in range(theme.childCount()):
                    data = theme.child(st).data(0, Qt.ItemDataRole.UserRole)
                    yield section, theme, StatementSpec(data["code"], data["text"])

    def remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        data = item.data(0, Qt.ItemDataRole.UserRole)
        inside = [item.child(i) for i in range(item.childCount())]
        statements = sum(child.childCount() for child in inside) if data["level"] == SECTION else len(inside)
        if inside:
            held = f"{counted(len(inside), 'theme')} and " if data["level"] == SECTION else ""
            if not confirm(self, f"Remove {data['level']}", f"Remove the {data['level']} {data['title']} with its "
                           f"{held}{counted(statements, 'statement')}?", f"Remove {data['level']}",
                           f"Keep {data['level']}"):
                return
        parent = item.parent()
        if parent is not None:
            parent.removeChild(item)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))

    def move(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        index = parent.indexOfChild(item) if parent else self.tree.indexOfTopLevelItem(item)
        count = parent.childCount() if parent else self.tree.topLevelItemCount()
        target = index + step
        if not 0 <= target < count:
            return
        expanded = item.isExpanded()
        if parent:
            parent.takeChild(index)
            parent.insertChild(target, item)
        else:
            self.tree.takeTopLevelItem(index)
            self.tree.insertTopLevelItem(target, item)
        item.setExpanded(expanded)
        self.tree.setCurrentItem(item)

    # -- saving ---------------------------------------------------------------------------------------------
    def spec(self) -> ToolSpec:
        sections = []
        for s in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(s)
            section_data = section.data(0, Qt.ItemDataRole.UserRole)
            themes = []
            for t in range(section.childCount()):
                theme = section.child(t)
                children = [theme.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(theme.childCount())]
                statements = tuple(StatementSpec(d["code"].strip(), d["text"].strip()) for d in children)
                themes.append(ThemeSpec(theme.data(0, Qt.ItemDataRole.UserRole)["title"], statements))
            sections.append(SectionSpec(section_data["title"], tuple(themes),
                                        bool(section_data.get("themes_in_table", True))))
        return ToolSpec(key=self.tool.spec.key, version=self.tool.spec.version, name=self.name.text(),
                        scale=parse_scale_lines(self.scale_text.toPlainText(), self.allow_split.isChecked()),
                        sections=tuple(sections), purpose=self.purpose.currentText(),
                        introduction=self.introduction.toPlainText().strip(), source=self.tool.spec.source,
                        prompts=tuple(p.strip() for p in self.prompts.toPlainText().splitlines() if p.strip()))

    def save(self) -> None:
        try:
            spec = self.spec()
            with self.context.edit(f"Edit tool {spec.name}") as ed:
                self.saved_id = save_tool(ed, self.context.bf, self.tool.id, spec)
        except SGDeskError as error:
            show_error(self, error, "Cannot save the tool")
            return
        self.accept()


class ToolsDialog(QDialog):
    """The tools in the file and the built-in ones: copy, edit, load from and save to a file."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Assessment tools")
        self.resize(640, 420)
        self.list = QListWidget()
        self.list.setAccessibleName("Tools")
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.copy_button = QPushButton("&Copy…")
        self.copy_button.clicked.connect(self.copy)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self.edit)
        self.load_button = QPushButton("&Add from file…")
        self.load_button.clicked.connect(self.load_file)
        self.save_button = QPushButton("&Save as file…")
        self.save_button.clicked.connect(self.save_file)
        buttons = QVBoxLayout()
        for button in (self.copy_button, self.edit_button, self.load_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("A tool is sections, themes and statements with a rating scale. Built-in tools are "
                                "copied, then the copy is edited: a Section 11 audit or a schools (s175) return is "
                                "a tool like any other."))
        layout.addLayout(row, 1)
        layout.addWidget(close)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        from sgdesk.gui.assessment.rounds import tool_choices

        self.list.clear()
        for label, tool in tool_choices(self.context):
            in_file = isinstance(tool, StoredTool)
            text = label + (" — built in" if in_file and tool.built_in else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, tool)
            self.list.addItem(item)
            if in_file and tool.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def selected(self) -> StoredTool | ToolSpec | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        tool = self.selected()
        self.edit_button.setEnabled(isinstance(tool, StoredTool) and not tool.built_in)
        self.copy_button.setEnabled(tool is not None)
        self.save_button.setEnabled(tool is not None)

    def _stored(self, ed, tool: StoredTool | ToolSpec) -> int:
        return tool.id if isinstance(tool, StoredTool) else install_tool(ed, self.context.bf, tool, built_in=True)

    def copy(self) -> None:
        tool = self.selected()
        if tool is None:
            return
        name = tool.spec.name if isinstance(tool, StoredTool) else tool.name
        new_name, ok = QInputDialog.getText(self, "Copy tool", "Name of the copy:", text=f"{name} (copy)")
        if ok:
            self.copy_as(tool, new_name)

    def copy_as(self, tool: StoredTool | ToolSpec, name: str) -> int | None:
        try:
            with self.context.edit(f"Copy tool as {name}") as ed:
                new_id = copy_tool(ed, self.context.bf, self._stored(ed, tool), name)
        except SGDeskError as error:
            show_error(self, error, "Cannot copy the tool")
            return None
        self.refresh(new_id)
        return new_id

    def edit(self) -> None:
        tool = self.selected()
        if isinstance(tool, StoredTool) and not tool.built_in:
            editor = ToolEditorDialog(self.context, tool, self)
            if editor.exec() == QDialog.DialogCode.Accepted:
                self.refresh(editor.saved_id)

    def load_file(self) -> None:
        filename = open_file(self, IMPORTS, "Add a tool from a file", "Tool files (*.json)")
        if filename is None:
            return
        try:
            spec = load_tool_file(filename)
            with self.context.edit(f"Add tool {spec.name}") as ed:
                new_id = install_tool(ed, self.context.bf, spec)
        except SGDeskError as error:
            show_error(self, error, "Cannot add the tool")
            return
        self.refresh(new_id)

    def save_file(self) -> None:
        tool = self.selected()
        if tool is None:
            return
        spec = tool.spec if isinstance(tool, StoredTool) else tool
        filename = save_file(self, EXPORTS, "Save the tool as", f"{spec.key}.json", "Tool files (*.json)")
        if filename is not None:
            try:
                write_text(filename, json.dumps(spec.to_json(), indent=2, ensure_ascii=False))
            except SGDeskError as error:
                show_error(self, error, "The tool was not saved")
