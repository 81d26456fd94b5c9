"""The conference table model: one row per antibiotic course of the week (frozen rows only)."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from console.services.rounds.conference import ConferenceCourse
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_text
from console.views.common.labels import condition_label
from console.views.patient.labels import DISCHARGE_OUTCOMES, label
from console.views.rounds.model import TREND_ROLE
from console.views.rounds.panel import decision_label

Index = QModelIndex | QPersistentModelIndex
ADMISSION_ID_ROLE = Qt.ItemDataRole.UserRole + 11
_CTX = "ConferenceTableModel"


class Column(enum.IntEnum):
    PATIENT = 0
    CONDITION = 1
    ANTIBIOTICS = 2
    STARTED = 3
    CRP = 4
    DECISIONS = 5
    OUTCOME = 6


HEADERS = (
    QT_TRANSLATE_NOOP(_CTX, "Patient"),
    QT_TRANSLATE_NOOP(_CTX, "Condition"),
    QT_TRANSLATE_NOOP(_CTX, "Antibiotics"),
    QT_TRANSLATE_NOOP(_CTX, "Day 1"),
    QT_TRANSLATE_NOOP(_CTX, "CRP"),
    QT_TRANSLATE_NOOP(_CTX, "Round decisions"),
    QT_TRANSLATE_NOOP(_CTX, "Discharged"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def decisions_text(course: ConferenceCourse) -> str:
    parts = [f"{d.round_date:%d/%m} {decision_label(d.decision)}" for d in course.decisions
             if d.decision]
    return "; ".join(parts) or "—"


class ConferenceTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ConferenceCourse, ...] = ()

    def set_rows(self, rows: tuple[ConferenceCourse, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ConferenceCourse:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return _t(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        course, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(course, col)
        if role == ADMISSION_ID_ROLE:
            return course.admission_id
        if role == TREND_ROLE and col == Column.CRP:
            return tuple(v for _at, v in course.crp[-5:])
        return None

    def _display(self, course: ConferenceCourse, col: int) -> str:
        match col:
            case Column.PATIENT:
                return f"{course.patient} ({course.cpr_masked})"
            case Column.CONDITION:
                return condition_label(course.condition)
            case Column.ANTIBIOTICS:
                return course.antibiotics
            case Column.STARTED:
                return course.first_day.strftime("%d/%m")
            case Column.CRP:
                return "—" if course.latest_crp is None else decimal_text(f"{course.latest_crp:g}")
            case Column.DECISIONS:
                return decisions_text(course)
            case Column.OUTCOME:
                if course.discharged_on is None:
                    return _t("admitted")
                outcome = label(DISCHARGE_OUTCOMES, course.discharge_outcome)
                return f"{course.discharged_on:%d/%m} {outcome}".strip()
        return ""
