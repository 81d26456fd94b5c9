"""MedCom's own example messages (read from ../shared/data/medcom) parse to what they describe.

PYTEST_DONT_REWRITE: assertion rewriting is off in this module so a failing comparison shows
only its message, never a patient's CPR.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from console.medcom import (
    AckCode,
    Category,
    IncomingAcknowledgement,
    IncomingCareCommunication,
    IncomingHospitalNotification,
    InvalidMessage,
    MessageActivity,
    NoticeState,
    NotificationEvent,
    acknowledge,
    new_envelope,
    notice_state_for,
    parse_message,
)
from console.medcom.codes import CPR_SYSTEM, X_ECPR_SYSTEM
from tests.medcom.factories import TEST_CPR, require_shared, shared_examples

CC = "carecommunication/send"
ACK = "acknowledgement"
HN = "hospitalnotification"

# file-name prefix -> (sender SOR, receiver SOR, category, topic, episode-of-care id, activity)
CARE_COMMUNICATIONS = {
    "Bundle-S-A-new": ("441211000016000", "330461000016004", Category.ACUTE_AMBULANT, "Kritisk tilstand",
                       None, MessageActivity.NEW),
    "Bundle-S-B-new": ("330461000016004", "1017421000016003", Category.REGARDING_REFERRAL, None,
                       None, MessageActivity.NEW),
    "Bundle-S-C-new": ("328081000016004", "1017421000016003", Category.EXAMINATION_RESULTS,
                       "Resultater fra hjemmesygeplejen", None, MessageActivity.NEW),
    "Bundle-S-D-new": ("330461000016004", "1017421000016003", Category.DECEASE, "Afgået ved døden",
                       None, MessageActivity.NEW),
    "Bundle-S-E-forward": ("1382601000016006", "1017421000016003", Category.DECEASE, "Afgået ved døden",
                           None, MessageActivity.FORWARD),
    "Bundle-S-Tek-A-new-episodeOfCare": ("1385391000016002", "1017421000016003", Category.EXAMINATION_RESULTS,
                                         "Resultater fra hjemmesygeplejen",
                                         "urn:uuid:d3779c52-1fc9-4d96-93dc-693a4faab338",
                                         MessageActivity.NEW),
    "Bundle-S-Tek-B-new-episodeOfCare": ("328081000016004", "1017421000016003", Category.EXAMINATION_RESULTS,
                                         "Resultater fra hjemmesygeplejen",
                                         "urn:uuid:39e3e169-9ece-4ba4-bd24-2e0fbeebc333",
                                         MessageActivity.NEW),
    "Bundle-S-Tek-C-new": ("265161000016000", "382871000016004", Category.EXAMINATION_RESULTS,
                           "Forespørgsel på seneste resultater", None, MessageActivity.REPLY),
    "Bundle-S-Tek-CPR": ("325371000016006", "325251000016005", Category.EXAMINATION_RESULTS, None,
                         None, MessageActivity.NEW),
}
REPLACEMENT_CPR = "0703921VJ6"  # MedCom's replacement-CPR test example (X-eCPR)

# file -> (code, acknowledged MessageHeader id = MessageHeader.response.identifier)
ACKNOWLEDGEMENTS = {
    "Binary-Ack-AA_A.json": (AckCode.AA, "42cb9200-f421-4d08-8391-7d51a2503cb4"),
    "Binary-Ack-AE_C.json": (AckCode.AE, "5b89a5d0-707a-4b42-8597-ef694e399006"),
    "Binary-Ack-AR_B.json": (AckCode.AR, "42cb9200-f421-4d08-8391-7d51a2503cb4"),
}


def _expected_cc(path: Path) -> tuple[str, str, Category, str | None, str | None, MessageActivity]:
    matches = [key for key in CARE_COMMUNICATIONS if path.name.startswith(key + "-")]
    assert len(matches) == 1, f"no expectation for {path.name}"
    return CARE_COMMUNICATIONS[matches[0]]


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def _params(folder: str) -> list[Path | None]:
    return list(shared_examples(folder)) or [None]


@pytest.mark.parametrize("path", _params(CC), ids=lambda p: p.name if p else "absent")
def test_every_care_communication_example_parses_to_what_it_says(path: Path | None) -> None:
    require_shared(CC)
    assert path is not None
    sender, receiver, category, topic, episode, activity = _expected_cc(path)
    parsed = parse_message(path.read_bytes())
    assert isinstance(parsed, IncomingCareCommunication), f"{path.name} did not parse as a CareCommunication"
    if path.name.startswith("Bundle-S-Tek-CPR"):
        assert parsed.patient.cpr == REPLACEMENT_CPR, "replacement CPR"
        assert parsed.patient.identifier_system == X_ECPR_SYSTEM, "replacement CPR system"
        assert not parsed.patient.is_official_cpr
    else:
        assert parsed.patient.cpr == TEST_CPR, "patient CPR"
        assert parsed.patient.identifier_system == CPR_SYSTEM
    assert parsed.sender.sor == sender, "sender SOR"
    assert parsed.receiver.sor == receiver, "receiver SOR"
    assert parsed.category is category, "category"
    assert parsed.topic == topic, "topic"
    episode_id = parsed.episode_of_care_id.value if parsed.episode_of_care_id else None
    assert episode_id == episode, "episode of care"
    assert parsed.activity is activity, "activity"
    assert parsed.text.strip(), "message text"
    assert parsed.author is not None, "author"
    assert parsed.author.name
    assert parsed.author.role
    assert parsed.author.phone
    assert parsed.communication_id.startswith("urn:uuid:")


def test_care_communication_examples_cover_xml_and_json() -> None:
    require_shared(CC)
    paths = shared_examples(CC)
    assert {p.suffix for p in paths} == {".json", ".xml"}
    assert len(paths) == len(CARE_COMMUNICATIONS)


def test_reply_forward_and_attachment_details_of_the_examples() -> None:
    where = require_shared(CC)
    by_prefix = {key: parse_message(next(where.glob(key + "-*")).read_bytes()) for key in CARE_COMMUNICATIONS}
    reply = by_prefix["Bundle-S-Tek-C-new"]
    forward = by_prefix["Bundle-S-E-forward"]
    referral = by_prefix["Bundle-S-B-new"]
    calendar = by_prefix["Bundle-S-D-new"]
    assert isinstance(reply, IncomingCareCommunication)
    assert reply.previous_header_id == "0ebb6284-eb20-45eb-8113-6620d2d08608"
    assert len(reply.segments) == 2
    assert reply.segments[1].text == reply.text
    assert isinstance(forward, IncomingCareCommunication)
    assert forward.previous_header_id == "42fa2844-5020-45dd-bd5f-77137ba5ca1f"
    assert isinstance(referral, IncomingCareCommunication)
    assert referral.priority is not None
    assert referral.priority.value == "asap"
    assert [(a.title, a.content_type) for a in referral.attachments] == [("madpyramiden", "image/png")]
    assert isinstance(calendar, IncomingCareCommunication)
    (pdf,) = calendar.attachments
    assert pdf.content_type == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert pdf.filename == "Kalenderoversigt.pdf"


@pytest.mark.parametrize("path", _params(ACK), ids=lambda p: p.name if p else "absent")
def test_every_acknowledgement_example_parses_with_code_and_header_id(path: Path | None) -> None:
    require_shared(ACK)
    assert path is not None
    code, header_id = ACKNOWLEDGEMENTS[path.name]
    parsed = parse_message(path.read_bytes())
    assert isinstance(parsed, IncomingAcknowledgement), f"{path.name} did not parse as an acknowledgement"
    assert parsed.code is code
    assert parsed.acknowledged_header_id == header_id
    if code is AckCode.AA:
        assert parsed.reason_code is None
    else:
        assert parsed.reason_code == "message-development-error"
    assert acknowledge(parsed, new_envelope()) is None, "an acknowledgement is never acknowledged"


def _event_of(name: str) -> tuple[str | None, NotificationEvent | None]:
    """What an example's file name says: (AN_|RE_|None, event); TEK_ cases say STIN/STAA/SLHJ."""
    stem = name.removeprefix("HospitalNotification_Ex_").removesuffix(".json")
    prefix = stem[:3] if stem[:3] in ("AN_", "RE_") else None
    stem = stem.removeprefix("AN_").removeprefix("RE_").removeprefix("TEK_")
    head = stem.split("_")[0].split("-")[0]
    return prefix, NotificationEvent(head) if head in set(NotificationEvent) else None


