"""Put a received message that matched no course on the patient's course (R-MESSAGE).

A replacement CPR or a typo in the sender's system matches no course: the message waits under
*Needs attention* until an e-nurse finds the patient. The dialog shows whom the message names
(read from the bytes as received, the CPR masked), searches the admitted patients with that
name typed in already, and matches at the message's version (no lost update). A "Plejeforløbsplan
ok" matched so counts for that course (R-CAREPLAN).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.messaging import inbox
from console.services.messaging.matching import NamedPatient, patient_named_in
from console.services.messaging.reads import MessageRow
from console.views.common.patient_picker import PatientPicker
from console.views.common.screen import ScreenContext
from console.views.common.widgets import quoted_label
from console.views.common.write_dialog import WriteDialog, describe_error
from console.views.messages.detail import heading

SEARCH_KEY = "message-match-search"


class MatchDialog(WriteDialog):
    def __init__(self, context: ScreenContext, message: MessageRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.message = message
        self.version = message.version
        self.setWindowTitle(self.tr("Match to a patient's course"))
        self.about = quoted_label(f"{heading(message)}\n{message.text or ''}".strip())
        self.named = quoted_label(self.tr("Reading the message…"))
        self.picker = PatientPicker(context, SEARCH_KEY, self._read_failed)
        self.picker.confirmed.connect(self.save_button.setFocus)
        form = QFormLayout()
        form.addRow(self.tr("Message"), self.about)
        form.addRow(self.tr("It names"), self.named)
        self.field_row(form, self.tr("Course"), self.picker, "admission_id")
        self.lay_out_form(form)
        self.save_button.setText(self.tr("Match"))
        self.resize(560, 360)
        context.worker.read(call(patient_named_in, message.id), self._on_named,
                            self._read_failed, owner=self)
        self.picker.search()
        self.picker.search_edit.setFocus()

    def _on_named(self, named: NamedPatient) -> None:
        self.version = named.version
        if named.name is None:
            self.named.setText(self.tr("No patient can be read from the message."))
            return
        self.named.setText(f"{named.name} ({named.cpr_masked})")
        if not self.picker.search_edit.text():
            self.picker.search_edit.setText(named.name)  # searches for it

    def _read_failed(self, error: Exception) -> None:
        self._show_banner(describe_error(error))

    def operation(self) -> ServiceCall | None:
        chosen = self.picker.chosen
        if chosen is None:
            self.errors.show("admission_id", self.tr("Choose the patient whose course it is."))
            return None
        return call(inbox.match_to_course, self.message.id, chosen.admission_id,
                    expected_version=self.version)
