"""The record's header (who, where, who is responsible, where in the course) and the R-HANDOVER
box (what the municipality still lacks; green when nothing)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.services.course.record import PatientRecord
from console.timeutil import format_local, local_date
from console.views.common.i18n import day_text
from console.views.common.labels import (
    ADMISSION_STATUSES,
    DISCHARGE_OUTCOMES,
    PLACES,
    PROVIDERS,
    condition_label,
    handover_item,
    label,
)
from console.views.common.widgets import STRETCH, tool_row, wrapped_label

_KEY_STYLE = "QLabel { color: #6b7280; }"
_NAME_STYLE = "QLabel { font-size: 20px; font-weight: 600; }"
_PILL = "QLabel {{ background: {bg}; color: {fg}; border-radius: 9px; padding: 1px 10px; }}"
_HANDOVER_OK = ("QFrame#handover { background: #e4f6e9; border: 1px solid #8fd19e;"
                " border-radius: 6px; } QFrame#handover QLabel { color: #1c7c37; }")
_HANDOVER_MISSING = ("QFrame#handover { background: #fff1c2; border: 1px solid #e0b000;"
                     " border-radius: 6px; } QFrame#handover QLabel { color: #7a4b00; }")
FIELDS = ("age", "cpr", "municipality", "address", "phone", "gp", "relatives", "condition",
          "doctor", "contact", "provider", "planned_end", "tariff")


def course_length(record: PatientRecord) -> int | None:
    """Planned days of the course (admission day to planned end), None when not planned."""
    if record.planned_end is None or record.admitted_at is None:
        return None
    return (record.planned_end - local_date(record.admitted_at)).days + 1


class PatientHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: PatientRecord | None = None
        self._cpr_revealed = False
        self.name = QLabel()
        self.name.setStyleSheet(_NAME_STYLE)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.course_day = QLabel()
        self.course_day.setStyleSheet("QLabel { font-size: 15px; font-weight: 600; }")
        self.reveal_button = QToolButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._on_reveal)
        self.keys: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for field in FIELDS:
            key, value = QLabel(), QLabel()
            key.setStyleSheet(_KEY_STYLE)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.keys[field], self.values[field] = key, value
        self.handover = QFrame()
        self.handover.setObjectName("handover")
        self.handover_title = QLabel()
        self.handover_title.setStyleSheet("QLabel { font-weight: 600; }")
        self.handover_list = wrapped_label()
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        title = tool_row(self.name, 10, self.status, STRETCH, self.course_day)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        columns = (("age", "cpr", "phone", "relatives"),
                   ("municipality", "address", "gp", "condition"),
                   ("doctor", "contact", "provider", "planned_end", "tariff"))
        for col, fields in enumerate(columns):
            for row, field in enumerate(fields):
                grid.addWidget(self.keys[field], row, col * 2,
                               Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
                if field == "cpr":
                    box = QHBoxLayout()
                    box.setSpacing(4)
                    box.addWidget(self.values[field])
                    box.addWidget(self.reveal_button)
                    box.addStretch(1)
                    grid.addLayout(box, row, col * 2 + 1)
                else:
                    grid.addWidget(self.values[field], row, col * 2 + 1,
                                   Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(col * 2 + 1, 1)
        facts = QVBoxLayout()
        facts.addLayout(title)
        facts.addLayout(grid)
        handover = QVBoxLayout(self.handover)
        handover.setContentsMargins(10, 8, 10, 8)
        handover.addWidget(self.handover_title)
        handover.addWidget(self.handover_list)
        handover.addStretch(1)
        self.handover.setFixedWidth(300)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(facts, 1)
        layout.addSpacing(12)
        layout.addWidget(self.handover)

    def retranslate_ui(self) -> None:
        texts = {
            "age": self.tr("Age"), "cpr": self.tr("CPR"), "municipality": self.tr("Municipality"),
            "address": self.tr("Address"), "phone": self.tr("Phone"), "gp": self.tr("GP"),
            "relatives": self.tr("Relatives"), "condition": self.tr("Condition"),
            "doctor": self.tr("Responsible doctor"), "contact": self.tr("24/7 contact"),
            "provider": self.tr("Provider"), "planned_end": self.tr("Planned end"),
            "tariff": self.tr("Course tariff"),
        }
        for field, text in texts.items():
            self.keys[field].setText(text)
        self.reveal_button.setToolTip(self.tr("Show the full CPR number (opening the record was logged)"))
        if self._record is not None:
            self.show_record(self._record)

    def show_record(self, record: PatientRecord) -> None:
        if self._record is None or self._record.admission_id != record.admission_id:
            self.reveal_button.setChecked(False)
        self._record = record
        self.name.setText(record.name)
        self._show_status(record)
        total = course_length(record)
        self.course_day.setText(
            self.tr("Day {day}").format(day=record.day_of_course) if total is None
            else self.tr("Day {day} of {total}").format(day=record.day_of_course, total=total))
        v = self.values
        v["age"].setText(self.tr("{age} years").format(age=record.age))
        self._show_cpr()
        v["municipality"].setText(record.municipality)
        address = record.address
        if record.location_approximate:
            address = self.tr("{address} (approximate location)").format(address=address)
        v["address"].setText(address)
        v["address"].setToolTip(self.tr("The map position is the municipality's, not the home's")
                                if record.location_approximate else "")
        dash = "—"
        v["phone"].setText(record.phone or dash)
        v["gp"].setText(record.gp or dash)
        # a phone number never breaks across lines (no-break spaces between its digit groups)
        relatives = (re.sub(r"(?<=\d) (?=\d)", "\u00a0", r) for r in record.relatives)
        v["relatives"].setText("\n".join(relatives) or dash)
        v["condition"].setText(condition_label(record.condition))
        v["doctor"].setText(record.responsible_doctor or self.tr("not set"))
        v["contact"].setText(record.contact_phone or self.tr("not set"))
        v["provider"].setText(f"{label(PROVIDERS, record.provider)} · "
                              f"{label(PLACES, record.place_of_treatment)}")  # R-REGISTER
        v["planned_end"].setText(day_text(record.planned_end, "ddd dd/MM/yyyy")
                                 if record.planned_end
                                 else self.tr("not set"))
        v["tariff"].setText(record.tariff or self.tr("not set"))
        self._show_handover(record)

    def _show_status(self, record: PatientRecord) -> None:
        text = label(ADMISSION_STATUSES, record.status)
        bg, fg = ("#dbe9ff", "#0b3d91") if record.status == "admitted" else ("#eceef1", "#374151")
        if record.status == "discharged":
            text = self.tr("{status} {when} · {outcome}").format(
                status=text, when=format_local(record.discharged_at, "%d/%m %H:%M"),
                outcome=label(DISCHARGE_OUTCOMES, record.discharge_outcome))
        self.status.setText(text)
        self.status.setStyleSheet(_PILL.format(bg=bg, fg=fg))

    def _on_reveal(self, checked: bool) -> None:
        self._cpr_revealed = checked
        self._show_cpr()

    def _show_cpr(self) -> None:
        record = self._record
        if record is None:
            return
        self.values["cpr"].setText(record.cpr if self._cpr_revealed else record.cpr_masked)
        self.reveal_button.setText(self.tr("Hide") if self._cpr_revealed else self.tr("Show"))

    def _show_handover(self, record: PatientRecord) -> None:
        missing = record.handover_missing
        if missing:
            self.handover.setStyleSheet(_HANDOVER_MISSING)
            self.handover_title.setText(self.tr("Handover to the municipality: {n} missing")
                                        .format(n=len(missing)))
            self.handover_list.setText("\n".join(f"• {handover_item(item)}" for item in missing))
        else:
            self.handover.setStyleSheet(_HANDOVER_OK)
            self.handover_title.setText(self.tr("✓ Handover complete"))
            self.handover_list.setText(self.tr("Treatment plan, diagnosis, planned end, IV "
                                               "access, doctor, 24/7 phone and medication list "
                                               "are all recorded (R-HANDOVER)."))
