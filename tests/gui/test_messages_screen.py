"""The ward's message screen over a real SQLite ward and a simulated municipality (issue 16):
send a draft, receive, reply once, resend what got no acknowledgement (R-MESSAGE)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.db import Database
from console.medcom import Attachment, IncomingCareCommunication
from console.models import Role, Setting
from console.services.core.uow import unit_of_work
from console.services.messaging import careplan, outbox
from console.views.common.screen import ScreenContext
from console.views.messages.model import Show
from console.views.messages.reply_dialog import ReplyDialog
from console.views.messages.screen import MessagesScreen
from tests.factories import add_staff
from tests.gui.test_patient_record import admit_test_patient
from tests.messaging_sim import PartnerSystem, set_setting, set_up_parties

MakeContext = Callable[[Database], ScreenContext]


def _ward(db: Database, day: date, root: Path) -> tuple[int, PartnerSystem]:
    admission_id = admit_test_patient(db, day - timedelta(days=1))
    add_staff(db, "TST", Role.E_NURSE, name="Tina Test")
    set_up_parties(db)
    partner = PartnerSystem(root)
    with unit_of_work(db, "system") as s:
        for key, value in (("medcom_outbox", partner.box.outbox), ("medcom_inbox", partner.box.inbox),
                           ("medcom_ack_timeout_minutes", "0")):
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=str(value)))
            else:
                row.value = str(value)
    return admission_id, partner


def _screen(qtbot: QtBot, db: Database, context_for: MakeContext, day: date) -> MessagesScreen:
    screen = MessagesScreen(context_for(db), day)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
    return screen


def _plan_answered(db: Database, admission_id: int, partner: PartnerSystem, text: str,
                   files: tuple[Attachment, ...] = ()) -> int:
    """The care plan sent (its id), and the municipal nurse's answer in the mailbox."""
    with unit_of_work(db, "TST") as s:
        plan_id = careplan.draft_care_plan(s, admission_id)
        outbox.send_message(s, plan_id)
    plan = partner.take()[0]
    assert isinstance(plan, IncomingCareCommunication)
    partner.answer(plan, text, "Plejeforløbsplan", files)
    return plan_id


def _click(qtbot: QtBot, screen: MessagesScreen, button: object) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_R_MESSAGE_send_receive_reply_once_and_resend(qtbot: QtBot, sqlite_db: Database,
                                                     context_for: MakeContext, day: date,
                                                     tmp_path: Path) -> None:
    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    with unit_of_work(sqlite_db, "TST") as s:
        plan_id = careplan.draft_care_plan(s, admission_id)
    screen = _screen(qtbot, sqlite_db, context_for, day)
    screen.set_show(Show.DRAFTS)
    assert screen.select_message(plan_id)
    assert screen.send_button.isEnabled()
    _click(qtbot, screen, screen.send_button)
    plan = partner.take()[0]
    assert isinstance(plan, IncomingCareCommunication)
    screen.set_show(Show.ATTENTION)  # timeout 0: no acknowledgement in time, offered for resend
    assert screen.select_message(plan_id)
    assert screen.resend_button.isEnabled()
    _click(qtbot, screen, screen.resend_button)
    assert len(partner.take()) == 1  # sent again
    partner.answer(plan, "Hvornår fjernes PICC-linen?", "Plejeforløbsplan")
    _click(qtbot, screen, screen.receive_button)
    assert "1 message(s) received." in screen.message_label.text()
    question = next(screen.model.row_at(r) for r in range(screen.model.rowCount())
                    if screen.model.row_at(r).direction == "in")
    assert screen.select_message(question.id)
    assert screen.reply_button.isEnabled()
    dialog = screen.open_reply()
    assert isinstance(dialog, ReplyDialog)
    assert "not for acute matters" in dialog.acute.text()
    qtbot.keyClicks(dialog.text, "Efter sidste dosis.")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    screen.set_show(Show.ALL)
    assert screen.select_message(question.id)
    assert not screen.reply_button.isEnabled()  # answered: a second reply is not offered
    sent = [m for m in partner.take() if isinstance(m, IncomingCareCommunication)]
    assert len(sent) == 1
    assert sent[0].communication_id == plan.communication_id


def test_message_list_model_passes_the_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                                    sqlite_db: Database, context_for: MakeContext,
                                                    day: date, tmp_path: Path) -> None:
    admission_id, _partner = _ward(sqlite_db, day, tmp_path)
    with unit_of_work(sqlite_db, "TST") as s:
        careplan.draft_care_plan(s, admission_id)
    screen = _screen(qtbot, sqlite_db, context_for, day)
    assert screen.model.rowCount() == 1
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)


