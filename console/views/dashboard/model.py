"""Table models of the dashboard: one generic model over a chart's ``Table`` and two over a
``Settlement`` (totals per municipality, and the ended courses of one municipality).

They never touch the database: the screen hands them what the worker loaded. ``SORT_ROLE``
gives raw values for a ``QSortFilterProxyModel``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from console.services.monitoring.settlement import MunicipalitySettlement, Settlement, SettlementLine, Totals
from console.views.common import palette
from console.views.common.fonts import bold_font
from console.views.common.frozen_rows import SORT_ROLE, FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_text
from console.views.dashboard.tables import DATE, TEXT, Table, format_cell

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CTX = "SettlementModel"


def _sortable(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.toordinal()
    return value


class FigureTableModel(FrozenRowsModel):
    """A chart's numbers as a table (its headers come with it, already in words)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = Table((), (), ())

    def set_table(self, table: Table) -> None:
        if table.headers != self.HEADERS:
            self.beginResetModel()
            self.HEADERS = table.headers
            self._hold(())
            self.endResetModel()
        self._table = table
        self.replace_rows(table.rows)

    @property
    def table(self) -> Table:
        return self._table

    def row_key(self, row: Any) -> object:
        return row[0]  # the period, the label: what the row is about

    def _cell(self, row: Any, column: int, role: int) -> Any:
        value = row[column]
        fmt = self._table.formats[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(value, fmt)
        if role == SORT_ROLE:
            return _sortable(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and fmt not in (TEXT, DATE):
            return _RIGHT
        return None


def kroner(value: float | None) -> str:
    if value is None:
        return ""
    return decimal_text(f"{value:,.2f}".replace(",", " ")) + " kr"


TOTALS_HEADERS = (
    QT_TRANSLATE_NOOP(_CTX, "Municipality"), QT_TRANSLATE_NOOP(_CTX, "Courses"),
    QT_TRANSLATE_NOOP(_CTX, "Days"), QT_TRANSLATE_NOOP(_CTX, "Amount"),
    QT_TRANSLATE_NOOP(_CTX, "Region's share"), QT_TRANSLATE_NOOP(_CTX, "Municipality's share"),
    QT_TRANSLATE_NOOP(_CTX, "Not settled"),
)
LINE_HEADERS = (
    QT_TRANSLATE_NOOP(_CTX, "Patient"), QT_TRANSLATE_NOOP(_CTX, "CPR"),
    QT_TRANSLATE_NOOP(_CTX, "Admitted"), QT_TRANSLATE_NOOP(_CTX, "Discharged"),
    QT_TRANSLATE_NOOP(_CTX, "Days"), QT_TRANSLATE_NOOP(_CTX, "Tariff"),
    QT_TRANSLATE_NOOP(_CTX, "Amount"), QT_TRANSLATE_NOOP(_CTX, "Region's share"),
    QT_TRANSLATE_NOOP(_CTX, "Municipality's share"), QT_TRANSLATE_NOOP(_CTX, "Note"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class SettlementTotalsModel(FrozenRowsModel):
    """One row per municipality, then the overall total (bold)."""

    HEADERS = TOTALS_HEADERS
    CONTEXT = _CTX

    def set_settlement(self, settlement: Settlement | None) -> None:
        self.replace_rows(() if settlement is None else (
            *((m.municipality, m.totals) for m in settlement.municipalities),
            (_t("Total"), settlement.totals)))

    def row_key(self, row: tuple[str, Totals]) -> object:
        return row[0]

    def municipality_at(self, row: int) -> str | None:
        """The municipality of a row (None for the total row)."""
        return self._rows[row][0] if 0 <= row < len(self._rows) - 1 else None

    def _cell(self, row: tuple[str, Totals], column: int, role: int) -> Any:
        name, t = row
        raw: tuple[object, ...] = (name, t.courses, t.days, t.amount, t.region_share,
                                   t.municipality_share, t.errors)
        if role == Qt.ItemDataRole.DisplayRole:
            value = raw[column]
            if column in (3, 4, 5):
                return kroner(float(value))  # type: ignore[arg-type]
            return "" if column == 6 and not value else str(value)
        if role == SORT_ROLE:
            return raw[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and row is self._rows[-1]:
            return bold_font()
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and t.errors:
            return palette.DANGER_FG
        return None


class SettlementLinesModel(FrozenRowsModel[SettlementLine]):
    """The ended courses of one municipality; error rows (no tariff) and check notes stand out."""

    HEADERS = LINE_HEADERS
    CONTEXT = _CTX

    def set_municipality(self, muni: MunicipalitySettlement | None) -> None:
        self.replace_rows(() if muni is None else muni.lines)

    KEY = "admission_id"

    def line_at(self, row: int) -> SettlementLine:
        return self._rows[row]

    def _raw(self, ln: SettlementLine) -> tuple[object, ...]:
        settled = ln.error is None
        return (ln.patient, ln.cpr_masked, ln.admitted_on, ln.discharged_on, ln.days,
                ln.tariff_code, ln.amount if settled else None,
                ln.region_share if settled else None,
                ln.municipality_share if settled else None,
                ln.error or ln.check or ln.override_reason)

    def _cell(self, line: SettlementLine, column: int, role: int) -> Any:
        value = self._raw(line)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column in (6, 7, 8):
                return kroner(value)  # type: ignore[arg-type]
            if isinstance(value, date):
                return value.strftime("%d/%m/%Y")
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return _sortable(value)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and line.tariff_name:
            return line.tariff_name
        if role == Qt.ItemDataRole.ToolTipRole and column == 9 and value:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 6, 7, 8):
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.error is not None:
                return palette.DANGER_BG
            if line.check is not None and column == 9:
                return palette.WARNING_BG
        if role == Qt.ItemDataRole.ForegroundRole and line.error is not None:
            return palette.DANGER_FG
        return None
