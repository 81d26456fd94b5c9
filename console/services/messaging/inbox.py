"""Receiving MedCom messages (R-MESSAGE): store, match, apply, acknowledge; never drop.

Every received file is stored byte for byte with what the console read from it, then
- an **Acknowledgement** is matched to the envelope it answers (by MessageHeader id) and sets
  that message acknowledged (AA) or rejected (AE/AR, with the receiver's reason);
- a **CareCommunication** is matched to a course by CPR (and to the message it replies to); the
  municipality's "Plejeforløbsplan ok" sets the care plan as agreed and the course as accepted
  (R-CAREPLAN, R-ACCEPT);
- a **HospitalNotification** sets the course's notice state;
- an **invalid** message is stored with its problem, answered with the negative
  acknowledgement it deserves and shown to the e-nurse;
- a **duplicate** (a MessageHeader id already received) is acknowledged again and counted on
  the stored message, never stored or shown twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.medcom import (
    AckCode,
    IncomingAcknowledgement,
    IncomingCareCommunication,
    IncomingHospitalNotification,
    InvalidMessage,
    ParsedMessage,
    PatientRef,
    Transport,
    acknowledge,
    detect_format,
    message_filename,
    new_envelope,
    notice_state_for,
    parse_message,
    to_json,
)
from console.models import Admission, Message, MessageAttachment, MessageEnvelope, Patient, encode_bytes
from console.services.core.access import require_role
from console.services.core.errors import NotFound, RuleViolation
from console.services.core.uow import check_version, get_existing
from console.services.messaging.agreement import MESSAGE_ROLES, accept_by_message, agreement_for_update
from console.services.messaging.outbox import mailbox
from console.services.messaging.parties import party_by_sor
from console.services.messaging.reads import is_care_plan_ok
from console.timeutil import now_utc
from console.vocabulary import AdmissionStatus, MessageDirection, MessageKind, MessageState, NoticeState


@dataclass(frozen=True, slots=True)
class ImportResult:
    message_id: int
    kind: str
    admission_id: int | None  # the course it was matched to; None: unmatched
    duplicate: bool
    acknowledged_message_id: int | None  # an acknowledgement: the message it answered
    ack_code: str | None  # an acknowledgement's code, or the one the console answered with
    care_plan_agreed: bool
    notice_state: str | None
    problem: str | None


def receive_from_mailbox(session: Session, transport: Transport | None = None
                         ) -> list[ImportResult]:
    """Import every waiting inbox file, oldest first; each is moved to ``processed/``."""
    require_role(session, MESSAGE_ROLES, "receive messages")
    box = transport or mailbox(session)
    results = []
    for waiting in box.receive():
        results.append(import_message(session, waiting.data, transport=box))
        box.mark_processed(waiting.name)
    return results


def import_message(session: Session, data: bytes, *, transport: Transport | None = None
                   ) -> ImportResult:
    """Store and apply one received message; acknowledge it through ``transport``."""
    require_role(session, MESSAGE_ROLES, "receive messages")
    parsed = parse_message(data)
    header_id = parsed.header_id if isinstance(parsed, InvalidMessage) else parsed.envelope.header_id
    if header_id:
        earlier = session.scalar(select(MessageEnvelope).join(Message).where(
            MessageEnvelope.header_id == header_id, Message.direction == MessageDirection.IN))
        if earlier is not None:
            return _duplicate(session, earlier.message, parsed, transport)
    msg = _store(session, data, parsed, header_id)
    result = _apply(session, msg, parsed)
    code = _acknowledge(session, msg, parsed, transport)
    return result if code is None else _with_ack(result, code)


def _with_ack(result: ImportResult, code: str) -> ImportResult:
    import dataclasses

    return dataclasses.replace(result, ack_code=result.ack_code or code)


def _duplicate(session: Session, msg: Message, parsed: ParsedMessage,
               transport: Transport | None) -> ImportResult:
    msg.duplicates += 1
    code = _acknowledge(session, msg, parsed, transport)
    session.flush()
    return ImportResult(msg.id, msg.kind.value, msg.admission_id, True, None, code, False, None,
                        msg.problem)


def _kind(parsed: ParsedMessage) -> MessageKind:
    if isinstance(parsed, IncomingCareCommunication):
        return MessageKind.CARE_COMMUNICATION
    if isinstance(parsed, IncomingHospitalNotification):
        return MessageKind.HOSPITAL_NOTIFICATION
    if isinstance(parsed, IncomingAcknowledgement):
        return MessageKind.ACKNOWLEDGEMENT
    return MessageKind.INVALID


def _store(session: Session, data: bytes, parsed: ParsedMessage, header_id: str | None) -> Message:
    fmt = detect_format(data)
    now = now_utc()
    msg = Message(direction=MessageDirection.IN, kind=_kind(parsed), state=MessageState.RECEIVED,
                  created_at=now, raw=encode_bytes(data), raw_format=fmt.value if fmt else None, duplicates=0)
    if isinstance(parsed, InvalidMessage):
        msg.problem = parsed.reason
        sender = parsed.ack_subject.sender if parsed.ack_subject else None
    else:
        sender = parsed.sender
        msg.sent_at = parsed.envelope.timestamp
    if sender is not None:
        msg.party_sor, msg.party_name = sender.sor, sender.name
        msg.party = party_by_sor(session, sender.sor)
    if isinstance(parsed, IncomingCareCommunication):
        msg.category, msg.topic, msg.text = parsed.category.value, parsed.topic, parsed.text
        msg.priority = parsed.priority.value if parsed.priority else None
        msg.author_name = parsed.author.name if parsed.author else None
        msg.communication_id = parsed.communication_id
        for a in parsed.attachments:  # kept as received (the raw message holds them too)
            msg.attachments.append(MessageAttachment(
                identifier=a.identifier, title=a.title, filename=a.filename,
                content_type=a.content_type, data=encode_bytes(a.data), size=len(a.data),
                created_at=a.created or now))
        if parsed.episode_of_care_id is not None:
            msg.episode_of_care_id = parsed.episode_of_care_id.value
            msg.episode_of_care_system = parsed.episode_of_care_id.system
    session.add(msg)
    if header_id:
        bundle_id = parsed.bundle_id if isinstance(parsed, InvalidMessage) else parsed.envelope.bundle_id
        session.add(MessageEnvelope(message=msg, bundle_id=bundle_id or "", header_id=header_id,
                                    at=now))
    session.flush()
    return msg


def _course_for(session: Session, patient: PatientRef) -> Admission | None:
    """The course a message concerns: the patient's active admission, else the latest one."""
    digits = patient.cpr.replace("-", "")
    if len(digits) != 10 or not patient.is_official_cpr:
        return None
    cpr = f"{digits[:6]}-{digits[6:]}"
    return session.scalars(select(Admission).join(Patient).where(Patient.cpr == cpr).order_by(
        (Admission.status == AdmissionStatus.DISCHARGED), Admission.id.desc())).first()


