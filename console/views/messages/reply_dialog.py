"""Reply to a received correspondence message (one answer per message: R-MESSAGE), or forward
it to the GP or the municipality as a new thread carrying its text and files.

The standard is for non-acute coordination only: the dialog says so, and points to the phone
for anything acute (R-CONTACT).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.messaging import outbox
from console.services.messaging.reads import MessageRow
from console.views.common.correspondence import lay_out_correspondence
from console.views.common.screen import ScreenContext
from console.views.common.widgets import quoted_label
from console.views.common.write_dialog import WriteDialog
from console.vocabulary import PartyKind


class ReplyDialog(WriteDialog):
    def __init__(self, context: ScreenContext, message: MessageRow,
                 parent: QWidget | None = None, *, forward: bool = False) -> None:
        super().__init__(context, parent)
        self.message = message
        self.forward = forward
        self.original = quoted_label(message.text or "")
        self.text = QPlainTextEdit()
        self.to = QComboBox()
        self.to.addItem(self.tr("The patient's GP"), PartyKind.GP.value)
        self.to.addItem(self.tr("The municipality"), PartyKind.MUNICIPALITY.value)
        form = QFormLayout()
        form.addRow(self.tr("They wrote"), self.original)
        if forward:
            self.setWindowTitle(self.tr("Forward the message from {party}").format(
                party=message.party or ""))
            self.field_row(form, self.tr("To"), self.to, "party")
            self.field_row(form, self.tr("Your note"), self.text, "text")
        else:
            self.setWindowTitle(self.tr("Reply to {party}").format(party=message.party or ""))
            self.field_row(form, self.tr("Reply"), self.text, "text")
        self.acute = lay_out_correspondence(self, form)
        self.save_button.setText(self.tr("Forward") if forward else self.tr("Send reply"))
        self.resize(520, 360)

    def operation(self) -> ServiceCall | None:
        if self.forward:
            return call(outbox.send_forward, self.message.id,
                        to=PartyKind(self.to.currentData()), text=self.text.toPlainText())
        return call(outbox.send_reply, self.message.id, text=self.text.toPlainText())