@pytest.mark.parametrize("path", _params(HN), ids=lambda p: p.name if p else "absent")
def test_every_hospital_notification_example_sets_the_notice_it_describes(path: Path | None) -> None:
    require_shared(HN)
    assert path is not None
    parsed = parse_message(path.read_bytes())
    if path.name == "HospitalNotification_Ex_TEK_FCC.json":
        assert isinstance(parsed, InvalidMessage), "TEK_FCC is deliberately invalid"
        assert parsed.ack_code is AckCode.AE
        assert parsed.header_id == "c4888e5e-ec5c-4b16-a875-7b287e63e214"
        assert parsed.ack_subject is not None, "the sender of an invalid message is still known"
        ack = acknowledge(parsed, new_envelope())
        assert ack is not None
        back = parse_message(ack.model_dump_json().encode())
        assert isinstance(back, IncomingAcknowledgement)
        assert back.code is AckCode.AE
        assert back.acknowledged_header_id == parsed.header_id
        return
    assert isinstance(parsed, IncomingHospitalNotification), f"{path.name} did not parse"
    assert parsed.patient.cpr in (TEST_CPR, "2103009996"), "patient CPR"
    assert parsed.episode_of_care_id is not None
    assert parsed.period_start is not None
    prefix, event = _event_of(path.name)
    if event is not None:
        assert parsed.event is event, f"{path.name}: event"
    assert parsed.cancellation is (prefix == "AN_"), "cancellation"
    assert parsed.correction is (prefix == "RE_"), "correction"
    expected = NoticeState.EXPECTED if prefix == "AN_" and parsed.event in (
        NotificationEvent.STIN, NotificationEvent.STAA) else NoticeState.RECEIVED
    assert notice_state_for(parsed) is expected


