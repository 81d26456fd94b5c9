"""Building MedCom FHIR R4B message Bundles with fhir.resources model classes (never templates).

``build_care_communication`` builds a CareCommunication and checks it against ``rules`` before
returning it: a message that would break a MedCom rule raises ``MedComRuleError`` instead.
Resource ids inside the message derive from its content (``segment_id``), so a resend with a
new ``Envelope`` changes only the Bundle id, MessageHeader id, timestamps and the Provenance.
"""

from __future__ import annotations

from collections.abc import Sequence

from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.identifier import Identifier
from fhir.resources.R4B.messageheader import (
    MessageHeader,
    MessageHeaderDestination,
    MessageHeaderResponse,
    MessageHeaderSource,
)
from fhir.resources.R4B.operationoutcome import OperationOutcome, OperationOutcomeIssue
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.provenance import Provenance, ProvenanceAgent, ProvenanceEntity
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource
from pydantic import ValidationError

from console.medcom import codes, content, rules, serialise
from console.medcom.bundleview import BundleView
from console.medcom.codes import AckCode
from console.medcom.content import coding, derived_id, meta, ref
from console.medcom.incoming import (
    IncomingAcknowledgement,
    IncomingCareCommunication,
    IncomingHospitalNotification,
    InvalidMessage,
    ParsedMessage,
)
from console.medcom.narrative import narrative
from console.medcom.types import AckReason, AckSubject, Envelope, OutgoingCareCommunication
from console.medcom.violations import MedComRuleError, fhir_violations
from console.medcom.violations import Violation as _Violation


def entries(base: str, resources: Sequence[Resource]) -> list[BundleEntry]:
    return [BundleEntry(fullUrl=f"{base}/{r.get_resource_type()}/{r.id}", resource=r) for r in resources]


def message_header(envelope: Envelope, event: str, profile: str, sender: Organization,
                   receiver: Organization) -> MessageHeader:
    """A MedCom MessageHeader: primary destination, sender, and ``source.endpoint``.

    ``source.endpoint`` is where the receiver sends its acknowledgement: every MedCom message
    thereby requests one (R-MESSAGE; MedComMessagingMessageHeader.source).
    """
    return MessageHeader(
        id=envelope.header_id, meta=meta(profile),
        text=narrative("MessageHeader", [("Event", event), ("Sender", sender.name),
                                         ("Receiver", receiver.name)]),
        eventCoding=Coding(system=codes.EVENT_SYSTEM, code=event),
        destination=[MessageHeaderDestination(
            extension=[Extension(url=codes.EXT_DESTINATION_USE,
                                 valueCoding=Coding(system=codes.DESTINATION_USE_SYSTEM, code="primary"))],
            endpoint=content.endpoint_of(receiver), receiver=ref(receiver))],
        sender=ref(sender),
        source=MessageHeaderSource(endpoint=content.endpoint_of(sender)),
    )


def build_care_communication(message: OutgoingCareCommunication, envelope: Envelope, *,
                             replied_to: IncomingCareCommunication | None = None) -> Bundle:
    """The CareCommunication Bundle for one send (or resend) of ``message``.

    Raises ``MedComRuleError`` listing every broken rule (R-MESSAGE-*), checked on the Bundle
    itself and on its serialised size. Give ``replied_to`` for a reply: the Bundle must then
    return the episode-of-care id that message carried.
    """
    early = rules.check_parties(message) + rules.check_attachment_budget(message)
    if early:
        raise MedComRuleError(early)
    try:
        parts = content.CareCommunicationParts(message)
        header = message_header(envelope, codes.EVENT_CARE_COMMUNICATION, codes.PROFILE_CC_HEADER,
                                parts.organisation(message.sender), parts.organisation(message.receiver))
        header.focus = [ref(parts.communication)]
        header.definition = codes.CC_DEFINITION
        provenance = care_communication_provenance(message, envelope, parts)
        bundle = Bundle(
            id=envelope.bundle_id, meta=meta(codes.PROFILE_CC_MESSAGE), type="message",
            timestamp=envelope.timestamp,
            entry=entries(codes.FULLURL_BASE_CC, [header, *parts.resources(), provenance]),
        )
    except ValidationError as error:  # a value FHIR cannot carry; reported without the value
        raise MedComRuleError(fhir_violations(error)) from None
    view = BundleView(bundle)
    violations = rules.care_communication_violations(view, outgoing=True)
    if replied_to is not None:
        violations += rules.check_reply_target(message, replied_to)
        violations += rules.check_episode_returned(view, replied_to.episode_of_care_id)
    violations += rules.check_message_size(len(serialise.to_json(bundle)))
    if violations:
        raise MedComRuleError(violations)
    return bundle


def care_communication_provenance(message: OutgoingCareCommunication, envelope: Envelope,
                                  parts: content.CareCommunicationParts) -> Provenance:
    """MedComCareCommunicationProvenance: this message's activity and the segments it adds."""
    entity = [ProvenanceEntity(role="source", what=Reference(identifier=Identifier(value=segment_id)))
              for segment_id in [message.segment_id, *(a.identifier for a in message.attachments)]]
    previous = message.previous_header_id
    if previous:
        entity.append(ProvenanceEntity(role="revision",
                                       what=Reference(reference=f"MessageHeader/{previous}")))
    sender = parts.organisation(message.sender)
    return Provenance(
        id=derived_id(envelope.header_id, "Provenance"), meta=meta(codes.PROFILE_CC_PROVENANCE),
        text=narrative("Provenance", [("Activity", message.activity.value), ("Agent", sender.name),
                                      ("Previous message", previous)]),
        target=[Reference(reference=f"MessageHeader/{envelope.header_id}")],
        occurredDateTime=envelope.timestamp, recorded=envelope.timestamp,
        activity=coding(codes.ACTIVITY_SYSTEM, message.activity.value),
        agent=[ProvenanceAgent(who=ref(sender))], entity=entity,
    )


