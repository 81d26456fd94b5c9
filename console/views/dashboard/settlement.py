"""The settlement tab of the dashboard (R-TARIFF): a month, the totals per municipality, the
ended courses of the chosen municipality, and the workbook to send (xlsx) or a csv.

Loads ``settlement_for_month`` through the worker (cancel-latest, key ``"settlement"``); the
files are written from the loaded ``Settlement`` (no database work).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelection, QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.monitoring import reports
from console.services.monitoring.settlement import (
    Settlement,
    settlement_for_export,
    settlement_for_month,
)
from console.views.common import palette
from console.views.common.language import current_document_language
from console.views.common.live_query import LiveQuery
from console.views.common.screen import ScreenContext
from console.views.common.tables import AS_LOADED, house_table, sorted_proxy
from console.views.common.widgets import push_button, styled_label, tool_row, wrapped_label
from console.views.common.worker import message_of
from console.views.dashboard.model import (
    SettlementLinesModel,
    SettlementTotalsModel,
    kroner,
)

MONTHS_BACK = 24
_ERROR_STYLE = palette.ERROR_BANNER_STYLE


def months_before(day: date, count: int) -> list[tuple[int, int]]:
    """``count`` (year, month) pairs from ``day``'s month backwards."""
    out, year, month = [], day.year, day.month
    for _ in range(count):
        out.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out


def month_text(year: int, month: int) -> str:
    """``March 2026`` in the user's language."""
    return QLocale().toString(QDate(year, month, 1), "MMMM yyyy")


def _table(model: QSortFilterProxyModel, *, sortable: bool = True) -> QTableView:
    return house_table(model, sortable=sortable, sort_column=AS_LOADED, row_height=None,
                       alternating=True, highlight=True, stretch_last=True,
                       resize=QHeaderView.ResizeMode.ResizeToContents)


