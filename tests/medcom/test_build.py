"""Every message the builder produces parses back, satisfies MedCom's rules and round-trips.

PYTEST_DONT_REWRITE: assertion rewriting is off in this module so a failing comparison shows
only its message, never a patient's CPR.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.messageheader import MessageHeader

from console.medcom import (
    AckCode,
    AckReason,
    Attachment,
    Category,
    IncomingAcknowledgement,
    IncomingCareCommunication,
    MessageActivity,
    OutgoingCareCommunication,
    PatientRef,
    Priority,
    build_acknowledgement,
    build_care_communication,
    forward,
    json_to_xml,
    load_bundle,
    new_envelope,
    parse_message,
    reply,
    to_json,
    to_xml,
    xml_to_json,
)
from console.medcom import rules as r
from console.medcom.bundleview import BundleView
from console.medcom.codes import ACK_ERROR_SYSTEM, X_ECPR_SYSTEM
from console.medcom.serialise import canonical_div
from console.medcom.violations import MedComRuleError
from tests.medcom.factories import EPISODE, GP, MUNI_NURSE, NURSE, PNG, WRITTEN, outgoing


def _incoming(message: OutgoingCareCommunication) -> IncomingCareCommunication:
    parsed = parse_message(to_json(build_care_communication(message, new_envelope())))
    assert isinstance(parsed, IncomingCareCommunication), getattr(parsed, "reason", "not parsed")
    return parsed


def _municipal_reply() -> IncomingCareCommunication:
    """What the municipality sends back: "Plejeforløbsplan ok" in reply to the care plan."""
    plan = _incoming(outgoing(episode_of_care_id=EPISODE, sender_team="eHospital"))
    answer = reply(plan, text="Plejeforløbsplan ok", author=MUNI_NURSE, written_at=WRITTEN,
                   topic="Plejeforløbsplan ok")
    return _incoming(answer)


def scenarios() -> dict[str, OutgoingCareCommunication]:
    municipal = _municipal_reply()
    return {
        "care plan": outgoing(),
        "with episode and teams": outgoing(episode_of_care_id=EPISODE, sender_team="eHospital",
                                           recipient_team="Hjemmeplejen Nord"),
        "regarding referral, asap": outgoing(category=Category.REGARDING_REFERRAL, priority=Priority.ASAP,
                                             topic=None, attachments=()),
        "other with topic": outgoing(category=Category.OTHER, topic="Udvidet koordinering", attachments=()),
        "replacement CPR, png": outgoing(patient=PatientRef("0703921VJ6", "Peter Hansen", X_ECPR_SYSTEM),
                                         attachments=(Attachment("sår.png", "image/png", PNG, "sår",
                                                                 identifier="urn:uuid:0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"),)),
        "reply to the municipality": reply(municipal, text="Tak, vi fortsætter som aftalt.", author=NURSE,
                                           written_at=WRITTEN),
        "forward to the GP": forward(municipal, to=GP, text="Til orientering.", author=NURSE,
                                     written_at=WRITTEN),
    }


SCENARIOS = scenarios()


@pytest.fixture(params=list(SCENARIOS), ids=list(SCENARIOS))
def message(request: pytest.FixtureRequest) -> OutgoingCareCommunication:
    return SCENARIOS[request.param]


def test_parses_back_with_fhir_resources(message: OutgoingCareCommunication) -> None:
    bundle = build_care_communication(message, new_envelope())
    again = Bundle.model_validate_json(to_json(bundle))
    assert again.model_dump() == bundle.model_dump()
    header = again.entry[0].resource if again.entry else None
    assert isinstance(header, MessageHeader)


def test_parses_back_with_our_parser_to_the_same_values(message: OutgoingCareCommunication) -> None:
    envelope = new_envelope()
    parsed = parse_message(to_json(build_care_communication(message, envelope)))
    assert isinstance(parsed, IncomingCareCommunication), getattr(parsed, "reason", "")
    assert parsed.envelope == envelope
    assert parsed.sender == message.sender
    assert parsed.receiver == message.receiver
    assert parsed.patient == message.patient, "patient"
    assert parsed.category is message.category
    assert (parsed.topic, parsed.priority) == (message.topic, message.priority)
    assert parsed.text == message.text
    assert (parsed.author, parsed.written_at) == (message.author, message.written_at)
    assert parsed.attachments[len(parsed.attachments) - len(message.attachments):] == message.attachments
    assert parsed.episode_of_care_id == message.episode_of_care_id
    assert parsed.communication_id == message.communication_id
    assert parsed.activity is message.activity
    assert parsed.previous_header_id == message.previous_header_id
    assert (parsed.sender_team, parsed.recipient_team) == (message.sender_team, message.recipient_team)
    assert parsed.segments[: len(message.history)] == message.history
    assert parsed.warnings == ()


def test_satisfies_every_rule(message: OutgoingCareCommunication) -> None:
    view = BundleView(build_care_communication(message, new_envelope()))
    assert r.care_communication_violations(view, outgoing=True) == []
    for check in (r.check_structure, r.check_care_communication_shape, r.check_ack_request, r.check_category,
                  r.check_topic, r.check_priority, r.check_author, r.check_narrative, r.check_message_text,
                  r.check_attachments, r.check_episode_structure):
        assert check(view) == [], check.__name__


def test_round_trips_json_and_xml(message: OutgoingCareCommunication) -> None:
    bundle = build_care_communication(message, new_envelope())
    as_json = to_json(bundle)
    via_xml = xml_to_json(json_to_xml(as_json))
    assert json.loads(via_xml) == json.loads(as_json)
    assert to_xml(load_bundle(via_xml)) == to_xml(bundle)
    assert parse_message(to_xml(bundle)) == parse_message(as_json)


def test_requests_an_acknowledgement(message: OutgoingCareCommunication) -> None:
    bundle = build_care_communication(message, new_envelope())
    header = BundleView(bundle).header
    assert header is not None
    assert header.source is not None
    assert header.source.endpoint == message.sender.endpoint, "acknowledgements go to the sender"
    assert header.destination is not None
    assert header.destination[0].endpoint == message.receiver.endpoint
    assert r.check_ack_request(BundleView(bundle)) == []


def test_narratives_survive_the_xml_round_trip() -> None:
    bundle = build_care_communication(outgoing(), new_envelope())
    back = load_bundle(to_xml(bundle))
    for ours, theirs in zip(bundle.entry or [], back.entry or [], strict=True):
        assert ours.resource is not None
        assert theirs.resource is not None
        text_ours, text_theirs = getattr(ours.resource, "text", None), getattr(theirs.resource, "text", None)
        assert text_ours is not None
        assert text_theirs is not None
        assert text_ours.div == text_theirs.div
        assert canonical_div(text_ours.div) == canonical_div(text_theirs.div)


def test_a_resend_gets_new_ids_and_timestamp_and_keeps_the_content() -> None:
    message = outgoing()
    first = new_envelope()
    second = new_envelope(first)
    a, b = build_care_communication(message, first), build_care_communication(message, second)
    assert a.id != b.id
    assert second.header_id != first.header_id
    assert second.bundle_id != first.bundle_id
    assert b.timestamp is not None
    assert a.timestamp is not None
    assert b.timestamp > a.timestamp
    view_a, view_b = BundleView(a), BundleView(b)
    assert view_a.header is not None
    assert view_b.header is not None
    assert (view_a.header.id, view_b.header.id) == (first.header_id, second.header_id)

    def content(view: BundleView) -> list[dict[str, object]]:
        skip = ("MessageHeader", "Provenance")
        return [res.model_dump() for res in view.entries if res.get_resource_type() not in skip]

    assert content(view_a) == content(view_b)
    parsed_a, parsed_b = parse_message(to_json(a)), parse_message(to_json(b))
    assert isinstance(parsed_a, IncomingCareCommunication)
    assert dataclasses.replace(parsed_a, envelope=second) == parsed_b


def test_new_envelope_is_later_even_when_the_clock_is_not() -> None:
    first = new_envelope(now=WRITTEN)
    second = new_envelope(first, now=WRITTEN)
    assert second.timestamp > first.timestamp
    with pytest.raises(ValueError, match="naive"):
        new_envelope(now=WRITTEN.replace(tzinfo=None))


def test_an_acknowledgement_references_the_header_of_the_message_it_answers() -> None:
    received = _incoming(outgoing())
    category = AckReason("MSG_VALUESET_VALUE_UNKNOWN", ACK_ERROR_SYSTEM,
                         "R-MESSAGE-CATEGORY: unknown category")
    for code, reasons in ((AckCode.AA, ()), (AckCode.AE, (category,)), (AckCode.AR, ())):
        ack = build_acknowledgement(received.ack_subject, code, new_envelope(), reasons)
        view = BundleView(ack)
        assert view.header is not None
        assert view.header.response is not None
        assert view.header.response.identifier == received.envelope.header_id
        assert r.check_structure(view) == []
        assert r.check_narrative(view) == []
        assert r.check_ack_request(view) == []
        parsed = parse_message(to_xml(ack))
        assert isinstance(parsed, IncomingAcknowledgement), getattr(parsed, "reason", "")
        assert parsed.code is code
        assert parsed.acknowledged_header_id == received.envelope.header_id
        assert parsed.sender == received.receiver
        assert parsed.receiver == received.sender
        if code is AckCode.AE:
            assert (parsed.reason_code, parsed.reason_text) == ("MSG_VALUESET_VALUE_UNKNOWN",
                                                                "R-MESSAGE-CATEGORY: unknown category")
        elif code is AckCode.AR:
            assert parsed.reason_code == "MSG_LOCAL_FAIL", "a negative acknowledgement always says why"
        assert json.loads(json_to_xml(to_json(ack)) and xml_to_json(to_xml(ack))) == json.loads(to_json(ack))


def test_a_reply_returns_the_episode_of_care_id_it_received() -> None:
    received = _municipal_reply()
    assert received.episode_of_care_id == EPISODE, "the municipality returned our episode-of-care id"
    answer = reply(received, text="Modtaget.", author=NURSE, written_at=WRITTEN)
    assert answer.episode_of_care_id == EPISODE
    assert answer.communication_id == received.communication_id, "a reply stays in the thread"
    assert answer.activity is MessageActivity.REPLY
    assert answer.in_reply_to == received.envelope.header_id
    bundle = build_care_communication(answer, new_envelope(), replied_to=received)
    parsed = parse_message(to_json(bundle))
    assert isinstance(parsed, IncomingCareCommunication)
    assert parsed.episode_of_care_id == EPISODE
    assert parsed.previous_header_id == received.envelope.header_id
    assert parsed.recipient_team == received.sender_team


def test_a_reply_carries_earlier_texts_but_not_earlier_attachment_content() -> None:
    plan = _incoming(outgoing())
    answer = reply(plan, text="Plejeforløbsplan ok", author=MUNI_NURSE, written_at=WRITTEN)
    old_attachments = [s.attachment for s in answer.history if s.attachment is not None]
    assert old_attachments
    assert all(a.data == b"" for a in old_attachments)
    parsed = _incoming(answer)
    assert [s.text for s in parsed.segments if s.text] == [plan.text, "Plejeforløbsplan ok"]
    assert parsed.attachments[0].identifier == plan.attachments[0].identifier


def test_a_forward_is_a_new_thread_with_the_attachments() -> None:
    plan = _incoming(outgoing())
    sent_on = forward(plan, to=GP, text="Til orientering.", author=NURSE, written_at=WRITTEN)
    assert sent_on.communication_id != plan.communication_id
    assert sent_on.activity is MessageActivity.FORWARD
    parsed = _incoming(sent_on)
    assert parsed.attachments[0].data == plan.attachments[0].data


def test_the_builder_refuses_a_reply_that_drops_the_episode_of_care_id() -> None:
    received = _municipal_reply()
    answer = dataclasses.replace(reply(received, text="Ok", author=NURSE, written_at=WRITTEN),
                                 episode_of_care_id=None)
    with pytest.raises(MedComRuleError) as error:
        build_care_communication(answer, new_envelope(), replied_to=received)
    assert error.value.codes == ("R-MESSAGE-EPISODE",)


def test_the_builder_refuses_a_reply_to_another_message() -> None:
    received = _municipal_reply()
    answer = dataclasses.replace(reply(received, text="Ok", author=NURSE, written_at=WRITTEN),
                                 in_reply_to="0f0f0f0f-0000-4000-8000-000000000000")
    with pytest.raises(MedComRuleError) as error:
        build_care_communication(answer, new_envelope(), replied_to=received)
    assert error.value.codes == ("R-MESSAGE-STRUCTURE",)


def test_naive_times_and_two_predecessors_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        outgoing(written_at=WRITTEN.replace(tzinfo=None))
    with pytest.raises(ValueError, match="not both"):
        outgoing(in_reply_to="a", forward_of="b")
