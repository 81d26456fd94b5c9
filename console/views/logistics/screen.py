"""The logistics screen: the ward day's deliveries for the logistics assistant (R-SUPPLY, R-IVBOX).

At the top, in red, the patients whose medicine runs out within 48 h with no delivery planned.
Below, the day's deliveries (due that day, plus older ones still open) in run order with ETA,
run-out and flags, filterable by status and municipality. The selected delivery moves on with
Packed / Out for delivery / Delivered / Failed… (a reason is required); every move is a write
through the worker carrying the row's version, so a stale one shows who changed it and offers
Reload. "Propose deliveries…" shows the R-SUPPLY proposals to accept; "Print packing and run
list…" writes the A4 PDF (the print is logged for every patient on it). Loads
``logistics.overview.logistics_view`` by the screen recipe and keeps the selected delivery by id.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.logistics import deliveries as service
from console.services.logistics import delivery_runs, handover, overview
from console.services.logistics.deliveries import DeliveryRow, LogisticsDay
from console.services.logistics.delivery_runs import DeliveryRun
from console.services.logistics.overview import LogisticsView
from console.views.common.badge_delegate import BadgeDelegate, badge_width
from console.views.common.banners import ActionBanners
from console.views.common.column_room import GiveWay
from console.views.common.combos import refill
from console.views.common.export import DocumentExport, ask_path
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import proxy_over, select_row, selected_id
from console.views.common.widgets import STRETCH, empty_state_label, interval_timer, push_button, tool_row
from console.views.logistics.dialogs import FailedDialog, ProposeDialog
from console.views.logistics.model import (
    ADMISSION_ID_ROLE,
    DELIVERY_ID_ROLE,
    OPEN_STATUSES,
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
from console.vocabulary import DeliveryStatus

TICK_MS = 300_000  # the red list moves with the clock: re-read every five minutes
COLUMN_WIDTHS = {
    Column.STOP: 34, Column.PATIENT: 170, Column.MUNICIPALITY: 104, Column.DUE: 92,
    Column.STATUS: 128, Column.COURIER: 70, Column.ETA: 56, Column.RUNS_OUT: 96,
    Column.FLAGS: 190,
}
_SETTINGS_HEADER = "logistics/header"
_SETTINGS_AT_RISK = "logistics/at_risk_header"


class LogisticsScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("LogisticsScreen", "Logistics")
    LOAD_ERROR = QT_TRANSLATE_NOOP("LogisticsScreen", "Could not load the deliveries: {message}")
    patient_requested = Signal(int)  # admission id (double-click)
    delivery_changed = Signal(int)  # delivery id written from this screen
    write_failed = Signal(str)  # the sentence shown
    run_printed = Signal(str)  # the PDF's path

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self._snapshot: LogisticsDay | None = None
        self._run: DeliveryRun | None = None
        self._writing = False
        self._pending_select: int | None = None
        self.failed_dialog: FailedDialog | None = None
        self.propose_dialog: ProposeDialog | None = None
        self.model = DeliveryTableModel(self)
        self.proxy = proxy_over(DeliveryFilter(self), self.model)
        self._build_ui()
        self.timer = interval_timer(self, TICK_MS, self.reload_or_mark_stale)
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("QLabel { font-size: 15px; font-weight: 600; }")
        self.status_label = QLabel()
        self.status_combo = QComboBox()
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.municipality_label = QLabel()
        self.municipality_combo = QComboBox()
        self.municipality_combo.setMinimumWidth(150)
        self.municipality_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.propose_button = push_button(clicked=self.open_proposals)
        self.print_button = push_button(clicked=self._on_print_clicked)
        top = tool_row(self.summary_label, 12, self.loading_label, STRETCH, self.status_label,
                       self.status_combo, self.municipality_label, self.municipality_combo, 12,
                       self.propose_button, self.print_button)

        self.at_risk = AtRiskPanel()
        self.at_risk.patient_requested.connect(self.patient_requested)
        self.banners = ActionBanners(self.error_label, self)
        self.banners.reload_requested.connect(self.reload)
        self.message_label, self.conflict = self.banners.message_label, self.banners.conflict
        self.export = DocumentExport(self.context, self)
        self.export.written.connect(self._on_run_printed)
        self.export.failed.connect(lambda text: self.banners.show_error(
            self.tr("Could not print the run: {message}").format(message=text)))

        self.table = make_table(self.proxy)
        self.table.sortByColumn(Column.STOP, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(Column.STATUS, BadgeDelegate(self.table))
        size_columns(self.table, COLUMN_WIDTHS, Column.ITEMS)
        self.table.setColumnWidth(Column.STATUS, max(  # every status fits, not only today's
            self.table.columnWidth(Column.STATUS),
            badge_width(self.table, map(status_label, STATUS_LABELS)) + 2))
        # what to pack is the line the assistant works from: the flags and the name give way
        GiveWay(self.table, Column.ITEMS, {Column.FLAGS: 96, Column.PATIENT: 140})
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.table.activated.connect(self._on_activated)
        self.empty_label = empty_state_label()
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
        self.banners.place(layout)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.action_bar)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.status_label.setText(self.tr("Status"))
        self.municipality_label.setText(self.tr("Municipality"))
        refill(self.status_combo, [(self.tr("All"), ALL), (self.tr("Open (not delivered)"), OPEN),
                                   *((status_label(code), code) for code in STATUS_LABELS)])
        self._fill_municipalities()
        self.propose_button.setText(self.tr("Propose deliveries…"))
        self.propose_button.setToolTip(self.tr("R-SUPPLY: a delivery for every course that runs "
                                               "out before its end with none planned"))
        self.print_button.setText(self.tr("Print packing and run list…"))
        self.at_risk.retranslate_ui()
        self.action_bar.retranslate_ui()
        self._show_texts()

    # -- loading -------------------------------------------------------------------------------

    def load_call(self) -> ServiceCall:
        return call(overview.logistics_view, self.day)

    def show_loaded(self, view: LogisticsView) -> None:
        wanted = self._pending_select or self.selected_delivery_id()
        self._pending_select = None
        scroll = self.table.verticalScrollBar().value()
        self._snapshot, self._run = view.day, view.run
        self.model.set_rows(view.day.deliveries, view.day.runs_out, view.run)
        self.at_risk.set_rows(view.day.at_risk)
        self._fill_municipalities()
        if wanted is not None:
            self.select_delivery(wanted, scroll_to=False)
        self.table.verticalScrollBar().setValue(scroll)
        if self.failed_dialog is not None and self.failed_dialog.isVisible():
            self.failed_dialog.rebase(self.model.delivery(self.failed_dialog.row.id))
        self._show_texts()

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
        self.action_bar.show_run(self._run)
        self._show_empty_state()
        self._update_actions()

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

    # -- filters -------------------------------------------------------------------------------

    def _fill_municipalities(self) -> None:
        current = self.municipality_combo.currentData()
        names = sorted({d.municipality for d in self._snapshot.deliveries}
                       if self._snapshot else set())
        if current is not None and current not in names:
            names = sorted({*names, current})  # keep the chosen one even when it empties
        refill(self.municipality_combo,
               [(self.tr("All municipalities"), None), *((name, name) for name in names)])

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
        return selected_id(self.table, DELIVERY_ID_ROLE)

    def selected_delivery(self) -> DeliveryRow | None:
        selected = self.selected_delivery_id()
        return None if selected is None else self.model.delivery(selected)

    def select_delivery(self, delivery_id: int, *, scroll_to: bool = True) -> bool:
        if not select_row(self.table, self.proxy, self.model.row_of(delivery_id),
                          column=Column.PATIENT, scroll_to=scroll_to):
            return False
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
        self._write(call(service.set_status, row.id, status, expected_version=row.version))

    def hand_to_mbe(self) -> None:
        """The delivery goes with an MBE car: a stop waiting in the dispatcher's tray."""
        row = self.selected_delivery()
        if row is None or self._writing:
            return
        self._write(call(handover.hand_over_to_mbe, row.id, expected_version=row.version))

    def _write(self, action: ServiceCall) -> None:
        """One service call that moves a delivery on; it answers with the row as it stands
        afterwards and the follow-up delivery it created, if any."""
        self._writing = True
        self.conflict.clear()
        self._update_actions()
        self.context.worker.write(action, self._on_written, self._on_write_failed, owner=self)

    def _on_written(self, result: tuple[DeliveryRow, int | None]) -> None:
        self._writing = False
        row, follow_up = result
        text = self.tr("{patient}: {status}.").format(patient=row.patient,
                                                      status=status_label(row.status))
        if follow_up is not None:
            text += " " + self.tr("A new delivery #{n} is requested.").format(n=follow_up)
        self.conflict.clear()
        self.banners.show_message(text)
        self._pending_select = row.id
        self.delivery_changed.emit(row.id)
        self.reload()

    def _on_write_failed(self, error: Exception) -> None:
        self._writing = False
        text = self.banners.show_failure(error)
        self._update_actions()
        self.write_failed.emit(text)

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
            self.banners.show_message(self.propose_dialog.done_text)
        if created:
            self._pending_select = created[0]
        self.reload()

    # -- print ---------------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        self.print_run()

    def print_run(self, path: Path | None = None) -> None:
        """Write the day's packing and run list to a PDF (asks where when no path is given);
        the print is logged for every patient on it first, ``run_printed`` says where it went."""
        path = path or ask_path(self, self.tr("Print the packing and run list to PDF"),
                                f"deliveries-{self.day.isoformat()}.pdf",
                                self.tr("PDF files (*.pdf)"), ".pdf")
        if path is not None:
            self.export.run(call(delivery_runs.run_list_for_print, self.day),
                            write_run_list_pdf, path)

    def _on_run_printed(self, path: str) -> None:
        self.banners.show_message(self.tr("Packing and run list written to {path}.").format(
            path=path))
        self.run_printed.emit(path)

    # -- per-user state ------------------------------------------------------------------------

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_HEADER: self.table.horizontalHeader(),
                _SETTINGS_AT_RISK: self.at_risk.table.horizontalHeader()}
