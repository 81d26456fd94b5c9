"""Saving a message or a file it carries is an export of patient data: logged for the message's
course before the bytes are handed out (issue 16; one mechanism, issue 13).

PYTEST_DONT_REWRITE: these tests handle patient data; a failure must never print a CPR.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from console.db import Database
from console.medcom import (
    Attachment,
    PatientRef,
    build_care_communication,
    new_envelope,
    parse_message,
    to_json,
)
from console.models import AccessEvent
from console.services.core.errors import Forbidden, InvalidInput, NotFound, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import AdmissionResult
from console.services.messaging import careplan, inbox, outbox, reads
from console.services.messaging.files import attachment_file, message_file, safe_filename
from console.timeutil import today_local
from tests.factories import DISPATCHER, DOCTOR, NURSE, referral
from tests.medcom.factories import EPISODE, HOSPITAL, MUNICIPALITY, outgoing
from tests.messaging_sim import PartnerSystem, partner_ward

DAY = today_local() - timedelta(days=2)
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def ward(db: Database, tmp_path: Path) -> tuple[Database, AdmissionResult, PartnerSystem]:
    return partner_ward(db, tmp_path, referral(DAY))


def _exports(db: Database) -> list[tuple[int | None, str | None]]:
    with read_only(db) as s:
        return [(a, u) for a, u in s.execute(select(AccessEvent.admission_id, AccessEvent.user)
                                             .where(AccessEvent.purpose == "export"))]


def _receive_photo(db: Database, partner: PartnerSystem,
                   cpr: str = "0101501234") -> reads.MessageRow:
    question = outgoing(sender=MUNICIPALITY, receiver=HOSPITAL, topic="Indstikssted",
                        patient=PatientRef(cpr, "Test Testesen"), episode_of_care_id=EPISODE,
                        attachments=(Attachment("foto.png", "image/png", PHOTO, "Indstikssted"),))
    partner.deliver(to_json(build_care_communication(question, new_envelope())))
    with unit_of_work(db, NURSE) as s:
        [received] = inbox.receive_from_mailbox(s)
    with read_only(db) as s:
        return reads.read_message(s, received.message_id)


def test_a_received_photo_is_listed_and_saved_byte_for_byte_and_the_export_is_logged(
        ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    row = _receive_photo(db, partner)
    [ref] = row.attachments  # MedCom sends a title; the name is the title and the type
    assert (ref.filename, ref.content_type, ref.size) == ("Indstikssted.png", "image/png",
                                                          len(PHOTO))
    assert _exports(db) == []
    with unit_of_work(db, NURSE) as s:
        saved = attachment_file(s, ref.id)
    assert (saved.data, saved.filename, saved.content_type) == (PHOTO, "Indstikssted.png",
                                                                "image/png")
    assert _exports(db) == [(adm.admission_id, NURSE)]


def test_saving_a_sent_message_hands_out_the_bundle_sent_and_logs_it(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    with unit_of_work(db, NURSE) as s:
        message_id = careplan.draft_care_plan(s, adm.admission_id)
    with unit_of_work(db, NURSE) as s:
        with pytest.raises(InvalidInput, match="draft"):
            message_file(s, message_id)  # nothing sent yet: nothing to save
        outbox.send_message(s, message_id)
    [sent] = partner.box.outbox.iterdir()
    with unit_of_work(db, DOCTOR) as s:
        saved = message_file(s, message_id)
    assert saved.data == sent.read_bytes()
    assert (saved.filename, saved.content_type) == (f"message-{message_id}.json",
                                                    "application/fhir+json")
    assert parse_message(saved.data).patient.cpr == "0101501234"  # patient data indeed
    assert _exports(db) == [(adm.admission_id, DOCTOR)]


def test_only_the_ward_s_clinicians_and_admins_may_save_messages(ward) -> None:  # type: ignore[no-untyped-def]
    db, _adm, partner = ward
    row = _receive_photo(db, partner)
    with (pytest.raises(Forbidden, match="may not save a message's attachment"),
          unit_of_work(db, DISPATCHER) as s):
        attachment_file(s, row.attachments[0].id)
    with pytest.raises(NotFound), unit_of_work(db, NURSE) as s:
        attachment_file(s, 99999)
    assert _exports(db) == []


def test_R_MESSAGE_a_file_of_a_message_matched_to_no_course_is_saved_once_matched(
        ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    row = _receive_photo(db, partner, cpr="0202029999")
    assert row.admission_id is None  # waits for a person to match it (R-MESSAGE)
    for save, target in ((attachment_file, row.attachments[0].id), (message_file, row.id)):
        with (pytest.raises(RuleViolation, match="matched to no course: find the patient"),
              unit_of_work(db, NURSE) as s):
            save(s, target)
    assert _exports(db) == []  # no record to log it on: nothing handed out
    with unit_of_work(db, NURSE) as s:
        inbox.match_to_course(s, row.id, adm.admission_id)
    with unit_of_work(db, NURSE) as s:
        assert attachment_file(s, row.attachments[0].id).data == PHOTO
    assert _exports(db) == [(adm.admission_id, NURSE)]


@pytest.mark.parametrize(("received", "saved"), [
    ("scan.png", "scan.png"),
    ("../../.bashrc", "bashrc"),
    ("C:\\Users\\x\\foto 1.jpg", "foto 1.jpg"),
    ("a/b/<script>.pdf", "_script_.pdf"),
    ("..", "attachment-7"),
    ("", "attachment-7"),
])
def test_a_received_file_name_is_saved_as_a_plain_name_in_the_chosen_folder(
        received: str, saved: str) -> None:
    assert safe_filename(received, "attachment-7") == saved


def test_a_reply_s_reference_to_an_earlier_file_is_not_offered_as_a_file_of_its_own(
        ward) -> None:  # type: ignore[no-untyped-def]
    from console.medcom import IncomingCareCommunication
    from console.models import MessageAttachment

    db, adm, partner = ward
    with unit_of_work(db, NURSE) as s:
        plan_id = careplan.draft_care_plan(s, adm.admission_id)
        outbox.send_message(s, plan_id)
    plan = partner.take()[0]
    assert isinstance(plan, IncomingCareCommunication)
    assert plan.attachments  # the plan's PDF
    partner.answer(plan, "Modtaget.", "Plejeforløbsplan")  # refers to the PDF, without it
    with unit_of_work(db, NURSE) as s:
        [received] = inbox.receive_from_mailbox(s)
    with read_only(db) as s:
        assert reads.read_message(s, received.message_id).attachments == ()
        assert len(reads.read_message(s, plan_id).attachments) == 1  # the file is here
        reference = s.scalar(select(MessageAttachment.id).where(
            MessageAttachment.message_id == received.message_id))
    assert reference is not None
    with pytest.raises(InvalidInput, match="earlier message"), unit_of_work(db, NURSE) as s:
        attachment_file(s, reference)
    assert _exports(db) == []


def test_a_message_recorded_without_its_bytes_says_there_is_nothing_to_save(ward) -> None:  # type: ignore[no-untyped-def]
    from console.models import Message
    from console.vocabulary import MessageState

    db, adm, _partner = ward
    with unit_of_work(db, NURSE) as s:
        message_id = careplan.draft_care_plan(s, adm.admission_id)
    with unit_of_work(db, "system") as s:  # as the demo ward records its traffic
        msg = s.get(Message, message_id)
        assert msg is not None
        msg.state = MessageState.ACKNOWLEDGED
    with pytest.raises(InvalidInput, match="without its bytes"), unit_of_work(db, NURSE) as s:
        message_file(s, message_id)
    assert _exports(db) == []


def test_R_MESSAGE_ATTACHMENT_a_new_message_carries_pdf_png_jpeg_or_gif_files_only(
        ward) -> None:  # type: ignore[no-untyped-def]
    from console.medcom import Category
    from console.models import Message
    from console.vocabulary import PartyKind

    db, adm, partner = ward
    draft = outbox.Draft(to=PartyKind.MUNICIPALITY, category=Category.CARE_COORDINATION,
                         text="Medicinlisten er opdateret, se vedhæftet.")
    with (pytest.raises(RuleViolation, match=r"liste\.docx: MedCom messages carry PDF") as refused,
          unit_of_work(db, NURSE) as s):
        outbox.send_new_message(s, adm.admission_id, draft,
                                files=(outbox.NewFile("liste.pdf", b"%PDF-1.4\n"),
                                       outbox.NewFile("liste.docx", b"PK")))
    assert (refused.value.rule_id, refused.value.field) == ("R-MESSAGE-ATTACHMENT", "attachments")
    with read_only(db) as s:
        assert s.scalars(select(Message)).all() == []  # nothing half-saved
    with unit_of_work(db, NURSE) as s:
        message_id = outbox.send_new_message(s, adm.admission_id, draft, files=(
            outbox.NewFile("Liste.PDF", b"%PDF-1.4\n"), outbox.NewFile("foto.jpeg", b"\xff\xd8")))
    with read_only(db) as s:
        types = [a.content_type for a in reads.read_message(s, message_id).attachments]
    assert types == ["application/pdf", "image/jpeg"]
    [sent] = partner.take()
    assert [a.content_type for a in sent.attachments] == types
