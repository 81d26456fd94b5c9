"""Make a received correspondence message an escalation (issue 16).

The message standard forbids acute use; when a municipal nurse writes about something acute
anyway, the e-nurse turns it into an escalation routed by R-CONTACT, and calls back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.escalations.from_message import escalate_message
from console.services.messaging.reads import MessageRow
from console.views.common.combos import coded_combo
from console.views.common.labels import ESCALATION_CATEGORIES, ESCALATION_SEVERITIES, label
from console.views.common.screen import ScreenContext
from console.views.common.widgets import quoted_label, stack, wrapped_label
from console.views.common.write_dialog import WriteDialog
from console.vocabulary import EscalationCategory, Severity


class EscalateDialog(WriteDialog):
    def __init__(self, context: ScreenContext, message: MessageRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.message = message
        self.setWindowTitle(self.tr("Make an escalation of this message"))
        note = wrapped_label(self.tr("Correspondence messages are not for acute matters. The "
                                     "escalation is routed like a call; call the municipal nurse back."))
        text = quoted_label(message.text or "")
        self.category = coded_combo(EscalationCategory,
                                    lambda code: label(ESCALATION_CATEGORIES, code))
        self.severity = coded_combo(Severity, lambda code: label(ESCALATION_SEVERITIES, code))
        form = QFormLayout()
        form.addRow(self.tr("Message"), text)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Severity"), self.severity)
        stack(self, self.banner, note, form, self.buttons)
        self.save_button.setText(self.tr("Make escalation"))

    def operation(self) -> ServiceCall | None:
        return call(escalate_message, self.message.id,
                    category=EscalationCategory(self.category.currentData()),
                    severity=Severity(self.severity.currentData()))
