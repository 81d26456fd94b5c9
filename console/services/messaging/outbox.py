"""Drafting, sending and resending CareCommunications (R-MESSAGE, R-CAREPLAN, R-EPIKRISE).

A message is drafted (text, category, topic, receiver), reviewed and sent by a person. Each
send is one envelope with a new Bundle id and MessageHeader id (a resend too); the content ids
(thread, text segment) stay, so the receiver sees the same message again. The bytes go to the
ward's transport (the mailbox folder pair by default) as the last step of the unit of work; a
transport that refuses them leaves the message **failed**, offered for resend.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.medcom import (
    Attachment,
    Author,
    Category,
    Envelope,
    EpisodeOfCareId,
    IncomingCareCommunication,
    MailboxTransport,
    MedComRuleError,
    OutgoingCareCommunication,
    PatientRef,
    Priority,
    Transport,
    build_care_communication,
    forward,
    message_filename,
    new_envelope,
    parse_message,
    reply,
    to_json,
)
from console.models import (
    Admission,
    Message,
    MessageAttachment,
    MessageEnvelope,
    Staff,
    StaffRole,
    decode_bytes,
    encode_bytes,
)
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, NotFound, RuleViolation
from console.services.core.settings_store import get_setting
from console.services.core.uow import acting_user, check_version, get_existing
from console.services.messaging.agreement import MESSAGE_ROLES
from console.services.messaging.parties import hospital_party, organisation, receiver_for
from console.services.messaging.reads import matched_course
from console.settings import data_dir
from console.timeutil import now_utc
from console.vocabulary import MessageDirection, MessageKind, MessagePurpose, MessageState, PartyKind, Role

SENDABLE = (MessageState.DRAFTED, MessageState.FAILED)
RESENDABLE = (MessageState.SENT, MessageState.FAILED, MessageState.REJECTED)


def mailbox(session: Session) -> MailboxTransport:
    """The ward's mailbox folder pair (settings ``medcom_outbox`` / ``medcom_inbox``)."""
    base = data_dir() / "medcom"
    outbox = get_setting(session, "medcom_outbox") or str(base / "outbox")
    inbox = get_setting(session, "medcom_inbox") or str(base / "inbox")
    return MailboxTransport(Path(outbox), Path(inbox))


@dataclass(frozen=True, slots=True)
class Draft:
    """What a person writes: the typed input of ``draft_message``."""

    to: PartyKind
    category: Category
    text: str
    topic: str | None = None
    priority: Priority | None = None
    purpose: MessagePurpose = MessagePurpose.CORRESPONDENCE
    plan_date: date | None = None


# R-MESSAGE-ATTACHMENT: what the console sends (MedCom takes six types on receipt), by ending.
ATTACHABLE = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
              ".jpeg": "image/jpeg", ".gif": "image/gif"}


@dataclass(frozen=True)
class NewFile:
    """A file a person attaches to a new message: its name (the type follows) and its bytes."""

    filename: str
    data: bytes = dataclasses.field(repr=False)


def content_type_of(filename: str) -> str:
    """The media type of a file the console may send (R-MESSAGE-ATTACHMENT), by its ending."""
    content_type = ATTACHABLE.get(Path(filename).suffix.lower())
    if content_type is None:
        raise RuleViolation("R-MESSAGE-ATTACHMENT", "attachments",
                            f"{Path(filename).name}: MedCom messages carry PDF, PNG, JPEG or GIF "
                            "files only.")
    return content_type


def draft_message(session: Session, admission_id: int, draft: Draft) -> int:
    """Store a drafted CareCommunication on a course; returns the message id."""
    user = require_role(session, MESSAGE_ROLES, "draft a message")
    adm = get_existing(session, Admission, admission_id, "admission")
    if not draft.text.strip():
        raise RuleViolation("R-MESSAGE-TEXT", "text", "Write the message text.")
    party = receiver_for(session, adm, draft.to)
    msg = Message(admission_id=adm.id, direction=MessageDirection.OUT,
                  kind=MessageKind.CARE_COMMUNICATION, state=MessageState.DRAFTED,
                  purpose=draft.purpose, party=party, party_sor=party.sor, party_name=party.name,
                  category=draft.category.value, topic=draft.topic,
                  priority=draft.priority.value if draft.priority else None,
                  text=draft.text.strip(), plan_date=draft.plan_date, author=user,
                  communication_id=f"urn:uuid:{uuid.uuid4()}", created_at=now_utc(), duplicates=0)
    session.add(msg)
    session.flush()
    _check_buildable(session, msg)  # refuse a draft MedCom would refuse, now, not at sending
    return msg.id


