"""Long work off the UI thread, with a progress dialog that can cancel it.

The work function runs in a worker thread and receives a :class:`Progress`; it must not touch
widgets or the GUI's connection (SQLite connections stay on their own thread: open the file
again read-only inside the work function).
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sgdesk.errors import SGDeskError


class Cancelled(SGDeskError):
    def __init__(self) -> None:
        super().__init__("stopped before it finished; nothing was changed")


class Progress:
    """Passed to the work function: report progress, and check whether to stop."""

    def __init__(self, signals: "_Signals") -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
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


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.work, self.signals, self.progress = work, signals, progress

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as error:  # reported to the UI thread, shown without a traceback
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def run_in_background(parent: QWidget, title: str, work: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None = None
                      ) -> Progress:
    """Run ``work`` in the thread pool with a modal, cancellable progress dialog."""
    from sgdesk.gui.dialogs import show_error

    signals = _Signals(parent)
    progress = Progress(signals)
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle("SG Desk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.canceled.connect(progress.cancel)

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    def finish(result: Any) -> None:
        dialog.reset()
        dialog.deleteLater()
        on_done(result)

    def fail(error: BaseException) -> None:
        dialog.reset()
        dialog.deleteLater()
        if isinstance(error, Cancelled):
            return
        (on_error or (lambda e: show_error(parent, e, title)))(error)

    signals.progress.connect(on_progress)
    signals.finished.connect(finish)
    signals.failed.connect(fail)
    QThreadPool.globalInstance().start(_Job(work, signals, progress))
    return progress
