"""The Dispatch screen's building blocks: its tables, labels and the boxes they sit in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QWidget,
)

from console.views.common.badge_delegate import BadgeDelegate
from console.views.common.column_room import give_way_once_fitted
from console.views.common.tables import fit_columns, fit_on_first_rows, house_table
from console.views.common.widgets import column
from console.views.dispatch.model import KIND_COLOURS, kind_label
from console.views.dispatch.tables import CarsColumn, TrayColumn

TRAY_WIDTHS = {TrayColumn.PATIENT: 160, TrayColumn.TOWN: 84, TrayColumn.KIND: 92,
               TrayColumn.WINDOW: 92, TrayColumn.MINUTES: 40, TrayColumn.LOCATION: 46,
               TrayColumn.STATUS: 118}
CARS_WIDTHS = {CarsColumn.BASE: 82, CarsColumn.SHIFT: 134, CarsColumn.CAR: 56,
               CarsColumn.IN_SERVICE: 76, CarsColumn.VISITS: 48}
INFO_STYLE = ("QLabel { color: #0b3d91; background: #dbe9ff; border-radius: 4px;"
               " padding: 4px 8px; }")
TITLE_STYLE = "QLabel { font-weight: 600; }"


def table(model: Any, widths: dict[Any, int], stretch: int) -> QTableView:
    table = house_table(model, editable=True)
    fit_columns(table, widths, stretch)
    return table


def boxed(title: QLabel, table: QWidget) -> QWidget:
    return column(title, (table, 1), margins=(0, 4, 0, 0), spacing=2)




def tray_table(model: Any) -> QTableView:
    """The tray: MBE visits on no car, sorted by window, dragged onto the board's lanes."""
    tray = table(model, TRAY_WIDTHS, TrayColumn.PATIENT)
    tray.setSortingEnabled(True)
    tray.sortByColumn(TrayColumn.WINDOW, Qt.SortOrder.AscendingOrder)
    tray.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tray.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    tray.setDefaultDropAction(Qt.DropAction.MoveAction)
    tray.setDropIndicatorShown(False)
    tray.setItemDelegateForColumn(TrayColumn.STATUS, BadgeDelegate(tray))
    # issue 20: the short columns give their room to the patient's name, which was cut; in the
    # morning, with "Window open" and "Window passed" badges, the town narrows for it too, and
    # a long MBE task's kind ("PVK placement (new or re-inserted access)") after it (both whole
    # in their tooltips)
    fit_on_first_rows(tray, (c for c in TrayColumn if c != TrayColumn.PATIENT),
                      then=give_way_once_fitted(tray, TrayColumn.PATIENT,
                                                {TrayColumn.TOWN: 56, TrayColumn.KIND: 110}))
    return tray


def cars_table(model: Any) -> QTableView:
    """The cars of the day's shifts: crew edited in place, in service ticked."""
    cars = table(model, CARS_WIDTHS, CarsColumn.CREW)
    cars.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed)
    return cars


def legend_text(symbols: str) -> str:
    """The board's legend: a colour swatch per visit kind, then what the symbols mean."""
    swatches = " ".join(f'<span style="color:{KIND_COLOURS[k].name()}">■</span> {kind_label(k)}'
                        for k in ("first_visit", "iv_dose", "blood_sample", "support",
                                  "assessment"))
    return f"{swatches}&nbsp;&nbsp;{symbols}"
