"""From a validated message Bundle to the console's incoming values, one reader per kind.

Each reader first runs the kind's rules; a broken rule raises ``Rejected`` with the violations,
which ``parse`` turns into an ``InvalidMessage``. Nothing here logs or prints message content.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fhir.resources.R4B.careteam import CareTeam
from fhir.resources.R4B.communication import CommunicationPayload
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from fhir.resources.R4B.provenance import Provenance
from fhir.resources.R4B.reference import Reference

from console.medcom import codes, rules
from console.medcom import violations as v
from console.medcom.bundleview import BundleView, extension, reference_id
from console.medcom.codes import AckCode, Category, MessageActivity, NotificationEvent, Priority, ResponseCode
from console.medcom.incoming import (
    IncomingAcknowledgement,
    IncomingCareCommunication,
    IncomingHospitalNotification,
    IncomingMessage,
)
from console.medcom.roles import role_text
from console.medcom.types import (
    Attachment,
    Author,
    Envelope,
    EpisodeOfCareId,
    MessageSegment,
    Organisation,
    PatientRef,
)
from console.medcom.violations import Violation, violation


class Rejected(Exception):
    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(str(x) for x in violations))
        self.violations = violations


def _reject_if(found: list[Violation]) -> None:
    if found:
        raise Rejected(found)


def envelope_of(view: BundleView) -> Envelope:
    header = view.header
    assert header is not None
    assert header.id
    assert view.bundle.id
    assert view.bundle.timestamp is not None
    return Envelope(str(view.bundle.id), str(header.id), view.bundle.timestamp)


def organisation(org: Organization | None) -> Organisation:
    assert org is not None
    idents = {i.system: str(i.value) for i in org.identifier or [] if i.system and i.value}
    sor = idents[codes.SOR_SYSTEM]
    return Organisation(sor, idents.get(codes.EAN_SYSTEM) or idents.get(codes.EAN_SYSTEM_OID), org.name or "")


def parties(view: BundleView) -> tuple[Organisation, Organisation]:
    header = view.header
    assert header is not None
    assert header.destination
    return (organisation(view.resolve(header.sender, Organization)),
            organisation(view.resolve(header.destination[0].receiver, Organization)))


def full_name(resource: Patient | Practitioner | None) -> str:
    names = resource.name if resource is not None else None
    if not names:
        return ""
    name = next((n for n in names if n.use == "official"), names[0])
    return " ".join([*(str(g) for g in name.given or []), *([str(name.family)] if name.family else [])])


_ID_PREFERENCE = (codes.CPR_SYSTEM, codes.X_ECPR_SYSTEM, codes.D_ECPR_SYSTEM)


def patient_ref(patient: Patient) -> PatientRef | None:
    """CPR first; a replacement CPR (X-eCPR, then D-eCPR incl. regional variants) otherwise."""
    idents = [(str(i.system), str(i.value)) for i in patient.identifier or [] if i.system and i.value]
    for wanted in _ID_PREFERENCE:
        for system, value in idents:
            if system == wanted or (wanted == codes.D_ECPR_SYSTEM and system.startswith(wanted + ".")):
                return PatientRef(value, full_name(patient), system)
    return None


def _aware(value: object) -> datetime | None:
    return value if isinstance(value, datetime) and value.tzinfo is not None else None


def previous_header(provenance: Provenance | None) -> str | None:
    for entity in provenance.entity or [] if provenance is not None else []:
        if entity.role in ("revision", "removal"):
            if entity.what.reference:
                return reference_id(entity.what)
            if entity.what.identifier is not None and entity.what.identifier.value:
                return str(entity.what.identifier.value)
    return None


def activity_of(provenance: Provenance | None) -> str | None:
    concept = provenance.activity if provenance is not None else None
    codings = concept.coding or [] if concept is not None else []
    return str(codings[0].code) if codings and codings[0].code else None


# --- CareCommunication ----------------------------------------------------------------------------

def read_care_communication(view: BundleView) -> IncomingCareCommunication:
    _reject_if(rules.care_communication_violations(view, outgoing=False))
    header = view.header
    communication = rules.communication_of(view)
    assert header is not None
    assert communication is not None
    provenance = view.provenance_for(str(header.id))
    activity_code = activity_of(provenance)
    if activity_code not in set(MessageActivity):
        raise Rejected([violation(v.STRUCTURE, "no Provenance with a CareCommunication activity",
                                  where="Provenance", medcom="medcom-careCommunication-3")])
    patient = view.resolve(communication.subject, Patient)
    assert patient is not None
    ref = patient_ref(patient)
    if ref is None:
        raise Rejected([violation(v.PATIENT, "the patient has no CPR or replacement CPR",
                                  where="Patient.identifier", medcom="MedComCorePatient.identifier")])
    envelope = envelope_of(view)
    sender, receiver = parties(view)
    segments = tuple(_segment(view, p, envelope.timestamp) for p in communication.payload or [])
    own = rules.segments_added(view)
    texts = [s for s in segments if s.text is not None]
    current = next((s for s in reversed(texts) if s.identifier in own), texts[-1])
    category = rules.category_code(communication)
    sender_ext = extension(communication.extension, codes.EXT_SENDER)
    return IncomingCareCommunication(
        envelope=envelope, sender=sender, receiver=receiver, patient=ref,
        category=Category(str(category)), topic=communication.topic.text if communication.topic else None,
        priority=Priority(communication.priority) if communication.priority else None,
        text=current.text or "", author=current.author, written_at=current.sent,
        attachments=tuple(s.attachment for s in segments if s.attachment is not None),
        segments=segments, episode_of_care_id=rules.episode_of(view),
        communication_id=str(communication.identifier[0].value) if communication.identifier else "",
        activity=MessageActivity(activity_code), previous_header_id=previous_header(provenance),
        sender_team=_team_name(view, sender_ext.valueReference if sender_ext is not None else None),
        recipient_team=_team_name(view, communication.recipient[0] if communication.recipient else None),
        warnings=tuple(rules.check_narrative(view)),
    )


def _team_name(view: BundleView, ref: Reference | None) -> str | None:
    team = view.resolve(ref, CareTeam)
    if team is not None:
        return team.name
    role = view.resolve(ref, PractitionerRole)
    if role is not None:
        return full_name(view.resolve(role.practitioner, Practitioner)) or None
    return None


def _segment(view: BundleView, payload: CommunicationPayload, fallback: datetime) -> MessageSegment:
    ident = extension(payload.extension, codes.EXT_IDENTIFIER)
    identifier = ident.valueIdentifier if ident is not None else None
    assigner_org = view.resolve(identifier.assigner, Organization) if identifier is not None else None
    assigner = (organisation(assigner_org) if rules.sor_of(assigner_org) else Organisation("", None, ""))
    sent_ext = extension(payload.extension, codes.EXT_DATETIME)
    sent = _aware(sent_ext.valueDateTime if sent_ext is not None else None) or fallback
    author_ext = extension(payload.extension, codes.EXT_PRACTITIONER)
    role = view.resolve(author_ext.valueReference, PractitionerRole) if author_ext is not None else None
    contact = extension(payload.extension, codes.EXT_CONTACT)
    phone = contact.valueContactPoint.value if contact is not None and contact.valueContactPoint else None
    author = None
    if role is not None:
        concept = role.code[0] if role.code else None
        coded = next((c.code for c in concept.coding or [] if c.code), None) if concept is not None else None
        role_name = role_text(str(coded)) if coded else (concept.text if concept is not None else "") or ""
        author = Author(full_name(view.resolve(role.practitioner, Practitioner)), role_name, str(phone or ""))
    seg_id = str(identifier.value) if identifier is not None and identifier.value else ""
    a = payload.contentAttachment
    if a is not None:
        title = a.title or ""
        content_type = str(a.contentType or "")
        attachment = Attachment(Attachment.filename_for(title, content_type), content_type,
                                bytes(a.data or b""), title, _aware(a.creation), seg_id)
        return MessageSegment(seg_id, assigner, sent, author, attachment=attachment)
    return MessageSegment(seg_id, assigner, sent, author, text=payload.contentString)


# --- Acknowledgement ------------------------------------------------------------------------------

def read_acknowledgement(view: BundleView) -> IncomingAcknowledgement:
    found = rules.check_structure(view)
    header = view.header
    response = header.response if header is not None else None
    if response is None or not response.identifier or response.code not in set(ResponseCode):
        found.append(violation(v.STRUCTURE, "an acknowledgement needs response.identifier and code",
                               where="MessageHeader.response",
                               medcom="MedComAcknowledgementMessageHeader.response"))
    _reject_if(found)
    assert response is not None
    outcome = view.resolve(response.details, OperationOutcome) or view.one(OperationOutcome)
    code = AckCode.from_response(str(response.code))
    if code is not AckCode.AA and outcome is None:
        raise Rejected([violation(v.STRUCTURE, "a negative acknowledgement needs an OperationOutcome",
                                  where="Bundle.entry", medcom="medcom-acknowledgement-1")])
    reason_text, reason_code = _reason(outcome)
    sender, receiver = parties(view)
    return IncomingAcknowledgement(
        envelope=envelope_of(view), sender=sender, receiver=receiver, code=code,
        acknowledged_header_id=str(response.identifier), reason_text=reason_text, reason_code=reason_code,
        warnings=tuple(rules.check_narrative(view)),
    )


def _reason(outcome: OperationOutcome | None) -> tuple[str | None, str | None]:
    if outcome is None or not outcome.issue:
        return None, None
    issue = outcome.issue[0]
    details = issue.details
    coded = next((c for c in details.coding or [] if c.code), None) if details is not None else None
    text = (details.text if details is not None else None) or issue.diagnostics or (
        (coded.display or coded.code) if coded is not None else None)
    return (str(text) if text else None), (str(coded.code) if coded is not None else None)


# --- HospitalNotification -------------------------------------------------------------------------

def read_hospital_notification(view: BundleView) -> IncomingHospitalNotification:
    found = rules.check_structure(view) + rules.check_ack_request(view)
    header = view.header
    assert header is not None
    encounter = view.resolve(header.focus[0], Encounter) if header.focus else None
    patients = view.all(Patient)
    identifiers = patients[0].identifier or [] if patients else []
    cprs = [i for i in identifiers if i.system == codes.CPR_SYSTEM and i.value]
    if len(patients) != 1 or not cprs:
        found.append(violation(v.PATIENT, "exactly one Patient with a CPR number is required",
                               where="Patient", medcom="medcom-hospitalNotification-2, -4"))
    if encounter is None or encounter.period is None or encounter.period.start is None:
        found.append(violation(v.STRUCTURE, "the focus must be an Encounter with a start",
                               where="MessageHeader.focus",
                               medcom="MedComHospitalNotificationEncounter.period.start"))
    provenance = view.provenance_for(str(header.id))
    activity = activity_of(provenance) or ""
    base = activity.removeprefix("revise-").removeprefix("cancel-")
    if base not in codes.NOTIFICATION_ACTIVITIES:
        found.append(violation(v.TYPE, "no HospitalNotification activity for this message",
                               where="Provenance.activity", medcom="medcom-hospitalNotification-3"))
    _reject_if(found)
    assert encounter is not None
    assert encounter.period is not None
    patient = patients[0]
    ref = patient_ref(patient)
    assert ref is not None
    cancellation = activity.startswith("cancel-") or encounter.status == "entered-in-error"
    deceased = patient.deceasedBoolean is True or patient.deceasedDateTime is not None
    event = NotificationEvent.MORS if deceased and not cancellation else codes.NOTIFICATION_ACTIVITIES[base]
    sender, receiver = parties(view)
    return IncomingHospitalNotification(
        envelope=envelope_of(view), sender=sender, receiver=receiver, patient=ref, event=event,
        activity=activity, correction=activity.startswith("revise-"), cancellation=cancellation,
        episode_of_care_id=_hospital_episode(encounter), encounter_status=str(encounter.status),
        period_start=_aware(encounter.period.start), period_end=_aware(encounter.period.end),
        previous_header_id=previous_header(provenance), warnings=tuple(rules.check_narrative(view)),
    )


def _hospital_episode(encounter: Encounter) -> EpisodeOfCareId | None:
    """The hospital's own episode-of-care id (a SOR-URL system) before an LPR3 one."""
    found = [EpisodeOfCareId(str(e.identifier.value), str(e.identifier.system))
             for e in encounter.episodeOfCare or [] if e.identifier is not None and e.identifier.value]
    found.sort(key=lambda ep: not ep.system.startswith(codes.SOR_ENDPOINT_PREFIX))
    return found[0] if found else None


READERS: dict[str, Callable[[BundleView], IncomingMessage]] = {
    codes.EVENT_CARE_COMMUNICATION: read_care_communication,
    codes.EVENT_ACKNOWLEDGEMENT: read_acknowledgement,
    codes.EVENT_HOSPITAL_NOTIFICATION: read_hospital_notification,
}
