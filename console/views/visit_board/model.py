"""The visit board's table: one row per visit, grouped by municipality and provider (the
service's order), the status as a badge (overdue in solid red, R-REGISTER)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRegularExpression, Qt

from console.services.course.visit_board import BoardVisit, VisitBoard
from console.views.common.fonts import bold_font
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import PROVIDERS, label, visit_label
from console.views.common.row_plan import RowsBase, RowsPlan, plan_rows
from console.views.common.rows_model import ColumnSpec, RowsTableModel
from console.views.common.tables import SortingProxy
from console.views.patient.timeline_model import BADGE_ROLE, status_badge, window_text

_CTX = "VisitBoardModel"
MUNICIPALITY_ROLE = Qt.ItemDataRole.UserRole + 20


class BoardColumn(enum.IntEnum):
    MUNICIPALITY = 0
    PROVIDER = 1
    WINDOW = 2
    PATIENT = 3
    KIND = 4
    STATUS = 5
    WHO = 6
    PHONE = 7


def _who(b: BoardVisit) -> str:
    v = b.visit
    return v.performed_by or v.car or v.missed_reason or ""


COLUMNS: tuple[ColumnSpec[BoardVisit], ...] = (
    # The default order: overdue visits first (R-REGISTER), then by municipality and provider.
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Municipality"), lambda b: b.municipality,
               sort=lambda b: (not b.visit.overdue, b.municipality, b.visit.provider,
                               b.visit.window_start)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Provider"), lambda b: label(PROVIDERS, b.visit.provider),
               sort=lambda b: (b.visit.provider, b.municipality, b.visit.window_start)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Window"), lambda b: window_text(b.visit),
               sort=lambda b: b.visit.window_start),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Patient"), lambda b: b.visit.patient),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Kind"), lambda b: visit_label(b.visit.kind, b.visit.task)),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Status"), lambda b: status_badge(b.visit)[0],
               sort=lambda b: (not b.visit.overdue, b.visit.status, b.visit.window_start),
               align_center=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Car / who / why"), _who, tooltip=lambda b: _who(b) or None),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Phone"), lambda b: b.patient_phone or ""),
)


class VisitBoardModel(RowsTableModel[BoardVisit]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_CTX, COLUMNS, parent)

    def extra_data(self, row: BoardVisit, column: int, role: int) -> Any:
        if role == BADGE_ROLE and column == BoardColumn.STATUS:
            return status_badge(row.visit)
        if role == MUNICIPALITY_ROLE:
            return row.municipality
        if role == Qt.ItemDataRole.FontRole and row.visit.overdue:
            return bold_font()
        return None


class MunicipalityFilter(SortingProxy):
    """Shows one municipality's visits (None: all), by Qt's own filter on ``MUNICIPALITY_ROLE``:
    with no municipality chosen no row is asked at all (a Python ``filterAcceptsRow`` was
    called for each of 8,000 visits on every first fill and every new row, issue 17)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.municipality: str | None = None
        self.setFilterRole(MUNICIPALITY_ROLE)
        self.setFilterKeyColumn(BoardColumn.MUNICIPALITY)

    def set_municipality(self, municipality: str | None) -> None:
        self.municipality = municipality
        self.setFilterRegularExpression(
            "" if municipality is None
            else QRegularExpression(f"^{QRegularExpression.escape(municipality)}$"))


@dataclass(frozen=True, eq=False)
class PreparedBoard:
    """A loaded board with what showing it takes, made on the pool thread (issue 17): the
    table's row plan, the counts of the header and the municipalities of the filter."""

    board: VisitBoard
    plan: RowsPlan[BoardVisit]
    done: int
    overdue: int
    municipalities: tuple[str, ...]


def prepare_board(base: RowsBase[BoardVisit], board: VisitBoard) -> PreparedBoard:
    """``board`` prepared for a table that shows ``base`` (plain Python: any thread)."""
    rows = board.rows
    return PreparedBoard(board, plan_rows(base, rows),
                         done=sum(r.visit.status == "done" for r in rows),
                         overdue=board.overdue,
                         municipalities=tuple(sorted({r.municipality for r in rows})))
