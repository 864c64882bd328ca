"""The user guide: HTML pages in ``resources/help/``, opened in the user's browser from the local file.

Nothing is fetched from the network: the pages, their style sheet and the import templates they
link to all ship with SG Desk. Each main view names its page (``BoardView.help_page``), so F1
opens the page about what is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget

from sgdesk.paths import resource_path

INDEX = "index.html"


def help_url(page: str = INDEX) -> QUrl:
    """The local file URL of a page of the guide (``membership.html``, ``imports.html#attendance``)."""
    name, _hash, anchor = page.partition("#")
    url = QUrl.fromLocalFile(str(resource_path("help", name)))
    if anchor:
        url.setFragment(anchor)
    return url


def open_help(page: str = INDEX) -> bool:
    """Open a page of the guide in the user's browser; False if the system could not open it."""
    return QDesktopServices.openUrl(help_url(page))


def help_link(page: str, text: str = "Read about this in the user guide") -> QLabel:
    """A link that opens ``page`` of the guide."""
    label = QLabel(f'<a href="{page}">{text}</a>')
    label.setObjectName("helpLink")
    label.setAccessibleName(text)
    label.setToolTip("Opens the user guide in your web browser (from this computer: no internet needed)")
    label.linkActivated.connect(open_help)
    return label


def explain(widget: QWidget, text: str) -> None:
    """Say what a control does, as its tooltip and as its What's This? (Shift+F1, then click it)."""
    widget.setToolTip(text)
    widget.setWhatsThis(text)
