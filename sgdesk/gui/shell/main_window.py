"""The main window: sidebar of views, File/Edit/Go/Help menus, search everywhere, undo and redo, status bar.

It follows Windows' conventions: Exit (Qt's Quit role and keys), an Edit menu whose Cut, Copy,
Paste, Delete and Select all act on the widget with the keyboard focus, Open recent numbered with
each file's full path, file dialogs that start where the user last was, F1 for the user guide, and
on opening a file the view last used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sgdesk import __version__
from sgdesk.backups import backup_before_first_edit
from sgdesk.errors import SGDeskError
from sgdesk.gui.safety.read_only_banner import ReadOnlyBanner
from sgdesk.gui.safety.settings import backup_folder, backups_kept
from sgdesk.gui.shell.placement import first_geometry
from sgdesk.gui.shell.save_status import SaveStatus
from sgdesk.gui.shell.viewspecs import OVERVIEW, load_view, view_specs
from sgdesk.gui.shell.welcome import WelcomeView
from sgdesk.gui.widgets.context import AppContext
from sgdesk.gui.widgets.dialogs import NewBoardDialog, show_error
from sgdesk.gui.widgets.file_dialogs import (
    BOARD_FILES,
    open_file,
    remember_folders_in,
    save_file,
)
from sgdesk.gui.widgets.path_label import PathLabel
from sgdesk.gui.widgets.unsaved import pending_edits, settle_edits
from sgdesk.gui.widgets.views import BoardView
from sgdesk.safety.privacy import withhold_values_in_logs
from sgdesk.store import BoardFile, Changes
from sgdesk.store.boardfile import MOVED_AWAY, FileMovedAway
from sgdesk.store.lockfile import HEARTBEAT, FileInUse

FILE_FILTER = "SG Desk board files (*.sgdesk);;All files (*)"
MAX_RECENT = 8
#: the welcome screen waits for the user: this long after it appears, the features, the Overview's code and
#: the schema a file is checked against are loaded, so that opening a file then only reads the file (loading
#: them took about 150 ms, then 100 ms, of opening the first file)
WARM_UP_MS = 300


class MainWindow(QMainWindow):
    #: the session backup was made (path) or failed (error); emitted on whichever thread made the first change
    backup_reported = Signal(object, object)

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        remember_folders_in(self.settings)
        withhold_values_in_logs()
        self.context: AppContext | None = None
        self.views: dict[str, BoardView] = {}
        self.setWindowTitle("SG Desk")
        self.setMinimumSize(960, 640)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.save_status = SaveStatus(lambda: pending_edits(self) if self.context is not None else [])
        self.statusBar().addPermanentWidget(self.save_status)
        self.save_status.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)   # never cut
        self.path_label = PathLabel()        # a long path is shortened in the middle instead
        self.statusBar().addPermanentWidget(self.path_label)
        self.backup_reported.connect(self._backup_made)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(int(HEARTBEAT.total_seconds() * 1000))
        self.heartbeat.timeout.connect(self.keep_lock)
        self.show_welcome()
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self.restoreState(self.settings.value("window/state") or b"")
        else:
            self._place_first_window()

    def _place_first_window(self) -> None:
        frame = first_geometry(self.screen().availableGeometry())
        if frame is None:
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.setGeometry(frame)

    # -- construction ----------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setObjectName(name or text.replace("&", "").replace("…", "").strip().lower().replace(" ", "_"))
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("&New board file…", self.new_file, QKeySequence.StandardKey.New)
        self.open_action = self._action("&Open…", self.choose_file, QKeySequence.StandardKey.Open)
        self.copy_action = self._action("Save a &copy…", self.save_copy, None)
        self.import_action = self._action("&Import a spreadsheet…", lambda: self.import_file(), "Ctrl+I", name="import")
        self.export_action = self._action("&Export…", lambda: self.show_view("reports"), "Ctrl+E")
        self.quit_action = self._action("E&xit", self.close, QKeySequence.StandardKey.Quit, name="exit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.print_action = self._action("&Print…", self.print_current, QKeySequence.StandardKey.Print)
        self.undo_action = self._action("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", self.redo, QKeySequence.StandardKey.Redo)
        self.about_action = self._action("&About SG Desk", self.about)
        self.check_action = self._action("&Check file", self.check_file)
        self.audit_action = self._action("&Audit trail…", self.show_audit_trail)
        self.restore_action = self._action("&Restore from backup…", self.restore_from_backup)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        file_menu.addActions([self.copy_action, self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.recent_menu.setToolTipsVisible(True)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        self._build_edit_commands(edit_menu)
        self.go_menu = self.menuBar().addMenu("&Go")
        self.go_menu.aboutToShow.connect(self._fill_go_menu)
        help_menu = self.menuBar().addMenu("&Help")
        self._build_help(help_menu)
        help_menu.addActions([self.check_action, self.audit_action, self.restore_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._update_recent_menu()
        self._build_search()

    def _fill_go_menu(self) -> None:
        """A Go menu item for each view (Ctrl+1 for the first), once the features are loaded."""
        if self.go_menu.actions():
            return
        for number, spec in enumerate(view_specs(), start=1):
            action = self._action(spec.title, lambda _checked=False, key=spec.key: self.show_view(key),
                                  f"Ctrl+{number}" if number < 10 else None, name=f"go_{spec.key}")
            self.go_menu.addAction(action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Board")
        self.toolbar.setObjectName("boardToolbar")
        self.toolbar.setMovable(False)
        self.board_label = QLabel(" Board: ")
        self.board_combo = QComboBox()
        self.board_combo.setAccessibleName("Board")
        self.board_combo.setToolTip("The board (or strand of a partnership) whose records every view shows")
        self.board_combo.setWhatsThis(self.board_combo.toolTip())
        self.board_combo.setMinimumWidth(280)
        self.board_combo.currentIndexChanged.connect(self._board_selected)
        self.toolbar.addWidget(self.board_label)
        self.toolbar.addWidget(self.board_combo)
        self.addToolBar(self.toolbar)

    # -- the Edit menu's commands, search everywhere, printing and help -------------------------------
    def _build_edit_commands(self, edit_menu) -> None:
        """Cut, Copy, Paste, Delete and Select all for the focused widget, greyed out when it cannot."""
        from sgdesk.gui.widgets.clipboard import install_table_copy
        from sgdesk.gui.widgets.edit_commands import focused, run

        keys = {"cut": ("Cu&t", QKeySequence.StandardKey.Cut), "copy": ("&Copy", QKeySequence.StandardKey.Copy),
                "paste": ("&Paste", QKeySequence.StandardKey.Paste),
                "delete": ("&Delete", QKeySequence.StandardKey.Delete),
                "select_all": ("Select &all", QKeySequence.StandardKey.SelectAll)}
        self.edit_commands: dict[str, QAction] = {}
        self.edit_menu = edit_menu
        edit_menu.addSeparator()
        for command, (text, key) in keys.items():
            action = self._action(text, lambda _checked=False, c=command: run(focused(), c), key, name=f"edit_{command}")
            edit_menu.addAction(action)
            self.edit_commands[command] = action
        edit_menu.aboutToShow.connect(self._update_edit_commands)
        QApplication.instance().focusChanged.connect(self._update_edit_commands)
        install_table_copy(QApplication.instance())
        self._update_edit_commands()

    def _update_edit_commands(self, *_widgets) -> None:
        from sgdesk.gui.widgets.edit_commands import available, focused

        widget = focused()
        for command, action in self.edit_commands.items():
            action.setEnabled(available(widget, command))

    def _build_search(self) -> None:
        """The search box at the right of the menu bar; Ctrl+K and Ctrl+F go to it."""
        from sgdesk.gui.shell.search import SearchBox

        self.search_box = SearchBox()
        self.search_box.opened.connect(self.open_record)
        holder = QWidget(self.menuBar())
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 2, 8, 2)
        layout.addWidget(self.search_box)
        self.menuBar().setCornerWidget(holder, Qt.Corner.TopRightCorner)
        self.search_action = self._action("&Search everywhere…", self.focus_search, None, name="search_everywhere")
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find)])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search_action)
        self._search_follows(None)

    def _search_follows(self, context: AppContext | None) -> None:
        """Search the open file's chosen board (nothing when no file is open)."""
        self.search_box.set_board(context.bf if context else None, context.board_id if context else None)
        self.search_box.parentWidget().setVisible(context is not None)
        self.search_action.setEnabled(context is not None)
        if context is not None:
            context.board_changed.connect(lambda board_id: self.search_box.set_board(context.bf, board_id))

    def focus_search(self) -> None:
        if self.context is not None:
            self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_box.selectAll()

    def open_record(self, hit) -> None:
        """Show a record search everywhere found, in its view."""
        view = self.show_view(hit.view)
        if view is not None and not view.show_record(hit.table, hit.record_id):
            self.statusBar().showMessage(f"{view.title} cannot show that {hit.label.lower()}", 5000)

    def print_current(self) -> None:
        """File > Print: a print preview of the current view's table or preview."""
        from sgdesk.gui.widgets.printing import preview_and_print

        view = self.view_stack.currentWidget() if self.context is not None else None
        printable = view.printable() if isinstance(view, BoardView) else None
        if printable is None:
            self.statusBar().showMessage("Nothing to print here: choose a table, or preview a report's pages", 5000)
            return
        self.print_dialog = preview_and_print(self, printable)

    def _build_help(self, help_menu) -> None:
        from PySide6.QtWidgets import QWhatsThis

        self.guide_action = self._action("&User guide", lambda: self.show_help("index.html"), None, name="user_guide")
        self.context_help_action = self._action("&Help on this view", self.show_help, QKeySequence.StandardKey.HelpContents,
                                                name="help_on_view")
        whats_this = QWhatsThis.createAction(self)
        whats_this.setObjectName("whats_this")
        help_menu.addActions([self.guide_action, self.context_help_action, whats_this])
        help_menu.addSeparator()

    def show_help(self, page: str | None = None) -> None:
        """F1: the user guide's page about the current view (its first page when no file is open)."""
        from sgdesk.gui.widgets.help import open_help

        view = self.view_stack.currentWidget() if self.context is not None else None
        chosen = page or (view.help_page if isinstance(view, BoardView) else "getting-started.html")
        if not open_help(chosen):
            self.statusBar().showMessage("The user guide could not be opened: no web browser is set up", 8000)

    def _start_row(self) -> int:
        """The sidebar row to open a file on: the view used last, else the Overview."""
        keys = [spec.key for spec in view_specs()]
        last = self.settings.value("window/view")
        return keys.index(last) if last in keys else 0

    # -- welcome and workspace ------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        values = self.settings.value("recentFiles", []) or []
        if isinstance(values, str):
            values = [values]
        return [Path(v) for v in values if Path(v).exists()]

    def _remember(self, path: Path) -> None:
        recent = [str(path.resolve())] + [str(p) for p in self.recent_files() if p.resolve() != path.resolve()]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        """Open recent: ``&1 name.sgdesk`` and so on, each with its full path as tooltip and status tip."""
        self.recent_menu.clear()
        for number, path in enumerate(self.recent_files(), start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}" if number < 10 else path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def show_welcome(self) -> None:
        welcome = WelcomeView(self.recent_files())
        welcome.open_demo.connect(self.open_demo)
        welcome.new_file.connect(self.new_file)
        welcome.open_file.connect(self.choose_file)
        welcome.open_recent.connect(self.open_path)
        self._replace_page(welcome)
        self.toolbar.setVisible(False)
        self._search_follows(None)
        self.path_label.setText("No file open")
        self.save_status.no_file()
        self._update_edit_actions()
        QTimer.singleShot(WARM_UP_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        """While the welcome screen waits: load the features (the Go menu), the Overview's code and the schema
        a board file is checked against (see WARM_UP_MS)."""
        from sgdesk import registry
        from sgdesk.store import prepare_to_open

        self._fill_go_menu()
        registry.load_overview()
        load_view(OVERVIEW)
        prepare_to_open()

    def _replace_page(self, widget: QWidget) -> None:
        while self.pages.count():
            old = self.pages.widget(0)
            self.pages.removeWidget(old)
            old.setParent(None)   # out of the window at once: nothing asks the views of a closed file anything
            old.deleteLater()
        self.pages.addWidget(widget)

    def settle_edits(self, going: str) -> bool:
        """Before ``going`` ("quit", "open another file"…), ask about edits typed and not saved; True to go on."""
        return self.context is None or settle_edits(self, self, going)

    def open_path(self, path: Path) -> bool:
        from sgdesk.store import open_board_file

        if not self.settle_edits("open another file"):
            return False
        try:
            bf = open_board_file(path)
        except FileInUse as in_use:
            bf = self._open_in_use(in_use)
            if bf is None:
                return False
        except SGDeskError as error:
            show_error(self, error, "Cannot open the board file")
            return False
        self._set_context(AppContext(bf))
        self._remember(path)
        return True

    def _close_context(self) -> None:
        """Close the open file, the search box let go of it first: the focus may pass to the box as the old
        pages go, and it must not read a closed file."""
        self.search_box.set_board(None, None)
        self.context.close()

    def _set_context(self, context: AppContext) -> None:
        if self.context is not None:
            self._close_context()
        self.context = context
        self.views = {}
        context.changed.connect(self._after_change)
        context.navigate.connect(self.navigate)
        context.import_requested.connect(self.import_file)
        context.settings = self.settings
        context.backup_folder = backup_folder(self.settings)
        if not context.read_only:
            backup_before_first_edit(context.bf, context.backup_folder, keep=backups_kept(self.settings),
                                     report=self.backup_reported.emit)
        self.heartbeat.start()
        workspace = QWidget()
        outer = QVBoxLayout(workspace)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner(context.bf.read_only_reason) if context.read_only else None
        if self.read_only_banner is not None:
            outer.addWidget(self.read_only_banner)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.setFixedWidth(190)
        self._fill_go_menu()
        for spec in view_specs():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
        self.view_stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.view_stack, 1)
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        self._replace_page(workspace)
        self._fill_board_combo()
        read_only = " (read-only)" if context.read_only else ""
        self.path_label.setText(f"{context.bf.path}{read_only}")
        self.setWindowTitle(f"{context.bf.path.name}{read_only} — SG Desk")  # ends with the app's name: Qt adds nothing
        self.save_status.file_opened(context.read_only)
        self.sidebar.setCurrentRow(self._start_row())
        self._search_follows(context)
        self._update_edit_actions()

    def _fill_board_combo(self) -> None:
        from sgdesk.boards import list_boards

        assert self.context is not None
        boards = list_boards(self.context.bf)
        self.board_combo.blockSignals(True)
        self.board_combo.clear()
        for board in boards:
            self.board_combo.addItem(board.name, board.id)
        index = self.board_combo.findData(self.context.board_id)
        self.board_combo.setCurrentIndex(max(index, 0))
        self.board_combo.blockSignals(False)
        self.toolbar.setVisible(len(boards) > 1)

    def _board_selected(self, index: int) -> None:
        if self.context is None or index < 0:
            return
        if not self.settle_edits("switch board"):
            self.board_combo.blockSignals(True)
            self.board_combo.setCurrentIndex(max(self.board_combo.findData(self.context.board_id), 0))
            self.board_combo.blockSignals(False)
            return
        self.context.set_board(self.board_combo.itemData(index))

    # -- views -----------------------------------------------------------------------------------
    def view(self, key: str) -> BoardView:
        """The view for ``key``, created on first use."""
        if key not in self.views:
            spec = next(s for s in view_specs() if s.key == key)
            view = load_view(spec)(self.context, self.view_stack)   # built in place: see BoardView.lay_out
            if self.context.read_only:  # cells in every table stay as they are
                for table in view.findChildren(QAbstractItemView):
                    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.views[key] = view
            self.view_stack.addWidget(view)
        return self.views[key]

    def show_view(self, key: str) -> BoardView | None:
        if self.context is None:
            return None
        keys = [spec.key for spec in view_specs()]
        self.sidebar.setCurrentRow(keys.index(key))
        return self.views.get(key)

    def _sidebar_changed(self, row: int) -> None:
        if row < 0:
            return
        try:
            key = view_specs()[row].key
            self.view_stack.setCurrentWidget(self.view(key))
            self.settings.setValue("window/view", key)
        except Exception as error:  # a view that fails to build must not take the window with it
            show_error(self, error, "Cannot show this view")

    def navigate(self, key: str, target: dict) -> None:
        view = self.show_view(key)
        if view is not None:
            view.show_target(target)

    # -- file actions ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = open_file(self, BOARD_FILES, "Open a board file", FILE_FILTER)
        if path is not None:
            self.open_path(path)

    def new_file(self) -> None:
        from sgdesk.boards import add_board
        from sgdesk.store import create_board_file

        if not self.settle_edits("start a new file"):
            return
        dialog = NewBoardDialog(self)
        if not dialog.exec():
            return
        name, short, kind = dialog.values()
        if not name:
            show_error(self, SGDeskError("a board needs a name: type the board's full name"))
            return
        chosen = save_file(self, BOARD_FILES, "Save the new board file as", f"{short or name}.sgdesk", FILE_FILTER)
        if chosen is None:
            return
        path = chosen.with_suffix(".sgdesk")
        try:
            bf = create_board_file(path, overwrite=path.exists())
            with bf.edit(f"Create board {name}") as ed:
                add_board(ed, name, short_name=short, kind=kind)
            bf.editor.forget_history()
        except SGDeskError as error:
            show_error(self, error, "Cannot create the board file")
            return
        self._set_context(AppContext(bf))
        self.show_view("overview")      # a new board starts with its first steps
        self._remember(path)

    def open_demo(self) -> None:
        from platformdirs import user_data_dir

        from sgdesk.demo import build_demo

        path = Path(user_data_dir("SG Desk", appauthor=False)) / "demo.sgdesk"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            build_demo(path).close()
        self.open_path(path)

    def save_copy(self) -> None:
        from sgdesk.backups import save_copy

        if self.context is None:
            return
        source = self.context.bf.path
        filename = save_file(self, BOARD_FILES, "Save a copy as", str(source.with_name(f"{source.stem} copy.sgdesk")),
                             FILE_FILTER)
        if filename is not None:
            try:
                save_copy(self.context.bf, filename)
            except SGDeskError as error:
                show_error(self, error)
                return
            self.statusBar().showMessage(f"Saved a copy as {filename}", 5000)

    # -- undo and redo ------------------------------------------------------------------------------
    def undo(self) -> None:
        self._replay(lambda c: c.undo(), "Undo")

    def redo(self) -> None:
        self._replay(lambda c: c.redo(), "Redo")

    def _replay(self, step, label: str) -> None:
        if self.context is None:
            return
        try:
            changes = step(self.context)
        except Exception as error:
            show_error(self, error, f"{label} failed")
            return
        if changes is not None:
            self.statusBar().showMessage(changes.description, 4000)

    def _after_change(self, changes: Changes) -> None:
        if changes.touches("board"):
            self._fill_board_combo()
        self._update_edit_actions()
        self.save_status.changed(dt.datetime.now())

    def _update_edit_actions(self) -> None:
        editor = self.context.bf.editor if self.context else None
        undo_text = editor.undo_description if editor else None
        redo_text = editor.redo_description if editor else None
        self.undo_action.setEnabled(undo_text is not None)
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.redo_action.setEnabled(redo_text is not None)
        self.redo_action.setText(f"&Redo {redo_text}" if redo_text else "&Redo")
        for action in (self.copy_action, self.export_action, self.check_action, self.audit_action,
                       self.print_action, *self.go_menu.actions()):
            action.setEnabled(self.context is not None)
        self.import_action.setEnabled(self.context is not None and not self.context.read_only)

    def import_file(self, kind: str | None = None) -> None:
        """File > Import: the import dialog for this board (``kind`` preselects what to import)."""
        from sgdesk.gui.shell.import_dialog import ImportDialog

        if self.context is None or self.context.read_only:
            return
        self.import_dialog = ImportDialog(self.context, self, kind=kind)
        self.import_dialog.open()

    # -- help -------------------------------------------------------------------------------------------
    def about(self) -> None:
        path = str(self.context.bf.path) if self.context else "no file open"
        QMessageBox.about(self, "About SG Desk",
                          f"<b>SG Desk {__version__}</b><br>Records and reports for a safeguarding board's "
                          f"business unit.<br><br>File: {path}<br>Works offline; nothing leaves this computer.")

    def check_file(self) -> None:
        from sgdesk.gui.widgets.tasks import run_in_background

        if self.context is None:
            return
        path = self.context.bf.path

        def work(progress):
            from sgdesk import registry
            from sgdesk.checks import run_checks
            from sgdesk.store import open_board_file

            with open_board_file(path, read_only=True, migrate=False) as bf:
                return run_checks(bf, registry.load().checks)

        run_in_background(self, "Checking the board file…", work, on_done=self._show_findings)

    def _show_findings(self, findings) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Check file")
        dialog.resize(720, 420)
        layout = QVBoxLayout(dialog)
        problems = sum(f.level == "problem" for f in findings)
        layout.addWidget(QLabel(f"{problems} problem(s), {sum(f.level == 'warning' for f in findings)} warning(s)"))
        text = QPlainTextEdit("\n".join(str(f) for f in findings))
        text.setReadOnly(True)
        text.setAccessibleName("Check results")
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.setObjectName("checkDialog")
        dialog.open()
        self.findings_dialog = dialog

    # -- data safety ------------------------------------------------------------------------------------
    def _open_in_use(self, in_use: FileInUse) -> BoardFile | None:
        """Someone else has the file open: offer read-only (or taking over an abandoned lock)."""
        from sgdesk.gui.safety.lock_dialog import LockOfferDialog
        from sgdesk.store import open_board_file

        dialog = LockOfferDialog(in_use.path, in_use.info, self)
        if not dialog.exec() or dialog.choice is None:
            return None
        try:
            if dialog.choice == "take-over":
                return open_board_file(in_use.path, take_over_lock=True)
            return open_board_file(in_use.path, read_only=True)
        except SGDeskError as error:
            show_error(self, error, "Cannot open the board file")
            return None

    def _backup_made(self, path: Path | None, error: Exception | None) -> None:
        if error is not None:
            show_error(self, SGDeskError(f"SG Desk could not back the file up before this change ({error}); the "
                                         "change goes ahead, and undo and the audit trail still hold it. Check "
                                         "the backups folder in Help > Restore from backup"), "No backup was made")
        elif path is not None:
            self.statusBar().showMessage(f"Backed up the file before the first change: {path.name} in {path.parent}",
                                         15000)
            self.save_status.backed_up(path)

    def keep_lock(self) -> None:
        """The heartbeat: touch the lock; if another user took it over, carry on read-only."""
        from sgdesk.store import open_board_file

        if self.context is not None and not self.context.read_only and self.context.bf.moved_away():
            self.context.bf.make_read_only(MOVED_AWAY)
            show_error(self, FileMovedAway(self.context.bf.path, change_refused=False), "The board file is not there")
            return
        lock = self.context.bf.lock if self.context is not None else None
        if lock is None or lock.refresh():
            return
        path, board_id = self.context.bf.path, self.context.board_id
        self.context.bf.make_read_only("another user took over this file")
        try:
            bf = open_board_file(path, read_only=True)
        except SGDeskError as error:
            self._close_context()
            self.context = None
            self.show_welcome()
            show_error(self, error, "The board file is no longer available")
            return
        self._set_context(AppContext(bf, board_id))
        self.statusBar().showMessage("Another user took over this file: it is now read-only", 10000)

    def show_audit_trail(self) -> None:
        from sgdesk.gui.safety.audit import AuditTrailDialog

        if self.context is None:
            return
        self.audit_dialog = AuditTrailDialog(self.context, self)
        self.audit_dialog.show()

    def restore_from_backup(self) -> None:
        """Choose a backup of the open file (or of a file chosen now, e.g. one that will not open) and restore it."""
        from sgdesk.gui.safety.restore import RestoreDialog

        if self.context is not None:
            board_path = self.context.bf.path
        else:
            chosen = open_file(self, BOARD_FILES, "Which board file do you want to restore?", FILE_FILTER)
            if chosen is None:
                return
            board_path = chosen
        if not self.settle_edits("restore a backup"):
            return
        dialog = RestoreDialog(board_path, self.settings, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        self._restore(board_path, dialog.chosen)

    def _restore(self, board_path: Path, backup: Path) -> None:
        from sgdesk.gui.widgets.tasks import run_in_background
        from sgdesk.safety.restore import restore_backup

        was_open = self.context is not None
        if was_open:
            self._close_context()
            self.context = None
            self.show_welcome()
        folder, keep = backup_folder(self.settings), backups_kept(self.settings)

        def done(result) -> None:
            if self.open_path(board_path):
                kept = f"; the file as it was is kept as {result.previous.name}" if result.previous else ""
                self.statusBar().showMessage(f"Restored from {result.restored_from.name}{kept}", 15000)

        def failed(error: BaseException) -> None:
            show_error(self, error, "The backup was not restored")
            if was_open:
                self.open_path(board_path)

        run_in_background(self, "Restoring the backup…",
                          lambda progress: restore_backup(board_path, backup, folder=folder, keep=keep),
                          on_done=done, on_error=failed)

    # -- closing --------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.settle_edits("quit"):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.context is not None:
            self._close_context()
            self.context = None
            self.views = {}
            self.show_welcome()    # the closed file's views go, and the records they hold with them
        super().closeEvent(event)
