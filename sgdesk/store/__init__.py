"""Storage: the board file, its schema migrations and the one audited write path."""

from sgdesk.store.boardfile import BoardFile, create_board_file, open_board_file, prepare_to_open
from sgdesk.store.changes import Changes, Editor

__all__ = ["BoardFile", "Changes", "Editor", "create_board_file", "open_board_file", "prepare_to_open"]
