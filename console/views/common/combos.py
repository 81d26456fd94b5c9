"""Pick lists whose items follow the data (bases on the board, municipalities in a filter)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
    """New (text, data) items in a combo, keeping the chosen data (else the first item)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    combo.blockSignals(False)
