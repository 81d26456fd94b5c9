"""The MedCom flow of a course, end to end on the mailbox transport with a simulated municipal
system and GP (issue 16): R-CAREPLAN, R-ACCEPT, R-MESSAGE, R-EPIKRISE.

PYTEST_DONT_REWRITE: these tests handle patient data; a failure must never print a CPR.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from console.db import Database
from console.medcom import (
    AckCode,
    Category,
    IncomingCareCommunication,
    PatientRef,
    Priority,
    build_care_communication,
    json_to_xml,
    new_envelope,
    parse_message,
    to_json,
)
from console.models import Admission, DischargeOutcome, PartyKind
from console.services.core.errors import RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import AdmissionResult
from console.services.course.course import change_regimen, discharge
from console.services.messaging import agreement, careplan, inbox, outbox, reads
from console.timeutil import now_utc, today_local
from tests.factories import DOCTOR, NURSE, referral
from tests.medcom.factories import EPISODE, HOSPITAL, MUNICIPALITY, outgoing
from tests.messaging_sim import PartnerSystem, partner_ward, set_setting

DAY = today_local() - timedelta(days=2)  # a course under way: changes apply from now


@pytest.fixture
def ward(db: Database, tmp_path: Path) -> tuple[Database, AdmissionResult, PartnerSystem]:
    return partner_ward(db, tmp_path, referral(
        DAY, planned_end=(DAY + timedelta(days=13)).isoformat(), **{"regimen.0.days": 14}))


def _only_care_communication(partner: PartnerSystem) -> IncomingCareCommunication:
    sent = partner.take()
    assert len(sent) == 1, sent
    assert isinstance(sent[0], IncomingCareCommunication), sent
    return sent[0]


def _receive(db: Database) -> list[inbox.ImportResult]:
    with unit_of_work(db, NURSE) as s:
        return inbox.receive_from_mailbox(s)


def _send_care_plan(db: Database, admission_id: int) -> int:
    with unit_of_work(db, NURSE) as s:
        message_id = careplan.draft_care_plan(s, admission_id)
    with unit_of_work(db, NURSE) as s:
        outbox.send_message(s, message_id)
    return message_id


def test_R_ACCEPT_municipal_doses_await_acceptance_until_care_plan_ok(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    with read_only(db) as s:
        assert agreement.read_agreement(s, adm.admission_id).awaiting_acceptance
        assert agreement.awaiting_acceptance(s, [adm.admission_id]) == {adm.admission_id}
    message_id = _send_care_plan(db, adm.admission_id)
    plan = _only_care_communication(partner)
    assert plan.topic == "Plejeforløbsplan"
    assert plan.category.value == "carecoordination"
    assert "Piperacillin/Tazobactam" in plan.text
    assert "70 20 42 00" in plan.text
    partner.acknowledge(plan)
    results = _receive(db)
    assert [r.acknowledged_message_id for r in results] == [message_id]
    with read_only(db) as s:
        assert reads.read_message(s, message_id).state == "acknowledged"
        assert agreement.read_agreement(s, adm.admission_id).awaiting_acceptance  # AA is no "ok"
    partner.answer(plan, "Vi har modtaget planen og overtager doserne.", "Plejeforløbsplan ok")
    [result] = _receive(db)
    assert result.care_plan_agreed
    assert result.admission_id == adm.admission_id
    assert result.ack_code == "AA"
    [our_ack] = partner.take()  # the console acknowledged the reply
    assert our_ack.code is AckCode.AA  # type: ignore[union-attr]
    with read_only(db) as s:
        row = agreement.read_agreement(s, adm.admission_id)
        assert not row.awaiting_acceptance
        assert row.accepted_via == "message"
        assert row.care_plan_agreed_at is not None
        assert agreement.awaiting_acceptance(s, [adm.admission_id]) == frozenset()
        ok = reads.read_message(s, result.message_id)
    assert ok.topic == "Plejeforløbsplan ok"
    assert not ok.needs_attention  # the municipality's "ok" needs no answer


def test_R_ACCEPT_acceptance_by_phone_records_who_and_when(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, _partner = ward
    with pytest.raises(RuleViolation, match="who"), unit_of_work(db, NURSE) as s:
        agreement.record_acceptance(s, adm.admission_id, accepted_by=" ")
    with unit_of_work(db, NURSE) as s:
        row = agreement.record_acceptance(s, adm.admission_id, accepted_by="Birgit Berg, Sorø")
    assert (row.awaiting_acceptance, row.accepted_via, row.accepted_by) == (
        False, "phone", "Birgit Berg, Sorø")


def test_R_CAREPLAN_regimen_change_drafts_a_dated_update(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    _send_care_plan(db, adm.admission_id)
    partner.take()
    with read_only(db) as s:
        found = s.get(Admission, adm.admission_id)
        assert found is not None
        reg_id = found.regimens[0].id
    with unit_of_work(db, DOCTOR) as s:
        change_regimen(s, reg_id, effective_from=now_utc() + timedelta(hours=1),
                       end_date=DAY + timedelta(days=18))
    with read_only(db) as s:
        drafts = list(reads.list_messages(s, admission_id=adm.admission_id, state="drafted"))
    assert [m.purpose for m in drafts] == ["care_plan_update"]
    assert drafts[0].text is not None
    assert drafts[0].text.startswith("Opdateret ")
    assert (DAY + timedelta(days=18)).isoformat() in drafts[0].text


def test_R_EPIKRISE_discharge_needs_the_epikrise_or_a_reason(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    with pytest.raises(RuleViolation) as refused, unit_of_work(db, DOCTOR) as s:
        discharge(s, adm.admission_id, outcome=DischargeOutcome.COMPLETED, epikrise_sent=False,
                  municipality_informed=True)
    assert refused.value.rule_id == "R-EPIKRISE"
    with unit_of_work(db, DOCTOR) as s:
        epikrise = careplan.draft_epikrise(s, adm.admission_id, text="Pneumoni behandlet.")
    with unit_of_work(db, DOCTOR) as s:
        outbox.send_message(s, epikrise)
    [sent] = partner.take()
    assert isinstance(sent, IncomingCareCommunication)
    assert sent.receiver.sor == "325421000016001"
    with unit_of_work(db, DOCTOR) as s:
        result = discharge(s, adm.admission_id, outcome=DischargeOutcome.COMPLETED,
                           epikrise_sent=False, municipality_informed=True)
    assert result.responsibility == "ehospital"  # sent, not yet acknowledged by the GP
    with read_only(db) as s:
        drafts = reads.list_messages(s, admission_id=adm.admission_id, state="drafted")
    assert [m.purpose for m in drafts] == ["discharge_report"]
    partner.acknowledge(sent)
    _receive(db)
    with read_only(db) as s:
        row = agreement.read_agreement(s, adm.admission_id)
    assert (row.responsibility, row.responsibility_reason) == ("gp", "epikrise acknowledged by the GP")


def test_R_EPIKRISE_reason_keeps_responsibility_with_the_ehospital(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, _partner = ward
    with unit_of_work(db, DOCTOR) as s:
        result = discharge(s, adm.admission_id, outcome=DischargeOutcome.READMITTED,
                           epikrise_sent=False, municipality_informed=True,
                           epikrise_missing_reason="Readmitted to Holbæk; the ward writes it")
    assert result.responsibility == "ehospital"
    assert "Holbæk" in result.responsibility_reason


def test_R_MESSAGE_lost_acknowledgement_turns_overdue_and_resend_gets_new_ids(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    message_id = _send_care_plan(db, adm.admission_id)
    first = _only_care_communication(partner)  # the acknowledgement gets lost
    with read_only(db) as s:
        assert not reads.read_message(s, message_id).overdue
    set_setting(db, "medcom_ack_timeout_minutes", "0")
    with read_only(db) as s:
        assert [r.id for r in reads.list_messages(s, state="overdue")] == [message_id]
    with unit_of_work(db, NURSE) as s:
        outbox.resend_message(s, message_id)
    second = _only_care_communication(partner)
    assert second.envelope.bundle_id != first.envelope.bundle_id
    assert second.envelope.header_id != first.envelope.header_id
    assert second.envelope.timestamp > first.envelope.timestamp
    assert (second.communication_id, second.text) == (first.communication_id, first.text)
    partner.acknowledge(second)
    _receive(db)
    with read_only(db) as s:
        row = reads.read_message(s, message_id)
    assert (row.state, row.sends, row.overdue) == ("acknowledged", 2, False)


def test_R_MESSAGE_duplicate_is_acknowledged_again_and_never_shown_twice(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    _send_care_plan(db, adm.admission_id)
    plan = _only_care_communication(partner)
    data = partner.answer(plan, "Hvornår kommer MBE?", "Plejeforløbsplan")
    partner.deliver(data)  # the gateway delivers it twice
    first, again = _receive(db)
    assert (first.duplicate, again.duplicate) == (False, True)
    assert first.message_id == again.message_id
    acks = partner.take()
    assert [a.code for a in acks] == [AckCode.AA, AckCode.AA]  # type: ignore[union-attr]
    with read_only(db) as s:
        received = [m for m in reads.list_messages(s, admission_id=adm.admission_id)
                    if m.direction == "in"]
    assert len(received) == 1
    assert received[0].duplicates == 1
    assert received[0].needs_attention  # a question, not yet answered


def test_R_MESSAGE_two_desks_answer_one_message_once(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    _send_care_plan(db, adm.admission_id)
    plan = _only_care_communication(partner)
    partner.answer(plan, "Skal PICC-linen skylles dagligt?", "Plejeforløbsplan")
    [question] = _receive(db)
    with unit_of_work(db, NURSE) as s:
        answer = outbox.draft_reply(s, question.message_id, text="Ja, med 10 ml NaCl.")
    with pytest.raises(RuleViolation, match=f"answered by {NURSE}"), unit_of_work(db, DOCTOR) as s:
        outbox.draft_reply(s, question.message_id, text="Ja.")
    with unit_of_work(db, NURSE) as s:
        outbox.send_message(s, answer)
    sent = [m for m in partner.take() if isinstance(m, IncomingCareCommunication)]
    assert len(sent) == 1
    assert sent[0].previous_header_id is not None
    assert sent[0].communication_id == plan.communication_id


def test_R_MESSAGE_invalid_message_is_answered_negatively_and_kept(ward) -> None:  # type: ignore[no-untyped-def]
    db, _adm, partner = ward
    partner.deliver(b'{"resourceType": "Bundle", "type": "message"}')
    [result] = _receive(db)
    assert result.kind == "invalid"
    assert result.problem
    with read_only(db) as s:
        shown = reads.list_messages(s)
    assert [m.kind for m in shown] == ["invalid"]


def _draft(db: Database, admission_id: int, **changes: object) -> int:
    values: dict[str, object] = {"to": PartyKind.MUNICIPALITY, "category": Category.NURSING,
                                 "text": "Husk blodprøve i morgen."}
    values.update(changes)
    with unit_of_work(db, NURSE) as s:
        return outbox.draft_message(s, admission_id, outbox.Draft(**values))  # type: ignore[arg-type]


def test_R_MESSAGE_topic_is_required_when_the_category_is_other(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, _partner = ward
    with pytest.raises(RuleViolation) as refused:
        _draft(db, adm.admission_id, category=Category.OTHER)
    assert (refused.value.rule_id, refused.value.field) == ("R-MESSAGE-TOPIC", "topic")
    assert _draft(db, adm.admission_id, category=Category.OTHER, topic="Nøgleboks")


def test_R_MESSAGE_priority_only_with_regarding_referral(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    with pytest.raises(RuleViolation) as refused:
        _draft(db, adm.admission_id, priority=Priority.ASAP)
    assert (refused.value.rule_id, refused.value.field) == ("R-MESSAGE-PRIORITY", "priority")
    message_id = _draft(db, adm.admission_id, category=Category.REGARDING_REFERRAL,
                        priority=Priority.ASAP)
    with unit_of_work(db, NURSE) as s:
        outbox.send_message(s, message_id)
    assert _only_care_communication(partner).priority is Priority.ASAP


def test_R_MESSAGE_author_contact_and_narrative_come_with_every_message(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    message_id = _draft(db, adm.admission_id)
    with unit_of_work(db, NURSE) as s:
        outbox.send_message(s, message_id)
    [path] = list(partner.box.outbox.iterdir())
    bundle = json.loads(path.read_bytes())
    assert all(e["resource"].get("text", {}).get("div") for e in bundle["entry"])
    sent = parse_message(path.read_bytes())
    assert isinstance(sent, IncomingCareCommunication)
    assert sent.author is not None
    assert (sent.author.name, sent.author.role, sent.author.phone) == (
        "Nina Sygeplejerske", "Sygeplejerske", "70204200")
    assert parse_message(json_to_xml(path.read_bytes())) == sent  # JSON ⇄ XML round trip


def test_R_MESSAGE_episode_of_care_id_received_is_returned_in_the_reply(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    question = outgoing(sender=MUNICIPALITY, receiver=HOSPITAL, attachments=(),
                        patient=PatientRef("0101501234", "Test Testesen"),
                        episode_of_care_id=EPISODE, topic="Spørgsmål")
    partner.deliver(to_json(build_care_communication(question, new_envelope())))
    [received] = _receive(db)
    assert received.admission_id == adm.admission_id
    partner.take()  # our AA
    with unit_of_work(db, NURSE) as s:
        answer = outbox.draft_reply(s, received.message_id, text="Svar følger.")
    with unit_of_work(db, NURSE) as s:
        outbox.send_message(s, answer)
    sent = _only_care_communication(partner)
    assert sent.episode_of_care_id == EPISODE
    assert sent.communication_id == question.communication_id


def test_R_ACCEPT_census_row_says_awaiting_until_accepted_then_care_plan_open(ward) -> None:  # type: ignore[no-untyped-def]
    from console.services.course.census import load_census

    db, adm, _partner = ward
    with read_only(db) as s:
        [row] = load_census(s, DAY + timedelta(days=1)).rows
    assert row.municipality_state == "awaiting"
    with unit_of_work(db, NURSE) as s:
        agreement.record_acceptance(s, adm.admission_id, accepted_by="Birgit Berg")
    with read_only(db) as s:
        [row] = load_census(s, DAY + timedelta(days=1)).rows
    assert row.municipality_state == "care_plan"  # accepted by phone; no "Plejeforløbsplan ok"


def test_R_MESSAGE_care_plan_travels_with_a_pdf_carrying_the_cpr_on_every_page(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    _send_care_plan(db, adm.admission_id)
    plan = _only_care_communication(partner)
    [pdf] = plan.attachments
    assert pdf.content_type == "application/pdf"
    assert pdf.data.startswith(b"%PDF-1.4")
    pages = pdf.data.split(b"/Type /Page ")[1:]
    streams = re.findall(rb"stream\n(.*?)\nendstream", pdf.data, re.S)
    assert len(streams) == len(pages) >= 1
    assert all(b"CPR 010150-1234" in stream for stream in streams)


def test_plan_pdf_puts_name_and_cpr_on_every_page_of_a_long_plan() -> None:
    from console.services.messaging.plan_pdf import LINES_PER_PAGE, care_plan_pdf

    data = care_plan_pdf("\n".join(f"Linje {n} æøå" for n in range(3 * LINES_PER_PAGE)),
                         name="Test Testesen", cpr="010150-1234")
    streams = re.findall(rb"stream\n(.*?)\nendstream", data, re.S)
    assert len(streams) == 3
    assert all(b"Test Testesen   CPR 010150-1234" in s for s in streams)
    assert b"side 3 af 3" in streams[2]
    assert "æøå".encode("cp1252") in streams[0]  # Danish letters in WinAnsi
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[xref:xref + 4] == b"xref"  # the cross-reference table is where the trailer says


def test_R_MESSAGE_forward_to_the_gp_starts_a_new_thread_carrying_the_earlier_text(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    _send_care_plan(db, adm.admission_id)
    plan = _only_care_communication(partner)
    partner.answer(plan, "Skal egen læge kende til den nye dosis?", "Plejeforløbsplan")
    [question] = _receive(db)
    partner.take()  # our AA
    with unit_of_work(db, NURSE) as s:
        forward_id = outbox.draft_forward(s, question.message_id, to=PartyKind.GP,
                                          text="Til orientering.")
    with unit_of_work(db, NURSE) as s:
        outbox.send_message(s, forward_id)
    sent = _only_care_communication(partner)
    assert sent.activity.value == "forward-message"
    assert sent.receiver.sor == "325421000016001"  # the GP
    assert sent.communication_id != plan.communication_id  # a forward is a new thread
    assert any(seg.text == "Skal egen læge kende til den nye dosis?" for seg in sent.segments)


def test_R_CAREPLAN_an_unmatched_ok_counts_once_the_e_nurse_matches_it_to_the_course(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, partner = ward
    ok = outgoing(sender=MUNICIPALITY, receiver=HOSPITAL, attachments=(),
                  patient=PatientRef("0101509999", "Test Testesen"),  # a mistyped CPR
                  topic="Plejeforløbsplan ok", text="Modtaget.")
    partner.deliver(to_json(build_care_communication(ok, new_envelope())))
    [received] = _receive(db)
    assert received.admission_id is None
    assert not received.care_plan_agreed
    with read_only(db) as s:
        assert reads.read_message(s, received.message_id).needs_attention  # unmatched
    with unit_of_work(db, NURSE) as s:
        inbox.match_to_course(s, received.message_id, adm.admission_id)
    with read_only(db) as s:
        row = agreement.read_agreement(s, adm.admission_id)
        assert not reads.read_message(s, received.message_id).needs_attention
    assert row.care_plan_agreed_at is not None
    assert not row.awaiting_acceptance
    with pytest.raises(RuleViolation, match="already on course"), unit_of_work(db, NURSE) as s:
        inbox.match_to_course(s, received.message_id, adm.admission_id)


def test_R_MESSAGE_a_message_matched_to_no_course_is_answered_only_once_matched(ward) -> None:  # type: ignore[no-untyped-def]
    from console.services.escalations.from_message import escalate_message
    from console.services.messaging.matching import patient_named_in
    from console.vocabulary import EscalationCategory, Severity

    db, adm, partner = ward
    question = outgoing(sender=MUNICIPALITY, receiver=HOSPITAL, attachments=(),
                        patient=PatientRef("0202029999", "Anden Patient"), topic="Feber")
    partner.deliver(to_json(build_care_communication(question, new_envelope())))
    [received] = _receive(db)
    assert received.admission_id is None
    with read_only(db) as s:  # what the nurse matches it by, the CPR masked
        named = patient_named_in(s, received.message_id)
    assert (named.name, named.cpr_masked) == ("Anden Patient", "020202-XXXX")
    with (pytest.raises(RuleViolation, match="matched to no course: find the patient first"),
          unit_of_work(db, NURSE) as s):
        escalate_message(s, received.message_id, category=EscalationCategory.OTHER,
                         severity=Severity.TODAY)
    with (pytest.raises(RuleViolation, match="matched to no course: find the patient first"),
          unit_of_work(db, NURSE) as s):
        outbox.send_reply(s, received.message_id, text="Hvem drejer det sig om?")
    with (pytest.raises(RuleViolation, match="matched to no course: find the patient first"),
          unit_of_work(db, NURSE) as s):
        outbox.send_forward(s, received.message_id, to=PartyKind.GP, text="Til orientering.")
    with unit_of_work(db, NURSE) as s:
        inbox.match_to_course(s, received.message_id, adm.admission_id)
    with unit_of_work(db, NURSE) as s:
        row = escalate_message(s, received.message_id, category=EscalationCategory.OTHER,
                               severity=Severity.TODAY)
    assert row.admission_id == adm.admission_id
    with unit_of_work(db, NURSE) as s:
        reply_id = outbox.send_reply(s, received.message_id, text="Vi ringer.")
    with read_only(db) as s:
        assert reads.read_message(s, reply_id).admission_id == adm.admission_id


def test_R_ACCEPT_a_refusal_needs_its_reason_and_an_acceptance_later_lifts_it(ward) -> None:  # type: ignore[no-untyped-def]
    db, adm, _partner = ward
    with pytest.raises(RuleViolation, match="Say why"), unit_of_work(db, NURSE) as s:
        agreement.record_refusal(s, adm.admission_id, reason="  ")
    with unit_of_work(db, NURSE) as s:
        refused = agreement.record_refusal(s, adm.admission_id, reason="Ingen nattevagt")
    assert (refused.refused_reason, refused.awaiting_acceptance) == ("Ingen nattevagt", True)
    with unit_of_work(db, NURSE) as s:
        accepted = agreement.record_acceptance(s, adm.admission_id, accepted_by="Birgit Berg")
    assert (accepted.refused_reason, accepted.awaiting_acceptance) == (None, False)
