"""Filters over a table: combo boxes that narrow what it shows ("All funds", "Open", "Red"...)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox


def filter_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def refill(combo: QComboBox, everything: str | None, items: list[tuple[str, Any]]) -> None:
    """Refill a filter combo (``everything`` first, with no data, unless None), keeping the chosen item where it
    still exists (the first one otherwise)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if everything is not None:
        combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    combo.blockSignals(False)