def test_an_acute_message_becomes_an_escalation(qtbot: QtBot, sqlite_db: Database,
                                                context_for: MakeContext, day: date,
                                                tmp_path: Path) -> None:
    from console.services.core.uow import read_only
    from console.services.escalations.escalations import list_escalations
    from console.views.messages.escalate_dialog import EscalateDialog

    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    _plan_answered(sqlite_db, admission_id, partner, "Patienten har feber 39,8 og kulderystelser.")
    screen = _screen(qtbot, sqlite_db, context_for, day)
    _click(qtbot, screen, screen.receive_button)
    question = next(screen.model.row_at(r) for r in range(screen.model.rowCount())
                    if screen.model.row_at(r).direction == "in")
    assert screen.select_message(question.id)
    dialog = screen.open_escalate()
    assert isinstance(dialog, EscalateDialog)
    dialog.category.setCurrentIndex(dialog.category.findData("clinical_worsening"))
    dialog.severity.setCurrentIndex(dialog.severity.findData("urgent"))
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "Escalation #" in screen.message_label.text()
    with read_only(sqlite_db) as s:
        [escalation] = list_escalations(s)
    assert (escalation.admission_id, escalation.category, escalation.severity) == (
        admission_id, "clinical_worsening", "urgent")
    assert "feber 39,8" in escalation.text


