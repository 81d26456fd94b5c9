"""One test per MedCom rule: the builder refuses it, the check finds it, the parser rejects it.

Each test fails when its rule is removed from ``console/medcom/rules.py``.


PYTEST_DONT_REWRITE: assertion rewriting is off in this module so a failing comparison shows
only its message, never a patient's CPR.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.patient import Patient

from console.medcom import (
    AckCode,
    Attachment,
    Author,
    Category,
    IncomingCareCommunication,
    InvalidMessage,
    OutgoingCareCommunication,
    Priority,
    build_care_communication,
    new_envelope,
    parse_message,
    to_json,
)
from console.medcom import rules as r
from console.medcom.bundleview import BundleView
from console.medcom.codes import EXT_CONTACT, EXT_PRACTITIONER, MAX_MESSAGE_BYTES
from console.medcom.violations import MedComRuleError
from tests.medcom.factories import EPISODE, PDF, TEST_CPR, outgoing


def refused(message: OutgoingCareCommunication) -> tuple[str, ...]:
    with pytest.raises(MedComRuleError) as error:
        build_care_communication(message, new_envelope())
    return error.value.codes


def built(message: OutgoingCareCommunication | None = None) -> tuple[Bundle, BundleView]:
    bundle = build_care_communication(message or outgoing(), new_envelope())
    return bundle, BundleView(bundle)


def communication(view: BundleView) -> Communication:
    found = r.communication_of(view)
    assert found is not None
    return found


def rejected(bundle: Bundle) -> InvalidMessage:
    parsed = parse_message(to_json(bundle))
    assert isinstance(parsed, InvalidMessage), "the parser accepted a message that breaks a rule"
    assert parsed.ack_code is AckCode.AE, "a content error is answered with AE (fatal-error)"
    assert parsed.header_id == BundleView(bundle).header.id  # type: ignore[union-attr]
    return parsed


def codes_of(found: list[r.Violation]) -> set[str]:
    return {v.code for v in found}


def test_category_from_the_national_list() -> None:
    bundle, view = built()
    comm = communication(view)
    comm.category[0].coding[0].code = "not-a-category"  # type: ignore[index]
    assert codes_of(r.check_category(view)) == {"R-MESSAGE-CATEGORY"}
    assert "R-MESSAGE-CATEGORY" in {v.code for v in rejected(bundle).violations}
    comm.category = [CodeableConcept(text="no coding")]
    assert codes_of(r.check_category(view)) == {"R-MESSAGE-CATEGORY"}
    assert set(Category) == set(r.Category)
    assert len(Category) == 18


def test_topic_required_when_the_category_is_other() -> None:
    assert "R-MESSAGE-TOPIC" in refused(outgoing(category=Category.OTHER, topic=None))
    assert "R-MESSAGE-TOPIC" in refused(outgoing(category=Category.OTHER, topic="  "))
    bundle, view = built(outgoing(category=Category.OTHER, topic="Udvidet koordinering"))
    assert r.check_topic(view) == []
    communication(view).topic = None
    assert codes_of(r.check_topic(view)) == {"R-MESSAGE-TOPIC"}
    assert {v.code for v in rejected(bundle).violations} == {"R-MESSAGE-TOPIC"}


def test_priority_only_with_regarding_referral() -> None:
    assert refused(outgoing(priority=Priority.ASAP)) == ("R-MESSAGE-PRIORITY",)
    bundle, view = built(outgoing(category=Category.REGARDING_REFERRAL, priority=Priority.ROUTINE))
    assert r.check_priority(view) == []
    communication(view).category = [CodeableConcept.model_validate(
        {"coding": [{"system": r.codes.CATEGORY_SYSTEM, "code": "nursing"}]})]
    assert codes_of(r.check_priority(view)) == {"R-MESSAGE-PRIORITY"}
    assert {v.code for v in rejected(bundle).violations} == {"R-MESSAGE-PRIORITY"}


@pytest.mark.parametrize("author", [
    Author("Anne Hansen", "Sygeplejerske", ""),
    Author("Anne Hansen", "Sygeplejerske", "ring til afdelingen"),
    Author("Hansen", "Sygeplejerske", "70204200"),
    Author("Anne Hansen", "", "70204200"),
], ids=["no phone", "phone not a number", "no given name", "no role"])
def test_author_name_role_and_phone(author: Author) -> None:
    assert "R-MESSAGE-AUTHOR" in refused(outgoing(author=author))


def test_author_checked_on_the_bundle_and_on_receipt() -> None:
    bundle, view = built()
    payload = communication(view).payload[0]  # type: ignore[index]
    payload.extension = [e for e in payload.extension or [] if e.url != EXT_CONTACT]
    assert codes_of(r.check_author(view)) == {"R-MESSAGE-AUTHOR"}
    payload.extension = [e for e in payload.extension or [] if e.url != EXT_PRACTITIONER]
    assert len(r.check_author(view)) == 2
    assert {v.code for v in rejected(bundle).violations} == {"R-MESSAGE-AUTHOR"}


def test_narrative_on_every_resource() -> None:
    bundle, view = built()
    patient = view.one(Patient)
    assert patient is not None
    patient.text = None
    assert codes_of(r.check_narrative(view)) == {"R-MESSAGE-NARRATIVE"}
    parsed = parse_message(to_json(bundle))
    assert isinstance(parsed, IncomingCareCommunication), "a missing narrative is a warning on receipt"
    assert {v.code for v in parsed.warnings} == {"R-MESSAGE-NARRATIVE"}


def test_message_text_present() -> None:
    assert "R-MESSAGE-TEXT" in refused(outgoing(text="   "))
    bundle, view = built()
    comm = communication(view)
    comm.payload = [p for p in comm.payload or [] if p.contentString is None]
    assert codes_of(r.check_message_text(view)) == {"R-MESSAGE-TEXT"}
    assert "R-MESSAGE-TEXT" in {v.code for v in rejected(bundle).violations}


def _attachment(**changes: object) -> Attachment:
    base = {"filename": "a.pdf", "content_type": "application/pdf", "data": PDF, "title": "Plan"}
    return Attachment(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("attachment", [
    _attachment(content_type="application/zip"),
    _attachment(content_type="image/tiff"),
    _attachment(title=""),
    _attachment(data=b""),
], ids=["zip", "tiff not sent by the console", "no title", "no content"])
def test_attachment_pdf_png_jpeg_gif_with_title_and_content(attachment: Attachment) -> None:
    assert refused(outgoing(attachments=(attachment,))) == ("R-MESSAGE-ATTACHMENT",)


def test_attachment_types_on_receipt_follow_medcoms_list() -> None:
    bundle, view = built()
    attachment = communication(view).payload[1].contentAttachment  # type: ignore[index]
    assert attachment is not None
    attachment.contentType = "image/tiff"
    assert codes_of(r.check_attachments(view)) == {"R-MESSAGE-ATTACHMENT"}
    assert r.check_attachments(view, r.codes.MEDCOM_MIME_TYPES) == []
    assert isinstance(parse_message(to_json(bundle)), IncomingCareCommunication), "receivers take every type"
    attachment.contentType = "application/zip"
    assert {v.code for v in rejected(bundle).violations} == {"R-MESSAGE-ATTACHMENT"}


def test_fifty_megabytes_per_message() -> None:
    assert r.check_message_size(MAX_MESSAGE_BYTES) == []
    assert codes_of(r.check_message_size(MAX_MESSAGE_BYTES + 1)) == {"R-MESSAGE-SIZE"}
    big = _attachment(data=b"\0" * (MAX_MESSAGE_BYTES // 4 * 3 + 1))
    assert refused(outgoing(attachments=(big,))) == ("R-MESSAGE-SIZE",)
    halves = (_attachment(data=b"\0" * (MAX_MESSAGE_BYTES // 8 * 3 + 3)),) * 2
    assert codes_of(r.check_attachment_budget(outgoing(attachments=halves))) == {"R-MESSAGE-SIZE"}


def test_episode_of_care_identifier_where_an_encounter_is() -> None:
    bundle, view = built(outgoing(episode_of_care_id=EPISODE))
    assert r.episode_of(view) == EPISODE
    encounter = view.one(Encounter)
    assert encounter is not None
    encounter.episodeOfCare = None
    assert codes_of(r.check_episode_structure(view)) == {"R-MESSAGE-EPISODE"}
    assert {v.code for v in rejected(bundle).violations} == {"R-MESSAGE-EPISODE"}
    communication(view).encounter = None
    assert codes_of(r.check_episode_structure(view)) == {"R-MESSAGE-EPISODE"}


def test_episode_of_care_identifier_returned_in_a_reply() -> None:
    _, with_episode = built(outgoing(episode_of_care_id=EPISODE))
    _, without = built()
    assert r.check_episode_returned(with_episode, EPISODE) == []
    assert r.check_episode_returned(without, None) == []
    assert codes_of(r.check_episode_returned(without, EPISODE)) == {"R-MESSAGE-EPISODE"}


def test_every_message_requests_an_acknowledgement() -> None:
    bundle, view = built()
    header = view.header
    assert header is not None
    assert header.source is not None
    assert header.destination
    header.destination[0].extension = None
    assert codes_of(r.check_ack_request(view)) == {"R-MESSAGE-ACK-REQUEST"}
    assert {v.code for v in rejected(bundle).violations} == {"R-MESSAGE-ACK-REQUEST"}
    object.__setattr__(header, "source", None)  # FHIR requires it; bypass the model's validation
    assert len(r.check_ack_request(view)) == 2


Mutation = Callable[[BundleView], None]


def _two_patients(view: BundleView) -> None:
    patient = view.one(Patient)
    assert patient is not None
    assert view.bundle.entry
    view.bundle.entry.append(view.bundle.entry[1].model_copy(update={"fullUrl": "urn:uuid:other"}))


def test_one_patient_and_the_header_first() -> None:
    bundle, view = built()
    _two_patients(view)
    assert "R-MESSAGE-PATIENT" in codes_of(r.check_care_communication_shape(BundleView(bundle)))
    assert "R-MESSAGE-PATIENT" in {v.code for v in rejected(bundle).violations}
    bundle, view = built()
    assert bundle.entry
    bundle.entry.reverse()
    assert codes_of(r.check_structure(BundleView(bundle))) == {"R-MESSAGE-STRUCTURE"}
    parsed = parse_message(to_json(bundle))
    assert isinstance(parsed, InvalidMessage)
    assert parsed.header_id is not None


def test_parties_and_patient_identified_before_building() -> None:
    from console.medcom import Organisation, PatientRef

    assert refused(outgoing(patient=PatientRef("", "Bruno Test Elmer"))) == ("R-MESSAGE-PATIENT",)
    assert refused(outgoing(patient=PatientRef(TEST_CPR, " "))) == ("R-MESSAGE-PATIENT",)
    assert refused(outgoing(receiver=Organisation("", None, "Nowhere"))) == ("R-MESSAGE-STRUCTURE",)


def test_a_value_fhir_cannot_carry_is_reported_without_the_value() -> None:
    odd = "application/pdf  x"  # a FHIR code has single spaces only
    with pytest.raises(MedComRuleError) as error:
        build_care_communication(outgoing(attachments=(_attachment(content_type=odd),)), new_envelope())
    assert set(error.value.codes) == {"R-MESSAGE-FHIR"}
    assert odd not in str(error.value)
    assert TEST_CPR not in str(error.value)
