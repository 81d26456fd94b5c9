"""Dialogs that write through the worker, and what they share.

``WriteDialog`` is the one recipe: the dialog builds ONE service call from its fields
(``operation``: ``call(service_fn, *values)``), runs it with ``context.worker.write``; on
success it emits ``saved(result)`` and closes; on a
``RuleViolation``/``InvalidInput`` it stays open, keeps what was typed and shows the message
next to the field the service named (or in the banner when no field matches), translated
(``violation_text``: the services speak English); on ``Conflict``
it shows who changed the row and when, with Reload (``reload_requested``; the owner
reloads and calls ``rebase(record)``, the typed values stay for a second Save); anything else
(``Forbidden``, the database) is shown in the banner as a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from console.services.core.errors import Conflict, RuleViolation
from console.services.core.operations import ServiceCall
from console.views.common.conflict import ConflictBanner
from console.views.common.i18n import translate_service_message
from console.views.common.screen import ScreenContext
from console.views.common.widgets import column, styled_label
from console.views.common.worker import message_of

FIELD_ERROR_STYLE = "QLabel { color: #9b1c13; font-size: 12px; }"
BANNER_ERROR_STYLE = ("QLabel { color: #9b1c13; background: #ffd9d6; border-radius: 4px;"
                      " padding: 4px 8px; }")


def violation_text(error: RuleViolation) -> str:
    """"R-PUMP: A course with a pump…" (a plain input error has no rule id to show), in the
    console's language (the rule id stays as domain.md names it)."""
    message = translate_service_message(error.message)
    if error.rule_id == "INPUT":
        return message
    # the rule once, in front: not "R-CREW-SKILL: … does not have (R-CREW-SKILL): choose …"
    return f"{error.rule_id}: {message.replace(f' ({error.rule_id})', '')}"


def describe_error(error: Exception) -> str:
    """Any error a write met, as one sentence for the person: a rule with its id, else the
    message (translated), never a traceback."""
    if isinstance(error, RuleViolation):
        return violation_text(error)
    from console.views.common.worker import message_of

    return message_of(error)


def field_error_label() -> QLabel:
    label = styled_label(FIELD_ERROR_STYLE, wrap=True, visible=False)
    return label


def with_error(widget: QWidget, error: QLabel) -> QWidget:
    """The widget with its error line under it (for a form row)."""
    return column(widget, error, spacing=2)


def field_row(form: QFormLayout, errors: FieldErrors, text: str, widget: QWidget,
              *fields: str) -> QLabel:
    """A form row: ``widget`` with the error line where the service's ``fields`` are named."""
    error = field_error_label()
    for field in fields:
        errors.add(field, error)
    form.addRow(text, with_error(widget, error))
    return error


class FieldErrors:
    """Error labels by service field name; messages for unknown fields go to a fallback."""

    def __init__(self, fallback: Callable[[str], None]) -> None:
        self._labels: dict[str, QLabel] = {}
        self._fallback = fallback

    def add(self, field: str, label: QLabel) -> QLabel:
        self._labels[field] = label
        return label

    def label_for(self, field: str | None) -> QLabel | None:
        if field is None:
            return None
        if field in self._labels:
            return self._labels[field]
        if "." not in field:
            return None
        parent, column = field.rsplit(".", 1)  # consent.at → consent
        # the text guard names table.column (visit.observations): the dialog's own field
        return self._labels.get(parent) or self._labels.get(column)

    def forget(self, prefix: str) -> None:
        """Drop the labels of fields starting with ``prefix`` (a removed regimen line)."""
        for field in [f for f in self._labels if f.startswith(prefix)]:
            del self._labels[field]

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.setVisible(False)

    def show(self, field: str | None, text: str) -> None:
        label = self.label_for(field)
        if label is None:
            self._fallback(text)
            return
        label.setText(f"{label.text()}\n{text}" if label.text() else text)
        label.setVisible(True)

    def messages(self) -> dict[str, str]:
        return {f: lb.text() for f, lb in self._labels.items() if lb.text()}


class WriteDialog(QDialog):
    """Base of the record's dialogs: fields → one write through the worker → saved or errors."""

    saved = Signal(object)  # the service's result
    reload_requested = Signal()  # after a Conflict: the owner reloads the record

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._saving = False
        self.banner = styled_label(BANNER_ERROR_STYLE, wrap=True, visible=False)
        self.conflict = ConflictBanner()
        self.conflict.reload_requested.connect(self._on_reload)
        self.errors = FieldErrors(self._show_banner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def field_row(self, form: QFormLayout, text: str, widget: QWidget, *fields: str) -> QLabel:
        """A row of the dialog's form whose error line shows what the service says of
        ``fields`` (style: ``field_row``)."""
        return field_row(form, self.errors, text, widget, *fields)

    def lay_out_form(self, form: QLayout, *, above: Sequence[QWidget] = (),
                     below: Sequence[QWidget] = ()) -> QVBoxLayout:
        """The house dialog: what stands ``above``, the conflict and error banners, the form,
        what stands ``below``, then Save/Cancel."""
        layout = QVBoxLayout(self)
        for widget in (*above, self.conflict, self.banner):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (*below, self.buttons):
            layout.addWidget(widget)
        return layout

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    @property
    def is_saving(self) -> bool:
        return self._saving

    def operation(self) -> ServiceCall | None:
        """The one service call to run, ``call(service_fn, *values)``, or None when the fields
        themselves are not valid yet (the subclass then shows why with ``self.errors``)."""
        raise NotImplementedError

    def submit(self) -> None:
        if self._saving:
            return
        self.clear_errors()
        action = self.operation()
        if action is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.context.worker.write(action, self._on_saved, self._on_failed, owner=self)

    def clear_errors(self) -> None:
        self.errors.clear()
        self.banner.setVisible(False)
        self.conflict.clear()

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)

    def _on_saved(self, result: object) -> None:
        self._saving = False
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, Conflict):
            self.conflict.show_conflict(error)
        elif isinstance(error, RuleViolation):
            self.errors.show(error.field, violation_text(error))
        else:
            self._show_banner(message_of(error))

    def _on_reload(self) -> None:
        """Reload what the dialog is based on; the dialog stays open with what was typed."""
        self.conflict.clear()
        self._show_banner(self.tr("Reloaded: check the other change in the record, then "
                                  "save again."))
        self.reload_requested.emit()

    def rebase(self, record: Any) -> None:
        """The owner reloaded the record: base the next save on the new row version."""
        del record
