"""The open board file as the GUI sees it: one object every view shares."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from sgdesk.boards import Board, get_board, list_boards
from sgdesk.store import BoardFile, Changes


class AppContext(QObject):
    """Holds the open file and current board; re-emits every committed change.

    Views connect to ``changed`` and refresh only when the tables they show were touched.
    """

    changed = Signal(object)        # Changes
    board_changed = Signal(int)     # board id
    navigate = Signal(str, dict)    # view key, target
    import_requested = Signal(str)  # import kind: File > Import opens for it

    def __init__(self, bf: BoardFile, board_id: int | None = None) -> None:
        super().__init__()
        self.bf = bf
        #: where this session's backups go (None: the default backups folder)
        self.backup_folder: Path | None = None
        boards = list_boards(bf)
        self.board_id = board_id if board_id is not None else (boards[0].id if boards else None)
        bf.editor.listeners.append(self._on_change)
        #: the app's settings, for a view's small preferences (the main window sets them; None on its own)
        self.settings: QSettings | None = None

    @property
    def board(self) -> Board | None:
        return None if self.board_id is None else get_board(self.bf, self.board_id)

    @property
    def read_only(self) -> bool:
        return self.bf.read_only

    def set_board(self, board_id: int) -> None:
        if board_id != self.board_id:
            self.board_id = board_id
            self.board_changed.emit(board_id)

    def edit(self, description: str):
        """Start an audited change: ``with context.edit("Mark attendance") as ed: ...``."""
        return self.bf.edit(description)

    def undo(self) -> Changes | None:
        return self.bf.editor.undo()

    def redo(self) -> Changes | None:
        return self.bf.editor.redo()

    def _on_change(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        if self._on_change in self.bf.editor.listeners:
            self.bf.editor.listeners.remove(self._on_change)
        self.bf.close()
        self._let_go_of_views()

    def _let_go_of_views(self) -> None:
        """Drop every connection to this context's signals.

        Views connect slots that refer back to the view; Qt's lists of connections are out of sight of
        Python's garbage collector, so without this every view of a closed file, with all it had
        loaded, stayed in memory for the rest of the session (tens of MB each time a file was opened).
        """
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)   # raised for a signal nothing was connected to
            for signal in (self.changed, self.board_changed, self.navigate, self.import_requested):
                signal.disconnect()
