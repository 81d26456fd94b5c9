"""The red list's table: courses whose medicine runs out within 48 h with no delivery planned."""

from __future__ import annotations

import enum
from datetime import timedelta
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from console.services.logistics.deliveries import AtRiskRow
from console.views.common import palette
from console.views.common.fonts import bold_font
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
from console.views.logistics.model import (
    _CTX,
    ADMISSION_ID_ROLE,
    RowsModel,
    _t,
    hours_text,
    when_text,
)


class AtRiskColumn(enum.IntEnum):
    PATIENT = 0
    MUNICIPALITY = 1
    PHONE = 2
    MEDICINE = 3
    RUNS_OUT = 4
    LEFT = 5
    NEXT_DELIVERY = 6


class AtRiskTableModel(RowsModel[AtRiskRow]):
    """R-SUPPLY: runs out within 48 h and no delivery planned before; every cell red."""

    KEY = "admission_id"
    ID_ROLES: ClassVar[dict[int, str]] = {ADMISSION_ID_ROLE: "admission_id"}

    HEADERS = (
        QT_TRANSLATE_NOOP("LogisticsModel", "Patient"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Municipality"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Phone"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Medicine"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Runs out"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Time left"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Delivery planned"),
    )

    def set_rows(self, rows: tuple[AtRiskRow, ...]) -> None:
        self.replace_rows(tuple(rows))

    def _sort_key(self, row: AtRiskRow, col: int) -> Any:
        if col in (AtRiskColumn.RUNS_OUT, AtRiskColumn.LEFT):
            return row.runs_out_at.timestamp()
        if col == AtRiskColumn.NEXT_DELIVERY:
            return row.next_delivery_at.timestamp() if row.next_delivery_at else 0.0
        return self._display(row, col).casefold()

    def _colours(self, row: AtRiskRow, col: int) -> tuple[QColor, QColor]:
        return palette.DANGER_BG, palette.DANGER_FG  # every cell red (R-SUPPLY)

    def _tooltip(self, row: AtRiskRow, col: int) -> str | None:
        if col != AtRiskColumn.PATIENT:
            return None
        return "\n".join(filter(None, (row.address, row.phone)))

    def _more(self, row: AtRiskRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and col in (AtRiskColumn.PATIENT, AtRiskColumn.LEFT):
            return bold_font()
        return None

    def _display(self, row: AtRiskRow, col: int) -> str:
        now = self._now()
        match col:
            case AtRiskColumn.PATIENT:
                return row.patient
            case AtRiskColumn.MUNICIPALITY:
                return row.municipality
            case AtRiskColumn.PHONE:
                return row.phone or "—"
            case AtRiskColumn.MEDICINE:
                return ", ".join(row.medicine)
            case AtRiskColumn.RUNS_OUT:
                return when_text(row.runs_out_at, now)
            case AtRiskColumn.LEFT:
                return hours_text((row.runs_out_at - now) / timedelta(hours=1))
            case AtRiskColumn.NEXT_DELIVERY:
                if row.next_delivery_at is None:
                    return _t("none")
                return translate(_CTX, "only {when} (too late)",
                                 when=when_text(row.next_delivery_at, now))
        return ""
