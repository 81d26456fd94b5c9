"""Where the course stands with the municipality and the GP, and what to do about it
(issue 16: R-ACCEPT, R-CAREPLAN, R-EPIKRISE).

One line says it (awaiting acceptance, care plan agreed, who holds the treatment
responsibility); the actions act on it: draft the care plan (reviewed and sent from the
Messages screen), record the municipality's answer by phone (who accepted, now; or why it
refuses the course: R-ACCEPT), and,
while the EPR's hospital notification (advis) has not arrived, record that the municipality
confirmed the admission by phone or that no advis is needed (R-HANDOVER).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QMenu,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.messaging import agreement, careplan
from console.services.messaging.agreement import AgreementRow
from console.views.common.screen import ScreenContext
from console.views.common.widgets import STRETCH, push_button, stack, tool_row, wrapped_label
from console.views.common.write_dialog import (
    WriteDialog,
    describe_error,
)
from console.views.patient.compose_dialog import ComposeDialog
from console.vocabulary import NoticeState


class AcceptDialog(WriteDialog):
    """R-ACCEPT by phone: who at the municipality accepted the course (recorded now), or, with
    ``refused``, why it refuses the course (patient safety; the reason is required)."""

    def __init__(self, context: ScreenContext, row: AgreementRow,
                 parent: QWidget | None = None, *, refused: bool = False) -> None:
        super().__init__(context, parent)
        self.row = row
        self.refused = refused
        self.answer = QLineEdit()
        self.accepted_by = self.answer  # the field's name when it accepts
        form = QFormLayout()
        if refused:
            self.setWindowTitle(self.tr("The municipality refuses the course"))
            self.answer.setPlaceholderText(self.tr("Why, as the municipality said it"))
            self.field_row(form, self.tr("Reason"), self.answer, "reason")
        else:
            self.setWindowTitle(self.tr("Accepted by phone"))
            self.answer.setPlaceholderText(self.tr("Name and unit, e.g. Birgit Berg, "
                                                   "hjemmesygeplejen Sorø"))
            self.field_row(form, self.tr("Accepted by"), self.answer, "accepted_by")
        self.lay_out_form(form)
        self.save_button.setText(self.tr("Record refusal") if refused
                                 else self.tr("Record acceptance"))

    def operation(self) -> ServiceCall | None:
        if self.refused:
            return call(agreement.record_refusal, self.row.admission_id,
                        reason=self.answer.text(), expected_version=self.row.version)
        return call(agreement.record_acceptance, self.row.admission_id,
                    accepted_by=self.answer.text(), expected_version=self.row.version)


class AgreementBar(QWidget):
    def __init__(self, context: ScreenContext | None, on_changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.on_changed = on_changed
        self.row: AgreementRow | None = None
        self.label = wrapped_label()
        self.care_plan_button = push_button(clicked=self.draft_care_plan)
        self.accept_button = push_button()  # its menu: accepted by phone, refused
        self.answer_menu = QMenu(self)
        self.accept_action = self.answer_menu.addAction("", self.open_accept_dialog)
        self.refuse_action = self.answer_menu.addAction("", self.open_refuse_dialog)
        self.accept_button.setMenu(self.answer_menu)
        self.compose_button = push_button(clicked=self.open_compose_dialog)
        self.notice_button = push_button()  # its menu: confirmed by phone, not needed
        self.notice_menu = QMenu(self)
        self.notice_phone = self.notice_menu.addAction(
            "", lambda: self.set_notice(NoticeState.CONFIRMED_BY_PHONE))
        self.notice_waived = self.notice_menu.addAction(
            "", lambda: self.set_notice(NoticeState.NOT_APPLICABLE))
        self.notice_button.setMenu(self.notice_menu)
        # The standing on a line of its own, the actions under it: beside three buttons the
        # words were squeezed into a column a word wide (issue 20).
        # The advis beside the words (four buttons in a row widened the panel over the visits).
        buttons = tool_row(STRETCH, self.care_plan_button, self.accept_button, self.compose_button)
        stack(self, tool_row((self.label, 1), self.notice_button), buttons, margins=(0, 0, 0, 0),
              spacing=4)
        self.retranslate_ui()
        self.show_agreement(None)

    def retranslate_ui(self) -> None:
        for widget, text in (
                (self.care_plan_button, self.tr("Draft care plan")),
                (self.accept_button, self.tr("By phone")),
                (self.accept_action, self.tr("Accepted by phone…")),
                (self.refuse_action, self.tr("Refuses the course…")),
                (self.compose_button, self.tr("New message…")),
                (self.notice_button, self.tr("Advis")),
                (self.notice_phone, self.tr("The municipality confirmed the admission by phone")),
                (self.notice_waived, self.tr("No advis is needed for this course"))):
            widget.setText(text)
        self.notice_button.setToolTip(self.tr("The EPR's hospital notification has not arrived "
                                              "(R-HANDOVER)"))
        self.accept_button.setToolTip(self.tr("The municipality's answer by phone: it accepts "
                                              "the course, or refuses it with a reason "
                                              "(R-ACCEPT)"))
        self.show_agreement(self.row)

    def show_agreement(self, row: AgreementRow | None) -> None:
        self.row = row
        tracked = row is not None and row.tracked
        self.care_plan_button.setVisible(tracked and self.context is not None)
        self.compose_button.setVisible(row is not None and self.context is not None)
        self.accept_button.setVisible(tracked and self.context is not None
                                      and row is not None and row.awaiting_acceptance)
        self.notice_button.setVisible(tracked and self.context is not None and row is not None
                                      and row.notice_state == NoticeState.EXPECTED)
        self.label.setText(self._text(row) if row is not None and tracked else "")

    def _text(self, a: AgreementRow) -> str:
        if a.refused_reason:
            muni = self.tr("Municipality refused the course: {reason}").format(
                reason=a.refused_reason)
        elif a.awaiting_acceptance:
            muni = self.tr("Awaiting the municipality: municipal doses not yet accepted")
            if not a.care_plan_sent:
                muni += self.tr(" (care plan not sent)")
        elif a.care_plan_agreed_at is None:
            muni = self.tr("Municipality accepted; it has not acknowledged the care plan")
        else:
            muni = self.tr("Care plan agreed with the municipality")
        holder = self.tr("the GP") if a.responsibility == "gp" else self.tr("the eHospital")
        return muni + "\n" + self.tr("Treatment responsibility: {holder}").format(holder=holder)

    def draft_care_plan(self) -> None:
        if self.row is None or self.context is None:
            return

        def drafted(_message_id: object) -> None:
            self.label.setToolTip(self.tr("Care plan drafted: review and send it on the "
                                          "Messages screen."))
            self.on_changed()

        def failed(error: Exception) -> None:
            self.label.setText(describe_error(error))

        self.context.worker.write(call(careplan.draft_care_plan, self.row.admission_id),
                                  drafted, failed, owner=self)

    def set_notice(self, state: NoticeState) -> None:
        """R-HANDOVER: the advis confirmed by phone, or not needed (the e-nurse's word)."""
        if self.row is None or self.context is None:
            return

        def failed(error: Exception) -> None:
            self.label.setText(describe_error(error))

        self.context.worker.write(call(agreement.set_notice_state, self.row.admission_id, state,
                                       expected_version=self.row.version),
                                  lambda _row: self.on_changed(), failed, owner=self)

    def open_compose_dialog(self) -> ComposeDialog | None:
        if self.row is None or self.context is None:
            return None
        dialog = ComposeDialog(self.context, self.row.admission_id, self)
        dialog.saved.connect(lambda _id: self.on_changed())
        dialog.open()
        return dialog

    def open_refuse_dialog(self) -> AcceptDialog | None:
        return self.open_accept_dialog(refused=True)

    def open_accept_dialog(self, *, refused: bool = False) -> AcceptDialog | None:
        if self.row is None or self.context is None:
            return None
        dialog = AcceptDialog(self.context, self.row, self, refused=refused)
        dialog.saved.connect(lambda _row: self.on_changed())
        dialog.open()
        return dialog
