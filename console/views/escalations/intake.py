"""Log a call from a municipal nurse in seconds: patient, caller, category, severity, text.

The routing line follows R-CONTACT live (``escalation_rules.route`` is pure, so it runs here on
the GUI thread; the e-nurse's hours are read once through the worker). The patient search, the
options, the municipality's contact directory and the save all go through the worker. Once the
municipality is known (from the chosen patient or picked), "From the directory" offers its
active contacts; choosing one fills the caller's name and phone (typing another caller stays
possible). Keyboard: type a name, CPR or phone, Enter picks the top match; Tab walks the form;
Enter (Ctrl+Enter in the text) saves.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QWidget,
)

from console.services.core.errors import RuleViolation
from console.services.core.operations import ServiceCall, call
from console.services.course import patient_search
from console.services.course.patient_search import IntakeOptions, PatientChoice
from console.services.escalations import directory as directory_service
from console.services.escalations import escalations as service
from console.services.escalations.directory import ContactEntry
from console.services.escalations.rules import DOCTOR_ALWAYS, route
from console.timeutil import LOCAL_TZ, local_datetime, now_utc
from console.views.common.combos import coded_combo
from console.views.common.patient_picker import PatientPicker
from console.views.common.screen import ScreenContext
from console.views.common.widgets import note_edit, styled_label
from console.views.escalations.actions import WriteDialog
from console.views.escalations.model import (
    CATEGORY_LABELS,
    ROUTED_LABELS,
    SEVERITY_LABELS,
    label,
)
from console.vocabulary import EscalationCategory, RoutedTo, Severity

SEARCH_KEY = "escalation-intake-search"
CONTACTS_KEY = "escalation-intake-contacts"
_ROUTE_STYLE = ("QLabel { font-weight: 600; color: #0b3d91; background: #dbe9ff;"
                " border-radius: 4px; padding: 4px 8px; }")


def open_intake_dialog(context: ScreenContext, parent: QWidget | None,
                       admission_id: int | None = None) -> IntakeDialog:
    """Open the (window-modal, non-blocking) intake dialog; ``saved`` gives the EscalationRow."""
    dialog = IntakeDialog(context, parent, admission_id)
    dialog.open()
    return dialog


class IntakeDialog(WriteDialog):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None,
                 admission_id: int | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Log a call"))
        self.options: IntakeOptions | None = None
        self.contacts: tuple[ContactEntry, ...] = ()
        self.contacts_for: str | None = None  # the municipality the directory shows
        self._build_fields()
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self.resize(560, 620)
        context.worker.read(call(patient_search.load_intake_options), self._on_options,
                            self.show_failure, owner=self)
        if admission_id is not None:
            context.worker.read(call(patient_search.get_patient_choice, admission_id),
                                self._preselect, self.show_failure, owner=self)
        self.picker.search()
        self.search_edit.setFocus()

    # -- layout --------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.picker = PatientPicker(self.context, SEARCH_KEY, self.show_failure)
        self.picker.picked.connect(self._on_picked)
        self.picker.confirmed.connect(self.caller_name_focus)
        self.search_edit = self.picker.search_edit
        self.results = self.picker.results
        self.results_view = self.picker.results_view
        self.chosen_label = self.picker.chosen_label
        self.caller_name = QLineEdit()
        self.caller_phone = QLineEdit()
        self.municipality = QComboBox()
        self.municipality.setEditable(True)
        self.municipality.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.municipality.currentTextChanged.connect(self._load_contacts)
        self.directory = QComboBox()
        self.directory.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.directory.setMinimumContentsLength(20)
        self.directory.currentIndexChanged.connect(self._on_directory_chosen)
        self.caller_name.textEdited.connect(self._on_caller_typed)
        self.category = coded_combo(EscalationCategory, lambda code: label(CATEGORY_LABELS, code))
        self.severity = coded_combo(Severity, lambda code: label(SEVERITY_LABELS, code),
                                    current=Severity.TODAY.value)
        self.text_edit = note_edit(self.tr("What the nurse said (Ctrl+Enter saves)"))
        self.received = QDateTimeEdit()
        self.received.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.set_received(now_utc())
        self.route_label = styled_label(_ROUTE_STYLE, wrap=True)
        self.override = coded_combo(RoutedTo, lambda code: label(ROUTED_LABELS, code),
                                    first=self.tr("As R-CONTACT routes"))
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(self.tr("Why route it elsewhere? (required)"))
        for signal in (self.category.currentIndexChanged, self.received.dateTimeChanged,
                       self.override.currentIndexChanged):
            signal.connect(self._show_route)

        rows: list[tuple[str, QWidget]] = [
            (self.tr("Patient"), self.picker), (self.tr("Municipality"), self.municipality),
            (self.tr("From the directory"), self.directory),
            (self.tr("Caller"), self.caller_name), (self.tr("Caller's phone"), self.caller_phone),
            (self.tr("Category"), self.category),
            (self.tr("Severity"), self.severity), (self.tr("What was said"), self.text_edit),
            (self.tr("Received"), self.received), ("", self.route_label),
            (self.tr("Route to"), self.override), (self.tr("Reason"), self.override_reason),
        ]
        for text, widget in rows:
            self.form.addRow(text, widget)
        self.caller_name.setPlaceholderText(self.tr("Name of the municipal nurse"))
        order = [self.search_edit, self.results_view, self.municipality, self.directory,
                 self.caller_name, self.caller_phone, self.category, self.severity, self.text_edit,
                 self.received, self.override, self.override_reason, self.save_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.fields.update({
            "admission_id": self.search_edit, "cpr": self.search_edit,
            "caller.name": self.caller_name, "municipality": self.municipality,
            "received_at": self.received, "routed_to": self.override_reason,
            "text": self.text_edit,
        })
        self._show_contacts(None, ())
        self._show_route()

    # -- patient -------------------------------------------------------------------------------

    @property
    def chosen(self) -> PatientChoice | None:
        return self.picker.chosen

    def caller_name_focus(self) -> None:
        self.caller_name.setFocus()

    def _preselect(self, choice: PatientChoice) -> None:
        self.picker.choose(choice)
        self.caller_name.setFocus()

    def choose(self, choice: PatientChoice) -> None:
        self.picker.choose(choice)

    def _on_picked(self, choice: PatientChoice) -> None:
        self.municipality.setCurrentText(choice.municipality)

    # -- routing -------------------------------------------------------------------------------

    def _on_options(self, options: IntakeOptions) -> None:
        self.options = options
        typed = self.municipality.currentText()
        self.municipality.addItems(list(options.municipalities))
        self.municipality.setCurrentText(typed or (self.chosen.municipality if self.chosen
                                                   else ""))
        self._load_contacts(self.municipality.currentText())
        self._show_route()

    # -- the municipality's contact directory --------------------------------------------------

    def _load_contacts(self, text: str) -> None:
        name = text.strip()
        known = self.options is None or name in self.options.municipalities
        if not name or not known:
            self.context.worker.cancel(CONTACTS_KEY)
            self._show_contacts(None, ())
            return
        if name == self.contacts_for:  # already shown: drop a load for another name
            self.context.worker.cancel(CONTACTS_KEY)
            return
        self.context.worker.refresh(
            CONTACTS_KEY, call(directory_service.contacts_for, name, active_only=True),
            lambda contacts: self._show_contacts(name, contacts),
            lambda error: self._on_contacts_failed(name, error), owner=self)

    def _on_contacts_failed(self, name: str, error: Exception) -> None:
        if isinstance(error, RuleViolation):  # typed a name that is not a municipality
            self._show_contacts(None, ())
        else:
            self.show_failure(error)

    def _show_contacts(self, municipality: str | None,
                       contacts: tuple[ContactEntry, ...]) -> None:
        self.contacts_for, self.contacts = municipality, contacts
        self.directory.blockSignals(True)
        self.directory.clear()
        if municipality is None:
            self.directory.addItem(self.tr("Choose the patient or municipality first"), None)
        elif not contacts:
            self.directory.addItem(self.tr("No contacts for {municipality}: type the caller "
                                           "below").format(municipality=municipality), None)
        else:
            self.directory.addItem(self.tr("Choose a contact, or type the caller below"), None)
        for contact in contacts:
            text = f"{contact.name}  ·  {contact.phone}"
            if contact.hours:
                text += f"  ·  {contact.hours}"
            self.directory.addItem(text, contact)
            if contact.note:
                self.directory.setItemData(self.directory.count() - 1, contact.note,
                                           Qt.ItemDataRole.ToolTipRole)
        self.directory.setEnabled(bool(contacts))
        self.directory.blockSignals(False)

    def chosen_contact(self) -> ContactEntry | None:
        contact = self.directory.currentData()
        return contact if isinstance(contact, ContactEntry) else None

    def choose_contact(self, contact_id: int) -> bool:
        """Pick a directory contact by id (fills the caller); False if it is not offered."""
        for index in range(self.directory.count()):
            data = self.directory.itemData(index)
            if isinstance(data, ContactEntry) and data.id == contact_id:
                self.directory.setCurrentIndex(index)
                return True
        return False

    def _on_directory_chosen(self, _index: int) -> None:
        contact = self.chosen_contact()
        if contact is None:
            return
        self.caller_name.setText(contact.name)
        self.caller_phone.setText(contact.phone)

    def _on_caller_typed(self, text: str) -> None:
        """Typing another caller: the directory no longer claims to be the source."""
        contact = self.chosen_contact()
        if contact is not None and text != contact.name:
            self.directory.blockSignals(True)
            self.directory.setCurrentIndex(0)
            self.directory.blockSignals(False)

    def received_at(self) -> datetime:
        value = self.received.dateTime()
        d, t = value.date(), value.time()
        return local_datetime(date(d.year(), d.month(), d.day()), time(t.hour(), t.minute()))

    def set_received(self, when: datetime) -> None:
        local = when.astimezone(LOCAL_TZ)
        self.received.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                            QTime(local.hour, local.minute)))

    def override_choice(self) -> RoutedTo | None:
        code = self.override.currentData()  # Qt hands a StrEnum back as a plain str
        return RoutedTo(code) if code else None

    def _show_route(self) -> None:
        override = self.override_choice()
        self.override_reason.setEnabled(override is not None)
        if self.options is None:
            self.route_label.setText(self.tr("Routed to: …"))
            return
        category = EscalationCategory(self.category.currentData())
        hours = (f"{self.options.e_nurse_from:%H:%M}–{self.options.e_nurse_until:%H:%M}")
        routed = route(category, self.received_at(), self.options.e_nurse_from,
                       self.options.e_nurse_until)
        if category in DOCTOR_ALWAYS:
            why = self.tr("clinical calls go to the e-doctor, 24/7")
        elif routed is RoutedTo.E_NURSE:
            why = self.tr("nurse question inside the e-nurse's hours {hours}").format(hours=hours)
        else:
            why = self.tr("outside the e-nurse's hours {hours}: the doctor on call").format(
                hours=hours)
        text = self.tr("Routed to: {who} (R-CONTACT: {why})").format(
            who=label(ROUTED_LABELS, routed.value), why=why)
        if override is not None and override is not routed:
            text += "\n" + self.tr("Override: {who}, with the reason below").format(
                who=label(ROUTED_LABELS, override.value))
        self.route_label.setText(text)

    # -- saving --------------------------------------------------------------------------------

    def operation(self) -> ServiceCall:
        data = service.EscalationInput(
            category=EscalationCategory(self.category.currentData()),
            severity=Severity(self.severity.currentData()),
            caller_name=self.caller_name.text(),
            caller_phone=self.caller_phone.text().strip() or None,
            admission_id=self.chosen.admission_id if self.chosen else None,
            municipality=self.municipality.currentText().strip() or None,
            received_at=self.received_at(), text=self.text_edit.toPlainText(),
            routed_to=self.override_choice(),
            route_override_reason=self.override_reason.text().strip() or None)
        return call(service.log_escalation, data)