def attach_file(session: Session, message_id: int, *, filename: str, content_type: str,
                data: bytes, title: str | None = None) -> int:
    """Add a file to a draft (PDF, PNG, JPEG or GIF; at most 50 MB a message: R-MESSAGE)."""
    require_role(session, MESSAGE_ROLES, "attach a file")
    msg = _message(session, message_id, None)
    if msg.state is not MessageState.DRAFTED:
        raise InvalidInput("state", f"Message {message_id} is {msg.state.value}, not a draft.")
    add_attachment(msg, filename=filename, content_type=content_type, data=data,
                   title=title or filename.rsplit(".", 1)[0])
    session.flush()
    _check_buildable(session, msg)
    return msg.attachments[-1].id


def add_attachment(msg: Message, *, filename: str, content_type: str, data: bytes,
                   title: str, identifier: str | None = None) -> None:
    msg.attachments.append(MessageAttachment(
        identifier=identifier or f"urn:uuid:{uuid.uuid4()}", title=title, filename=filename,
        content_type=content_type, data=encode_bytes(data), size=len(data), created_at=now_utc()))


def draft_reply(session: Session, message_id: int, *, text: str) -> int:
    """A reply to a received CareCommunication (same thread, episode-of-care id returned)."""
    user = require_role(session, MESSAGE_ROLES, "reply to a message")
    received = _correspondence(session, message_id, MessageDirection.IN, lock=True,
                               what="received correspondence message")
    if received.answered_by_id is not None:
        other = session.get(Message, received.answered_by_id)
        who = other.author if other else None
        raise RuleViolation("R-MESSAGE", "message", f"Message {message_id} has already been "
                            f"answered by {who or 'another desk'} (reply {received.answered_by_id}).")
    msg = Message(admission_id=matched_course(received), direction=MessageDirection.OUT,
                  kind=MessageKind.CARE_COMMUNICATION, state=MessageState.DRAFTED,
                  purpose=MessagePurpose.CORRESPONDENCE, party_id=received.party_id,
                  party_sor=received.party_sor, party_name=received.party_name,
                  category=received.category, topic=received.topic, text=text.strip(),
                  author=user, communication_id=received.communication_id,
                  episode_of_care_id=received.episode_of_care_id,
                  episode_of_care_system=received.episode_of_care_system,
                  in_reply_to_id=received.id, created_at=now_utc(), duplicates=0)
    if not msg.text:
        raise RuleViolation("R-MESSAGE-TEXT", "text", "Write the message text.")
    session.add(msg)
    session.flush()
    received.answered_by_id = msg.id  # a second desk's reply is refused: one answer
    received.state = MessageState.ANSWERED
    session.flush()
    return msg.id


def draft_forward(session: Session, message_id: int, *, to: PartyKind, text: str) -> int:
    """Forward a received correspondence message to the GP or the municipality (a new thread
    carrying the earlier texts and files, as MedCom wants)."""
    user = require_role(session, MESSAGE_ROLES, "forward a message")
    received = _correspondence(session, message_id, MessageDirection.IN, lock=False,
                               what="received correspondence message")
    matched_course(received)  # forwarded on its course, as every answer to it
    assert received.admission is not None
    party = receiver_for(session, received.admission, to)
    msg = Message(admission_id=received.admission_id, direction=MessageDirection.OUT,
                  kind=MessageKind.CARE_COMMUNICATION, state=MessageState.DRAFTED,
                  purpose=MessagePurpose.CORRESPONDENCE, party=party, party_sor=party.sor,
                  party_name=party.name, category=received.category, topic=received.topic,
                  priority=received.priority, text=text.strip(), author=user,
                  communication_id=f"urn:uuid:{uuid.uuid4()}", forward_of_id=received.id,
                  created_at=now_utc(), duplicates=0)
    if not msg.text:
        raise RuleViolation("R-MESSAGE-TEXT", "text", "Write the message text.")
    session.add(msg)
    session.flush()
    _check_buildable(session, msg)
    return msg.id


