"""The visitation of one referral: the eligibility checklist in the seed's words, the talks
with the referrer and the municipality, the municipality's situation, and the decision
(R-ELIGIBLE). The panel only collects; the screen hands each action to one service call."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.course.eligibility import ELIGIBILITY, TALKS
from console.services.course.referrals import ReferralRow
from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.widgets import tool_row, wrapped_label
from console.views.referrals.model import SOURCES, STATUSES, word

_CTX = "VisitationPanel"
# The checklist's words (services/course/eligibility.py), translated here.
ITEM_LABELS = {
    "clinically_stable": QT_TRANSLATE_NOOP(_CTX, "Clinically stable"),
    "medically_suitable": QT_TRANSLATE_NOOP(_CTX, "Medically judged suitable for home treatment"),
    "able_to_cooperate": QT_TRANSLATE_NOOP(_CTX, "Able to cooperate on treatment at home"),
    "home_suitable": QT_TRANSLATE_NOOP(_CTX, "Home judged suitable by the municipal nursing"),
    "video_possible": QT_TRANSLATE_NOOP(_CTX, "Video possible (a prerequisite)"),
    "referrer_call": QT_TRANSLATE_NOOP(_CTX, "Talk with the referrer"),
    "municipality_call": QT_TRANSLATE_NOOP(_CTX, "Talk with the municipality"),
}
_QUOTE_STYLE = "QLabel { color: #4b5563; font-style: italic; }"


class VisitationPanel(QGroupBox):
    assess_requested = Signal(dict, str, str)  # judgement, referrer call, municipality call
    admit_requested = Signal()
    decline_requested = Signal(str)  # the reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ReferralRow | None = None
        self.summary = wrapped_label()
        self.situation = wrapped_label()
        self.items: dict[str, QComboBox] = {}
        self.item_labels: dict[str, QLabel] = {}
        self.talks: dict[str, QPlainTextEdit] = {}
        checklist = QGridLayout()
        checklist.setHorizontalSpacing(16)
        checklist.setVerticalSpacing(2)
        checklist.setColumnStretch(0, 3)
        checklist.setColumnStretch(1, 2)
        for n, item in enumerate((*ELIGIBILITY, *TALKS)):
            self.item_labels[item.key] = QLabel()
            field: QWidget
            if item in ELIGIBILITY:
                combo = QComboBox()
                combo.addItems(["", "", ""])  # not judged / yes / no (retranslate_ui)
                combo.setMinimumWidth(140)
                self.items[item.key] = field = combo
            else:
                edit = QPlainTextEdit()
                edit.setFixedHeight(58)
                self.talks[item.key] = field = edit
            quote = wrapped_label(f"“{item.wording}” ({item.source})")  # the seed's words, as written
            quote.setStyleSheet(_QUOTE_STYLE)
            checklist.addWidget(self.item_labels[item.key], 2 * n, 0)
            checklist.addWidget(quote, 2 * n + 1, 0)
            checklist.addWidget(field, 2 * n, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.save_button = QPushButton()
        self.admit_button = QPushButton()
        self.decline_reason = QLineEdit()
        self.decline_button = QPushButton()
        self.save_button.clicked.connect(self._on_save)
        self.admit_button.clicked.connect(self.admit_requested)
        self.decline_button.clicked.connect(
            lambda: self.decline_requested.emit(self.decline_reason.text()))
        self.decided = wrapped_label()
        actions = tool_row(self.save_button, self.admit_button, 16, (self.decline_reason, 1),
                           self.decline_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.situation)
        layout.addLayout(checklist)
        layout.addLayout(actions)
        layout.addWidget(self.decided)
        layout.addStretch(1)
        self.retranslate_ui()
        self.show_row(None)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Visitation (R-ELIGIBLE)"))
        for key, label in self.item_labels.items():
            label.setText(f"<b>{self.tr(ITEM_LABELS[key])}</b>")
        for combo in self.items.values():
            for n, text in enumerate((self.tr("Not judged"), self.tr("Yes"), self.tr("No"))):
                combo.setItemText(n, text)
        self.save_button.setText(self.tr("Save judgement"))
        self.admit_button.setText(self.tr("Admit…"))
        self.decline_reason.setPlaceholderText(self.tr("Why the referral is declined"))
        self.decline_button.setText(self.tr("Decline"))
        self.show_row(self.row)

    def set_may_decide(self, may: bool) -> None:
        for widget in (self.save_button, self.admit_button, self.decline_button,
                       self.decline_reason):
            widget.setVisible(may)

    def judgement(self) -> dict[str, bool | None]:
        return {key: (None, True, False)[combo.currentIndex()]
                for key, combo in self.items.items()}

    def _on_save(self) -> None:
        self.assess_requested.emit(self.judgement(), self.talks["referrer_call"].toPlainText(),
                                   self.talks["municipality_call"].toPlainText())

    def show_row(self, row: ReferralRow | None) -> None:
        keep = row is not None and self.row is not None and row.id == self.row.id \
            and row.version == self.row.version
        self.row = row
        waiting = row is not None and row.status == "referred"
        for widget in (*self.items.values(), *self.talks.values(), self.save_button,
                       self.admit_button, self.decline_button, self.decline_reason):
            widget.setEnabled(waiting)
        if row is None:
            self.summary.setText(self.tr("Choose a referral in the queue."))
            self.situation.setText("")
            self.decided.setText("")
            return
        self.summary.setText(self.tr("<b>{patient}</b> ({cpr}), {municipality} — referred by "
                                     "{referrer} ({source}), {when}").format(
            patient=escape(row.patient_name), cpr=row.cpr_masked,
            municipality=escape(row.municipality), referrer=escape(row.referrer or "—"),
            source=word(SOURCES, row.source),
            when=format_local(row.received_at, "%d/%m/%Y %H:%M")))
        self.situation.setText(self._situation_text(row))
        self.decided.setText(self._decided_text(row))
        if keep:
            return  # the person's unsaved edits stay
        for key, value in row.judgement:
            self.items[key].setCurrentIndex(0 if value is None else (1 if value else 2))
        self.talks["referrer_call"].setPlainText(row.referrer_call or "")
        self.talks["municipality_call"].setPlainText(row.municipality_call or "")
        self.decline_reason.setText(row.decline_reason or "")

    def _situation_text(self, row: ReferralRow) -> str:
        s = row.situation
        if s is None:
            return self.tr("Municipality not known to the ward: check the referral.")
        four = (self.tr("has agreed to 4 doses a day") if s.four_daily_agreement
                else self.tr("gives at most 3 doses a day (R-FREQ)"))
        return self.tr("{name}: {four}; {n} of the ward's patients there now; phone {phone}."
                       ).format(name=s.name, four=four, n=s.active_courses,
                                phone=s.phone or "—")

    def _decided_text(self, row: ReferralRow) -> str:
        if row.status == "referred":
            return ""
        text = self.tr("{status} by {who} at {when}.").format(
            status=word(STATUSES, row.status), who=row.decided_by or "—",
            when=format_local(row.decided_at, "%d/%m/%Y %H:%M"))
        if row.decline_reason:
            text += " " + self.tr("Reason: {reason}").format(reason=row.decline_reason)
        return text