class SettlementPanel(QWidget):
    settlement_loaded = Signal()
    settlement_load_failed = Signal(str)
    exported = Signal(str)  # the file written
    export_failed = Signal(str)

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day = day
        self.settlement: Settlement | None = None
        self.query = LiveQuery(context, "settlement", self._request, is_visible=self.isVisible,
                               parent=self)
        self.query.started.connect(lambda: self.loading_label.setVisible(True))
        self.query.loaded.connect(self._on_loaded)
        self.query.failed.connect(self._on_failed)
        self.totals_model = SettlementTotalsModel(self)
        self.totals_proxy = sorted_proxy(self.totals_model, self)
        self.lines_model = SettlementLinesModel(self)
        self.lines_proxy = sorted_proxy(self.lines_model, self)
        self._build_ui()
        self.retranslate_ui()

    def _build_ui(self) -> None:
        self.month_label = QLabel()
        self.month_combo = QComboBox()
        self._fill_months()
        self.month_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary_label = wrapped_label()
        self.loading_label = styled_label(palette.MUTED_LABEL_STYLE, visible=False)
        self.xlsx_button = push_button(clicked=self._export_xlsx_clicked)
        self.csv_button = push_button(clicked=self._export_csv_clicked)
        self.error_label = styled_label(_ERROR_STYLE, wrap=True, visible=False)
        self.totals_table = _table(self.totals_proxy, sortable=False)  # the total row stays last
        self.totals_table.selectionModel().selectionChanged.connect(self._on_municipality_chosen)
        self.lines_title = QLabel()
        self.lines_title.setStyleSheet("QLabel { font-weight: 600; }")
        self.lines_table = _table(self.lines_proxy)
        top = tool_row(self.month_label, self.month_combo, 12, (self.summary_label, 1),
                       self.loading_label, self.xlsx_button, self.csv_button)
        lines = QWidget()
        lines_layout = QVBoxLayout(lines)
        lines_layout.setContentsMargins(0, 4, 0, 0)
        lines_layout.addWidget(self.lines_title)
        lines_layout.addWidget(self.lines_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.totals_table)
        split.addWidget(lines)
        split.setSizes([260, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(split, 1)

    def _fill_months(self) -> None:
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for year, month in months_before(self.day, MONTHS_BACK):
            self.month_combo.addItem(month_text(year, month), (year, month))
        self.month_combo.setCurrentIndex(1)  # last month: the one to settle
        self.month_combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.month_label.setText(self.tr("Courses ended in"))
        self.loading_label.setText(self.tr("Loading…"))
        self.xlsx_button.setText(self.tr("Export xlsx…"))
        self.xlsx_button.setToolTip(self.tr("The workbook to send: a sheet per municipality"))
        self.csv_button.setText(self.tr("Export csv…"))
        self._show_texts()

    # -- loading -------------------------------------------------------------------------------

    @property
    def month(self) -> tuple[int, int]:
        year, month = self.month_combo.currentData()
        return int(year), int(month)

    def set_month(self, year: int, month: int) -> None:
        index = self.month_combo.findData((year, month))
        if index < 0:
            self.month_combo.addItem(month_text(year, month), (year, month))
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)

    def set_day(self, day: date) -> None:
        chosen = self.month
        self.day = day
        self._fill_months()
        self.set_month(*chosen)

    @property
    def is_loading(self) -> bool:
        return self.query.loading

    def _request(self) -> ServiceCall:
        return call(settlement_for_month, *self.month)

    def reload(self) -> None:
        self.query.reload()

    def _on_loaded(self, settlement: Settlement) -> None:
        self.loading_label.setVisible(False)
        chosen = self.selected_municipality()
        self.settlement = settlement
        self.totals_model.set_settlement(settlement)
        self.totals_table.resizeColumnsToContents()
        names = [m.municipality for m in settlement.municipalities]
        self.select_municipality(chosen if chosen in names else (names[0] if names else None))
        self._show_texts()
        self.settlement_loaded.emit()

    def _on_failed(self, error: Exception) -> None:
        self.loading_label.setVisible(False)
        self.error_label.setText(self.tr("Could not load the settlement: {message}").format(
            message=message_of(error)))
        self.error_label.setVisible(True)
        self.settlement_load_failed.emit(message_of(error))

    # -- municipality ------------------------------------------------------------------------

    def selected_municipality(self) -> str | None:
        rows = self.totals_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.totals_model.municipality_at(self.totals_proxy.mapToSource(rows[0]).row())

    def select_municipality(self, name: str | None) -> None:
        for row in range(self.totals_model.rowCount()):
            if name is not None and self.totals_model.municipality_at(row) == name:
                index = self.totals_proxy.mapFromSource(self.totals_model.index(row, 0))
                self.totals_table.selectRow(index.row())
                return
        self.totals_table.clearSelection()
        self._show_lines(None)

    def _on_municipality_chosen(self, _selected: QItemSelection, _deselected: QItemSelection
                                ) -> None:
        self._show_lines(self.selected_municipality())

    def _show_lines(self, name: str | None) -> None:
        muni = None
        if self.settlement is not None and name is not None:
            muni = next((m for m in self.settlement.municipalities if m.municipality == name), None)
        self.lines_model.set_municipality(muni)
        self.lines_table.resizeColumnsToContents()
        if muni is None:
            self.lines_title.setText(self.tr("Choose a municipality above to see its courses."))
        else:
            self.lines_title.setText(self.tr("{municipality} — ended courses: {n}").format(
                municipality=muni.municipality, n=len(muni.lines)))

    def _show_texts(self) -> None:
        s = self.settlement
        self.xlsx_button.setEnabled(s is not None)
        self.csv_button.setEnabled(s is not None)
        if s is None:
            self.summary_label.setText("")
            return
        self.error_label.setVisible(False)
        t = s.totals
        if not s.municipalities:
            self.summary_label.setText(self.tr("{region} · {month}: no course ended.").format(
                region=s.region, month=s.label))
            return
        self.summary_label.setText(self.tr(
            "{region} · {month} · price level {years} · {courses} courses · {amount} "
            "(region {region_share}, municipalities {municipality_share})").format(
                region=s.region, month=s.label, years=reports.price_level(s.price_years),
                courses=t.courses, amount=kroner(t.amount), region_share=kroner(t.region_share),
                municipality_share=kroner(t.municipality_share)))
        if t.errors:  # R-TARIFF: never silently left out
            self.error_label.setText(self.tr(
                "{n} ended course(s) have no tariff and are not settled (R-TARIFF): set the "
                "tariff on the course before sending.").format(n=t.errors))
            self.error_label.setVisible(True)

    # -- export ------------------------------------------------------------------------------

    def export_xlsx(self, path: Path) -> None:
        """Export the chosen month as a workbook; the export is logged for every patient in it
        first (``settlement_for_export``), then the file is written (``exported`` says where)."""
        self._export_to(path, partial(reports.write_settlement_xlsx,
                                      language=current_document_language()))

    def export_csv(self, path: Path) -> None:
        self._export_to(path, reports.write_settlement_csv)

    def _export_to(self, path: Path, write: Callable[[Settlement, Path], Path]) -> None:
        def written(settlement: Settlement) -> None:
            try:
                write(settlement, path)
            except OSError as exc:
                self._show_export_failure(path, str(exc))
                return
            self.exported.emit(str(path))

        self.context.worker.write(call(settlement_for_export, *self.month), written,
                                  lambda error: self._show_export_failure(path,
                                                                          message_of(error)),
                                  owner=self)

    def _show_export_failure(self, path: Path, error: str) -> None:
        self.error_label.setText(self.tr("Could not write {path}: {error}").format(
            path=path, error=error))
        self.error_label.setVisible(True)
        self.export_failed.emit(error)

    def _export_xlsx_clicked(self) -> None:
        self._ask_and_export(self.export_xlsx, ".xlsx", self.tr("Excel workbook (*.xlsx)"))

    def _export_csv_clicked(self) -> None:
        self._ask_and_export(self.export_csv, ".csv", self.tr("CSV file (*.csv)"))

    def _ask_and_export(self, export: Callable[[Path], None], suffix: str,
                        file_filter: str) -> None:
        if self.settlement is None:
            return
        year, month = self.month
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export settlement"),
                                              f"settlement-{year:04d}-{month:02d}{suffix}",
                                              file_filter)
        if path:
            export(Path(path) if path.lower().endswith(suffix) else Path(path + suffix))
