"""The conference table model: one row per antibiotic course of the week (frozen rows only)."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from console.services.rounds.conference import ConferenceCourse
from console.views.common.frozen_rows import FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_text
from console.views.common.labels import DISCHARGE_OUTCOMES, condition_label, label
from console.views.rounds.model import TREND_ROLE
from console.views.rounds.panel import decision_label

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


class ConferenceTableModel(FrozenRowsModel[ConferenceCourse]):
    HEADERS = HEADERS
    CONTEXT = _CTX

    KEY = "admission_id"

    def set_rows(self, rows: tuple[ConferenceCourse, ...]) -> None:
        self.replace_rows(rows)

    def _cell(self, course: ConferenceCourse, col: int, role: int) -> Any:
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