def _author(session: Session, initials: str | None) -> Author:
    staff = session.scalar(select(Staff).where(Staff.initials == (initials or "")))
    name = staff.name if staff else (initials or "eHospital")
    roles = {r.role for r in staff.roles} if staff else set[StaffRole]()
    role = "Læge" if Role.E_DOCTOR in roles else "Sygeplejerske"
    return Author(name, role, get_setting(session, "contact_phone").replace(" ", ""))


def _outgoing(session: Session, msg: Message, written_at: datetime
              ) -> tuple[OutgoingCareCommunication, IncomingCareCommunication | None]:
    adm = msg.admission
    if adm is None or msg.party is None:
        raise RuleViolation("R-MESSAGE", "message", f"Message {msg.id} has no course or receiver.")
    segment = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{msg.communication_id}/{msg.id}')}"
    author = _author(session, msg.author)
    replied = _replied_to(session, msg)
    files = tuple(Attachment(a.filename, a.content_type, decode_bytes(a.data) or b"", a.title,
                             created=a.created_at, identifier=a.identifier)
                  for a in msg.attachments)
    if replied is not None:
        out = reply(replied, text=msg.text or "", author=author, written_at=written_at,
                    attachments=files)
        return dataclasses.replace(out, segment_id=segment), replied
    forwarded = _received(session, msg.forward_of_id)
    if forwarded is not None and msg.party is not None:
        out = forward(forwarded, to=organisation(msg.party), text=msg.text or "", author=author,
                      written_at=written_at, attachments=files)
        return dataclasses.replace(out, segment_id=segment,
                                   communication_id=msg.communication_id or ""), None
    episode = (EpisodeOfCareId(msg.episode_of_care_id, msg.episode_of_care_system or "")
               if msg.episode_of_care_id else None)
    return OutgoingCareCommunication(
        sender=organisation(hospital_party(session)), receiver=organisation(msg.party),
        patient=PatientRef(adm.patient.cpr.replace("-", ""), adm.patient.name),
        category=Category(msg.category or Category.OTHER), topic=msg.topic,
        priority=Priority(msg.priority) if msg.priority else None, text=msg.text or "",
        author=author, written_at=written_at, episode_of_care_id=episode, attachments=files,
        communication_id=msg.communication_id or "", segment_id=segment), None


def _replied_to(session: Session, msg: Message) -> IncomingCareCommunication | None:
    return _received(session, msg.in_reply_to_id)


def _received(session: Session, message_id: int | None) -> IncomingCareCommunication | None:
    """A received CareCommunication as it arrived (parsed again from the stored bytes)."""
    original = session.get(Message, message_id) if message_id is not None else None
    raw = original.raw_bytes if original is not None else None
    parsed = parse_message(raw) if raw else None
    return parsed if isinstance(parsed, IncomingCareCommunication) else None


_FIELDS = {"R-MESSAGE-TOPIC": "topic", "R-MESSAGE-PRIORITY": "priority",
           "R-MESSAGE-CATEGORY": "category", "R-MESSAGE-TEXT": "text",
           "R-MESSAGE-AUTHOR": "author", "R-MESSAGE-SIZE": "attachments",
           "R-MESSAGE-ATTACHMENT": "attachments"}


def medcom_refusal(error: MedComRuleError) -> RuleViolation:
    """The first MedCom rule a message breaks, as the service's RuleViolation on its field."""
    first = error.violations[0]
    return RuleViolation(first.code, _FIELDS.get(first.code, "message"), str(error))


def _check_buildable(session: Session, msg: Message) -> None:
    out, replied = _outgoing(session, msg, now_utc())
    try:
        build_care_communication(out, new_envelope(), replied_to=replied)
    except MedComRuleError as error:
        raise medcom_refusal(error) from None


def send_message(session: Session, message_id: int, *, expected_version: int | None = None,
                 transport: Transport | None = None) -> int:
    """Send a drafted (or failed) message: a new envelope, the Bundle to the transport."""
    return _send(session, message_id, expected_version, transport, SENDABLE, lambda m: RuleViolation(
        "R-MESSAGE", "state", f"Message {m.id} is {m.state.value}: only a draft or a failed "
        "message is sent."))


def resend_message(session: Session, message_id: int, *, expected_version: int | None = None,
                   transport: Transport | None = None) -> int:
    """R-MESSAGE: resending is a person's decision; the resend gets a new Bundle and header id."""
    return _send(session, message_id, expected_version, transport, RESENDABLE, lambda m: RuleViolation(
        "R-MESSAGE", "state", f"Message {m.id} is {m.state.value}: only a sent, rejected or "
        "failed message is resent."))


