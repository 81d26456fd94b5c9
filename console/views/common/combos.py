"""Pick lists: a vocabulary's codes (``coded_combo``) and items that follow the data (bases on
the board, municipalities in a filter: ``refill``)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtWidgets import QComboBox


def coded_combo(codes: Iterable[str | enum.Enum], text: Callable[[str], str], *,
                current: object = None, first: str | None = None) -> QComboBox:
    """A combo over a vocabulary (an enum of the services, or its codes): each item shows
    ``text(code)`` and carries the code, the value a service takes; ``current`` is chosen when
    it is one of them (else the first). ``first``: an item before the codes that carries None
    ("As the course", "Choose the action taken…")."""
    combo = QComboBox()
    if first is not None:
        combo.addItem(first, None)
    for code in codes:
        value = code.value if isinstance(code, enum.Enum) else code
        combo.addItem(text(value), value)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def refill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
    """New (text, data) items in a combo, keeping the chosen data (else the first item)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    combo.blockSignals(False)
