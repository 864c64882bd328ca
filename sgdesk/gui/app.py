"""Starting the app: QApplication, style sheet, error handling, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from sgdesk.gui.startup import app_icon, watch_first_paint
from sgdesk.paths import data_path


def _install_excepthook() -> None:
    """Show unexpected errors as a readable message box, never a traceback."""
    from sgdesk.gui.dialogs import show_error

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_error(None, exc)

    sys.excepthook = hook


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("SG Desk")
    app.setOrganizationName("SG Desk")
    app.setApplicationDisplayName("SG Desk")
    app.setWindowIcon(app_icon())
    style = data_path("ui", "style.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def run_app(path: Path | None = None) -> int:
    """Open the main window (on ``path`` if given) and run until it closes."""
    app = create_application()
    from sgdesk.gui.main_window import MainWindow

    _install_excepthook()
    window = MainWindow()
    watch_first_paint(window)
    if path is not None:
        window.open_path(path)  # on failure the error is shown and the welcome screen stays
    window.show()
    return app.exec()
