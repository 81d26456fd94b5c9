"""The main window: a thin shell of navigation, a page per screen, the ward day and a status bar.

Screens come from the registry (``views/registry.py``) and get their context explicitly (runner,
user, worker, change bridge, settings); they ask the shell by signal, never each other. The
window owns no data of its own. Per-user geometry and view state live in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from console import start_up_done
from console.services.core.access import role_names_of
from console.services.core.operations import call
from console.timeutil import today_local
from console.views.census.overdue_status import OverdueStatusWidget, install_overdue_status
from console.views.common.connection_indicator import ConnectionIndicator
from console.views.common.offline import OfflineBanner, install_offline_banner
from console.views.common.screen import Screen, ScreenContext
from console.views.common.widgets import STRETCH, column, push_button, tool_row
from console.views.escalations.status import EscalationStatusWidget, install_escalation_status
from console.views.registry import SCREEN_KEYS, entry
from console.views.screen_shelf import ScreenShelf

if TYPE_CHECKING:  # the dialogs' modules load when first opened (issue 17: a fast start)
    from console.views.admin.access_review import AccessReviewDialog
    from console.views.admin.audit import AuditDialog
    from console.views.admission.dialog import AdmissionDialog
    from console.views.escalations.screen import EscalationsScreen
    from console.views.patient.screen import PatientScreen

NAV_WIDTH = 150
AFTER_CENSUS_MS = 30  # the status bar's first reads wait for the census's rows to paint


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class MainWindow(QMainWindow):
    first_screen_shown = Signal()  # the census answered and its rows had a moment to paint

    def __init__(self, context: ScreenContext, day: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        day = day or today_local()
        self.admission_dialog: AdmissionDialog | None = None
        self._after_record: tuple[int, str, str | None] | None = None  # admission, dialog, outcome
        self.roles: frozenset[str] | None = None  # None until loaded: every action shows
        self.day_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.stack = QStackedWidget()
        self.screens = ScreenShelf(self.stack, self._build_screen)  # each built when first shown
        self.nav = QListWidget()
        for key in SCREEN_KEYS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.setMinimumWidth(NAV_WIDTH - 30)
        self.nav.setMaximumWidth(NAV_WIDTH + 90)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; }"
                               " QListWidget::item { padding: 8px 10px; }")
        self.nav.currentRowChanged.connect(self._on_nav_row)

        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("ddd d MMM yyyy")
        self.day_edit.dateChanged.connect(self._on_day_changed)
        self.day_label = QLabel()
        self.today_button = push_button(clicked=self._go_to_today)
        self.screen_title = QLabel()
        self.screen_title.setStyleSheet("QLabel { font-size: 20px; font-weight: 600; }")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self._build_page_area())
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([NAV_WIDTH, 10_000])
        self.setCentralWidget(self.splitter)
        self._build_status_bar()

        self._build_menu()
        self.retranslate_ui()
        self._restore_state()
        self.show_screen("census")
        self._after_first_screen(self.load_roles, self.escalation_status.reload,
                                 self.overdue_status.reload)

    def _after_first_screen(self, *loads: Callable[[], object]) -> None:
        """Ask for ``loads`` now; they run once the census's rows are on screen (issue 17).

        Started together with the census, the status bar's counts and the roles took the GIL
        from the census's load and paint. Their reads are held (pending: the worker is not
        idle meanwhile) until the census has answered and its rows had a moment to paint.
        """
        worker = self.context.worker
        census = self.screens["census"]

        def shown() -> None:
            worker.release_reads()
            start_up_done()  # the garbage collector's thresholds as usual again
            self.first_screen_shown.emit()

        def census_answered(*_: object) -> None:
            census.loaded.disconnect(census_answered)
            census.load_failed.disconnect(census_answered)
            if self.isVisible():
                QTimer.singleShot(AFTER_CENSUS_MS, self, shown)
            else:
                shown()

        census.loaded.connect(census_answered)
        census.load_failed.connect(census_answered)
        worker.hold_reads()
        for load in loads:
            load()

    def _build_screen(self, key: str) -> Screen:
        """Build a registered screen on first use, as if it had been there from the start."""
        screen = entry(key).create(self.context, self.day)
        self._wire(screen)
        if key == "patient":
            screen.loaded.connect(lambda: self._on_record_loaded(self.patient.admission_id))
        if self.roles is not None:
            screen.set_roles(self.roles)
        screen.restore_state(self.context.settings)
        return screen

    def _wire(self, screen: Screen) -> None:
        """Screens ask the shell by signal (never each other): open a record, admit, decide."""
        for name, slot in (("patient_requested", self.show_patient),
                           ("admit_requested", self.open_admission_dialog),
                           ("discharge_requested", self._discharge_requested),
                           ("regimen_change_requested", self._regimen_change_requested)):
            signal = getattr(screen, name, None)
            if signal is not None:
                signal.connect(slot)

    @property
    def patient(self) -> PatientScreen:
        return cast("PatientScreen", self.screens["patient"])

    @property
    def escalations(self) -> EscalationsScreen:
        return cast("EscalationsScreen", self.screens["escalations"])

    def _discharge_requested(self, admission_id: int, outcome: str) -> None:
        self.open_patient_dialog(admission_id, "discharge", outcome)

    def _regimen_change_requested(self, admission_id: int) -> None:
        self.open_patient_dialog(admission_id, "regimen", None)

    def _build_page_area(self) -> QWidget:
        bar = tool_row(self.screen_title, STRETCH, self.day_label, self.day_edit,
                       self.today_button)
        return column(bar, (self.stack, 1), margins=(8, 8, 8, 0))

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self.context.runner.describe())
        self.user_label = QLabel()
        self.connection = ConnectionIndicator()
        status = self.statusBar()
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.connection)
        self.context.changes.connection_changed.connect(self.connection.set_status)
        self.context.worker.database_unavailable.connect(self.connection.set_offline)
        self.context.worker.database_answered.connect(self.connection.set_online)
        self.escalation_status: EscalationStatusWidget = install_escalation_status(
            self, self.context, load=False)  # loaded after the census (_after_first_screen)
        self.escalation_status.clicked.connect(lambda: self.show_screen("escalations"))
        notifier = self.escalation_status.notifier
        assert notifier is not None  # install_escalation_status sets it
        notifier.banner.open_requested.connect(self.show_escalation)
        self.overdue_status: OverdueStatusWidget = install_overdue_status(self, self.context,
                                                                          load=False)
        self.overdue_status.clicked.connect(lambda: self.show_screen("census"))
        self.offline_banner: OfflineBanner = install_offline_banner(self, self.context)

    def _build_menu(self) -> None:
        self.admin_menu = self.menuBar().addMenu("")
        self.audit_action = self.admin_menu.addAction("")
        self.audit_action.triggered.connect(self.open_audit_dialog)
        self.review_action = self.admin_menu.addAction("")
        self.review_action.triggered.connect(self.open_access_review)
        self.admin_menu.menuAction().setVisible(False)  # shown once the roles say admin
        self.audit_dialog: AuditDialog | None = None
        self.review_dialog: AccessReviewDialog | None = None

    def load_roles(self) -> None:
        """Ask the database which roles the signed-in person holds; screens adapt (issue 8)."""
        self.context.worker.read(call(role_names_of, self.context.user), self.apply_roles,
                                 lambda _error: None, owner=self)

    def apply_roles(self, roles: frozenset[str]) -> None:
        self.roles = roles
        self.admin_menu.menuAction().setVisible("admin" in roles)
        for screen in self.screens.built():
            screen.set_roles(roles)

    def open_audit_dialog(self) -> AuditDialog:
        from console.views.admin.audit import AuditDialog

        if self.audit_dialog is None:
            self.audit_dialog = AuditDialog(self.context, self)
        self.audit_dialog.present()
        return self.audit_dialog

    def open_access_review(self) -> AccessReviewDialog:
        """Flagged accesses (break-the-glass) for an admin's review (issue 21)."""
        from console.views.admin.access_review import AccessReviewDialog

        if self.review_dialog is None:
            self.review_dialog = AccessReviewDialog(self.context, self)
        self.review_dialog.present()
        return self.review_dialog

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("eWard Console"))
        self.admin_menu.setTitle(self.tr("&Admin"))
        self.audit_action.setText(self.tr("Audit trail…"))
        self.review_action.setText(self.tr("Flagged accesses…"))
        self.day_label.setText(self.tr("Ward day"))
        self.today_button.setText(self.tr("Today"))
        self.user_label.setText(self.tr("User: {initials}").format(initials=self.context.user))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(entry(item.data(Qt.ItemDataRole.UserRole)).translated_title())
        for screen in self.screens.built():
            screen.retranslate_ui()
        self.connection.retranslate_ui()
        self.offline_banner.retranslate_ui()
        self._show_title()

    # -- navigation ----------------------------------------------------------------------------

    @property
    def day(self) -> date:
        return _to_date(self.day_edit.date())

    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def current_key(self) -> str:
        return SCREEN_KEYS[self.stack.currentIndex()]

    def show_screen(self, key: str) -> Screen:
        """Bring a screen forward by key (``census``, ``patient``, …); KeyError if unknown."""
        screen = self.screens[key]
        row = SCREEN_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _on_nav_row
        else:
            self._on_nav_row(row)
        return screen

    def show_patient(self, admission_id: int) -> None:
        self.patient.show_admission(admission_id)
        self.show_screen("patient")

    def show_escalation(self, escalation_id: int) -> None:
        self.show_screen("escalations")
        self.escalations.select_escalation(escalation_id)

    def open_admission_dialog(self) -> AdmissionDialog:
        """Admit a referred patient; the new record opens when the admission is saved."""
        if self.admission_dialog is not None and self.admission_dialog.isVisible():
            self.admission_dialog.raise_()
            return self.admission_dialog
        from console.views.admission.dialog import AdmissionDialog

        dialog = AdmissionDialog.open_for(self.context, self)
        dialog.admitted.connect(self.show_patient)
        self.admission_dialog = dialog
        return dialog

    def open_patient_dialog(self, admission_id: int, which: str, outcome: str | None) -> None:
        """A round decision leads into the record's discharge or regimen-change dialog.

        The dialog needs the record loaded, so it opens when that load arrives.
        """
        self._after_record = (admission_id, which, outcome)
        if self.patient.record is not None and self.patient.admission_id == admission_id \
                and not self.patient.is_loading:
            self.show_screen("patient")
            self._on_record_loaded(admission_id)
        else:
            self.show_patient(admission_id)

    def _on_record_loaded(self, admission_id: int | None) -> None:
        pending, self._after_record = self._after_record, None
        if pending is None or pending[0] != admission_id:
            return
        _admission, which, outcome = pending
        if which == "discharge":
            self.patient.open_discharge_dialog(outcome)
        else:
            self.patient.open_regimen_dialog(None)

    def _on_nav_row(self, row: int) -> None:
        if not 0 <= row < len(SCREEN_KEYS):
            return
        screen = self.screens[SCREEN_KEYS[row]]
        self.stack.setCurrentWidget(screen)
        self._show_title()
        screen.activate()

    def _show_title(self) -> None:
        self.screen_title.setText(entry(self.current_key()).translated_title())

    def _on_day_changed(self, qdate: QDate) -> None:
        day = _to_date(qdate)
        for screen in self.screens.built():
            screen.set_day(day)

    def _go_to_today(self) -> None:
        today = today_local()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))

    # -- state and shutdown --------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("main/geometry")
        self.first_start = geometry is None  # opens maximised (console.app), else as it was left
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif (screen := QGuiApplication.primaryScreen()) is not None:
            self.setGeometry(screen.availableGeometry())  # also where no window manager maximises
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self, settings: QSettings | None = None) -> None:
        settings = settings or self.context.settings
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        for screen in self.screens.built():
            screen.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.context.worker.shutdown()
        super().closeEvent(event)
