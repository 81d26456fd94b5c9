"""Write a correspondence message (CareCommunication) on a course to the municipality or the GP.

MedCom's rules, as the dialog helps with them (the service decides): one of the national
categories; a topic when the category is "other"; a priority only with "regarding referral";
the author's name, role and phone come from the signed-in person and the ward. The standard
is for non-acute coordination only: the dialog says so (R-MESSAGE, R-CONTACT).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.medcom import Category, Priority
from console.services.core.operations import ServiceCall, call
from console.services.messaging import outbox
from console.views.common.combos import coded_combo
from console.views.common.correspondence import lay_out_correspondence
from console.views.common.language import chosen_language
from console.views.common.screen import ScreenContext
from console.views.common.write_dialog import WriteDialog
from console.vocabulary import PartyKind


def category_text(category: Category) -> str:
    """MedCom's own wording of a category, in the console's language."""
    return category.danish if chosen_language() == "da" else category.english


class ComposeDialog(WriteDialog):
    def __init__(self, context: ScreenContext, admission_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.admission_id = admission_id
        self.setWindowTitle(self.tr("New correspondence message"))
        self.to = QComboBox()
        self.to.addItem(self.tr("The municipality"), PartyKind.MUNICIPALITY.value)
        self.to.addItem(self.tr("The patient's GP"), PartyKind.GP.value)
        self.category = coded_combo(Category, lambda code: category_text(Category(code)),
                                    current=Category.CARE_COORDINATION.value)
        self.topic = QLineEdit()
        self.priority = QComboBox()
        self.priority.addItem(self.tr("routine"), Priority.ROUTINE.value)
        self.priority.addItem(self.tr("as soon as possible"), Priority.ASAP.value)
        self.text = QPlainTextEdit()
        self.category.currentIndexChanged.connect(self._on_category_changed)
        form = QFormLayout()
        form.addRow(self.tr("To"), self.to)
        self.field_row(form, self.tr("Category"), self.category, "category")
        self.field_row(form, self.tr("Topic"), self.topic, "topic")
        self.field_row(form, self.tr("Priority"), self.priority, "priority")
        self.field_row(form, self.tr("Message"), self.text, "text")
        self.acute = lay_out_correspondence(self, form)
        self.save_button.setText(self.tr("Send"))
        self._on_category_changed()
        self.resize(560, 420)

    def _on_category_changed(self) -> None:
        referral = self.category.currentData() == Category.REGARDING_REFERRAL.value
        self.priority.setEnabled(referral)  # MedCom: a priority only with "regarding referral"
        self.topic.setPlaceholderText(self.tr("Required with the category Other")
                                      if self.category.currentData() == Category.OTHER.value
                                      else "")

    def operation(self) -> ServiceCall | None:
        priority = Priority(self.priority.currentData()) if self.priority.isEnabled() else None
        return call(outbox.send_new_message, self.admission_id, outbox.Draft(
            to=PartyKind(self.to.currentData()), category=Category(self.category.currentData()),
            text=self.text.toPlainText(), topic=self.topic.text().strip() or None,
            priority=priority))