def test_a_message_received_at_another_desk_shows_through_the_change_feed(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    from console.services.messaging import inbox

    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    set_setting(sqlite_db, "medcom_ack_timeout_minutes", "60")  # the plan is not overdue here
    screen = _screen(qtbot, sqlite_db, context_for, day)
    assert screen.model.rowCount() == 0
    assert screen.reads is not None
    assert "message" in screen.reads  # the load read the messages: their changes reload it
    with unit_of_work(sqlite_db, "TST") as s:  # another desk sends and receives
        plan_id = careplan.draft_care_plan(s, admission_id)
        outbox.send_message(s, plan_id)
    partner.answer(partner.take()[0], "Spørgsmål om skylning.", "Plejeforløbsplan")  # type: ignore[arg-type]
    with unit_of_work(sqlite_db, "TST") as s:
        inbox.receive_from_mailbox(s)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.announce(frozenset({"message"}))
    screen.set_show(Show.ALL)
    assert screen.proxy.rowCount() == 2  # the plan sent and the question received
    screen.set_show(Show.ATTENTION)
    assert screen.proxy.rowCount() == 1  # the question waits for an answer


def test_a_received_message_reads_whole_and_its_files_are_saved_and_logged(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    from sqlalchemy import select

    from console.models import AccessEvent
    from console.services.core.uow import read_only

    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    photo = b"\x89PNG\r\n\x1a\n" + bytes(2500)
    plan_id = _plan_answered(sqlite_db, admission_id, partner,
                             "Rødme omkring indstiksstedet, se billedet.", (
        Attachment("a.png", "image/png", photo, "Indstikssted"),
        Attachment("b.pdf", "application/pdf", b"%PDF-1.4\n%%EOF\n", "Medicinliste")))
    screen = _screen(qtbot, sqlite_db, context_for, day)
    assert "Choose a message" in screen.detail.text()
    assert not screen.file_button.isEnabled()
    _click(qtbot, screen, screen.receive_button)
    question = next(screen.model.row_at(r) for r in range(screen.model.rowCount())
                    if screen.model.row_at(r).direction == "in")
    assert screen.select_message(question.id)
    detail = screen.detail.text()
    assert detail.startswith("From ")
    assert "Birgit Berg" in detail  # who to call back
    assert "Rødme omkring indstiksstedet" in detail
    assert "Files: Indstikssted.png (3 kB), Medicinliste.pdf (1 kB)" in detail
    assert screen.file_button.isEnabled()
    menu = screen.file_button.menu()
    assert menu is not None  # two files: the button names them
    assert [a.text() for a in menu.actions()] == ["Indstikssted.png (3 kB)",
                                                   "Medicinliste.pdf (1 kB)"]
    target = tmp_path / "saved.png"
    with qtbot.waitSignal(screen.file_button.saved, timeout=10_000):
        screen.file_button.save(question.attachments[0], target)
    assert target.read_bytes() == photo
    assert target.stat().st_mode & 0o077 == 0  # patient data: the owner's only
    assert "access log" in screen.message_label.text()
    with read_only(sqlite_db) as s:
        assert list(s.scalars(select(AccessEvent.admission_id).where(
            AccessEvent.purpose == "export"))) == [admission_id]
    assert screen.select_message(plan_id)  # the plan we sent: to the municipality, by TST
    assert screen.proxy.rowCount() >= 1


def test_a_received_text_that_looks_like_html_shows_as_written(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    """Text from another organisation's system is never read as HTML: not under the list, not
    in the reply dialog, not in the text's tooltip."""
    from console.views.common.message_rows import TEXT
    from console.views.messages.model import MESSAGE_LIST_COLUMNS

    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    html = "<h1>Ring 112 nu</h1><img src='file:///etc/passwd'>"
    _plan_answered(sqlite_db, admission_id, partner, html)
    screen = _screen(qtbot, sqlite_db, context_for, day)
    _click(qtbot, screen, screen.receive_button)
    row = next(r for r in range(screen.model.rowCount())
               if screen.model.row_at(r).direction == "in")
    assert screen.select_message(screen.model.row_at(row).id)
    assert screen.detail.textFormat() == Qt.TextFormat.PlainText
    assert html in screen.detail.text()
    tip = screen.model.data(screen.model.index(row, MESSAGE_LIST_COLUMNS.index(TEXT)),
                            Qt.ItemDataRole.ToolTipRole)
    assert "&lt;h1&gt;Ring 112 nu&lt;/h1&gt;" in tip
    assert "<h1>" not in tip
    dialog = screen.open_reply()
    assert dialog is not None
    assert dialog.original.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()


def test_R_MESSAGE_a_message_naming_no_patient_of_the_ward_is_matched_to_its_course(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    from console.medcom import PatientRef, build_care_communication, new_envelope, to_json
    from console.views.common import palette
    from console.views.common.message_rows import STATE
    from console.views.messages.match_dialog import MatchDialog
    from console.views.messages.model import MESSAGE_LIST_COLUMNS
    from tests.medcom.factories import HOSPITAL, MUNICIPALITY, outgoing

    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    typo = outgoing(sender=MUNICIPALITY, receiver=HOSPITAL, attachments=(), topic="Spørgsmål",
                    patient=PatientRef("0101519999", "Test Testesen"))  # a typo in the CPR
    partner.deliver(to_json(build_care_communication(typo, new_envelope())))
    screen = _screen(qtbot, sqlite_db, context_for, day)
    _click(qtbot, screen, screen.receive_button)
    [row] = [screen.model.row_at(r) for r in range(screen.model.rowCount())
             if screen.model.row_at(r).direction == "in"]
    assert row.admission_id is None
    state = screen.model.index(screen.model.row_of_id(row.id), MESSAGE_LIST_COLUMNS.index(STATE))
    assert state.data() == "⚠ no course"  # why it needs a person, in red
    assert state.data(Qt.ItemDataRole.BackgroundRole) == palette.DANGER_BG
    assert screen.select_message(row.id)  # under "Needs attention"
    assert screen.match_button.isEnabled()
    assert not screen.reply_button.isEnabled()
    dialog = screen.open_match()
    assert isinstance(dialog, MatchDialog)
    qtbot.waitUntil(lambda: dialog.named.text() == "Test Testesen (010151-XXXX)", timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.picker.search_timer.isActive()  # searched for the name
                    and screen.context.worker.is_idle(), timeout=10_000)
    assert dialog.picker.results.rowCount() == 1
    dialog.submit()
    assert "Choose the patient" in dialog.errors.messages()["admission_id"]  # none chosen yet
    qtbot.keyClick(dialog.picker.search_edit, Qt.Key.Key_Return)  # takes the top match
    assert dialog.picker.chosen is not None
    assert dialog.picker.chosen.admission_id == admission_id
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "Matched" in screen.message_label.text()
    screen.set_show(Show.ALL)
    assert screen.select_message(row.id)
    assert screen.selected_row().admission_id == admission_id  # type: ignore[union-attr]
    assert not screen.match_button.isEnabled()
    assert screen.reply_button.isEnabled()  # on the course now: it can be answered
    with qtbot.waitSignal(screen.patient_requested, timeout=2_000) as opened:
        screen.table.activated.emit(screen.table.currentIndex())  # double-click: the record
    assert opened.args == [admission_id]


def test_a_received_message_is_forwarded_to_the_gp_with_its_text(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        tmp_path: Path) -> None:
    admission_id, partner = _ward(sqlite_db, day, tmp_path)
    _plan_answered(sqlite_db, admission_id, partner, "Huden omkring PICC-linen er rød.")
    screen = _screen(qtbot, sqlite_db, context_for, day)
    _click(qtbot, screen, screen.receive_button)
    partner.take()  # our acknowledgement
    [question] = [screen.model.row_at(r) for r in range(screen.model.rowCount())
                  if screen.model.row_at(r).direction == "in"]
    assert screen.select_message(question.id)
    assert screen.forward_button.isEnabled()
    dialog = screen.open_forward()
    assert isinstance(dialog, ReplyDialog)
    assert dialog.forward
    dialog.to.setCurrentIndex(dialog.to.findData("gp"))
    qtbot.keyClicks(dialog.text, "Til orientering.")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    assert "Forwarded" in screen.message_label.text()
    [sent] = partner.take()
    assert isinstance(sent, IncomingCareCommunication)
    assert sent.text == "Til orientering."
    assert any("PICC-linen er rød" in (seg.text or "") for seg in sent.segments)  # carried
    assert screen.reply_button.isEnabled()  # forwarding is no answer: a reply is still due