def _send(session: Session, message_id: int, expected_version: int | None,
          transport: Transport | None, allowed: tuple[MessageState, ...],
          refusal: Callable[[Message], RuleViolation]) -> int:
    require_role(session, MESSAGE_ROLES, "send a message")
    msg = _message(session, message_id, expected_version)
    if msg.state not in allowed:
        raise refusal(msg)
    return _transmit(session, msg, transport)


def _message(session: Session, message_id: int, expected_version: int | None) -> Message:
    msg = _correspondence(session, message_id, MessageDirection.OUT, lock=True,
                          what="outgoing message")
    check_version(msg, expected_version, "message")
    return msg


def _correspondence(session: Session, message_id: int, direction: MessageDirection, *,
                    lock: bool, what: str) -> Message:
    """A CareCommunication the console received (IN) or writes (OUT), else NotFound(``what``);
    ``lock`` takes the row for this unit of work."""
    msg = session.get(Message, message_id, with_for_update=lock)
    if msg is None or msg.direction is not direction \
            or msg.kind is not MessageKind.CARE_COMMUNICATION:
        raise NotFound(what, message_id)
    return msg


def _transmit(session: Session, msg: Message, transport: Transport | None) -> int:
    now = now_utc()
    written = msg.sent_at or now  # the text segment's time stays across resends
    out, replied = _outgoing(session, msg, written)
    previous = msg.envelopes[-1] if msg.envelopes else None
    envelope = new_envelope(_as_envelope(previous), now=now)
    try:
        bundle = build_care_communication(out, envelope, replied_to=replied)
    except MedComRuleError as error:
        raise medcom_refusal(error) from None
    data = to_json(bundle)
    session.add(MessageEnvelope(message=msg, bundle_id=envelope.bundle_id,
                                header_id=envelope.header_id, at=envelope.timestamp,
                                sent_by=acting_user(session), data=encode_bytes(data)))
    msg.sent_at = written
    msg.ack_code = msg.ack_reason = msg.ack_at = None
    try:
        (transport or mailbox(session)).send(message_filename(envelope.bundle_id, ".json"), data)
    except OSError:
        msg.state = MessageState.FAILED
    else:
        msg.state = MessageState.SENT
    session.flush()
    return msg.id


def _as_envelope(row: MessageEnvelope | None) -> Envelope | None:
    return Envelope(row.bundle_id, row.header_id, row.at) if row is not None else None


def discard_draft(session: Session, message_id: int, *, expected_version: int | None = None) -> None:
    require_role(session, MESSAGE_ROLES, "discard a draft")
    msg = _message(session, message_id, expected_version)
    if msg.state is not MessageState.DRAFTED:
        raise InvalidInput("state", f"Message {message_id} is {msg.state.value}, not a draft.")
    original = session.get(Message, msg.in_reply_to_id) if msg.in_reply_to_id else None
    if original is not None and original.answered_by_id == msg.id:
        original.answered_by_id, original.state = None, MessageState.RECEIVED
        session.flush()
    session.delete(msg)
    session.flush()


def send_reply(session: Session, message_id: int, *, text: str,
               transport: Transport | None = None) -> int:
    """Reply to a received message and send the reply, in one unit of work (one answer only)."""
    reply_id = draft_reply(session, message_id, text=text)
    return _transmit(session, _message(session, reply_id, None), transport)


def send_forward(session: Session, message_id: int, *, to: PartyKind, text: str,
                 transport: Transport | None = None) -> int:
    """Forward a received message and send the forward, in one unit of work (the dialog)."""
    forward_id = draft_forward(session, message_id, to=to, text=text)
    return _transmit(session, _message(session, forward_id, None), transport)


def send_new_message(session: Session, admission_id: int, draft: Draft, *,
                     files: tuple[NewFile, ...] = (), transport: Transport | None = None) -> int:
    """Write and send a new message on a course, with the files attached, in one unit of work
    (the compose dialog): a file refused leaves nothing drafted or sent."""
    message_id = draft_message(session, admission_id, draft)
    for file in files:
        attach_file(session, message_id, filename=file.filename,
                    content_type=content_type_of(file.filename), data=file.data)
    return _transmit(session, _message(session, message_id, None), transport)
