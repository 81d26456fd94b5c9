"""The logistics screen: the ward day's deliveries for the logistics assistant (R-SUPPLY, R-IVBOX).

At the top, in red, the patients whose medicine runs out within 48 h with no delivery planned.
Below, the day's deliveries (due that day, plus older ones still open) in run order with ETA,
run-out and flags, filterable by status and municipality. The selected delivery moves on with
Packed / Out for delivery / Delivered / Failed… (a reason is required); every move is a write
through the worker carrying the row's version, so a stale one shows who changed it and offers
Reload. "Propose deliveries…" shows the R-SUPPLY proposals to accept; "Print packing and run
list…" writes the A4 PDF. Loads ``load_logistics_day`` + ``plan_delivery_run`` through the
worker (cancel-latest, key ``"logistics"``), reloads on the change feed, keeps the selected
delivery by id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.models import Delivery, DeliveryStatus
from console.services.core.errors import Conflict, RuleViolation
from console.services.logistics import deliveries as service
from console.services.logistics import delivery_runs
from console.services.logistics.deliveries import DeliveryRow, LogisticsDay
from console.services.logistics.delivery_runs import DeliveryRun
from console.services.logistics.handover import hand_to_mbe
from console.timeutil import format_local
from console.views.common import palette
from console.views.common.badge_delegate import BadgeDelegate
from console.views.common.conflict import ConflictBanner
from console.views.common.screen import Screen, ScreenContext
from console.views.common.worker import message_of
from console.views.common.write_dialog import violation_text
from console.views.logistics.dialogs import FailedDialog, ProposeDialog
from console.views.logistics.model import (
    ADMISSION_ID_ROLE,
    DELIVERY_ID_ROLE,
    OPEN_STATUSES,
    SORT_ROLE,
    STATUS_LABELS,
    Column,
    DeliveryTableModel,
    status_label,
)
from console.views.logistics.panels import (
    ALL,
    OPEN,
    AtRiskPanel,
    DeliveryActions,
    DeliveryFilter,
    make_table,
    size_columns,
)
from console.views.logistics.run_print import write_run_list_pdf

REFRESH_KEY = "logistics"
RELEVANT_TABLES = frozenset({"delivery", "delivery_item", "visit", "regimen", "admission",
                             "patient", "base", "setting"})
TICK_MS = 300_000  # the red list moves with the clock: re-read every five minutes
COLUMN_WIDTHS = {
    Column.STOP: 34, Column.PATIENT: 170, Column.MUNICIPALITY: 104, Column.DUE: 92,
    Column.STATUS: 128, Column.COURIER: 70, Column.ETA: 56, Column.RUNS_OUT: 96,
    Column.FLAGS: 190,
}
_SETTINGS_HEADER = "logistics/header"
_SETTINGS_AT_RISK = "logistics/at_risk_header"
_ERROR_STYLE = palette.ERROR_BANNER_STYLE
_INFO_STYLE = ("QLabel { color: #0b3d91; background: #dbe9ff; border-radius: 4px;"
               " padding: 4px 8px; }")


def _load(day: date, session: Session) -> tuple[LogisticsDay, DeliveryRun]:
    snapshot = service.load_logistics_day(session, day)
    run = delivery_runs.plan_delivery_run(session, day, deliveries=snapshot.deliveries)
    return snapshot, run


class LogisticsScreen(Screen):
    relevant_tables = RELEVANT_TABLES
    patient_requested = Signal(int)  # admission id (double-click)
    deliveries_loaded = Signal()
    deliveries_load_failed = Signal(str)
    delivery_changed = Signal(int)  # delivery id written from this screen
    write_failed = Signal(str)  # the sentence shown
    run_printed = Signal(str)  # the PDF's path

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self._snapshot: LogisticsDay | None = None
        self._run: DeliveryRun | None = None
        self._loading = False
        self._writing = False
        self._stale = True
        self._pending_select: int | None = None
        self.failed_dialog: FailedDialog | None = None
        self.propose_dialog: ProposeDialog | None = None
        self.model = DeliveryTableModel(self)
        self.proxy = DeliveryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build_ui()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.reload_or_mark_stale)
        self.timer.start()
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("QLabel { font-size: 15px; font-weight: 600; }")
        self.loading_label = QLabel()
        self.loading_label.setStyleSheet(palette.MUTED_LABEL_STYLE)
        self.loading_label.setVisible(False)
        self.status_label = QLabel()
        self.status_combo = QComboBox()
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.municipality_label = QLabel()
        self.municipality_combo = QComboBox()
        self.municipality_combo.setMinimumWidth(150)
        self.municipality_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.propose_button = QPushButton()
        self.propose_button.clicked.connect(self.open_proposals)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._on_print_clicked)
        top = QHBoxLayout()
        top.addWidget(self.summary_label)
        top.addSpacing(12)
        top.addWidget(self.loading_label)
        top.addStretch(1)
        for widget in (self.status_label, self.status_combo, self.municipality_label,
                       self.municipality_combo):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.propose_button)
        top.addWidget(self.print_button)

        self.at_risk = AtRiskPanel()
        self.at_risk.patient_requested.connect(self.patient_requested)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(_INFO_STYLE)
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        self.conflict = ConflictBanner()
        self.conflict.reload_requested.connect(self._on_conflict_reload)

        self.table = make_table(self.proxy)
        self.table.sortByColumn(Column.STOP, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(Column.STATUS, BadgeDelegate(self.table))
        size_columns(self.table, COLUMN_WIDTHS, Column.ITEMS)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.table.activated.connect(self._on_activated)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(palette.EMPTY_STATE_STYLE)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_label)
        self.action_bar = DeliveryActions()
        self.action_bar.mark_requested.connect(self.mark)
        self.action_bar.mbe_requested.connect(self.hand_to_mbe)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.at_risk)
        layout.addWidget(self.error_label)
        layout.addWidget(self.conflict)
        layout.addWidget(self.message_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.action_bar)

    def title(self) -> str:
        return self.tr("Logistics")

    def retranslate_ui(self) -> None:
        self.loading_label.setText(self.tr("Loading…"))
        self.status_label.setText(self.tr("Status"))
        self.municipality_label.setText(self.tr("Municipality"))
        current = self.status_combo.currentData() or ALL
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All"), ALL)
        self.status_combo.addItem(self.tr("Open (not delivered)"), OPEN)
        for code in STATUS_LABELS:
            self.status_combo.addItem(status_label(code), code)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current)))
        self.status_combo.blockSignals(False)
        self._fill_municipalities()
        self.propose_button.setText(self.tr("Propose deliveries…"))
        self.propose_button.setToolTip(self.tr("R-SUPPLY: a delivery for every course that runs "
                                               "out before its end with none planned"))
        self.print_button.setText(self.tr("Print packing and run list…"))
        self.at_risk.retranslate_ui()
        self.action_bar.retranslate_ui()
        self._show_texts()

    # -- loading -------------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        self._loading = True
        self._stale = False
        self.loading_label.setVisible(True)
        day = self.day
        self.context.worker.refresh(REFRESH_KEY, lambda session: _load(day, session),
                                    self._on_loaded, self._on_failed, owner=self)

    def set_day(self, day: date) -> None:
        if day == self.day:
            return
        super().set_day(day)
        self.reload_or_mark_stale()

    def _on_loaded(self, result: tuple[LogisticsDay, DeliveryRun]) -> None:
        self._loading = False
        self.loading_label.setVisible(False)
        self.error_label.setVisible(False)
        wanted = self._pending_select or self.selected_delivery_id()
        self._pending_select = None
        scroll = self.table.verticalScrollBar().value()
        self._snapshot, self._run = result
        self.model.set_rows(self._snapshot.deliveries, self._snapshot.runs_out, self._run)
        self.at_risk.set_rows(self._snapshot.at_risk)
        self._fill_municipalities()
        if wanted is not None:
            self.select_delivery(wanted, scroll_to=False)
        self.table.verticalScrollBar().setValue(scroll)
        if self.failed_dialog is not None and self.failed_dialog.isVisible():
            self.failed_dialog.rebase(self.model.delivery(self.failed_dialog.row.id))
        self._show_texts()
        self.deliveries_loaded.emit()

    def _on_failed(self, error: Exception) -> None:
        self._loading = False
        self.loading_label.setVisible(False)
        self._show_error(self.tr("Could not load the deliveries: {message}").format(
            message=message_of(error)))
        self.deliveries_load_failed.emit(message_of(error))

    # -- texts ---------------------------------------------------------------------------------

    def _show_texts(self) -> None:
        snap = self._snapshot
        if snap is None:
            self.summary_label.setText(self.tr("Deliveries"))
            self.action_bar.run_label.setText("")
            self._update_actions()
            return
        open_ = sum(d.status in OPEN_STATUSES for d in snap.deliveries)
        day = snap.day.strftime("%d/%m/%Y")
        self.summary_label.setText(
            self.tr("Deliveries on {date}: {n}, {open} still open").format(
                date=day, n=len(snap.deliveries), open=open_) if snap.deliveries
            else self.tr("No deliveries on {date}").format(date=day))
        self.action_bar.run_label.setText(self._run_text())
        self._show_empty_state()
        self._update_actions()

    def _run_text(self) -> str:
        run = self._run
        if run is None or not run.stops:
            return self.tr("No open deliveries to drive.")
        hours, minutes = divmod(run.travel_minutes, 60)
        return self.tr("Run: {n} stops from {base} at {start} · {h} h {m} min driving · back "
                       "about {back}").format(
            n=len(run.stops), base=run.start_base, start=format_local(run.start_at, "%H:%M"),
            h=hours, m=minutes, back=format_local(run.back_at, "%H:%M"))

    def _show_empty_state(self) -> None:
        snap = self._snapshot
        if snap is not None and not snap.deliveries:
            self.empty_label.setText(self.tr("No deliveries due on {date}. Deliveries due that "
                                             "day, and older ones still open, appear here.")
                                     .format(date=snap.day.strftime("%d/%m/%Y")))
            self.pages.setCurrentWidget(self.empty_label)
        elif snap is not None and self.proxy.rowCount() == 0:
            self.empty_label.setText(self.tr("No deliveries match the filter."))
            self.pages.setCurrentWidget(self.empty_label)
        else:
            self.pages.setCurrentWidget(self.table)

    def _show_error(self, text: str) -> None:
        self.message_label.setVisible(False)
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def _show_message(self, text: str) -> None:
        self.error_label.setVisible(False)
        self.message_label.setText(text)
        self.message_label.setVisible(True)

    # -- filters -------------------------------------------------------------------------------

    def _fill_municipalities(self) -> None:
        current = self.municipality_combo.currentData()
        names = sorted({d.municipality for d in self._snapshot.deliveries}
                       if self._snapshot else set())
        if current is not None and current not in names:
            names = sorted({*names, current})  # keep the chosen one even when it empties
        self.municipality_combo.blockSignals(True)
        self.municipality_combo.clear()
        self.municipality_combo.addItem(self.tr("All municipalities"), None)
        for name in names:
            self.municipality_combo.addItem(name, name)
        self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findData(current)))
        self.municipality_combo.blockSignals(False)

    def set_filter(self, status: str = ALL, municipality: str | None = None) -> None:
        """Show only ``status`` ("all", "open" or a status code) in ``municipality``."""
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
        index = self.municipality_combo.findData(municipality) if municipality else 0
        self.municipality_combo.setCurrentIndex(max(0, index))

    def _on_filter_changed(self, _index: int = 0) -> None:
        selected = self.selected_delivery_id()
        self.proxy.set_filter(self.status_combo.currentData() or ALL,
                              self.municipality_combo.currentData())
        if selected is not None:
            self.select_delivery(selected, scroll_to=False)
        self._show_empty_state()
        self._update_actions()

    # -- selection -----------------------------------------------------------------------------

    def selected_delivery_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(DELIVERY_ID_ROLE)
        return int(value) if value is not None else None

    def selected_delivery(self) -> DeliveryRow | None:
        selected = self.selected_delivery_id()
        return None if selected is None else self.model.delivery(selected)

    def select_delivery(self, delivery_id: int, *, scroll_to: bool = True) -> bool:
        row = self.model.row_of(delivery_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, Column.PATIENT))
        if not index.isValid():
            return False
        selection = self.table.selectionModel()
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                  | selection.SelectionFlag.Rows)
        if scroll_to:
            self.table.scrollTo(index)
        self._update_actions()
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ADMISSION_ID_ROLE)
        if value is not None:
            self.patient_requested.emit(int(value))

    def _update_actions(self, *_args: object) -> None:
        self.action_bar.show_row(self.selected_delivery(), busy=self._writing)

    # -- writes --------------------------------------------------------------------------------

    def mark(self, status: DeliveryStatus) -> None:
        """Move the selected delivery on (Failed opens the reason dialog)."""
        row = self.selected_delivery()
        if row is None or self._writing:
            return
        if status is DeliveryStatus.FAILED:
            self.open_failed_dialog()
            return
        delivery_id, version = row.id, row.version
        self._write(lambda session: service.set_status(session, delivery_id, status,
                                                       expected_version=version))

    def hand_to_mbe(self) -> None:
        """The delivery goes with an MBE car: a stop waiting in the dispatcher's tray."""
        row = self.selected_delivery()
        if row is None or self._writing:
            return
        delivery_id, version = row.id, row.version

        def hand_over(session: Session) -> tuple[DeliveryRow, int | None]:
            hand_to_mbe(session, delivery_id, expected_version=version)
            return service.list_deliveries(session, Delivery.id == delivery_id)[0], None

        self._write(hand_over)

    def _write(self, fn: Callable[[Session], tuple[DeliveryRow, int | None]]) -> None:
        self._writing = True
        self.conflict.clear()
        self._update_actions()
        self.context.worker.write(fn, self._on_written, self._on_write_failed, owner=self)

    def _on_written(self, result: tuple[DeliveryRow, int | None]) -> None:
        self._writing = False
        row, follow_up = result
        text = self.tr("{patient}: {status}.").format(patient=row.patient,
                                                      status=status_label(row.status))
        if follow_up is not None:
            text += " " + self.tr("A new delivery #{n} is requested.").format(n=follow_up)
        self.conflict.clear()
        self._show_message(text)
        self._pending_select = row.id
        self.delivery_changed.emit(row.id)
        self.reload()

    def _on_write_failed(self, error: Exception) -> None:
        self._writing = False
        if isinstance(error, Conflict):
            self.message_label.setVisible(False)
            self.conflict.show_conflict(error)
            text = self.conflict.label.text()
        else:
            text = violation_text(error) if isinstance(error, RuleViolation) else message_of(error)
            self._show_error(text)
        self._update_actions()
        self.write_failed.emit(text)

    def _on_conflict_reload(self) -> None:
        self.conflict.clear()
        self.reload()

    def open_failed_dialog(self) -> FailedDialog | None:
        row = self.selected_delivery()
        if row is None:
            return None
        dialog = FailedDialog(self.context, row, self)
        dialog.saved.connect(self._on_written)
        dialog.reload_requested.connect(self.reload)
        self.failed_dialog = dialog
        dialog.open()
        return dialog

    def open_proposals(self) -> ProposeDialog:
        dialog = ProposeDialog(self.context, self)
        dialog.accepted_deliveries.connect(self._on_proposals_accepted)
        self.propose_dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _on_proposals_accepted(self, created: list[int]) -> None:
        if self.propose_dialog is not None:
            self._show_message(self.propose_dialog.done_text)
        if created:
            self._pending_select = created[0]
        self.reload()

    # -- print ---------------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        self.print_run()

    def print_run(self, path: Path | None = None) -> None:
        """Write the day's packing and run list to a PDF (asks where when no path is given);
        the run is read fresh through the worker, ``run_printed`` says where it went."""
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Print the packing and run list to PDF"),
                f"deliveries-{self.day.isoformat()}.pdf", self.tr("PDF files (*.pdf)"))
            if not name:
                return
            path = Path(name)
        day, target = self.day, path

        def write(run: DeliveryRun) -> None:
            try:
                write_run_list_pdf(run, target)
            except OSError as exc:
                self._show_error(str(exc))
                return
            self._show_message(self.tr("Packing and run list written to {path}.").format(
                path=str(target)))
            self.run_printed.emit(str(target))

        self.context.worker.read(lambda session: delivery_runs.plan_delivery_run(session, day),
                                 write, self._on_print_failed, owner=self)

    def _on_print_failed(self, error: Exception) -> None:
        self._show_error(self.tr("Could not print the run: {message}").format(
            message=message_of(error)))

    # -- per-user state ------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(_SETTINGS_HEADER, self.table.horizontalHeader().saveState())
        settings.setValue(_SETTINGS_AT_RISK, self.at_risk.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, table in ((_SETTINGS_HEADER, self.table),
                           (_SETTINGS_AT_RISK, self.at_risk.table)):
            state = settings.value(key)
            if state is not None:
                table.horizontalHeader().restoreState(state)
