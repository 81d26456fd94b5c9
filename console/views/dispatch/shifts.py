"""The Dispatch screen's *Shifts* menu (issue 14, R-SHIFT): the dispatcher creates the week's
shifts from the rota, or copies the previous week with its crews, in one action each.

Each action is one service call through the screen's writes (the worker, the audited unit of
work); the board reloads from the change feed and shows the new lanes. Staffing a car (its crew)
and its service state stay in the cars table below the board.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from console.services.core.operations import call
from console.services.dispatch import rota
from console.services.dispatch.rota import ShiftsCreated
from console.views.dispatch.writes import DispatchWrites


class Host(Protocol):
    day: date
    writes: DispatchWrites

    def add_top_bar_widget(self, widget: QWidget) -> None: ...


class DispatchShifts(QObject):
    def __init__(self, screen: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self.screen = screen
        self.button = QPushButton()
        self.menu = QMenu(parent)
        self.week_action = QAction(self.menu)
        self.week_action.triggered.connect(lambda: self.create_week())  # noqa: PLW0108
        self.copy_action = QAction(self.menu)
        self.copy_action.triggered.connect(lambda: self.copy_previous_week())  # noqa: PLW0108
        self.menu.addAction(self.week_action)
        self.menu.addAction(self.copy_action)
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self.retranslate_ui)  # the dates follow the screen's day
        screen.add_top_bar_widget(self.button)
        self.retranslate_ui()

    def set_editable(self, editable: bool) -> None:
        """Only a dispatcher creates shifts (the service checks again)."""
        self.button.setVisible(editable)

    def retranslate_ui(self) -> None:
        day = self.screen.day
        self.button.setText(self.tr("Shifts"))
        self.button.setToolTip(self.tr("Create MBE shifts for the bases' cars (R-SHIFT)"))
        self.week_action.setText(self.tr("Create 7 days of shifts from the rota, from {date}")
                                 .format(date=f"{day:%d/%m}"))
        self.copy_action.setText(self.tr("Copy the week from {source} with its crews")
                                 .format(source=f"{day - timedelta(days=rota.WEEK_DAYS):%d/%m}"))

    def create_week(self) -> None:
        self.screen.writes.write(call(rota.create_shifts, self.screen.day, rota.WEEK_DAYS),
                                 self._created, self.tr("No shifts created"))

    def copy_previous_week(self) -> None:
        day = self.screen.day
        self.screen.writes.write(call(rota.copy_week, day - timedelta(days=rota.WEEK_DAYS), day),
                                 self._created, self.tr("No shifts copied"))

    def _created(self, made: ShiftsCreated) -> str:
        return self.tr("{n} shifts created; {m} were already there.").format(
            n=len(made.created), m=made.already_there)
