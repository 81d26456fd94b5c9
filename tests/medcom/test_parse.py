"""The parser: our committed fixtures, bad input of every kind, and it never raises.

PYTEST_DONT_REWRITE: assertion rewriting is off in this module so a failing comparison shows
only its message, never a patient's CPR.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.medcom import (
    AckCode,
    Category,
    IncomingAcknowledgement,
    IncomingCareCommunication,
    IncomingHospitalNotification,
    InvalidMessage,
    NoticeState,
    NotificationEvent,
    acknowledge,
    detect_format,
    json_to_xml,
    new_envelope,
    notice_state_for,
    parse_message,
    readers,
)
from console.medcom.serialise import Format
from tests.medcom.factories import EPISODE, FIXED_ENVELOPE, FIXTURES, HOSPITAL, MUNICIPALITY, TEST_CPR
from tests.medcom.fixtures import make_fixtures


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_committed_fixtures_are_what_our_builder_makes() -> None:
    made = make_fixtures.fixtures()
    committed = {p.name for p in FIXTURES.iterdir() if p.suffix in (".json", ".xml")}
    assert committed == set(made), "run python -m tests.medcom.fixtures.make_fixtures"
    for name, data in made.items():
        assert fixture(name) == data, f"{name} is stale: run python -m tests.medcom.fixtures.make_fixtures"


@pytest.mark.parametrize("name", ["carecommunication-careplan.json", "carecommunication-careplan.xml"])
def test_care_plan_fixture(name: str) -> None:
    parsed = parse_message(fixture(name))
    assert isinstance(parsed, IncomingCareCommunication)
    assert parsed.envelope == FIXED_ENVELOPE
    assert parsed.patient.cpr == TEST_CPR, "patient CPR"
    assert (parsed.sender, parsed.receiver) == (HOSPITAL, MUNICIPALITY)
    assert parsed.category is Category.CARE_COORDINATION
    assert parsed.topic == "Plejeforløbsplan"
    assert parsed.episode_of_care_id == EPISODE
    assert parsed.sender_team == "eHospital Sjælland"
    assert [a.filename for a in parsed.attachments] == ["Plejeforløbsplan.pdf"]


def test_acknowledgement_fixtures() -> None:
    aa = parse_message(fixture("acknowledgement-aa.json"))
    ae = parse_message(fixture("acknowledgement-ae.xml"))
    assert isinstance(aa, IncomingAcknowledgement)
    assert isinstance(ae, IncomingAcknowledgement)
    assert (aa.code, ae.code) == (AckCode.AA, AckCode.AE)
    assert aa.acknowledged_header_id == ae.acknowledged_header_id == FIXED_ENVELOPE.header_id
    assert ae.reason_code == "MSG_VALUESET_VALUE_UNKNOWN"
    assert ae.reason_text == "R-MESSAGE-CATEGORY: category unknown"


def test_hospital_notification_fixtures() -> None:
    stin = parse_message(fixture("hospitalnotification-stin.json"))
    cancel = parse_message(fixture("hospitalnotification-an-stin.json"))
    assert isinstance(stin, IncomingHospitalNotification)
    assert isinstance(cancel, IncomingHospitalNotification)
    assert (stin.code, cancel.code) == ("STIN", "AN_STIN")
    assert stin.patient.cpr == TEST_CPR, "patient CPR"
    assert stin.episode_of_care_id == cancel.episode_of_care_id == EPISODE
    assert cancel.previous_header_id == stin.envelope.header_id
    assert (notice_state_for(stin), notice_state_for(cancel)) == (NoticeState.RECEIVED, NoticeState.EXPECTED)
    assert stin.event is NotificationEvent.STIN
    ack = acknowledge(stin, new_envelope())
    assert ack is not None
    back = parse_message(ack.model_dump_json().encode())
    assert isinstance(back, IncomingAcknowledgement)
    assert back.code is AckCode.AA
    assert back.acknowledged_header_id == stin.envelope.header_id


def test_invalid_category_is_answered_with_ae_and_keeps_its_header_id() -> None:
    parsed = parse_message(fixture("invalid-category.json"))
    assert isinstance(parsed, InvalidMessage)
    assert parsed.ack_code is AckCode.AE
    assert [v.code for v in parsed.violations] == ["R-MESSAGE-CATEGORY"]
    assert parsed.header_id == FIXED_ENVELOPE.header_id
    assert parsed.ack_subject is not None
    assert parsed.ack_subject.sender == HOSPITAL
    ack = acknowledge(parsed, new_envelope())
    assert ack is not None
    back = parse_message(ack.model_dump_json().encode())
    assert isinstance(back, IncomingAcknowledgement)
    assert back.code is AckCode.AE
    assert back.reason_code == "MSG_VALUESET_VALUE_UNKNOWN"
    assert back.acknowledged_header_id == FIXED_ENVELOPE.header_id


def test_an_invalid_xml_message_still_names_its_header_and_sender() -> None:
    parsed = parse_message(json_to_xml(fixture("invalid-category.json")))
    assert isinstance(parsed, InvalidMessage)
    assert parsed.header_id == FIXED_ENVELOPE.header_id
    assert parsed.bundle_id == FIXED_ENVELOPE.bundle_id
    assert parsed.ack_subject is not None
    assert (parsed.ack_subject.sender, parsed.ack_subject.receiver) == (HOSPITAL, MUNICIPALITY)
    assert parsed.ack_subject.activity == "new-message"


def test_structurally_invalid_fhir_still_yields_its_header_id() -> None:
    parsed = parse_message(fixture("invalid-not-fhir.json"))
    assert isinstance(parsed, InvalidMessage)
    assert parsed.ack_code is AckCode.AE
    assert {v.code for v in parsed.violations} == {"R-MESSAGE-FHIR"}
    assert parsed.header_id == "9d5f7b1e-2a3c-4d0e-9f6a-4b5c6d7e8f9a"
    assert parsed.ack_subject is None, "no sender could be read: nowhere to acknowledge"
    assert acknowledge(parsed, new_envelope()) is None


@pytest.mark.parametrize(("data", "code"), [
    (b"", "R-MESSAGE-SYNTAX"),
    (b"hello", "R-MESSAGE-SYNTAX"),
    (b"{not json", "R-MESSAGE-SYNTAX"),
    (b"<Bundle xmlns='http://hl7.org/fhir'><type value='message'/", "R-MESSAGE-SYNTAX"),
    (b'{"resourceType": "Patient", "id": "x"}', "R-MESSAGE-FHIR"),
    (b'{"resourceType": "Bundle", "type": "message"}', "R-MESSAGE-STRUCTURE"),
], ids=["empty", "text", "broken json", "broken xml", "not a bundle", "no header"])
def test_unreadable_input_becomes_an_invalid_message(data: bytes, code: str) -> None:
    parsed = parse_message(data)
    assert isinstance(parsed, InvalidMessage)
    assert parsed.ack_code is AckCode.AE
    assert code in {v.code for v in parsed.violations}


def test_a_message_type_we_do_not_receive() -> None:
    plan = json.loads(fixture("carecommunication-careplan.json"))
    plan["entry"][0]["resource"]["eventCoding"]["code"] = "empty-message"
    parsed = parse_message(json.dumps(plan).encode())
    assert isinstance(parsed, InvalidMessage)
    assert [v.code for v in parsed.violations] == ["R-MESSAGE-TYPE"]
    assert parsed.violations[0].issue_code == "MSG_RECEIVER_UNABLE_TO_RECEIVE_MSG_TYPE"


def test_an_invalid_acknowledgement_is_never_acknowledged() -> None:
    ack = json.loads(fixture("acknowledgement-aa.json"))
    del ack["entry"][0]["resource"]["response"]["identifier"]
    parsed = parse_message(json.dumps(ack).encode())
    assert isinstance(parsed, InvalidMessage)
    assert parsed.ack_code is None
    assert acknowledge(parsed, new_envelope()) is None


def test_our_own_failure_is_a_transient_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(view: object) -> IncomingCareCommunication:
        raise RuntimeError("database unavailable")

    monkeypatch.setitem(readers.READERS, "care-communication-message", broken)
    parsed = parse_message(fixture("carecommunication-careplan.json"))
    assert isinstance(parsed, InvalidMessage)
    assert parsed.ack_code is AckCode.AR, "our failure: transient-error, the sender may resend"
    assert [v.code for v in parsed.violations] == ["R-MESSAGE-INTERNAL"]
    ack = acknowledge(parsed, new_envelope())
    assert ack is not None
    back = parse_message(ack.model_dump_json().encode())
    assert isinstance(back, IncomingAcknowledgement)
    assert back.code is AckCode.AR


def test_format_detection() -> None:
    assert detect_format(b"\xef\xbb\xbf  {") is Format.JSON
    assert detect_format(b"\n<?xml version='1.0'?><Bundle/>") is Format.XML
    assert detect_format(b"%PDF") is None
    bom = b"\xef\xbb\xbf" + fixture("carecommunication-careplan.json")
    assert isinstance(parse_message(bom), IncomingCareCommunication)


def test_xml_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    data = (f'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<Bundle xmlns="http://hl7.org/fhir"><id value="&x;"/><type value="message"/></Bundle>').encode()
    parsed = parse_message(data)
    assert isinstance(parsed, InvalidMessage)
    assert parsed.bundle_id != "do not read"
    assert "do not read" not in parsed.reason


def test_reasons_never_quote_the_message() -> None:
    plan = json.loads(fixture("carecommunication-careplan.json"))
    patient = next(e["resource"] for e in plan["entry"] if e["resource"]["resourceType"] == "Patient")
    patient["identifier"][0]["system"] = 42
    patient["birthDate"] = TEST_CPR
    parsed = parse_message(json.dumps(plan).encode())
    assert isinstance(parsed, InvalidMessage)
    assert TEST_CPR not in parsed.reason, "a reason must not contain the CPR"
    assert all(TEST_CPR not in str(v) for v in parsed.violations)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    assert isinstance(parse_message(data), InvalidMessage)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_never_raises_on_a_truncated_message(cut: int) -> None:
    data = fixture("carecommunication-careplan.json")
    parsed = parse_message(data[: cut % len(data)])
    assert isinstance(parsed, InvalidMessage)
