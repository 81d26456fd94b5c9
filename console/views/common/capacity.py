"""The ward's capacity as every screen shows it (R-CAPACITY: over capacity warns, never blocks)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QLabel

from console.views.common.i18n import translate

_CTX = "Capacity"
CAPACITY_OK = "QLabel { font-size: 15px; font-weight: 600; }"
CAPACITY_OVER = ("QLabel { font-size: 15px; font-weight: 600; color: #7a4b00;"
                 " background: #fff1c2; border: 1px solid #e0b000; border-radius: 4px;"
                 " padding: 2px 8px; }")


class Occupancy(Protocol):
    """What a census or a round list knows of the ward's beds."""

    @property
    def admitted(self) -> int: ...

    @property
    def capacity(self) -> int: ...


class CapacityLabel(QLabel):
    """"35 / 30 admitted — over capacity", amber when over."""

    def show_occupancy(self, occupancy: Occupancy | None) -> None:
        """The count of a loaded census or round list; empty before the first load."""
        if occupancy is None:
            self.show_capacity(None, 0)
        else:
            self.show_capacity(occupancy.admitted, occupancy.capacity)

    def show_capacity(self, admitted: int | None, capacity: int) -> None:
        if admitted is None:
            self.setText("")
            return
        over = admitted > capacity
        text = translate(_CTX, "{admitted} / {capacity} admitted", admitted=admitted,
                         capacity=capacity)
        if over:  # R-CAPACITY: warns, never blocks
            text = translate(_CTX, "{count} — over capacity", count=text)
        self.setText(text)
        self.setStyleSheet(CAPACITY_OVER if over else CAPACITY_OK)
