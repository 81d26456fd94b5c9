"""The round panel: everything the e-doctor needs for one patient's video round.

A form only: it shows a ``RoundRow`` and emits what the person asked for (save, sign, mark
ready, add CRP, addendum); the screen runs those through the worker and shows the outcome with
``show_error``/``show_round``. Unsaved edits survive a reload of the same round, and keep the
version they were based on, so a stale save meets the service's ``Conflict`` (design rule 5).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.services.rounds.rounds import FLAG_CRP_MISSING, RoundList, RoundNote, RoundRow
from console.timeutil import LOCAL_TZ, format_local, now_utc
from console.views.common.dates import datetime_edit, from_qdatetime
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.widgets import (
    STRETCH,
    note_edit,
    ok_cancel_buttons,
    push_button,
    stack,
    styled_label,
    tool_row,
    wrapped_label,
)
from console.views.rounds.model import regimen_text, status_label
from console.vocabulary import RoundDecision

_CTX = "RoundPanel"
PARTICIPANTS = (  # code stored in ward_round.participants, label
    ("patient", QT_TRANSLATE_NOOP(_CTX, "Patient")),
    ("relatives", QT_TRANSLATE_NOOP(_CTX, "Relatives")),
    ("municipal_nurse", QT_TRANSLATE_NOOP(_CTX, "Municipal nurse")),
    ("e_nurse", QT_TRANSLATE_NOOP(_CTX, "e-nurse")),
)
DECISIONS = (
    (RoundDecision.CONTINUE, QT_TRANSLATE_NOOP(_CTX, "Continue")),
    (RoundDecision.ADJUST, QT_TRANSLATE_NOOP(_CTX, "Adjust regimen")),
    (RoundDecision.ORAL_SWITCH, QT_TRANSLATE_NOOP(_CTX, "Switch to tablets")),
    (RoundDecision.READMIT, QT_TRANSLATE_NOOP(_CTX, "Readmit to hospital")),
    (RoundDecision.DISCHARGE, QT_TRANSLATE_NOOP(_CTX, "Discharge")),
)
_NOTICE = ("QFrame#crpNotice { background: #fff1c2; border: 1px solid #e0b000;"
           " border-radius: 6px; } QFrame#crpNotice QLabel { color: #7a4b00; }")
_ERROR = "QLabel { color: #9b1c13; background: #ffd9d6; border-radius: 4px; padding: 6px 8px; }"
_SIGNED = "QLabel { color: #1c7c37; font-weight: 600; }"
_TEXT_HEIGHT = 58


def decision_label(code: str | None) -> str:
    text = next((label for d, label in DECISIONS if d.value == code), code or "")
    return QCoreApplication.translate(_CTX, text)


def _text(edit: QPlainTextEdit | QLineEdit) -> str | None:
    value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
    return value.strip() or None


class AddCrpDialog(QDialog):
    """A CRP result: value (mg/L) and when the sample was taken (local time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add CRP"))
        self.value = QDoubleSpinBox()
        self.value.setRange(0, 1000)
        self.value.setDecimals(0)
        self.value.setSuffix(" mg/L")
        self.taken_at = datetime_edit(now_utc())  # Copenhagen time on any machine
        form = QFormLayout(self)
        form.addRow(self.tr("CRP"), self.value)
        form.addRow(self.tr("Sample taken"), self.taken_at)
        form.addRow(ok_cancel_buttons(self))

    def taken_at_value(self) -> datetime:
        return from_qdatetime(self.taken_at.dateTime()).astimezone(LOCAL_TZ)


class RoundPanel(QWidget):
    prepare_requested = Signal(str)  # points to discuss
    save_requested = Signal(object)  # RoundNote
    sign_requested = Signal(object, object, object)  # RoundDecision, RoundNote, reason | None
    addendum_requested = Signal(str)
    crp_requested = Signal(float, object)  # mg/L, aware datetime
    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: RoundRow | None = None
        self._dirty = False
        self._build_ui()
        self.retranslate_ui()
        self.show_round(None)

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.title_label = styled_label("QLabel { font-size: 16px; font-weight: 600; }", wrap=True)
        self.detail_label = styled_label("QLabel { color: #4b5563; }", wrap=True)
        self.video_button = push_button(clicked=self._open_video)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.detail_label)
        head.addLayout(titles, 1)
        head.addWidget(self.video_button, 0, Qt.AlignmentFlag.AlignTop)

        self.error_label = styled_label(_ERROR, wrap=True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reload_button = push_button(clicked=self.reload_requested)
        errors = QHBoxLayout()
        errors.addWidget(self.error_label, 1)
        errors.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignTop)

        self.crp_notice = self._build_crp_notice()
        self.participants_box = QGroupBox()
        grid = QGridLayout(self.participants_box)  # two abreast: fits a 1280-wide window
        self.participant_checks: dict[str, QCheckBox] = {}
        for n, (code, _label) in enumerate(PARTICIPANTS):
            check = QCheckBox()
            check.toggled.connect(self._mark_dirty)
            self.participant_checks[code] = check
            grid.addWidget(check, n // 2, n % 2)

        self.prep_box = QGroupBox()
        self.prep_edit = self._text_edit()
        self.ready_button = QPushButton()
        self.ready_button.clicked.connect(
            lambda: self.prepare_requested.emit(self.prep_edit.toPlainText()))
        prep = QVBoxLayout(self.prep_box)
        prep.addWidget(self.prep_edit)
        prep.addWidget(self.ready_button, 0, Qt.AlignmentFlag.AlignRight)

        self.note_box = QGroupBox()
        self.subjective_edit = self._text_edit()
        self.objective_edit = self._text_edit()
        self.assessment_edit = self._text_edit()
        self.plan_edit = self._text_edit()
        self.decision_combo = QComboBox()
        for decision, _label in DECISIONS:
            self.decision_combo.addItem("", decision)
        self.note_form = QFormLayout(self.note_box)
        self.note_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._note_labels = [QLabel() for _ in range(5)]
        for label, field in zip(self._note_labels, (
                self.subjective_edit, self.objective_edit, self.assessment_edit,
                self.plan_edit, self.decision_combo), strict=True):
            self.note_form.addRow(label, field)
        self.save_button = push_button(clicked=lambda: self.save_requested.emit(self.note()))
        self.sign_button = QPushButton()
        self.sign_button.setDefault(True)
        self.sign_button.setStyleSheet("QPushButton { font-weight: 600; }")
        self.sign_button.clicked.connect(self._request_sign)
        actions = tool_row(STRETCH, self.save_button, self.sign_button)

        self.signed_label = styled_label(_SIGNED, wrap=True)
        self.addendum_box = QGroupBox()
        self.addendum_edit = self._text_edit()
        self.addendum_button = push_button(clicked=self._request_addendum)
        addendum = QVBoxLayout(self.addendum_box)
        addendum.addWidget(self.addendum_edit)
        addendum.addWidget(self.addendum_button, 0, Qt.AlignmentFlag.AlignRight)

        body = QWidget()
        stack(body, head, errors, self.crp_notice, self.signed_label, self.participants_box,
              self.prep_box, self.note_box, self.addendum_box, STRETCH, margins=(10, 6, 10, 10))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The panel narrows with the window rather than scrolling sideways (issue 20).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        # Save and Sign stay in view under the note, whatever the window's height (issue 20:
        # on a 720-pixel screen Sign took two scroll bars to reach).
        actions.setContentsMargins(10, 4, 10, 6)
        outer.addLayout(actions)

    def _build_crp_notice(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("crpNotice")
        frame.setStyleSheet(_NOTICE)
        self.crp_notice_label = wrapped_label()
        self.add_crp_button = push_button(clicked=self._ask_crp)
        self.reason_edit = QLineEdit()
        self.reason_edit.textEdited.connect(self._mark_dirty)
        top = QHBoxLayout()
        top.addWidget(self.crp_notice_label, 1)
        top.addWidget(self.add_crp_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(frame)
        layout.addLayout(top)
        layout.addWidget(self.reason_edit)
        return frame

    def _text_edit(self) -> QPlainTextEdit:
        edit = note_edit()
        edit.setMinimumHeight(_TEXT_HEIGHT)
        edit.setMaximumHeight(_TEXT_HEIGHT + 30)
        edit.setMinimumWidth(120)  # narrows with the panel (its default asks for 256 px)
        edit.textChanged.connect(self._mark_dirty)
        return edit

    def retranslate_ui(self) -> None:
        self.video_button.setText(self.tr("Video call"))
        self.reload_button.setText(self.tr("Reload"))
        self.participants_box.setTitle(self.tr("Present at the round"))
        for code, name in PARTICIPANTS:
            self.participant_checks[code].setText(self.tr(name))
        self.prep_box.setTitle(self.tr("Preparation (e-nurse): points to discuss"))
        self.ready_button.setText(self.tr("Mark ready"))
        self.note_box.setTitle(self.tr("Round note"))
        for label, text in zip(self._note_labels, (
                self.tr("Subjective"), self.tr("Objective"), self.tr("Assessment"),
                self.tr("Plan"), self.tr("Decision")), strict=True):
            label.setText(text)
        self.objective_edit.setPlaceholderText(
            self.tr("BP, pulse, temp, SpO2, resp. rate; IV access; findings"))
        self.subjective_edit.setPlaceholderText(self.tr("How the patient feels, symptoms"))
        for i, (_decision, text) in enumerate(DECISIONS):
            self.decision_combo.setItemText(i, self.tr(text))
        self.save_button.setText(self.tr("Save note"))
        self.sign_button.setText(self.tr("Sign"))
        self.crp_notice_label.setText(self.tr(
            "R-CRP3: this is the CRP day of an antibiotic course and no CRP result is on file. "
            "Add the CRP, or record why another day is chosen."))
        self.add_crp_button.setText(self.tr("Add CRP…"))
        self.reason_edit.setPlaceholderText(self.tr("Reason for another CRP day"))
        self.addendum_box.setTitle(self.tr("Addendum"))
        self.addendum_button.setText(self.tr("Add addendum"))
        self._show_texts()

    # -- showing a round -----------------------------------------------------------------------

    @property
    def round(self) -> RoundRow | None:
        return self._row

    @property
    def has_unsaved_edits(self) -> bool:
        return self._dirty

    def show_round(self, row: RoundRow | None) -> None:
        """Show a round; a reload of the round being edited keeps the edits and their version."""
        same = row is not None and self._row is not None and row.round_id == self._row.round_id
        if same and self._dirty and row is not None and row.status != "signed":
            assert self._row is not None
            self._row = replace(row, version=self._row.version)
        else:
            self._row = row
            self._fill(row)
        self.setEnabled(row is not None)
        if not same:
            self.show_error(None)
        self._show_texts()

    def adopt_version(self, listing: RoundList, round_id: int) -> None:
        """Our own write changed the round: edits in the form are now based on its new version."""
        new = next((r for r in listing.rows if r.round_id == round_id), None)
        if new is not None and self._row is not None and self._row.round_id == round_id:
            self._row = replace(self._row, version=new.version)

    def mark_saved(self) -> None:
        """The screen stored what the form shows: the next reload may refill it."""
        self._dirty = False

    def show_error(self, text: str | None, *, offer_reload: bool = False) -> None:
        self.error_label.setText(text or "")
        self.error_label.setVisible(bool(text))
        self.reload_button.setVisible(bool(text) and offer_reload)

    def note(self) -> RoundNote:
        """The whole note as the form shows it (an emptied field is cleared: "" not None)."""
        codes = [c for c, check in self.participant_checks.items() if check.isChecked()]
        return RoundNote(participants=", ".join(codes),
                         subjective=_text(self.subjective_edit) or "",
                         objective=_text(self.objective_edit) or "",
                         assessment=_text(self.assessment_edit) or "",
                         plan=_text(self.plan_edit) or "")

    def _fill(self, row: RoundRow | None) -> None:
        present = {p.strip() for p in ((row.participants if row else None) or "").split(",")}
        for code, check in self.participant_checks.items():
            check.setChecked(code in present)
        self.prep_edit.setPlainText((row.prep_notes if row else None) or "")
        self.subjective_edit.setPlainText((row.subjective if row else None) or "")
        self.objective_edit.setPlainText((row.objective if row else None) or "")
        self.assessment_edit.setPlainText((row.assessment if row else None) or "")
        self.plan_edit.setPlainText((row.plan if row else None) or "")
        self.reason_edit.setText((row.crp_other_day_reason if row else None) or "")
        self.addendum_edit.clear()
        index = self.decision_combo.findData(RoundDecision(row.decision)) if (
            row and row.decision) else 0
        self.decision_combo.setCurrentIndex(max(index, 0))
        self._dirty = False

    def _show_texts(self) -> None:
        row = self._row
        if row is None:
            self.title_label.setText(self.tr("Choose a round in the list"))
            self.detail_label.setText("")
            self.signed_label.setVisible(False)
            self.crp_notice.setVisible(False)
            self.addendum_box.setVisible(False)
            return
        self.title_label.setText(f"{row.patient}  ·  {row.cpr_masked}")
        self.detail_label.setText(self.tr("Day {day} · {regimen} · {municipality} · {status}")
                                  .format(day=row.day_of_course, regimen=regimen_text(row) or "—",
                                          municipality=row.municipality,
                                          status=status_label(row.status)))
        signed = row.status == "signed"
        self.video_button.setEnabled(bool(row.meeting_link))
        self.video_button.setToolTip(row.meeting_link or self.tr(
            "No video meeting link is recorded for this admission"))
        # R-CRP3: the decision is due and no CRP has been taken since the CRP day.
        self.crp_notice.setVisible(not signed and row.crp_due and FLAG_CRP_MISSING in row.flags)
        self.signed_label.setVisible(signed)
        self.signed_label.setText(self.tr("Signed by {who} at {time} — decision: {decision}")
                                  .format(who=row.signed_by or "?",
                                          time=format_local(row.signed_at, "%H:%M"),
                                          decision=decision_label(row.decision)))
        self.addendum_box.setVisible(signed)
        for widget in (self.participants_box, self.prep_box, self.note_box, self.save_button,
                       self.sign_button, self.reason_edit, self.add_crp_button):
            widget.setEnabled(not signed)
        self.ready_button.setEnabled(not signed)
        self.ready_button.setText(self.tr("Mark ready") if row.status == "planned"
                                  else self.tr("Update preparation"))

    # -- actions -------------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        self._dirty = True

    def _open_video(self) -> None:
        if self._row is not None and self._row.meeting_link:
            QDesktopServices.openUrl(QUrl(self._row.meeting_link))

    def _request_sign(self) -> None:
        decision = RoundDecision(self.decision_combo.currentData())
        self.sign_requested.emit(decision, self.note(), _text(self.reason_edit))

    def _request_addendum(self) -> None:
        text = self.addendum_edit.toPlainText().strip()
        if text:
            self.addendum_requested.emit(text)

    def _ask_crp(self) -> None:
        dialog = AddCrpDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            taken = min(dialog.taken_at_value(), now_utc().astimezone(LOCAL_TZ))
            self.crp_requested.emit(float(dialog.value.value()), taken)
