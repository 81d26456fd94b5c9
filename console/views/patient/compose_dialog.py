"""Write a correspondence message (CareCommunication) on a course to the municipality or the GP.

MedCom's rules, as the dialog helps with them (the service decides): one of the national
categories; a topic when the category is "other"; a priority only with "regarding referral";
the author's name, role and phone come from the signed-in person and the ward; files go with
it (PDF, PNG, JPEG, GIF: R-MESSAGE-ATTACHMENT; the service checks type and size). The standard
is for non-acute coordination only: the dialog says so (R-MESSAGE, R-CONTACT).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.medcom import Category, Priority
from console.medcom.codes import MAX_MESSAGE_BYTES
from console.services.core.operations import ServiceCall, call
from console.services.messaging import outbox
from console.views.common.combos import coded_combo
from console.views.common.correspondence import lay_out_correspondence
from console.views.common.language import chosen_language
from console.views.common.message_files import size_text
from console.views.common.screen import ScreenContext
from console.views.common.widgets import STRETCH, column, push_button, tool_row, wrapped_label
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
        self.files: list[outbox.NewFile] = []
        self.files_label = wrapped_label()
        self.attach_button = push_button(self.tr("Attach files…"), clicked=self.choose_files)
        self.clear_files_button = push_button(self.tr("Remove the files"),
                                              clicked=self.clear_files)
        self.category.currentIndexChanged.connect(self._on_category_changed)
        form = QFormLayout()
        form.addRow(self.tr("To"), self.to)
        self.field_row(form, self.tr("Category"), self.category, "category")
        self.field_row(form, self.tr("Topic"), self.topic, "topic")
        self.field_row(form, self.tr("Priority"), self.priority, "priority")
        self.field_row(form, self.tr("Message"), self.text, "text")
        self.field_row(form, self.tr("Files"), column(
            self.files_label, tool_row(self.attach_button, self.clear_files_button, STRETCH)),
            "attachments")
        self.acute = lay_out_correspondence(self, form)
        self.save_button.setText(self.tr("Send"))
        self._on_category_changed()
        self._show_files()
        self.resize(560, 460)

    def _on_category_changed(self) -> None:
        referral = self.category.currentData() == Category.REGARDING_REFERRAL.value
        self.priority.setEnabled(referral)  # MedCom: a priority only with "regarding referral"
        self.topic.setPlaceholderText(self.tr("Required with the category Other")
                                      if self.category.currentData() == Category.OTHER.value
                                      else "")

    def choose_files(self, paths: list[str] | None = None) -> None:
        """Add files (a file dialog unless ``paths``); read here, at most MedCom's 50 MB."""
        if paths is None:
            paths, _filter = QFileDialog.getOpenFileNames(
                self, self.tr("Attach files"), "",
                self.tr("PDF, PNG, JPEG or GIF (*.pdf *.png *.jpg *.jpeg *.gif)"))
        total = sum(len(f.data) for f in self.files)
        for name in paths:
            path = Path(name)
            try:
                size = path.stat().st_size
                if total + size > MAX_MESSAGE_BYTES:  # R-MESSAGE-SIZE: not read into memory
                    self.errors.show("attachments", self.tr(
                        "{name} is too large: a message carries at most 50 MB.").format(
                        name=path.name))
                    break
                self.files.append(outbox.NewFile(path.name, path.read_bytes()))
            except OSError as exc:
                self.errors.show("attachments", self.tr("Cannot read {name}: {error}").format(
                    name=path.name, error=exc.strerror or exc))
                break
            total += size
        self._show_files()

    def clear_files(self) -> None:
        self.files.clear()
        self._show_files()

    def _show_files(self) -> None:
        self.files_label.setText(", ".join(f"{f.filename} ({size_text(len(f.data))})"
                                           for f in self.files) or self.tr("No files"))
        self.clear_files_button.setEnabled(bool(self.files))

    def operation(self) -> ServiceCall | None:
        priority = Priority(self.priority.currentData()) if self.priority.isEnabled() else None
        return call(outbox.send_new_message, self.admission_id, outbox.Draft(
            to=PartyKind(self.to.currentData()), category=Category(self.category.currentData()),
            text=self.text.toPlainText(), topic=self.topic.text().strip() or None,
            priority=priority), files=tuple(self.files))
