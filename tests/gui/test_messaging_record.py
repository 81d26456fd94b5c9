"""The record shows the course's MedCom thread and its standing with the municipality and the
GP (issue 16: R-ACCEPT, R-EPIKRISE, R-MESSAGE), and the discharge dialog asks for the epikrise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.db import Database
from console.models import Setting
from console.services.core.uow import unit_of_work
from console.services.messaging import agreement, careplan, outbox
from console.views.common.screen import ScreenContext
from console.views.patient.discharge_dialog import DischargeDialog
from tests.factories import NURSE
from tests.gui.test_patient_record import admit_test_patient, open_record
from tests.messaging_sim import set_up_parties

MakeContext = Callable[[Database], ScreenContext]


def test_R_ACCEPT_record_shows_awaiting_municipality_and_the_thread(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    admission_id = admit_test_patient(sqlite_db, day)
    set_up_parties(sqlite_db)
    with unit_of_work(sqlite_db, "system") as s:
        row = s.get(Setting, "medcom_outbox")
        if row is None:
            s.add(Setting(key="medcom_outbox", value=str(tmp_path / "outbox")))
        else:
            row.value = str(tmp_path / "outbox")
    with unit_of_work(sqlite_db, NURSE) as s:
        message_id = careplan.draft_care_plan(s, admission_id)
    with unit_of_work(sqlite_db, NURSE) as s:
        outbox.send_message(s, message_id)
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id)
    side = screen.side
    assert "Awaiting the municipality" in side.agreement_label.text()
    assert "(care plan not sent)" not in side.agreement_label.text()
    assert "Treatment responsibility: the eHospital" in side.agreement_label.text()
    assert side.tabs.tabText(5) == "Messages (1)"
    assert side.message_model.rowCount() == 1
    button = side.file_button
    assert button is not None
    assert not button.isEnabled()  # no message chosen
    side.message_table.selectRow(0)
    assert button.isEnabled()  # the care plan carries its PDF
    assert button.menu() is None  # one file: a click saves it
    [pdf] = button.files
    target = tmp_path / "plan.pdf"
    with qtbot.waitSignal(button.saved, timeout=10_000):
        button.save(pdf, target)
    assert target.read_bytes().startswith(b"%PDF")
    with unit_of_work(sqlite_db, NURSE) as s:  # accepted by phone at another desk
        agreement.record_acceptance(s, admission_id, accepted_by="Birgit Berg")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.announce(frozenset({"course_agreement"}))
    assert "not acknowledged the care plan" in side.agreement_label.text()


def test_R_EPIKRISE_discharge_dialog_asks_for_the_epikrise_or_a_reason(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    # Admitted yesterday: a discharge now is after the admission at any hour of the day.
    admission_id = admit_test_patient(sqlite_db, day - timedelta(days=1))
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id)
    dialog = screen.open_discharge_dialog("completed")
    assert isinstance(dialog, DischargeDialog)
    assert "keeps the treatment responsibility" in dialog.consequences.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert dialog.isVisible()
    assert "epikrise" in dialog.errors.messages()["epikrise"]
    qtbot.keyClicks(dialog.epikrise_reason, "Readmitted; the ward writes it")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert screen.record is not None
    assert screen.record.status == "discharged"
    assert "Treatment responsibility: the eHospital" in screen.side.agreement_label.text()


def test_R_ACCEPT_census_shows_awaiting_acceptance_beside_the_municipality(qtbot: QtBot) -> None:
    from console.views.census.model import CensusTableModel, Column
    from console.views.common import palette
    from tests.gui.test_census_model import DAY, make_row

    model = CensusTableModel()
    model.set_rows((make_row(1, "Anna Jensen", municipality_state="awaiting"),
                    make_row(2, "Bent Hansen", municipality_state="care_plan"),
                    make_row(3, "Carla Nielsen")), DAY)
    cell = [model.index(r, Column.MUNICIPALITY) for r in range(3)]
    assert model.data(cell[0]) == "Næstved · awaiting"
    assert model.data(cell[1]) == "Næstved · plan not ok"
    assert "R-ACCEPT" in model.data(cell[0], Qt.ItemDataRole.ToolTipRole)
    assert model.data(cell[2]) == "Næstved"
    assert model.data(cell[0], Qt.ItemDataRole.BackgroundRole) == palette.WARNING_BG
    assert model.data(cell[2], Qt.ItemDataRole.BackgroundRole) is None


def test_R_ACCEPT_acceptance_by_phone_and_a_care_plan_draft_from_the_record(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    from console.services.core.uow import read_only
    from console.services.messaging.reads import list_messages
    from console.views.patient.agreement_bar import AcceptDialog

    admission_id = admit_test_patient(sqlite_db, day - timedelta(days=1))
    set_up_parties(sqlite_db)
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id, user=NURSE)
    bar = screen.side.agreement
    assert bar.accept_button.isVisible()
    assert "(care plan not sent)" in bar.label.text()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(bar.care_plan_button, Qt.MouseButton.LeftButton)
    with read_only(sqlite_db) as s:
        assert [m.purpose for m in list_messages(s, admission_id=admission_id)] == ["care_plan"]
    assert screen.side.tabs.tabText(5) == "Messages (1)"
    bar.accept_action.trigger()  # the menu of the municipality's answer
    dialog = bar.findChild(AcceptDialog)
    assert isinstance(dialog, AcceptDialog)
    assert not dialog.refused
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "who at the municipality" in dialog.errors.messages()["accepted_by"]
    qtbot.keyClicks(dialog.accepted_by, "Birgit Berg, hjemmesygeplejen")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "not acknowledged the care plan" in bar.label.text()
    assert not bar.accept_button.isVisible()


def test_R_MESSAGE_compose_helps_with_medcoms_rules_and_sends(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    from console.views.patient.compose_dialog import ComposeDialog
    from tests.messaging_sim import PartnerSystem, set_setting

    admission_id = admit_test_patient(sqlite_db, day - timedelta(days=1))
    set_up_parties(sqlite_db)
    partner = PartnerSystem(tmp_path / "mailbox")
    set_setting(sqlite_db, "medcom_outbox", str(partner.box.outbox))
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id, user=NURSE)
    dialog = screen.side.agreement.open_compose_dialog()
    assert isinstance(dialog, ComposeDialog)
    assert "not for acute matters" in dialog.acute.text()
    assert not dialog.priority.isEnabled()  # a priority only with "regarding referral"
    dialog.category.setCurrentIndex(dialog.category.findData("other"))
    qtbot.keyClicks(dialog.text, "Nøglen ligger i nøgleboksen.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "R-MESSAGE-TOPIC" in dialog.errors.messages()["topic"]
    qtbot.keyClicks(dialog.topic, "Nøgleboks")
    photo, letter = tmp_path / "nøgleboks.png", tmp_path / "brev.docx"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(3000))
    letter.write_bytes(b"PK\x03\x04")
    dialog.choose_files([str(photo), str(letter)])  # the letter is refused when sending
    assert dialog.files_label.text() == "nøgleboks.png (3 kB), brev.docx (1 kB)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "R-MESSAGE-ATTACHMENT" in dialog.errors.messages()["attachments"]
    assert partner.take() == []  # nothing drafted or sent
    dialog.clear_files()
    dialog.choose_files([str(photo)])
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    [sent] = partner.take()
    assert (sent.topic, sent.category.value) == ("Nøgleboks", "other")  # type: ignore[union-attr]
    [file] = sent.attachments  # type: ignore[union-attr]
    assert (file.content_type, file.data) == ("image/png", photo.read_bytes())
    assert screen.side.tabs.tabText(5) == "Messages (1)"


def test_R_HANDOVER_the_advis_confirmed_by_phone_from_the_record(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    from console.services.core.uow import read_only

    admission_id = admit_test_patient(sqlite_db, day - timedelta(days=1))
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id, user=NURSE)
    bar = screen.side.agreement
    assert screen.record is not None
    assert "hospital notification (advis)" in screen.record.handover_missing
    assert bar.notice_button.isVisible()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        bar.notice_phone.trigger()
    assert screen.record is not None
    assert "hospital notification (advis)" not in screen.record.handover_missing
    assert not bar.notice_button.isVisible()  # nothing left to confirm
    with read_only(sqlite_db) as s:
        assert agreement.read_agreement(s, admission_id).notice_state == "confirmed_by_phone"


def test_R_ACCEPT_the_municipality_refuses_the_course_with_a_reason(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    from console.services.core.uow import read_only
    from console.views.patient.agreement_bar import AcceptDialog

    admission_id = admit_test_patient(sqlite_db, day - timedelta(days=1))
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id, user=NURSE)
    bar = screen.side.agreement
    assert bar.accept_button.isVisible()
    bar.refuse_action.trigger()
    dialog = bar.findChild(AcceptDialog)
    assert isinstance(dialog, AcceptDialog)
    assert dialog.refused
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "Say why" in dialog.errors.messages()["reason"]  # the reason is required
    qtbot.keyClicks(dialog.answer, "Ingen sygeplejerske kan give 4 doser i weekenden")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert ("Municipality refused the course: Ingen sygeplejerske kan give 4 doser i weekenden"
            in bar.label.text())
    with read_only(sqlite_db) as s:
        row = agreement.read_agreement(s, admission_id)
    assert (row.refused_reason, row.accepted_at) == (
        "Ingen sygeplejerske kan give 4 doser i weekenden", None)
