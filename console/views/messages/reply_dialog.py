"""Reply to a received correspondence message (one answer per message: R-MESSAGE).

The standard is for non-acute coordination only: the dialog says so, and points to the phone
for anything acute (R-CONTACT).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.messaging import outbox
from console.services.messaging.reads import MessageRow
from console.views.common.correspondence import lay_out_correspondence
from console.views.common.screen import ScreenContext
from console.views.common.widgets import quoted_label
from console.views.common.write_dialog import WriteDialog


class ReplyDialog(WriteDialog):
    def __init__(self, context: ScreenContext, message: MessageRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.message = message
        self.setWindowTitle(self.tr("Reply to {party}").format(party=message.party or ""))
        self.original = quoted_label(message.text or "")
        self.text = QPlainTextEdit()
        form = QFormLayout()
        form.addRow(self.tr("They wrote"), self.original)
        self.field_row(form, self.tr("Reply"), self.text, "text")
        self.acute = lay_out_correspondence(self, form)
        self.save_button.setText(self.tr("Send reply"))
        self.resize(520, 360)

    def operation(self) -> ServiceCall | None:
        return call(outbox.send_reply, self.message.id, text=self.text.toPlainText())
