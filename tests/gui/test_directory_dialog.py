"""The municipal directory dialog, and the intake dialog filling the caller from it (pytest-qt
over a real SQLite ward)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.db import Database
from console.models import Role
from console.services.core.uow import read_only, unit_of_work
from console.services.course.patient_search import search_admitted_patients
from console.services.escalations import directory
from console.services.escalations.escalations import list_escalations
from console.views.common.screen import ScreenContext
from console.views.escalations.directory_dialog import (
    ContactColumn,
    ContactEditDialog,
    ContactTableModel,
    DirectoryDialog,
    MunicipalityColumn,
    MunicipalityEditDialog,
    MunicipalityTableModel,
)
from console.views.escalations.intake import IntakeDialog
from console.views.escalations.screen import EscalationsScreen
from tests.factories import add_staff

MakeContext = Callable[[Database], ScreenContext]


def entries(db: Database) -> list[directory.MunicipalityEntry]:
    with read_only(db) as s:
        return directory.list_directory(s)


def contact_of(db: Database, municipality: str, team: str) -> directory.ContactEntry:
    with read_only(db) as s:
        return next(c for c in directory.contacts_for(s, municipality) if c.team == team)


def open_dialog(qtbot: QtBot, context: ScreenContext) -> DirectoryDialog:
    dialog = DirectoryDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        dialog.show()
    return dialog


def cell(dialog: DirectoryDialog, name: str, column: MunicipalityColumn) -> str:
    row = next(n for n in range(dialog.municipalities.rowCount())
               if dialog.municipalities.row_at(n).name == name)
    return str(dialog.municipalities.index(row, column).data())


@pytest.fixture
def admin_context(ward_db: Database, context_for: MakeContext) -> ScreenContext:
    add_staff(ward_db, "TST", Role.ADMIN, Role.E_NURSE, name="Tove Admin")
    return context_for(ward_db)


@pytest.fixture
def nurse_context(ward_db: Database, context_for: MakeContext) -> ScreenContext:
    add_staff(ward_db, "TST", Role.E_NURSE, name="Tina Test")
    return context_for(ward_db)


def test_directory_models_pass_the_model_tester(qtmodeltester: ModelTester,
                                                ward_db: Database) -> None:
    rows = entries(ward_db)
    municipalities = MunicipalityTableModel()
    municipalities.set_rows(rows)
    qtmodeltester.check(municipalities, force_py=True)
    municipalities.set_rows(rows[:5])  # fewer rows: a reset
    municipalities.set_rows(rows[:5])  # the same ids: cells changed in place
    qtmodeltester.check(municipalities, force_py=True)
    contacts = ContactTableModel()
    contacts.set_rows([c for e in rows for c in e.contacts])
    qtmodeltester.check(contacts, force_py=True)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(contacts)
    proxy.sort(ContactColumn.NAME)
    qtmodeltester.check(proxy, force_py=True)
    assert contacts.headerData(ContactColumn.TEAM, Qt.Orientation.Horizontal) == "Team"
    assert contacts.index(0, ContactColumn.TEAM).data() == "Acute team"
    assert municipalities.index(0, MunicipalityColumn.FOUR_DAILY).data() in ("Yes", "No")


def test_picking_a_contact_in_the_intake_fills_the_caller(
        qtbot: QtBot, ward_db: Database, nurse_context: ScreenContext) -> None:
    with read_only(ward_db) as s:
        anna = search_admitted_patients(s, "Anna")[0]  # Næstved
    acute = contact_of(ward_db, "Næstved", "acute_team")
    dialog = IntakeDialog(nurse_context, None, anna.admission_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.contacts_for == "Næstved", timeout=10_000)
    # the municipality list is its own read: until it is in, any typed name is looked up
    qtbot.waitUntil(lambda: dialog.options is not None, timeout=10_000)
    assert dialog.directory.isEnabled()
    assert dialog.directory.count() == 3  # the prompt + acute team + home nursing
    assert dialog.choose_contact(acute.id)
    assert dialog.caller_name.text() == "Akutteam Næstved"
    assert dialog.caller_phone.text() == acute.phone
    qtbot.keyClicks(dialog.caller_name, " (Lone)")  # another caller can still be typed
    assert dialog.chosen_contact() is None
    assert dialog.caller_name.text() == "Akutteam Næstved (Lone)"
    assert dialog.caller_phone.text() == acute.phone

    dialog.municipality.setCurrentText("Holbæk")  # another municipality: its contacts
    qtbot.waitUntil(lambda: dialog.contacts_for == "Holbæk", timeout=10_000)
    assert "Akutteam Holbæk" in dialog.directory.itemText(1)
    dialog.municipality.setCurrentText("Nowhere")
    assert dialog.contacts_for is None
    assert not dialog.directory.isEnabled()
    dialog.municipality.setCurrentText("Næstved")
    qtbot.waitUntil(lambda: dialog.contacts_for == "Næstved", timeout=10_000)
    home = contact_of(ward_db, "Næstved", "home_nursing")
    dialog.directory.setCurrentIndex(2)  # as a person picks it
    assert (dialog.caller_name.text(), dialog.caller_phone.text()) == (home.name, home.phone)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    with read_only(ward_db) as s:
        logged = [r for r in list_escalations(s) if r.caller_name == home.name]
    assert [(r.caller_phone, r.municipality) for r in logged] == [(home.phone, "Næstved")]


def test_retired_contacts_are_not_offered_at_intake(
        qtbot: QtBot, ward_db: Database, admin_context: ScreenContext) -> None:
    acute = contact_of(ward_db, "Holbæk", "acute_team")
    with unit_of_work(ward_db, "TST") as s:
        directory.save_contact(s, acute.id, municipality="Holbæk", team=acute.team,
                               name=acute.name, phone=acute.phone, active=False)
    dialog = IntakeDialog(admin_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.options is not None, timeout=10_000)
    dialog.municipality.setCurrentText("Holbæk")
    qtbot.waitUntil(lambda: dialog.contacts_for == "Holbæk", timeout=10_000)
    assert [c.team for c in dialog.contacts] == ["home_nursing"]
    dialog.reject()
    qtbot.waitUntil(admin_context.worker.is_idle)


def test_an_admin_edits_a_municipality_and_a_contact(
        qtbot: QtBot, ward_db: Database, admin_context: ScreenContext) -> None:
    dialog = open_dialog(qtbot, admin_context)
    assert not dialog.read_only_label.isVisible()
    assert dialog.select_municipality("Sorø")
    assert cell(dialog, "Sorø", MunicipalityColumn.FOUR_DAILY) == "No"
    assert dialog.contact_proxy.rowCount() == 2
    editor = dialog.edit_municipality()
    assert isinstance(editor, MunicipalityEditDialog)
    editor.phone.setText("57 87 60 00")
    editor.four_daily.setChecked(True)
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        editor.submit()
    assert not editor.isVisible()
    assert cell(dialog, "Sorø", MunicipalityColumn.PHONE) == "57 87 60 00"
    assert cell(dialog, "Sorø", MunicipalityColumn.FOUR_DAILY) == "Yes"
    with read_only(ward_db) as s:
        soro = directory.get_municipality(s, "Sorø")
    assert (soro.phone, soro.four_daily_agreement) == ("57 87 60 00", True)

    home = contact_of(ward_db, "Sorø", "home_nursing")
    assert not dialog.edit_contact_button.isEnabled()  # no contact chosen yet
    row = next(n for n in range(dialog.contact_proxy.rowCount())
               if dialog.contact_proxy.index(n, ContactColumn.NAME).data() == home.name)
    rect = dialog.contact_table.visualRect(dialog.contact_proxy.index(row, 0))
    qtbot.mouseClick(dialog.contact_table.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert dialog.edit_contact_button.isEnabled()
    assert dialog.selected_contact() == home
    contact_editor = dialog.edit_contact()
    assert isinstance(contact_editor, ContactEditDialog)
    contact_editor.phone.setText("not a number")
    contact_editor.submit()  # the service refuses: the message sits at the phone field
    qtbot.waitUntil(lambda: "phone" in contact_editor.errors.messages(), timeout=10_000)
    assert "not a phone number" in contact_editor.errors.messages()["phone"]
    error = contact_editor.errors.label_for("phone")
    assert error is not None  # the form grew: both lines of the message show
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()), timeout=2_000)
    assert contact_editor.isVisible()
    contact_editor.phone.clear()
    qtbot.keyClicks(contact_editor.phone, "57 57 00 02")
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        contact_editor.submit()
    assert contact_of(ward_db, "Sorø", "home_nursing").phone == "57 57 00 02"
    assert dialog.selected_contact() is not None
    assert dialog.selected_contact().phone == "57 57 00 02"  # type: ignore[union-attr]


def test_an_admin_adds_a_contact(qtbot: QtBot, ward_db: Database,
                                 admin_context: ScreenContext) -> None:
    dialog = open_dialog(qtbot, admin_context)
    assert dialog.select_municipality("Køge")
    editor = dialog.add_contact()
    assert isinstance(editor, ContactEditDialog)
    editor.team.setCurrentIndex(editor.team.findData("other"))
    editor.name.setText("Visitationen Køge")
    editor.phone.setText("00 00 06 09")
    editor.hours.setText("08-15")
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        editor.submit()
    selected = dialog.selected_contact()
    assert selected is not None
    assert (selected.name, selected.municipality, selected.team) == (
        "Visitationen Køge", "Køge", "other")
    assert dialog.contact_proxy.rowCount() == 3


def test_a_stale_edit_shows_the_conflict_and_reload_rebases(
        qtbot: QtBot, ward_db: Database, admin_context: ScreenContext) -> None:
    add_staff(ward_db, "AD2", Role.ADMIN)
    acute = contact_of(ward_db, "Slagelse", "acute_team")
    dialog = open_dialog(qtbot, admin_context)
    assert dialog.select_municipality("Slagelse")
    assert dialog.select_contact(acute.id)
    editor = dialog.edit_contact()
    assert isinstance(editor, ContactEditDialog)
    with unit_of_work(ward_db, "AD2") as s:  # another desk, meanwhile
        directory.save_contact(s, acute.id, municipality="Slagelse", team=acute.team,
                               name=acute.name, phone="58 58 58 58", hours="24/7",
                               expected_version=acute.version)
    editor.hours.setText("07-23")
    editor.submit()
    qtbot.waitUntil(editor.conflict.isVisible, timeout=10_000)
    assert "Changed by AD2 at" in editor.conflict.label.text()
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        qtbot.mouseClick(editor.conflict.reload_button, Qt.MouseButton.LeftButton)
    assert editor.contact is not None
    assert editor.contact.version == acute.version + 1  # based on the fresh row now
    assert editor.hours.text() == "07-23"  # what was typed is kept
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        editor.submit()
    stored = contact_of(ward_db, "Slagelse", "acute_team")
    assert (stored.hours, stored.version) == ("07-23", acute.version + 2)


def test_a_nurse_sees_the_directory_read_only(qtbot: QtBot, nurse_context: ScreenContext) -> None:
    dialog = open_dialog(qtbot, nurse_context)
    assert dialog.read_only_label.isVisible()
    assert "Only an admin may edit" in dialog.read_only_label.text()
    assert dialog.municipalities.rowCount() == 17
    assert dialog.select_municipality("Roskilde")
    assert dialog.contact_proxy.rowCount() == 2
    assert not any(b.isEnabled() for b in dialog.edit_buttons)
    table = dialog.municipality_table
    holbaek = next(n for n in range(dialog.municipality_proxy.rowCount())
                   if dialog.municipality_proxy.index(n, 0).data() == "Holbæk")
    rect = table.visualRect(dialog.municipality_proxy.index(holbaek, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.contacts_label.text() == "Contacts of Holbæk"
    assert dialog.contact_proxy.index(0, ContactColumn.NAME).data() == "Akutteam Holbæk"
    assert dialog.edit_municipality() is None
    assert dialog.edit_contact() is None
    assert dialog.add_contact() is None
    qtbot.keyClicks(dialog.filter_edit, "nykøbing")
    assert dialog.municipality_proxy.rowCount() == 2  # Guldborgsund and Odsherred by town


def test_the_inbox_opens_the_directory(qtbot: QtBot, ward_db: Database,
                                       nurse_context: ScreenContext, day: date) -> None:
    screen = EscalationsScreen(nurse_context, day)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.directory_button.text() == "Municipal directory…"
    qtbot.mouseClick(screen.directory_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(DirectoryDialog)
    assert isinstance(dialog, DirectoryDialog)
    qtbot.waitUntil(lambda: dialog.municipalities.rowCount() == 17, timeout=10_000)
    assert dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(nurse_context.worker.is_idle)


def test_another_desks_change_shows_after_the_change_feed(
        qtbot: QtBot, ward_db: Database, admin_context: ScreenContext) -> None:
    dialog = open_dialog(qtbot, admin_context)
    assert dialog.select_municipality("Stevns")
    with unit_of_work(ward_db, "TST") as s:
        directory.update_municipality(s, "Stevns", phone="56 57 57 57")
    with qtbot.waitSignal(dialog.directory_loaded, timeout=10_000):
        admin_context.changes.announce(frozenset({"municipality"}))
    assert cell(dialog, "Stevns", MunicipalityColumn.PHONE) == "56 57 57 57"
    assert dialog.selected_municipality() is not None
    assert dialog.selected_municipality().name == "Stevns"  # type: ignore[union-attr]
