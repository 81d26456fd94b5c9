"""The census table model: one row per admitted patient, over frozen ``CensusRow`` tuples.

Never touches the database: the screen hands it rows the worker loaded. Display text is
computed from the row; ``SORT_ROLE`` gives raw sortable values (ints, timestamps, strings);
``SEARCH_ROLE`` (column 0) is the text the filter box matches.
"""

from __future__ import annotations

import enum
import math
from datetime import date, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QFont

from console.services.course.census import CensusRow
from console.timeutil import to_local
from console.views.common import palette
from console.views.common.fonts import bold_font
from console.views.common.frozen_rows import FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_numbers, translate
from console.views.common.labels import PLACES, condition_label, label, treatment_label

ADMISSION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3



class Column(enum.IntEnum):
    NAME = 0
    CPR = 1
    MUNICIPALITY = 2
    CONDITION = 3
    TREATMENT = 4
    DOSES = 5
    DAY = 6
    NEXT_VISIT = 7
    CRP = 8
    SUPPLY = 9
    ESCALATIONS = 10



_CTX = "CensusTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("CensusTableModel", "Name"),
    QT_TRANSLATE_NOOP("CensusTableModel", "CPR"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Municipality"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Condition"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Treatment"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Doses"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Day"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Next visit"),
    QT_TRANSLATE_NOOP("CensusTableModel", "CRP"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Supply left"),
    QT_TRANSLATE_NOOP("CensusTableModel", "Escalations"),
)
HEADER_TIPS: dict[int, str] = {
    Column.DOSES: QT_TRANSLATE_NOOP("CensusTableModel", "IV administrations a day on this day"),
    Column.DAY: QT_TRANSLATE_NOOP("CensusTableModel", "Day of the course, of its planned length"),
    Column.CRP: QT_TRANSLATE_NOOP("CensusTableModel", "CRP due: no CRP taken since the CRP day"),
    Column.SUPPLY: QT_TRANSLATE_NOOP("CensusTableModel", "Days of medicine left in the home"),
    Column.ESCALATIONS: QT_TRANSLATE_NOOP("CensusTableModel", "Open escalations"),
}
NUMERIC_COLUMNS = frozenset({Column.DOSES, Column.DAY, Column.SUPPLY, Column.ESCALATIONS})
MUNICIPALITY_STATES = {  # R-ACCEPT, R-CAREPLAN: shown beside the municipality's name
    "awaiting": QT_TRANSLATE_NOOP("CensusTableModel", "awaiting"),
    "care_plan": QT_TRANSLATE_NOOP("CensusTableModel", "plan not ok"),
}
MUNICIPALITY_TIPS = {
    "awaiting": QT_TRANSLATE_NOOP("CensusTableModel", "Awaiting the municipality: its doses are "
                                  "not yet accepted (R-ACCEPT)"),
    "care_plan": QT_TRANSLATE_NOOP("CensusTableModel", "The municipality has not acknowledged "
                                   "the care plan (\"Plejeforløbsplan ok\")"),
}
SUPPLY_AMBER_DAYS = 2
SUPPLY_RED_DAYS = 1


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class CensusTableModel(FrozenRowsModel[CensusRow]):
    HEADERS = HEADERS
    HEADER_TIPS = HEADER_TIPS
    CONTEXT = _CTX
    KEY = "admission_id"
    ID_ROLES: ClassVar[dict[int, str]] = {ADMISSION_ID_ROLE: "admission_id"}
    CENTRED = NUMERIC_COLUMNS | {Column.NEXT_VISIT, Column.CRP}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._day: date = date.today()

    # -- content -------------------------------------------------------------------------------

    def set_rows(self, rows: tuple[CensusRow, ...], day: date) -> None:
        """Show new rows keyed by admission: the selection and scroll stay (style.md 6)."""
        day_changed, self._day = day != self._day, day
        self.replace_rows(rows)
        if day_changed:  # "day 3 of 7" and "next visit" are counted from the shown day
            self.refresh_all()

    def row_of_admission(self, admission_id: int) -> int | None:
        return self.row_of(admission_id)

    def _more(self, row: CensusRow, col: int, role: int) -> Any:
        if role == SEARCH_ROLE:
            return self._search_text(row) if col == Column.NAME else None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, col)
        return None

    # -- cells ---------------------------------------------------------------------------------

    def _display(self, row: CensusRow, col: int) -> str:
        match col:
            case Column.NAME:
                return row.name
            case Column.CPR:
                return row.cpr_masked
            case Column.MUNICIPALITY:
                state = MUNICIPALITY_STATES.get(row.municipality_state)
                return f"{row.municipality} · {_t(state)}" if state else row.municipality
            case Column.CONDITION:
                return condition_label(row.condition)
            case Column.TREATMENT:  # a regimen a line (issue 20: the second was elided)
                return (decimal_numbers(row.treatment_detail.replace("; ", "\n"))
                        or treatment_label(row.treatment))
            case Column.DOSES:
                return str(row.doses_per_day)
            case Column.DAY:
                total = self._course_length(row)
                if total is None:
                    return str(row.day_of_course)
                return translate(_CTX, "{day} of {total}", day=row.day_of_course, total=total)
            case Column.NEXT_VISIT:
                return self._next_visit_text(row)
            case Column.CRP:
                return _t("CRP due") if row.crp_due else ""
            case Column.SUPPLY:
                if row.supply_days_left is None:  # the stock at home covers every planned dose
                    return _t("to end")
                if row.supply_hours_left is not None:  # under a day: how many hours
                    return translate(_CTX, "{n} h", n=row.supply_hours_left)
                return self._days(row.supply_days_left)
            case Column.ESCALATIONS:
                return str(row.open_escalations) if row.open_escalations else "—"
        return ""

    def _sort_key(self, row: CensusRow, col: int) -> Any:
        match col:
            case Column.DOSES:
                return row.doses_per_day
            case Column.DAY:
                return row.day_of_course
            case Column.NEXT_VISIT:  # overdue ones first (R-REGISTER), oldest first
                if row.overdue_since is not None:
                    return to_local(row.overdue_since).timestamp() - 1e10
                return (to_local(row.next_visit_at).timestamp() if row.next_visit_at
                        else math.inf)
            case Column.CRP:
                return int(row.crp_due)
            case Column.SUPPLY:
                return math.inf if row.supply_days_left is None else row.supply_days_left
            case Column.ESCALATIONS:
                return row.open_escalations
        return self._display(row, col).casefold()

    def _search_text(self, row: CensusRow) -> str:
        return " ".join((row.name, row.cpr_masked, row.municipality, row.condition,
                         condition_label(row.condition), row.treatment,
                         treatment_label(row.treatment), row.treatment_detail,
                         row.place, label(PLACES, row.place)))  # R-REGISTER: filter by place

    def _colours(self, row: CensusRow, col: int) -> tuple[QColor | None, QColor | None]:
        if col == Column.CRP and row.crp_due:
            return palette.INFO_BG, palette.INFO_FG
        if col == Column.MUNICIPALITY and row.municipality_state:  # R-ACCEPT, R-CAREPLAN
            return palette.WARNING_BG, palette.WARNING_FG
        if col == Column.SUPPLY and row.supply_days_left is not None:
            if row.supply_days_left <= SUPPLY_RED_DAYS:
                return palette.DANGER_BG, palette.DANGER_FG
            if row.supply_days_left <= SUPPLY_AMBER_DAYS:
                return palette.WARNING_BG, palette.WARNING_FG
        if col == Column.ESCALATIONS and row.open_escalations > 0:
            return palette.DANGER_BG, palette.DANGER_FG
        if col == Column.NEXT_VISIT and row.overdue_since is not None:  # R-REGISTER
            return palette.DANGER_BG, palette.DANGER_FG
        if col == Column.NEXT_VISIT and row.next_visit_at is None:
            return None, palette.MUTED_FG
        return None, None

    def _font(self, row: CensusRow, col: int) -> QFont | None:
        emphasised = ((col == Column.CRP and row.crp_due)
                      or (col == Column.ESCALATIONS and row.open_escalations > 0)
                      or (col == Column.NEXT_VISIT and row.overdue_since is not None)
                      or (col == Column.SUPPLY and row.supply_days_left is not None
                          and row.supply_days_left <= SUPPLY_RED_DAYS))
        if not emphasised:
            return None
        return bold_font()

    def _tooltip(self, row: CensusRow, col: int) -> str | None:
        match col:
            case Column.MUNICIPALITY if row.municipality_state in MUNICIPALITY_TIPS:
                return _t(MUNICIPALITY_TIPS[row.municipality_state])
            case Column.MUNICIPALITY | Column.CONDITION:  # the full text of a narrowed column
                return self._display(row, col)
            case Column.TREATMENT:
                return "\n".join(filter(None, (decimal_numbers(row.treatment_detail.replace("; ", "\n")),
                                               treatment_label(row.treatment))))
            case Column.DAY if row.planned_end is not None:
                return translate(_CTX, "Planned end {date}", date=row.planned_end.isoformat())
            case Column.NEXT_VISIT if row.overdue_since is not None:
                return translate(_CTX, "{n} visit(s) past their window without a registration "
                                 "(R-REGISTER): register them done or missed in the record. "
                                 "Next planned: {next}", n=row.overdue_visits,
                                 next=to_local(row.next_visit_at).strftime("%Y-%m-%d %H:%M")
                                 if row.next_visit_at else "—")
            case Column.NEXT_VISIT if row.next_visit_at is not None:
                return to_local(row.next_visit_at).strftime("%Y-%m-%d %H:%M")
            case Column.SUPPLY if (row.supply_days_left is not None
                                  and row.supply_days_left <= SUPPLY_AMBER_DAYS):
                return _t("Plan a delivery: medicine runs out soon")
            case Column.SUPPLY if row.supply_days_left is None:
                return _t("The medicine at home covers every planned dose to the end of the course")
        return None

    # -- helpers -------------------------------------------------------------------------------

    def _course_length(self, row: CensusRow) -> int | None:
        if row.planned_end is None:
            return None
        first_day = self._day - timedelta(days=row.day_of_course - 1)
        return (row.planned_end - first_day).days + 1

    def _next_visit_text(self, row: CensusRow) -> str:
        if row.overdue_since is not None:  # R-REGISTER: the overdue one first
            local = to_local(row.overdue_since)
            when = local.strftime("%H:%M" if local.date() == self._day else "%d/%m %H:%M")
            return translate(_CTX, "Overdue {when}", when=when)
        if row.next_visit_at is None:
            return "—"
        local = to_local(row.next_visit_at)
        if local.date() == self._day:
            return local.strftime("%H:%M")
        return local.strftime("%d/%m %H:%M")

    @staticmethod
    def _days(n: int) -> str:
        if abs(n) == 1:
            return translate(_CTX, "{n} day", n=n)
        return translate(_CTX, "{n} days", n=n)
