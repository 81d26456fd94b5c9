"""The directory's edit forms: a municipality's main number and 4x/day agreement, a contact.

Admin-only writes through the worker with the version they loaded (``WriteDialog``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.escalations import directory as service
from console.services.escalations.directory import ContactEntry, MunicipalityEntry
from console.views.common import palette
from console.views.common.combos import coded_combo
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import code_label, spaced
from console.views.common.screen import ScreenContext
from console.views.common.widgets import wrapped_label
from console.views.common.write_dialog import WriteDialog
from console.vocabulary import ContactTeam

_CTX = "Directory"

TEAM_LABELS: dict[str, str] = {
    ContactTeam.ACUTE_TEAM.value: QT_TRANSLATE_NOOP(_CTX, "Acute team"),
    ContactTeam.HOME_NURSING.value: QT_TRANSLATE_NOOP(_CTX, "Home nursing"),
    ContactTeam.OTHER.value: QT_TRANSLATE_NOOP(_CTX, "Other"),
}


def team_label(code: str) -> str:
    return code_label(_CTX, TEAM_LABELS, code, spaced)



class _EditForm(WriteDialog):
    """A small form over one row; it grows to show an error line under a field."""

    def lay_out(self, form: QFormLayout, width: int) -> None:
        self.lay_out_form(form)
        self.resize(width, self.sizeHint().height())

    def _on_failed(self, error: Exception) -> None:
        super()._on_failed(error)
        if (layout := self.layout()) is None:
            return
        layout.activate()
        wanted = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else self.sizeHint().height())
        self.resize(self.width(), max(self.height(), wanted))


class MunicipalityEditDialog(_EditForm):
    """A municipality's main number and its 4x/day agreement (R-FREQ)."""

    def __init__(self, context: ScreenContext, entry: MunicipalityEntry,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Edit {municipality}").format(municipality=entry.name))
        self.phone = QLineEdit(entry.phone or "")
        self.phone.setPlaceholderText(self.tr("Main number, e.g. 56 20 20 20"))
        self.four_daily = QCheckBox(self.tr("Has agreed to 4 municipal administrations a day"))
        self.four_daily.setChecked(entry.four_daily_agreement)
        hint = wrapped_label(self.tr("R-FREQ: without the agreement, the municipality gives at most 3 "
                                     "administrations a day; the MBE gives a 4th."))
        hint.setStyleSheet(palette.MUTED_LABEL_STYLE)
        form = QFormLayout()
        self.field_row(form, self.tr("Phone"), self.phone, "phone")
        form.addRow("", self.four_daily)
        form.addRow("", hint)
        self.lay_out(form, 460)

    def operation(self) -> ServiceCall:
        return call(service.update_municipality, self.entry.name, phone=self.phone.text(),
                    four_daily_agreement=self.four_daily.isChecked(),
                    expected_version=self.entry.version)

    def rebase_from(self, entries: list[MunicipalityEntry]) -> None:
        self.entry = next((e for e in entries if e.id == self.entry.id), self.entry)


class ContactEditDialog(_EditForm):
    """Add or change one contact; retiring it keeps it in the history."""

    def __init__(self, context: ScreenContext, municipality: str, contact: ContactEntry | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.municipality = municipality
        self.contact = contact
        self.setWindowTitle(self.tr("New contact for {municipality}").format(
            municipality=municipality) if contact is None else
            self.tr("Edit {name}").format(name=contact.name))
        shown = contact or ContactEntry(0, municipality, ContactTeam.ACUTE_TEAM.value, "", "",
                                        None, None, True, 0)
        self.team = coded_combo(ContactTeam, team_label, current=shown.team)
        self.name = QLineEdit(shown.name)
        self.name.setPlaceholderText(self.tr("e.g. Akutteam {municipality}").format(
            municipality=municipality))
        self.phone = QLineEdit(shown.phone)
        self.phone.setPlaceholderText(self.tr("Digits and spaces, + in front"))
        self.hours = QLineEdit(shown.hours or "")
        self.hours.setPlaceholderText(self.tr("e.g. 24/7 or 07-23"))
        self.note = QLineEdit(shown.note or "")
        self.active = QCheckBox(self.tr("Active (offered when a call is logged)"))
        self.active.setChecked(shown.active)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_row(form, self.tr("Municipality"), QLabel(municipality), "municipality")
        for text, widget, field in (
                (self.tr("Team"), self.team, "team"), (self.tr("Name"), self.name, "name"),
                (self.tr("Phone"), self.phone, "phone"), (self.tr("Hours"), self.hours, "hours"),
                (self.tr("Note"), self.note, "note")):
            self.field_row(form, text, widget, field)
        form.addRow("", self.active)
        self.lay_out(form, 480)

    def operation(self) -> ServiceCall:
        return call(service.save_contact, self.contact.id if self.contact else None,
                    municipality=self.municipality, team=str(self.team.currentData()),
                    name=self.name.text(), phone=self.phone.text(), hours=self.hours.text(),
                    note=self.note.text(), active=self.active.isChecked(),
                    expected_version=self.contact.version if self.contact else None)

    def rebase_from(self, entries: list[MunicipalityEntry]) -> None:
        if self.contact is not None:
            contact_id = self.contact.id
            self.contact = next((c for e in entries for c in e.contacts if c.id == contact_id),
                                self.contact)

