"""The Dispatch screen's route sheet and map buttons.

*Route sheet…* writes the selected car's sheet as a PDF. A sheet shows every patient's address
and phone on the route, so each patient's access log records the print first (§ 42 a), as a
record print does. *Map…* opens the day's routes and tray on the region's map.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QVBoxLayout, QWidget

from console.services.core.operations import call
from console.services.dispatch.board_view import BoardSnapshot
from console.services.dispatch.route_sheets import RouteSheet, base_points, route_sheet_for_print
from console.views.common.screen import ScreenContext
from console.views.common.widgets import resize_within_screen
from console.views.common.worker import message_of
from console.views.dispatch.map import DispatchMap, map_data_from
from console.views.dispatch.route_sheet import write_route_sheet_pdf


class Host(Protocol):
    """What the buttons need of the Dispatch screen."""

    context: ScreenContext
    day: date
    snapshot: BoardSnapshot | None
    car_selected: SignalInstance
    loaded: SignalInstance

    def selected_shift_car_id(self) -> int | None: ...

    def add_top_bar_widget(self, widget: QWidget) -> None: ...


class DispatchExtras(QObject):
    sheet_written = Signal(str)  # the PDF's path
    failed = Signal(str)

    def __init__(self, screen: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self.screen = screen
        self.parent_widget = parent
        self.sheet_button = QPushButton()
        self.map_button = QPushButton()
        self.sheet_button.clicked.connect(lambda: self.print_route_sheet())  # noqa: PLW0108
        self.map_button.clicked.connect(lambda: self.open_map())  # noqa: PLW0108
        screen.add_top_bar_widget(self.sheet_button)
        screen.add_top_bar_widget(self.map_button)
        screen.car_selected.connect(lambda _id: self._update())
        screen.loaded.connect(self._on_board_loaded)
        self.map_dialog: QDialog | None = None
        self.map: DispatchMap | None = None
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.sheet_button.setText(self.tr("Route sheet…"))
        self.sheet_button.setToolTip(self.tr("The chosen car's route as a PDF for the crew "
                                             "(the print is logged for each patient)"))
        self.map_button.setText(self.tr("Map…"))

    def _update(self) -> None:
        self.sheet_button.setEnabled(self.screen.selected_shift_car_id() is not None)

    def print_route_sheet(self, path: Path | None = None) -> None:
        shift_car_id = self.screen.selected_shift_car_id()
        if shift_car_id is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent_widget, self.tr("Save the route sheet"),
                f"route-{self.screen.day:%Y%m%d}-{shift_car_id}.pdf", "PDF (*.pdf)")
            if not chosen:
                return
            path = Path(chosen)
        target = path

        def written(sheet: RouteSheet) -> None:
            write_route_sheet_pdf(sheet, target)
            self.sheet_written.emit(str(target))

        self.screen.context.worker.write(
            call(route_sheet_for_print, shift_car_id), written,
            lambda error: self.failed.emit(message_of(error)), owner=self)

    def _on_board_loaded(self) -> None:
        if self.map_dialog is not None and self.map_dialog.isVisible():
            self.refresh_map()

    def open_map(self) -> QDialog:
        if self.map_dialog is None:
            self.map_dialog = QDialog(self.parent_widget)
            self.map_dialog.setWindowTitle(self.tr("MBE routes on the map"))
            self.map = DispatchMap()
            layout = QVBoxLayout(self.map_dialog)
            layout.addWidget(self.map)
            resize_within_screen(self.map_dialog, 980, 760)
        self.map_dialog.show()
        self.refresh_map()
        return self.map_dialog

    def refresh_map(self) -> None:
        snapshot = self.screen.snapshot
        if snapshot is None or self.map is None:
            return
        shown = self.map

        def draw(bases: list[tuple[str, float, float]]) -> None:
            shown.set_map_data(map_data_from(snapshot.shifts, snapshot.visits, bases))

        self.screen.context.worker.read(call(base_points), draw,
                                        lambda error: self.failed.emit(message_of(error)),
                                        owner=self)