def test_duplicate_example_has_the_header_id_of_its_original() -> None:
    where = require_shared(HN)
    original = parse_message((where / "HospitalNotification_Ex_TEK_STIN_A.json").read_bytes())
    duplicate = parse_message((where / "HospitalNotification_Ex_TEK_DUB.json").read_bytes())
    assert isinstance(original, IncomingHospitalNotification)
    assert isinstance(duplicate, IncomingHospitalNotification)
    assert duplicate.envelope.header_id == original.envelope.header_id
    assert duplicate.envelope.bundle_id != original.envelope.bundle_id
    seen = {original.envelope.header_id}
    assert duplicate.envelope.header_id in seen, "the console recognises the duplicate by its header id"


def test_hospital_notification_examples_cover_every_event() -> None:
    require_shared(HN)
    events = set()
    for path in shared_examples(HN):
        parsed = parse_message(path.read_bytes())
        if isinstance(parsed, IncomingHospitalNotification):
            events.add(parsed.code)
    assert {"STIN", "STAA", "STOR", "SLOR", "SLHJ", "MORS", "RE_STIN", "AN_STIN"} <= events


def test_an_absent_shared_folder_skips_with_a_plain_reason(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    from tests.medcom import factories

    monkeypatch.setattr(factories, "SHARED_MEDCOM", tmp_path / "absent")
    assert factories.shared_examples(CC) == []
    with pytest.raises(pytest.skip.Exception, match="shared folder is absent"):
        factories.require_shared(CC)
