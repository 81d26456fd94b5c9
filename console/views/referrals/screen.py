"""The referral queue (issue 19, R-ELIGIBLE): referrals waiting for the e-doctor's visitation.

Loads ``referrals.list_referrals`` through the worker (queue, capacity, waiting count) and
reloads when a referral or an admission changes on any desk. Each action is one service call:
save the judgement (``assess_referral``), decline with a reason (``decline_referral``), or
admit: the referral is loaded (``referral_for_admission``) and the admission dialog opens
filled from it; its Admit decides the referral (``admit_referral``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSplitter,
    QTableView,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.course import referrals
from console.services.course.referrals import ReferralForAdmission, ReferralQueue, ReferralRow
from console.views.common.banners import ActionBanners
from console.views.common.capacity import CapacityLabel
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.list_table import fitted_list_table
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import select_row, sorted_proxy
from console.views.common.widgets import STRETCH, interval_timer, push_button, stack, tool_row
from console.views.referrals.model import referral_model
from console.views.referrals.panel import VisitationPanel

_SETTINGS_HEADER = "referrals/header"
_SETTINGS_SPLIT = "referrals/split"
COLUMN_WIDTHS = (92, 86, 140, 220, 100, 130, 210)  # fits 1280 px with the status
WAITING_TICK_MS = 60_000  # the Waiting column counts on between reloads


class ReferralsScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("ReferralsScreen", "Referrals")
    LOAD_ERROR = QT_TRANSLATE_NOOP("ReferralsScreen", "Could not load the referrals: {message}")
    patient_requested = Signal(int)  # an admission made from a referral opens its record

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.queue: ReferralQueue | None = None
        self.model = referral_model(self)
        self.proxy = sorted_proxy(self.model, self)
        self.table: QTableView = fitted_list_table(self.proxy, COLUMN_WIDTHS)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.capacity_label = CapacityLabel()
        self.waiting_label = QLabel()
        self.show_decided = QCheckBox()
        # issue 19: a referral typed in as it comes
        self.intake_button = push_button(clicked=self.open_intake)
        self.intake_dialog: Any = None
        self._select_after_load: int | None = None
        self.show_decided.toggled.connect(lambda _on: self.reload())
        self.waiting_timer = interval_timer(self, WAITING_TICK_MS, self.model.refresh_all)
        self.panel = VisitationPanel()
        self.panel.assess_requested.connect(self.save_judgement)
        self.panel.admit_requested.connect(self.open_admission)
        self.panel.decline_requested.connect(self.decline)
        self.banners = ActionBanners(self.error_label, self)
        self.banners.reload_requested.connect(self.reload)
        self.admission_dialog: Any = None
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.table)
        self.split.addWidget(self.panel)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        layout = stack(self, tool_row(self.intake_button, 16, self.capacity_label, 16,
                                      self.waiting_label, STRETCH, self.show_decided,
                                      self.loading_label))
        self.banners.place(layout)
        layout.addWidget(self.split, 1)
        self.retranslate_ui()

    # -- the screen ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.show_decided.setText(self.tr("Show decided"))
        self.intake_button.setText(self.tr("Take in a referral…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self.panel.retranslate_ui()
        self._show_counts()

    def set_roles(self, roles: frozenset[str]) -> None:
        super().set_roles(roles)
        self.panel.set_may_decide("e_doctor" in roles)  # R-ELIGIBLE: the e-doctor decides
        self.intake_button.setEnabled(bool({"e_doctor", "e_nurse"} & roles))

    def load_call(self) -> ServiceCall:
        return call(referrals.list_referrals, include_decided=self.show_decided.isChecked())

    def show_loaded(self, queue: ReferralQueue) -> None:
        selected = self.selected_row()
        self.queue = queue
        self.model.set_rows(queue.rows)
        wanted, self._select_after_load = self._select_after_load, None
        if wanted is not None and self.select_referral(wanted):
            pass  # the referral just taken in
        elif selected is not None:
            self.select_referral(selected.id)
        elif queue.rows and self.selected_row() is None:
            self.select_referral(queue.rows[0].id)
        self.panel.show_row(self.selected_row())
        self._show_counts()

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_HEADER: self.table.horizontalHeader(), _SETTINGS_SPLIT: self.split}

    def _show_counts(self) -> None:
        queue = self.queue
        self.capacity_label.show_capacity(None if queue is None else queue.admitted,
                                          0 if queue is None else queue.capacity)
        self.waiting_label.setText("" if queue is None else self.tr(
            "Referrals waiting: {n}").format(n=queue.waiting))

    # -- selection -----------------------------------------------------------------------------

    def selected_row(self) -> ReferralRow | None:
        current = self.table.currentIndex()
        if not current.isValid():
            return None
        row: ReferralRow = self.model.row_at(self.proxy.mapToSource(current).row())
        return row

    def select_referral(self, referral_id: int) -> bool:
        return select_row(self.table, self.proxy, self.model.row_of_id(referral_id))

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.banners.clear_conflict()
        self.panel.show_row(self.selected_row())

    # -- actions -------------------------------------------------------------------------------

    def _write(self, action: ServiceCall, done: str) -> None:
        def succeeded(_result: object) -> None:
            self.banners.show_message(done)
            self.reload()

        self.context.worker.write(action, succeeded, self._failed, owner=self)

    def _failed(self, error: Exception) -> None:
        self.banners.show_failure(error)
        self.reload()  # show what another desk did meanwhile

    def save_judgement(self, judgement: dict[str, bool | None], referrer_call: str,
                       municipality_call: str) -> None:
        row = self.selected_row()
        if row is not None:
            self._write(call(referrals.assess_referral, row.id, judgement=judgement,
                             referrer_call=referrer_call, municipality_call=municipality_call,
                             expected_version=row.version),
                        self.tr("Judgement saved."))

    def decline(self, reason: str) -> None:
        row = self.selected_row()
        if row is not None:
            self._write(call(referrals.decline_referral, row.id, reason=reason,
                             expected_version=row.version),
                        self.tr("Referral declined."))

    def open_intake(self) -> None:
        from console.views.referrals.intake_dialog import ReferralIntakeDialog

        dialog = ReferralIntakeDialog.open_for(self.context, self)
        dialog.taken_in.connect(self._on_taken_in)
        self.intake_dialog = dialog

    def _on_taken_in(self, referral_id: int) -> None:
        self.banners.show_message(self.tr("Referral {n} is waiting for the e-doctor.")
                                  .format(n=referral_id))
        self._select_after_load = referral_id
        self.reload()

    def open_admission(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.context.worker.read(call(referrals.referral_for_admission, row.id),
                                 self._open_filled, self._failed, owner=self)

    def _open_filled(self, filled: ReferralForAdmission) -> None:
        from console.views.admission.dialog import AdmissionDialog

        dialog = AdmissionDialog.open_for_referral(self.context, filled, self)
        dialog.admitted.connect(self._on_admitted)
        self.admission_dialog = dialog

    def _on_admitted(self, admission_id: int) -> None:
        self.banners.show_message(self.tr("Referral admitted."))
        self.reload()
        self.patient_requested.emit(admission_id)
