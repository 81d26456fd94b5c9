"""The dashboard screen: the ward's figures over a period, as charts with their tables, and the
monthly settlement per municipality (R-CAPACITY, R-CRP3, R-TARIFF, R-MONITOR).

Loads ``console.services.monitoring.dashboard.dashboard_figures`` through the worker (cancel-latest, key
``"dashboard"``), reloads when the change feed touches what it shows (or marks itself stale
while hidden), and prints every chart to a PDF or a printer (``dashboard_print``).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from console.services.core.errors import InvalidInput
from console.services.core.operations import ServiceCall, call
from console.services.monitoring import dashboard
from console.services.monitoring.dashboard import DashboardFigures
from console.services.monitoring.periods import Period
from console.views.common.background import Background
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.screen import Screen, ScreenContext
from console.views.common.widgets import STRETCH, push_button, tool_row
from console.views.common.write_dialog import violation_text
from console.views.dashboard.chart_process import start_helper
from console.views.dashboard.charts import PAGES, SPECS, ChartPanel
from console.views.dashboard.dashboard_print import paint_dashboard, write_dashboard_pdf
from console.views.dashboard.settlement import SettlementPanel

PERIODS = ("7", "30", "90", "year", "custom")
_SETTINGS_PERIOD, _SETTINGS_TAB = "dashboard/period", "dashboard/tab"


def period_for(choice: str, day: date, custom: tuple[date, date] | None = None) -> Period:
    """The period a picker choice means on ward day ``day``."""
    if choice == "year":
        return Period(date(day.year, 1, 1), day)
    if choice == "custom":
        if custom is None:
            raise InvalidInput("period", "Choose the first and last day.")
        return Period(*custom)
    return Period(day - timedelta(days=int(choice) - 1), day)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DashboardScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("DashboardScreen", "Dashboard")
    LOAD_ERROR = QT_TRANSLATE_NOOP("DashboardScreen", "Could not load the dashboard: {message}")

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.figures: DashboardFigures | None = None
        self.panels: dict[str, ChartPanel] = {}
        # The charts are handed from this thread to the chart process (``chart_process``),
        # started now so its imports are done by the time the first figures arrive.
        self.background = Background(self)
        start_helper()
        self._build_ui()
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.period_label = QLabel()
        self.period_combo = QComboBox()
        for code in PERIODS:
            self.period_combo.addItem("", code)
        self.period_combo.setCurrentIndex(PERIODS.index("30"))
        self.period_combo.currentIndexChanged.connect(self._on_period_choice)
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._on_custom_dates)
        self.from_edit.setDate(_qdate(self.day - timedelta(days=29)))
        self.to_edit.setDate(_qdate(self.day))
        self.range_label = QLabel()
        self.pdf_button = push_button(clicked=self._pdf_clicked)
        self.print_button = push_button(clicked=self._print_clicked)
        self._show_custom_edits()

        top = tool_row(self.period_label, self.period_combo, self.from_edit, self.to_edit, 12,
                       self.range_label, 12, self.loading_label, STRETCH, self.pdf_button,
                       self.print_button)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for _key, _title, keys in PAGES:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(0, 6, 0, 0)
            grid.setSpacing(8)
            for n, key in enumerate(keys):
                panel = ChartPanel(SPECS[key], self.background)
                self.panels[key] = panel
                grid.addWidget(panel, n // 2, n % 2)
            self.tabs.addTab(page, "")
        self.settlement = SettlementPanel(self.context, self.day)
        self.tabs.addTab(self.settlement, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.page_layout(top, self.tabs)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.period_label.setText(self.tr("Period"))
        texts = {"7": self.tr("Last 7 days"), "30": self.tr("Last 30 days"),
                 "90": self.tr("Last 90 days"), "year": self.tr("This year"),
                 "custom": self.tr("From – to…")}
        for n, code in enumerate(PERIODS):
            self.period_combo.setItemText(n, texts[code])
        self.from_edit.setToolTip(self.tr("First day"))
        self.to_edit.setToolTip(self.tr("Last day"))
        self.loading_label.setText(self.tr("Loading…"))
        self.pdf_button.setText(self.tr("Dashboard as PDF…"))
        self.pdf_button.setToolTip(self.tr("Every chart of the period in one PDF"))
        self.print_button.setText(self.tr("Print dashboard…"))
        for n, (_key, title, _keys) in enumerate(PAGES):
            self.tabs.setTabText(n, QCoreApplication.translate("Dashboard", title))
        self.tabs.setTabText(len(PAGES), self.tr("Settlement"))
        for panel in self.panels.values():
            panel.retranslate_ui()
        self.settlement.retranslate_ui()
        self._show_period_text()

    # -- the period ----------------------------------------------------------------------------

    @property
    def period_choice(self) -> str:
        return str(self.period_combo.currentData())

    def set_period_choice(self, code: str) -> None:
        self.period_combo.setCurrentIndex(PERIODS.index(code))

    def set_custom_period(self, start: date, end: date) -> None:
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(end))
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(False)
        if self.period_choice == "custom":
            self.reload_or_mark_stale()
        else:
            self.set_period_choice("custom")

    def period(self) -> Period:
        return period_for(self.period_choice, self.day,
                          (_pydate(self.from_edit.date()), _pydate(self.to_edit.date())))

    @property
    def period_text(self) -> str:
        try:
            p = self.period()
        except InvalidInput:
            return ""
        return f"{p.start:%d/%m/%Y} – {p.end:%d/%m/%Y}"

    def _show_custom_edits(self) -> None:
        custom = self.period_choice == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)

    def _on_period_choice(self, _index: int) -> None:
        self._show_custom_edits()
        self._show_period_text()
        self.reload_or_mark_stale()

    def _on_custom_dates(self, _value: QDate) -> None:
        if self.period_choice == "custom":
            self._show_period_text()
            self.reload_or_mark_stale()

    def _show_period_text(self) -> None:
        self.range_label.setText(self.period_text)

    def set_day(self, day: date) -> None:
        if day == self.day:
            return
        self.settlement.set_day(day)
        super().set_day(day)  # reloads (or marks the screen stale)
        self._show_period_text()

    # -- loading -------------------------------------------------------------------------------

    def load_call(self) -> ServiceCall | None:
        """Every figure for the chosen period, in the background (a newer call wins)."""
        try:
            period = self.period()
        except InvalidInput as exc:
            self._show_error(violation_text(exc))
            return None
        return call(dashboard.dashboard_figures, period)

    def reload(self) -> None:
        super().reload()
        if self.tabs.currentWidget() is self.settlement or self.settlement.settlement is None:
            self.settlement.reload()

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.settlement and self.settlement.settlement is None:
            self.settlement.reload()

    def show_loaded(self, figures: DashboardFigures) -> None:
        self.figures = figures
        subtitle = f"{figures.period.start:%d/%m/%Y} – {figures.period.end:%d/%m/%Y}"
        for panel in self.panels.values():
            panel.subtitle = subtitle
            panel.set_figures(figures)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    # -- per-user state ------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(_SETTINGS_PERIOD, self.period_choice)
        settings.setValue(_SETTINGS_TAB, self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        choice = settings.value(_SETTINGS_PERIOD)
        if choice in PERIODS and choice != "custom":
            self.set_period_choice(str(choice))
        tab = settings.value(_SETTINGS_TAB)
        if tab is not None and 0 <= int(tab) < self.tabs.count():
            self.tabs.setCurrentIndex(int(tab))

    # -- print ---------------------------------------------------------------------------------

    def print_title(self) -> str:
        return self.tr("eHospital dashboard — {period}").format(period=self.period_text)

    def chart_panels(self) -> list[ChartPanel]:
        """Every chart in the order of the tabs."""
        return [self.panels[key] for _key, _title, keys in PAGES for key in keys]

    def print_pages(self) -> list[tuple[str, list[ChartPanel]]]:
        """A printed page per chart tab: its title and its charts."""
        return [(QCoreApplication.translate("Dashboard", title), [self.panels[k] for k in keys])
                for _key, title, keys in PAGES]

    def write_pdf(self, path: Path) -> Path:
        return write_dashboard_pdf(self.print_pages(), path, self.print_title())

    def _pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Dashboard as PDF"),
                                              f"dashboard-{self.day.isoformat()}.pdf",
                                              self.tr("PDF document (*.pdf)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            self.write_pdf(target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Dashboard as PDF"), self.tr(
                "Could not write {path}: {error}").format(path=target, error=exc))

    def _print_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print dashboard"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            paint_dashboard(printer, self.print_pages(), self.print_title())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Print dashboard"), str(exc))
