"""Acting on one escalation: the detail pane (acknowledge, note, MBE visit, delivery, resolve)
and its dialogs. Every write goes through the worker; a dialog stays open on an error, keeping
what was typed, and shows the service's message as it is ("R-ESC-ACTION: …")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.escalations import escalations as service
from console.services.escalations.escalations import EscalationRow
from console.timeutil import format_local
from console.views.common.combos import coded_combo
from console.views.common.screen import ScreenContext
from console.views.common.widgets import note_edit, push_button, stack, styled_label, wrapped_label
from console.views.common.write_dialog import describe_error as error_text
from console.views.escalations.model import (
    ACTION_LABELS,
    CATEGORY_LABELS,
    ROUTED_LABELS,
    SEVERITY_LABELS,
    ack_clock_text,
    label,
    links_text,
    resolve_clock_text,
)
from console.vocabulary import ResolveAction

ERROR_STYLE = ("QLabel { color: #9b1c13; background: #ffd9d6; border-radius: 4px;"
               " padding: 4px 8px; }")
INFO_STYLE = ("QLabel { color: #0b3d91; background: #dbe9ff; border-radius: 4px;"
              " padding: 4px 8px; }")
FIELD_ERROR_STYLE = "border: 2px solid #b42318; border-radius: 3px;"




class WriteDialog(QDialog):
    """A dialog that saves through the worker: Save (Enter) / Cancel, the error at the field."""

    saved = Signal(object)  # the service's result

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result_value: Any = None
        self.form = QFormLayout()
        self.error_label = styled_label(ERROR_STYLE, wrap=True, visible=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {}  # service field name → widget showing it
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def operation(self) -> ServiceCall | None:
        """The one service call to run, or None after showing why not (subclasses)."""
        raise NotImplementedError

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        action = self.operation()
        if action is None:
            return
        self.save_button.setEnabled(False)
        self.context.worker.write(action, self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, result: object) -> None:
        self.result_value = result
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.show_failure(error)

    def show_failure(self, error: Exception) -> None:
        self.show_error(error_text(error), getattr(error, "field", None))

    def show_error(self, text: str, field: str | None = None) -> None:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        culprit = self.fields.get(field or "")
        if culprit is not None:
            culprit.setStyleSheet(FIELD_ERROR_STYLE)
            culprit.setFocus()


class _NotedWrite(WriteDialog):
    """A write on one escalation, at the version shown, that carries a note."""

    def __init__(self, context: ScreenContext, escalation_id: int, version: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.escalation_id, self.version = escalation_id, version
        self.note_edit = note_edit()


class NoteDialog(_NotedWrite):
    def __init__(self, context: ScreenContext, escalation_id: int, version: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, escalation_id, version, parent)
        self.setWindowTitle(self.tr("Add a note"))
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.fields["note"] = self.note_edit
        self.resize(460, 220)

    def operation(self) -> ServiceCall:
        return call(service.add_note, self.escalation_id, self.note_edit.toPlainText(),
                    expected_version=self.version)


class ResolveDialog(_NotedWrite):
    """Resolve with the action taken and a note; "no action needed" must say why."""

    def __init__(self, context: ScreenContext, escalation_id: int, version: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, escalation_id, version, parent)
        self.setWindowTitle(self.tr("Resolve escalation"))
        self.action_combo = coded_combo(ResolveAction, lambda code: label(ACTION_LABELS, code),
                                        first=self.tr("Choose the action taken…"))
        self.action_combo.currentIndexChanged.connect(self._show_note_hint)
        self.form.addRow(self.tr("Action"), self.action_combo)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.fields.update(action=self.action_combo, note=self.note_edit)
        self._show_note_hint()
        self.resize(480, 260)

    def select_action(self, action: ResolveAction) -> None:
        self.action_combo.setCurrentIndex(self.action_combo.findData(action.value))

    def action(self) -> ResolveAction | None:
        code = self.action_combo.currentData()  # Qt hands a StrEnum back as a plain str
        return ResolveAction(code) if code else None

    def _show_note_hint(self) -> None:
        if self.action() is ResolveAction.NO_ACTION_NEEDED:
            self.note_edit.setPlaceholderText(self.tr("Why was no action needed? (required)"))
        else:
            self.note_edit.setPlaceholderText(self.tr("What was done (required)"))

    def operation(self) -> ServiceCall:
        return call(service.resolve, self.escalation_id, action=self.action(),
                    note=self.note_edit.toPlainText(), expected_version=self.version)


class EscalationDetail(QWidget):
    """The selected escalation: what was said, the notes, the clocks and the actions."""

    changed = Signal(int)  # escalation id: written here, reload it

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.row: EscalationRow | None = None
        self.heading = styled_label("QLabel { font-size: 15px; font-weight: 600; }", wrap=True)
        self.facts = wrapped_label()
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.message_label = wrapped_label()
        self.message_label.setVisible(False)
        self.ack_button = push_button(clicked=self.acknowledge)
        self.note_button = push_button(clicked=self.add_note)
        self.visit_button = push_button(clicked=self.create_visit)
        self.delivery_button = push_button(clicked=self.create_delivery)
        self.resolve_button = push_button(clicked=self.open_resolve)
        buttons = QGridLayout()
        for n, button in enumerate((self.ack_button, self.note_button, self.resolve_button,
                                    self.visit_button, self.delivery_button)):
            buttons.addWidget(button, n // 2, n % 2)  # two abreast: the list keeps the width
        stack(self, self.heading, self.facts, (self.text_view, 1), self.message_label, buttons,
              margins=(8, 0, 0, 0))
        self.dialog: WriteDialog | None = None
        self.retranslate_ui()
        self.show_row(None)

    def retranslate_ui(self) -> None:
        self.ack_button.setText(self.tr("Acknowledge"))
        self.note_button.setText(self.tr("Add note…"))
        self.delivery_button.setText(self.tr("Create delivery"))
        self.resolve_button.setText(self.tr("Resolve…"))
        self.show_row(self.row)

    # -- showing -------------------------------------------------------------------------------

    def show_row(self, row: EscalationRow | None) -> None:
        if row is None or self.row is None or row.id != self.row.id:
            self.message_label.setVisible(False)
        self.row = row
        open_ = row is not None and row.resolved_at is None
        self.ack_button.setEnabled(open_ and row is not None and row.acknowledged_at is None)
        for button in (self.note_button, self.resolve_button):
            button.setEnabled(open_)
        self.visit_button.setEnabled(open_ and row is not None and row.visit_id is None)
        self._name_visit_button(row)
        self.delivery_button.setEnabled(open_ and row is not None and row.delivery_id is None)
        if row is None:
            self.heading.setText(self.tr("Select an escalation to see it here."))
            self.facts.setText("")
            self.text_view.setPlainText("")
            return
        self.heading.setText(self.tr("{severity} · {category} — {patient} ({cpr})").format(
            severity=label(SEVERITY_LABELS, row.severity),
            category=label(CATEGORY_LABELS, row.category), patient=row.patient,
            cpr=row.cpr_masked))
        self.facts.setText(self._facts(row))
        self.text_view.setPlainText(row.text or self.tr("(no text)"))

    def _name_visit_button(self, row: EscalationRow | None) -> None:
        """A blocked or lost IV access gets the MBE's PVK placement (R-ACCESS); any other call
        an assessment or support visit (R-MBE-SUPPORT)."""
        if row is not None and row.category == "iv_access_problem":
            self.visit_button.setText(self.tr("Order PVK placement"))
            self.visit_button.setToolTip(self.tr(
                "R-ACCESS: the MBE places a new PVK or re-inserts the access; registering the "
                "visit records the new access for the regimen and the handover"))
            return
        self.visit_button.setText(self.tr("Create MBE visit"))
        self.visit_button.setToolTip(self.tr("R-MBE-SUPPORT: an MBE visit for this patient, "
                                             "into the dispatcher's tray"))

    def _facts(self, row: EscalationRow) -> str:
        lines = [
            self.tr("Caller: {name} {phone}, {municipality}").format(
                name=row.caller_name, phone=row.caller_phone or "",
                municipality=row.municipality),
            self.tr("Received {time} · routed to {who}").format(
                time=format_local(row.received_at, "%d/%m %H:%M"),
                who=label(ROUTED_LABELS, row.routed_to)),
        ]
        if row.route_override_reason:
            lines.append(self.tr("Override: {reason}").format(reason=row.route_override_reason))
        lines.append(f"{ack_clock_text(row)} · {resolve_clock_text(row)}")
        if row.resolved_at is not None:
            lines.append(self.tr("Resolved by {who}: {action} — {note}").format(
                who=row.resolved_by or "", action=label(ACTION_LABELS, row.resolution_action),
                note=row.resolution_note or ""))
        if links_text(row):
            lines.append(links_text(row))
        return "\n".join(lines)

    def show_message(self, text: str, *, error: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message_label.setVisible(True)

    # -- actions -------------------------------------------------------------------------------

    def _write(self, esc_id: int, action: ServiceCall, done: Callable[[Any], str]) -> None:
        """One service call on the shown escalation ``esc_id``; the inbox reloads it after."""

        def succeeded(result: object) -> None:
            self.show_message(done(result), error=False)
            self.changed.emit(esc_id)

        def failed(error: Exception) -> None:
            self.show_message(error_text(error), error=True)
            self.changed.emit(esc_id)  # show what the other desk did

        self.context.worker.write(action, succeeded, failed, owner=self)

    def acknowledge(self) -> None:
        if self.row is not None:
            self._write(self.row.id, call(service.acknowledge, self.row.id,
                                          expected_version=self.row.version),
                        lambda _row: self.tr("Acknowledged."))

    def create_visit(self) -> None:
        if self.row is not None:
            self._write(self.row.id, call(service.create_support_visit, self.row.id),
                        lambda visit_id: self.tr("MBE visit #{n} created: it waits in the "
                                                 "dispatcher's tray.").format(n=visit_id))

    def create_delivery(self) -> None:
        if self.row is not None:
            self._write(self.row.id, call(service.create_delivery_for, self.row.id),
                        lambda delivery_id: self.tr("Delivery #{n} requested.").format(
                            n=delivery_id))

    def add_note(self) -> None:
        if self.row is not None:
            self._open_dialog(NoteDialog(self.context, self.row.id, self.row.version, self), self.row.id,
                              self.tr("Note added."))

    def open_resolve(self) -> ResolveDialog | None:
        if self.row is None:
            return None
        dialog = ResolveDialog(self.context, self.row.id, self.row.version, self)
        self._open_dialog(dialog, self.row.id, self.tr("Resolved."))
        return dialog

    def _open_dialog(self, dialog: WriteDialog, esc_id: int, done: str) -> None:
        def saved(_result: object) -> None:
            self.show_message(done, error=False)
            self.changed.emit(esc_id)

        dialog.saved.connect(saved)
        self.dialog = dialog
        dialog.open()
