"""Starting the app: QApplication, style sheet, error handling, the main window, its icon, a readable
dialog if start-up fails, and a first-paint hook.

:func:`launch` is what ``sgdesk`` (and the bundle's ``SG Desk`` program) runs when it is given no
command. If SG Desk cannot start (Qt will not load, a file it needs is missing or damaged) the
user sees a dialog that says so and where the details were saved, never a console traceback: a
Qt message box when Qt works, otherwise the system's own (``MessageBoxW`` on Windows).

This module must import without Qt, so that it can report Qt failing to load.

Two environment variables, read when the main window is shown, serve the build and benchmarks:

``SGDESK_TIMING=1``
    print ``sgdesk-timing first-paint monotonic=<t>`` on stderr once the main window has first
    painted; ``<t>`` is ``time.monotonic()``, one clock for every process on the machine, so the
    program that launched SG Desk subtracts its own start time to get time to a painted window.
``SGDESK_SMOKE=1``
    once painted, load every feature and every sidebar view (and build each view if a board file
    is open), print a ``smoke:`` line and quit: exit status 0, or 1 with the failure on stderr.
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import sys
import time
import traceback
from pathlib import Path

from sgdesk import __version__
from sgdesk.collector import collector_paused
from sgdesk.errors import SGDeskError
from sgdesk.paths import data_path, resource_path

FAILURE_TITLE = "SG Desk could not start"
MB_OK_ICONERROR = 0x10   # MessageBoxW flags: an OK button and the error icon


def launch(path: Path | None = None) -> int:
    """Run the app (on ``path`` if given); if it cannot start, say why in a dialog and return 1."""
    try:
        return run_app(path)
    except Exception as error:  # noqa: BLE001  whatever stops the start, the user gets a message
        show_failure(failure_text(error, save_details(error)))
        return 1


def _install_excepthook() -> None:
    """Show unexpected errors as a readable message box, never a traceback."""
    from sgdesk.gui.widgets.dialogs import show_error

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_error(None, exc)

    sys.excepthook = hook


def import_without_features() -> None:
    """Put back the import statement PySide found as it loaded.

    PySide puts one of its own in front, for its ``__feature__`` switches (``from __feature__ import
    snake_case``), which SG Desk never uses: it reads the whole source of every module imported
    afterwards, to see whether the module asks for one, and ``linecache`` keeps every line it read.
    Once the views, reportlab and the Word and Excel writers are in, that was some 17 MB held for
    nothing (8 MB of the app session's peak), each module's source read at its first use.
    """
    found = getattr(builtins, "__orig_import__", None)
    if found is not None and builtins.__import__ is getattr(builtins, "__feature_import__", None):
        builtins.__import__ = found


def create_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    import_without_features()
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
    with collector_paused(made_is_old=True):   # until the window is shown: what start-up made lives as long as it
        if path is not None:
            from sgdesk import registry

            registry.load_overview()   # its first window is the Overview: its code is loaded first (see there)
        app = create_application()
        from sgdesk.gui.shell.main_window import MainWindow

        _install_excepthook()
        window = MainWindow()
        watch_first_paint(window)
        if path is not None:
            window.open_path(path)  # on failure the error is shown and the welcome screen stays
        window.show()
    return app.exec()


def app_icon():
    """The window icon, from ``resources/icons/sgdesk-<size>.png`` (drawn by build_scripts/make_icons.py)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(resource_path("icons").glob("sgdesk-*.png")):
        size = int(png.stem.rpartition("-")[2])
        icon.addFile(str(png), QSize(size, size))
    return icon


# -- when start-up fails --------------------------------------------------------------------------

def log_dir() -> Path:
    """The per-user folder for SG Desk's logs (``%LOCALAPPDATA%\\SG Desk\\Logs`` on Windows)."""
    from platformdirs import user_log_dir

    return Path(user_log_dir("SG Desk", appauthor=False))


def save_details(error: BaseException) -> Path | None:
    """Append ``error`` and its traceback to ``startup-errors.log``; None if that cannot be written."""
    how = "bundle" if getattr(sys, "frozen", False) else "Python"
    try:
        path = log_dir() / "startup-errors.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} SG Desk {__version__} "
                      f"({how} {sys.executable} on {sys.platform})\n")
            log.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return None