def _sent_message(session: Session, header_id: str | None) -> Message | None:
    if not header_id:
        return None
    return session.scalar(select(Message).join(MessageEnvelope).where(
        MessageEnvelope.header_id == header_id, Message.direction == MessageDirection.OUT))


def _apply(session: Session, msg: Message, parsed: ParsedMessage) -> ImportResult:
    acked: Message | None = None
    agreed = False
    notice: str | None = None
    if isinstance(parsed, IncomingAcknowledgement):
        acked = _sent_message(session, parsed.acknowledged_header_id)
        if acked is not None:
            _apply_ack(acked, parsed, msg)
    elif isinstance(parsed, IncomingCareCommunication):
        original = _sent_message(session, parsed.previous_header_id)
        adm = original.admission if original is not None and original.admission else \
            _course_for(session, parsed.patient)
        msg.admission_id = adm.id if adm else None
        msg.in_reply_to_id = original.id if original is not None else None
        if adm is not None and is_care_plan_ok(parsed.topic):
            accept_by_message(session, adm.id, msg, msg.created_at)
            agreed = True
    elif isinstance(parsed, IncomingHospitalNotification):
        adm = _course_for(session, parsed.patient)
        msg.admission_id = adm.id if adm else None
        if adm is not None:
            row = agreement_for_update(session, adm.id)
            if row.notice_state is not NoticeState.NOT_APPLICABLE:
                row.notice_state = notice_state_for(parsed)
            notice = row.notice_state.value
    session.flush()
    return ImportResult(msg.id, msg.kind.value, msg.admission_id, False,
                        acked.id if acked else None,
                        parsed.code.value if isinstance(parsed, IncomingAcknowledgement) else None,
                        agreed, notice, msg.problem)


