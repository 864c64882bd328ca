"""Long work off the UI thread, with a progress dialog that can cancel it.

The work function runs in a worker thread and receives a :class:`Progress`; it must not touch
widgets. It should open the board file again (read-only) for its own use; the GUI's own
connection may be handed over only while the window-modal progress dialog keeps the window
still (as File > Import does).

Workers are plain Python threads. Results travel back through a parentless signals object that
lives on the UI thread. The UI thread keeps the work function, its signals and progress until the
worker thread has ended, so the last reference to anything the work function holds (often a
widget) is always dropped on the UI thread: a Qt object deleted from a worker thread crashes.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from sgdesk.errors import SGDeskError

#: progress is passed to the UI at most this often (seconds); the last step always is
PROGRESS_INTERVAL = 0.05


class Cancelled(SGDeskError):
    def __init__(self) -> None:
        super().__init__("stopped before it finished; nothing was changed")


class Progress:
    """Passed to the work function: report progress, and check whether to stop."""

    def __init__(self, signals: "_Signals") -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._last = 0.0

    def update(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or done >= total:
            self._last = now
            self._signals.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


#: work under way: its signals object -> (thread, work, progress), released on the UI thread
_RUNNING: dict[_Signals, tuple[threading.Thread, Callable[[Progress], Any], Progress]] = {}


def _work_thread(work: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
    try:
        result = work(progress)
    except BaseException as error:  # reported to the UI thread, shown without a traceback
        signals.failed.emit(error)
    else:
        signals.finished.emit(result)


def run_in_background(parent: QWidget, title: str, work: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None = None
                      ) -> Progress:
    """Run ``work`` in the thread pool with a modal, cancellable progress dialog."""
    from sgdesk.gui.widgets.dialogs import show_error

    signals = _Signals()
    progress = Progress(signals)
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle("SG Desk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.canceled.connect(progress.cancel)

    def on_progress(done: int, total: int, text: str) -> None:
        if isValid(dialog):
            dialog.setMaximum(total)
            dialog.setValue(done)
            if text:
                dialog.setLabelText(text)

    def close_dialog() -> bool:
        """Put the dialog away; False when the window it belonged to has gone."""
        thread, _work, _progress = _RUNNING.pop(signals)
        thread.join()  # it has sent its last signal: only its own clean-up is left
        signals.deleteLater()
        if not isValid(dialog):
            return False
        dialog.reset()
        dialog.deleteLater()
        return True

    def finish(result: Any) -> None:
        if close_dialog():
            on_done(result)

    def fail(error: BaseException) -> None:
        if close_dialog() and not isinstance(error, Cancelled):
            (on_error or (lambda e: show_error(parent, e, title)))(error)

    signals.progress.connect(on_progress)
    signals.finished.connect(finish)
    signals.failed.connect(fail)
    thread = threading.Thread(target=_work_thread, args=(work, signals, progress), name=f"SG Desk: {title}",
                              daemon=True)
    _RUNNING[signals] = (thread, work, progress)
    thread.start()
    return progress