def build_acknowledgement(subject: AckSubject, code: AckCode, envelope: Envelope,
                          reasons: Sequence[AckReason] = ()) -> Bundle:
    """A MedCom Acknowledgement answering the message ``subject`` describes.

    ``MessageHeader.response.identifier`` is the answered MessageHeader id; a negative code
    (AE, AR) carries an OperationOutcome with the reasons (medcom-acknowledgement-1). The
    Bundle holds the answered message's Provenance (when its activity is known) and its own.
    """
    if code is not AckCode.AA and not reasons:
        reasons = (_DEFAULT_REASON[code],)
    us = content.organization(subject.receiver, envelope.header_id)
    them = content.organization(subject.sender, envelope.header_id)
    header = message_header(envelope, codes.EVENT_ACKNOWLEDGEMENT, codes.PROFILE_ACK_HEADER, us, them)
    header.response = MessageHeaderResponse(identifier=subject.header_id, code=code.response.value)
    resources: list[Resource] = [header, us, them]
    if subject.activity:
        resources.append(Provenance(
            id=derived_id(subject.header_id, "Provenance"), meta=meta(codes.PROFILE_MESSAGING_PROVENANCE),
            text=narrative("Provenance", [("Activity", subject.activity), ("Agent", them.name)]),
            target=[Reference(reference=f"MessageHeader/{subject.header_id}")],
            occurredDateTime=subject.sent_at or envelope.timestamp,
            recorded=subject.sent_at or envelope.timestamp,
            activity=coding(codes.ACTIVITY_SYSTEM, subject.activity), agent=[ProvenanceAgent(who=ref(them))],
        ))
    resources.append(Provenance(
        id=derived_id(envelope.header_id, "Provenance"), meta=meta(codes.PROFILE_MESSAGING_PROVENANCE),
        text=narrative("Provenance", [("Activity", "acknowledgement"), ("Agent", us.name),
                                      ("Acknowledged message", subject.header_id)]),
        target=[Reference(reference=f"MessageHeader/{envelope.header_id}")],
        occurredDateTime=envelope.timestamp, recorded=envelope.timestamp,
        activity=coding(codes.ACTIVITY_SYSTEM, "acknowledgement"), agent=[ProvenanceAgent(who=ref(us))],
        entity=[ProvenanceEntity(role="revision",
                                 what=Reference(reference=f"MessageHeader/{subject.header_id}"))],
    ))
    if reasons:
        outcome = OperationOutcome(
            id=derived_id(envelope.header_id, "OperationOutcome"), meta=meta(codes.PROFILE_ACK_OUTCOME),
            text=narrative("OperationOutcome", [(r.code, r.text) for r in reasons]),
            issue=[OperationOutcomeIssue(
                severity="information" if code is AckCode.AA else "error",
                code="informational" if code is AckCode.AA else _ISSUE_TYPE[code],
                details=CodeableConcept(coding=[Coding(system=r.system, code=r.code)], text=r.text),
            ) for r in reasons],
        )
        header.response.details = ref(outcome)
        resources.append(outcome)
    return Bundle(id=envelope.bundle_id, meta=meta(codes.PROFILE_ACK_MESSAGE), type="message",
                  timestamp=envelope.timestamp, entry=entries(codes.FULLURL_BASE_ACK, resources))


_ISSUE_TYPE = {AckCode.AE: "invalid", AckCode.AR: "transient"}
_DEFAULT_REASON = {
    AckCode.AE: AckReason("MSG_BAD_FORMAT", codes.OPERATION_OUTCOME_SYSTEM,
                          "The message could not be accepted."),
    AckCode.AR: AckReason("MSG_LOCAL_FAIL", codes.OPERATION_OUTCOME_SYSTEM,
                          "The receiver could not process the message; it may be sent again."),
}


def reasons_for(violations: Sequence[_Violation]) -> tuple[AckReason, ...]:
    """Acknowledgement reasons from rule violations (their messages never quote content)."""
    return tuple(AckReason(v.issue_code, v.issue_system, str(v)) for v in violations)


def acknowledge(parsed: ParsedMessage, envelope: Envelope) -> Bundle | None:
    """The acknowledgement a parsed message needs, or None.

    AA for a valid message, the parser's negative code with its reasons for an invalid one;
    None for an acknowledgement (never acknowledged, MedCom rule KR2) and for an invalid message
    whose sender could not be read (nowhere to send it; the e-nurse sees it).
    """
    if isinstance(parsed, IncomingAcknowledgement):
        return None
    if isinstance(parsed, IncomingCareCommunication | IncomingHospitalNotification):
        return build_acknowledgement(parsed.ack_subject, AckCode.AA, envelope)
    if isinstance(parsed, InvalidMessage) and parsed.ack_code is not None and parsed.ack_subject is not None:
        return build_acknowledgement(parsed.ack_subject, parsed.ack_code, envelope,
                                     reasons_for(parsed.violations))
    return None