def failure_text(error: BaseException, details: Path | None) -> str:
    """What the dialog says: what went wrong, what to do, and where the details are."""
    if isinstance(error, ImportError):
        reason = (f"A part of SG Desk could not be loaded ({error.name or error}): the installation is "
                  "incomplete or damaged. Ask your IT team to install SG Desk again.")
    elif isinstance(error, SGDeskError):
        reason = str(error)      # our own errors say what to do
    else:
        reason = f"SG Desk stopped while starting, because of a problem inside it ({type(error).__name__}: {error})."
    where = (f"The details are saved in this file: please send it to your IT team.\n{details}"
             if details is not None else "Please tell your IT team what happened.")
    return f"{reason}\n\n{where}"


def show_failure(text: str) -> None:
    """Show ``text`` in a dialog: Qt's if Qt works, else the system's; also on stderr if there is one."""
    if sys.stderr is not None:
        print(f"sgdesk: {FAILURE_TITLE}: {text}", file=sys.stderr)
    if not _show_qt_box(text):
        _show_native_box(text)


def _show_qt_box(text: str) -> bool:
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sgdesk"])  # kept alive for the box
        box = QMessageBox(QMessageBox.Icon.Critical, FAILURE_TITLE, text, QMessageBox.StandardButton.Ok)
        box.setObjectName("startupError")
        box.setWindowIcon(app_icon())
        box.exec()
        return True
    except Exception:  # noqa: BLE001  Qt itself is what failed: fall back to the system's box
        return False


def _show_native_box(text: str) -> None:
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, FAILURE_TITLE, MB_OK_ICONERROR)


# -- first paint: timing and the smoke check ------------------------------------------------------------

def watch_first_paint(window) -> None:
    """Honour ``SGDESK_TIMING`` and ``SGDESK_SMOKE`` for the main ``window`` (call before showing it)."""
    timing = os.environ.get("SGDESK_TIMING") == "1"
    smoke = os.environ.get("SGDESK_SMOKE") == "1"
    if not (timing or smoke):
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()

    def after_paint() -> None:
        if timing and sys.stderr is not None:
            print(f"sgdesk-timing first-paint monotonic={time.monotonic():.4f}", file=sys.stderr, flush=True)
        if smoke:
            code = smoke_check(window)
            window.close()
            app.exit(code)

    class FirstPaint(QObject):
        """Watches the window alone, which is painted first, before what it holds: a filter on the whole
        application would make PySide build the Python type (and enums) of every object an event passes
        through, which added 30 ms to the very first paint it measures."""

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, after_paint)   # runs once this paint has reached the screen
            return False

    window.first_paint_filter = FirstPaint(window)
    window.installEventFilter(window.first_paint_filter)


def smoke_check(window) -> int:
    """Load every feature and view (and build each view when a file is open); 0 if all went well."""
    from PySide6.QtWidgets import QApplication

    from sgdesk import registry
    from sgdesk.gui.shell.viewspecs import load_view, view_specs

    try:
        loaded = registry.load()
        specs = view_specs(loaded)
        for spec in specs:
            load_view(spec)
        built = 0
        if window.context is not None:
            for spec in specs:
                window.view_stack.setCurrentWidget(window.view(spec.key))
                QApplication.processEvents()
                built += 1
    except Exception:  # noqa: BLE001  reported to whoever runs the smoke test
        print("smoke: failed\n" + traceback.format_exc(), file=sys.stderr)
        return 1
    print(f"smoke: {len(registry.FEATURE_MODULES)} feature modules ({len(loaded.import_kinds)} import kinds, "
          f"{len(loaded.reports)} reports, {len(loaded.exports)} exports), {len(specs)} views loaded, "
          f"{built} built", flush=True)
    return 0
