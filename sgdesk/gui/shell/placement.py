"""Where the main window first opens: sized to the screen it opens on, maximised on a laptop's.

Board administrators use 1366×768 screens, or 1920×1080 at 125-150 % scaling (1536×864 or
1280×720 logical pixels): there the window opens maximised, so the status bar and the buttons under
a table are never below the screen. On a larger screen it opens at a comfortable size, centred.
Afterwards the window opens as it was last left (size, place and whether maximised).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

#: an available screen smaller than this either way is a laptop's: the window opens maximised there
ROOMY = QSize(1600, 900)
#: the largest first window on a big screen, and the part of the screen it takes at most
LARGEST = QSize(1600, 1000)
SHARE = 0.85


def first_geometry(available: QRect) -> QRect | None:
    """The first window's frame on a screen whose free area is ``available``; None: maximise it."""
    if available.width() < ROOMY.width() or available.height() < ROOMY.height():
        return None
    size = QSize(min(LARGEST.width(), int(available.width() * SHARE)),
                 min(LARGEST.height(), int(available.height() * SHARE)))
    frame = QRect(available.topLeft(), size)
    frame.moveCenter(available.center())
    return frame
