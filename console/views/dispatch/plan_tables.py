"""The plan dialog's tables (issue 18 moved them out of ``plan_dialog``): each car's load with
its break, the visits the plan could not place, and what the plan changes against the routes as
they are (the re-plan diff: visits that change car or time, read before accepting)."""

from __future__ import annotations

import enum
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from console.services.dispatch.plan_types import VisitMove
from console.services.dispatch.planner import PlannedRoute, UnplacedVisit
from console.timeutil import format_local
from console.views.common import palette
from console.views.common.fonts import bold_font
from console.views.common.frozen_rows import FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_numbers, translate_service_message
from console.views.common.tables import Mode, fit_columns, house_table
from console.views.dispatch.model import hours_text, shift_label

_CTX = "PlanDialog"


class RouteColumn(enum.IntEnum):
    CAR = 0
    SHIFT = 1
    STOPS = 2
    DRIVING = 3
    DISTANCE = 4
    BACK = 5
    BREAK = 6


class PlanRoutesModel(FrozenRowsModel):
    """Each car's load in a proposal."""

    KEY = "shift_car_id"

    CONTEXT = _CTX
    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Car"), QT_TRANSLATE_NOOP(_CTX, "Base and shift"),
               QT_TRANSLATE_NOOP(_CTX, "Stops"), QT_TRANSLATE_NOOP(_CTX, "Driving"),
               QT_TRANSLATE_NOOP(_CTX, "Distance"), QT_TRANSLATE_NOOP(_CTX, "Back at base"),
               QT_TRANSLATE_NOOP(_CTX, "Break"))

    def set_routes(self, routes: tuple[PlannedRoute, ...]) -> None:
        self.replace_rows(routes)

    def _cell(self, r: PlannedRoute, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.car, f"{r.base} · {shift_label(r.shift)} {hours_text(r.starts_at, r.ends_at)}",
                    str(len(r.stops)), self.tr("{m} min").format(m=r.driving_minutes),
                    decimal_numbers(self.tr("{km:.1f} km").format(km=r.distance_km)),
                    format_local(r.returns_at) if r.stops else "—", _rest_text(r))[col]
        if role == Qt.ItemDataRole.ForegroundRole and not r.stops:
            return palette.MUTED_FG
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= RouteColumn.STOPS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and r.stops:
            pinned = self.tr(" (pinned)")
            return "\n".join(f"{format_local(s.eta)}  {s.patient}" + (pinned if s.pinned else "")
                             for s in r.stops)
        return None


class UnplacedModel(FrozenRowsModel):
    """Visits the proposal could not place, with the planner's reason."""

    KEY = "visit_id"

    CONTEXT = _CTX
    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Patient"), QT_TRANSLATE_NOOP(_CTX, "Window"),
               QT_TRANSLATE_NOOP(_CTX, "Why not placed"))

    def set_visits(self, visits: tuple[UnplacedVisit, ...]) -> None:
        self.replace_rows(visits)

    def _cell(self, u: UnplacedVisit, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (u.patient + (self.tr(" (pinned)") if u.pinned else ""),
                    hours_text(u.window_start, u.window_end),
                    translate_service_message(u.reason))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return translate_service_message(u.reason)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return palette.WARNING_FG
        return None


class PlanMovesModel(FrozenRowsModel):
    """What the plan changes against the routes as they are: one row per visit that changes car
    (or goes to or comes from the tray) or keeps its car at another time (``plan_diff``)."""

    KEY = "visit_id"

    CONTEXT = _CTX
    HEADERS = (QT_TRANSLATE_NOOP(_CTX, "Patient"), QT_TRANSLATE_NOOP(_CTX, "Car now"),
               QT_TRANSLATE_NOOP(_CTX, "Car in the plan"), QT_TRANSLATE_NOOP(_CTX, "Time now"),
               QT_TRANSLATE_NOOP(_CTX, "Time in the plan"))

    def set_moves(self, moves: tuple[VisitMove, ...]) -> None:
        self.replace_rows(moves)

    def _cell(self, m: VisitMove, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            tray = self.tr("tray")
            return (m.patient, m.from_car or tray, m.to_car or tray,
                    format_local(m.from_eta) if m.from_eta else "—",
                    format_local(m.to_eta) if m.to_eta else "—")[col]
        if role == Qt.ItemDataRole.FontRole and col in (1, 2) and m.changes_car:
            return bold_font()
        if role == Qt.ItemDataRole.ForegroundRole and m.to_car is None:
            return palette.WARNING_FG
        return None


def _rest_text(r: PlannedRoute) -> str:
    """The crew's break at the base (R-BREAK): "11:40–12:10", or "—"."""
    if r.rest_at is None:
        return "—"
    return hours_text(r.rest_at, r.rest_at + timedelta(minutes=r.rest_minutes))


def plan_table(model: FrozenRowsModel, stretch: int) -> QTableView:
    table = house_table(model, selection=Mode.ExtendedSelection, row_height=None,
                        alternating=True, wrap=True, highlight=True,
                        resize=QHeaderView.ResizeMode.ResizeToContents)
    fit_columns(table, {}, stretch)
    return table