def _apply_ack(acked: Message, ack: IncomingAcknowledgement, msg: Message) -> None:
    """AA: acknowledged; AE/AR: rejected with the receiver's reason (R-MESSAGE)."""
    msg.admission_id, msg.in_reply_to_id = acked.admission_id, acked.id
    msg.text = ack.reason_text
    if acked.state is MessageState.ACKNOWLEDGED:
        return  # an AA stands; a late negative answer to an older envelope changes nothing
    acked.ack_code, acked.ack_at = ack.code.value, msg.created_at
    acked.ack_reason = ack.reason_text
    acked.state = MessageState.ACKNOWLEDGED if ack.code is AckCode.AA else MessageState.REJECTED


def _acknowledge(session: Session, msg: Message, parsed: ParsedMessage,
                 transport: Transport | None) -> str | None:
    """Send the acknowledgement the message needs (none for an acknowledgement)."""
    envelope = new_envelope()
    bundle = acknowledge(parsed, envelope)
    if bundle is None:
        return None
    data = to_json(bundle)
    (transport or mailbox(session)).send(message_filename(envelope.bundle_id, ".json"), data)
    code = AckCode.AA if not isinstance(parsed, InvalidMessage) else parsed.ack_code
    ack = Message(admission_id=msg.admission_id, direction=MessageDirection.OUT,
                  kind=MessageKind.ACKNOWLEDGEMENT, state=MessageState.SENT,
                  in_reply_to_id=msg.id, party_id=msg.party_id, party_sor=msg.party_sor,
                  party_name=msg.party_name, created_at=envelope.timestamp,
                  sent_at=envelope.timestamp, ack_code=code.value if code else None,
                  raw=encode_bytes(data), raw_format="json", duplicates=0)
    session.add(ack)
    session.add(MessageEnvelope(message=ack, bundle_id=envelope.bundle_id,
                                header_id=envelope.header_id, at=envelope.timestamp,
                                data=encode_bytes(data)))
    session.flush()
    return code.value if code else None


def match_to_course(session: Session, message_id: int, admission_id: int, *,
                    expected_version: int | None = None) -> int:
    """Put a received message that matched no course (a replacement CPR, a typo) on the course
    the e-nurse found; a "Plejeforløbsplan ok" then counts for that course (R-CAREPLAN)."""
    require_role(session, MESSAGE_ROLES, "match a message to a course")
    msg = session.get(Message, message_id, with_for_update=True)
    if msg is None or msg.direction is not MessageDirection.IN:
        raise NotFound("received message", message_id)
    check_version(msg, expected_version, "message")
    if msg.admission_id is not None:
        raise RuleViolation("R-MESSAGE", "message", f"Message {message_id} is already on "
                            f"course {msg.admission_id}.")
    get_existing(session, Admission, admission_id, "admission")
    msg.admission_id = admission_id
    if msg.kind is MessageKind.CARE_COMMUNICATION and is_care_plan_ok(msg.topic):
        accept_by_message(session, admission_id, msg, msg.created_at)
    session.flush()
    return msg.id
