"""The main window: a thin shell of navigation, a page per screen, the ward day and a status bar.

Screens get their context explicitly (database, user, worker, change bridge, settings); the
window owns no data of its own. Per-user geometry and view state live in QSettings.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.db import Database
from console.services.core.access import roles_of
from console.timeutil import today_local
from console.views.admin.audit import AuditDialog
from console.views.admission.dialog import AdmissionDialog
from console.views.census.screen import CensusScreen
from console.views.common.connection_indicator import ConnectionIndicator
from console.views.common.offline import OfflineBanner, install_offline_banner
from console.views.common.screen import Screen, ScreenContext
from console.views.dashboard.screen import DashboardScreen
from console.views.dispatch.extras import DispatchExtras, install_dispatch_extras
from console.views.dispatch.screen import DispatchScreen
from console.views.escalations.screen import EscalationsScreen
from console.views.escalations.status import EscalationStatusWidget, install_escalation_status
from console.views.logistics.screen import LogisticsScreen
from console.views.patient.screen import PatientScreen
from console.views.rounds.screen import RoundsScreen

SCREEN_KEYS = ("census", "patient", "rounds", "dispatch", "logistics", "escalations",
               "dashboard")
NAV_WIDTH = 150


def describe_database(db: Database) -> str:
    """``SQLite · /path/file`` or ``PostgreSQL · host/db`` (never a password)."""
    url = db.url
    if db.backend == "sqlite":
        return f"SQLite · {url.database or ':memory:'}"
    host = url.host or "localhost"
    if url.port:
        host = f"{host}:{url.port}"
    return f"PostgreSQL · {host}/{url.database or ''}"


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class MainWindow(QMainWindow):
    def __init__(self, context: ScreenContext, day: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        day = day or today_local()
        self.screens: dict[str, Screen] = {}
        self.census = CensusScreen(context, day)
        self.patient = PatientScreen(context, day)
        self.rounds = RoundsScreen(context, day)
        self.escalations = EscalationsScreen(context, day)
        self.logistics = LogisticsScreen(context, day)
        self.dashboard = DashboardScreen(context, day)
        self.dispatch = DispatchScreen(context, day)
        self.dispatch_extras: DispatchExtras = install_dispatch_extras(self.dispatch)
        self.screens.update(census=self.census, patient=self.patient, rounds=self.rounds,
                            logistics=self.logistics, escalations=self.escalations,
                            dashboard=self.dashboard, dispatch=self.dispatch)
        self.admission_dialog: AdmissionDialog | None = None
        self._after_record: tuple[int, str, str | None] | None = None  # admission, dialog, outcome
        self.census.patient_requested.connect(self.show_patient)
        self.census.admit_requested.connect(self.open_admission_dialog)
        self.escalations.patient_requested.connect(self.show_patient)
        self.logistics.patient_requested.connect(self.show_patient)
        self.dispatch.patient_requested.connect(self.show_patient)
        self.rounds.discharge_requested.connect(
            lambda admission, outcome: self.open_patient_dialog(admission, "discharge", outcome))
        self.rounds.regimen_change_requested.connect(
            lambda admission: self.open_patient_dialog(admission, "regimen", None))
        self.patient.record_loaded.connect(self._on_record_loaded)

        self.stack = QStackedWidget()
        self.nav = QListWidget()
        for key in SCREEN_KEYS:
            self.stack.addWidget(self.screens[key])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.setMinimumWidth(NAV_WIDTH - 30)
        self.nav.setMaximumWidth(NAV_WIDTH + 90)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; }"
                               " QListWidget::item { padding: 8px 10px; }")
        self.nav.currentRowChanged.connect(self._on_nav_row)

        self.day_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("ddd d MMM yyyy")
        self.day_edit.dateChanged.connect(self._on_day_changed)
        self.day_label = QLabel()
        self.today_button = QPushButton()
        self.today_button.clicked.connect(self._go_to_today)
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
        self.roles: frozenset[str] | None = None  # None until loaded: every action shows
        self.retranslate_ui()
        self._restore_state()
        self.show_screen("census")
        self.load_roles()

    def _build_page_area(self) -> QWidget:
        bar = QHBoxLayout()
        bar.addWidget(self.screen_title)
        bar.addStretch(1)
        bar.addWidget(self.day_label)
        bar.addWidget(self.day_edit)
        bar.addWidget(self.today_button)
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        return area

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(describe_database(self.context.database))
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
            self, self.context)
        self.escalation_status.clicked.connect(lambda: self.show_screen("escalations"))
        notifier = self.escalation_status.notifier
        assert notifier is not None  # install_escalation_status sets it
        notifier.banner.open_requested.connect(self.show_escalation)
        self.offline_banner: OfflineBanner = install_offline_banner(self, self.context)

    def _build_menu(self) -> None:
        self.admin_menu = self.menuBar().addMenu("")
        self.audit_action = self.admin_menu.addAction("")
        self.audit_action.triggered.connect(self.open_audit_dialog)
        self.admin_menu.menuAction().setVisible(False)  # shown once the roles say admin
        self.audit_dialog: AuditDialog | None = None

    def load_roles(self) -> None:
        """Ask the database which roles the signed-in person holds; screens adapt (issue 8)."""
        user = self.context.user
        self.context.worker.read(
            lambda s: frozenset(r.value for r in roles_of(s, user)), self.apply_roles,
            lambda _error: None, owner=self)

    def apply_roles(self, roles: frozenset[str]) -> None:
        self.roles = roles
        self.admin_menu.menuAction().setVisible("admin" in roles)
        for screen in self.screens.values():
            screen.set_roles(roles)

    def open_audit_dialog(self) -> AuditDialog:
        if self.audit_dialog is None:
            self.audit_dialog = AuditDialog(self.context, self)
        self.audit_dialog.show()
        self.audit_dialog.raise_()
        self.audit_dialog.reload()
        return self.audit_dialog

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("eWard Console"))
        self.admin_menu.setTitle(self.tr("&Admin"))
        self.audit_action.setText(self.tr("Audit trail…"))
        self.day_label.setText(self.tr("Ward day"))
        self.today_button.setText(self.tr("Today"))
        self.user_label.setText(self.tr("User: {initials}").format(initials=self.context.user))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText(self.screens[item.data(Qt.ItemDataRole.UserRole)].title())
        for screen in self.screens.values():
            screen.retranslate_ui()
        self.connection.retranslate_ui()
        self.offline_banner.retranslate_ui()
        self.dispatch_extras.retranslate_ui()
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

    def _on_record_loaded(self, admission_id: int) -> None:
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
        self.screen_title.setText(self.current_screen().title() if self.stack.count() else "")

    def _on_day_changed(self, qdate: QDate) -> None:
        day = _to_date(qdate)
        for screen in self.screens.values():
            screen.set_day(day)

    def _go_to_today(self) -> None:
        today = today_local()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))

    # -- state and shutdown --------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        for screen in self.screens.values():
            screen.restore_state(settings)

    def save_state(self, settings: QSettings | None = None) -> None:
        settings = settings or self.context.settings
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        for screen in self.screens.values():
            screen.save_state(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.context.worker.shutdown()
        super().closeEvent(event)
