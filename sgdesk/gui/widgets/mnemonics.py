"""Checking a window's access keys (the underlined letter that Alt presses).

Qt gives an Alt+letter shortcut to each button, tab, labelled field, group box and menu whose
text has ``&`` before a letter. Two visible at once in one window make Alt+letter only move the
focus between them, pressing neither (Alt+S on the Answers tab went to the first of two S's).
A label with no field to go to shows its ``&`` as text instead ("&File:").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)


def access_key(text: str) -> str | None:
    """The letter after the first single ``&`` in ``text`` (``&&`` is an ampersand), lower case.

    >>> access_key("Save and &next"), access_key("Terms && conditions"), access_key("Plain")
    ('n', None, None)
    """
    position = 0
    while (position := text.find("&", position)) >= 0 and position + 1 < len(text):
        if text[position + 1] != "&":
            return text[position + 1].casefold()
        position += 2
    return None


@dataclass(frozen=True)
class AccessKey:
    """An access key and the menu item, button, tab, group box or label whose text gives it."""

    key: str
    text: str
    kind: str

    def __str__(self) -> str:
        return f"{self.kind} “{self.text}”"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.window() is window


def _is_plain(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText or (
        label.textFormat() == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(label.text()))


def access_keys(window: QWidget) -> tuple[list[AccessKey], list[str]]:
    """The access keys of what ``window`` shows now, and the labels showing a stray ``&``."""
    keys: list[AccessKey] = []
    strays: list[str] = []
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if action.isVisible() and (key := access_key(action.text())):
                keys.append(AccessKey(key, action.text(), "menu"))
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, QAbstractButton):
            if key := access_key(widget.text()):
                keys.append(AccessKey(key, widget.text(), "button"))
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                if widget.isTabVisible(tab) and (key := access_key(widget.tabText(tab))):
                    keys.append(AccessKey(key, widget.tabText(tab), "tab"))
        elif isinstance(widget, QGroupBox):
            if key := access_key(widget.title()):
                keys.append(AccessKey(key, widget.title(), "group"))
        elif isinstance(widget, QLabel) and _is_plain(widget) and (key := access_key(widget.text())):
            if widget.buddy() is None:
                strays.append(f"the label “{widget.text()}” shows its & (it has no field to go to)")
            else:
                keys.append(AccessKey(key, widget.text(), "label"))
    return keys, strays


def access_key_problems(window: QWidget) -> list[str]:
    """What is wrong with the access keys ``window`` shows now: keys used twice, stray ampersands."""
    keys, problems = access_keys(window)
    by_key: dict[str, list[AccessKey]] = {}
    for found in keys:
        by_key.setdefault(found.key, []).append(found)
    title = window.windowTitle() or type(window).__name__
    for key, users in sorted(by_key.items()):
        if len(users) > 1:
            problems.append(f"{title}: Alt+{key.upper()} is " + ", ".join(str(u) for u in users))
    return problems
