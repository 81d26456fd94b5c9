"""Reading messages: a course's thread and the ward's inbox/outbox, as frozen rows.

A sent message without an acknowledgement after ``medcom_ack_timeout_minutes`` is **overdue**
(shown red, offered for resend: R-MESSAGE). Acknowledgements the console sent are left out of
the lists unless asked for; the acknowledgement a message got is on its own row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from console.models import Admission, Message, MessageAttachment, MessageEnvelope, Patient
from console.services.core.errors import InvalidInput, NotFound, RuleViolation
from console.services.core.settings_store import get_int
from console.timeutil import now_utc
from console.vocabulary import MessageDirection, MessageKind, MessageState

STATES = frozenset(s.value for s in MessageState) | {"overdue"}
CARE_PLAN_OK = "plejeforløbsplan ok"


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """A file a message carries, as a list names it (``files.attachment_file`` hands it out)."""

    id: int
    filename: str
    content_type: str
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class MessageRow:
    id: int
    admission_id: int | None
    patient: str | None
    direction: str
    kind: str
    state: str
    overdue: bool  # sent, no acknowledgement within the configured time
    purpose: str | None
    party: str | None
    category: str | None
    topic: str | None
    text: str | None
    author: str | None
    created_at: datetime
    sent_at: datetime | None
    ack_code: str | None
    ack_reason: str | None
    problem: str | None
    duplicates: int
    sends: int
    header_id: str | None  # the latest envelope's MessageHeader id
    in_reply_to_id: int | None
    answered_by_id: int | None
    version: int
    needs_attention: bool = False  # see ``needs_attention``
    attachments: tuple[AttachmentRef, ...] = ()


ATTENTION_STATES = frozenset({MessageState.REJECTED, MessageState.FAILED, MessageState.RECEIVED})


def needs_attention(msg: Message, overdue: bool) -> bool:
    """What a person must act on (R-MESSAGE): sent without an acknowledgement in time (offered
    for resend), rejected (AE/AR), failed in the transport, received and not answered (the
    municipality's "Plejeforløbsplan ok" on a course needs no answer), unreadable, or received
    and matched to no course."""
    if overdue or msg.kind is MessageKind.INVALID:
        return True
    if msg.direction is MessageDirection.IN and msg.kind is not MessageKind.ACKNOWLEDGEMENT \
            and msg.admission_id is None:
        return True
    if msg.state is MessageState.RECEIVED and msg.admission_id is not None \
            and is_care_plan_ok(msg.topic):
        return False
    return msg.state in ATTENTION_STATES and msg.kind is not MessageKind.ACKNOWLEDGEMENT


def is_care_plan_ok(topic: str | None) -> bool:
    """The municipality's acknowledgement of the care plan (seed 004: subject "Plejeforløbsplan
    ok"), however it is spaced or capitalised."""
    return " ".join((topic or "").split()).casefold() == CARE_PLAN_OK


def _overdue(msg: Message, last_sent: datetime | None, now: datetime, minutes: int) -> bool:
    return (msg.state is MessageState.SENT and msg.direction is MessageDirection.OUT
            and msg.kind is MessageKind.CARE_COMMUNICATION and last_sent is not None
            and now - last_sent > timedelta(minutes=minutes))


def _rows(session: Session, *where: object, with_acks: bool = False) -> list[MessageRow]:
    """The rows, in three queries whatever their number: the messages without the bundle bytes
    they keep (``raw``: kilobytes each, read only to save or re-parse one), then their files and
    their envelopes' times, by a subquery of the same messages rather than a list of ids (SQLite
    caps the values a statement binds: 999, or 32,766, by build; tests/test_messaging_scale.py)."""
    chosen = [*where]
    if not with_acks:
        chosen.append((Message.kind != MessageKind.ACKNOWLEDGEMENT)
                      | (Message.direction == MessageDirection.IN))
    stmt = (select(Message, Patient.name).outerjoin(Admission, Message.admission_id == Admission.id)
            .outerjoin(Patient, Admission.patient_id == Patient.id)
            .where(*chosen)  # type: ignore[arg-type]
            .options(defer(Message.raw)).order_by(Message.created_at, Message.id))
    found = list(session.execute(stmt))
    ids = select(Message.id).where(*chosen).scalar_subquery()  # type: ignore[arg-type]
    envelopes: dict[int, list[tuple[datetime, str]]] = {}
    files: dict[int, list[AttachmentRef]] = {}
    if found:
        for message_id, file_id, filename, content_type, size in session.execute(select(
                MessageAttachment.message_id, MessageAttachment.id, MessageAttachment.filename,
                MessageAttachment.content_type, MessageAttachment.size).where(
                MessageAttachment.message_id.in_(ids), MessageAttachment.size > 0)
                .order_by(MessageAttachment.id)):  # empty: a reply only refers to an earlier file
            files.setdefault(message_id, []).append(
                AttachmentRef(file_id, filename, content_type, size))
        for message_id, at, header_id in session.execute(select(
                MessageEnvelope.message_id, MessageEnvelope.at, MessageEnvelope.header_id).where(
                MessageEnvelope.message_id.in_(ids)).order_by(MessageEnvelope.id)):
            envelopes.setdefault(message_id, []).append((at, header_id))
    now, minutes = now_utc(), get_int(session, "medcom_ack_timeout_minutes")
    rows = []
    for msg, patient in found:
        envs = envelopes.get(msg.id, [])
        last_at, last_header = envs[-1] if envs else (None, None)
        overdue = _overdue(msg, last_at, now, minutes)
        rows.append(MessageRow(
            msg.id, msg.admission_id, patient, msg.direction.value, msg.kind.value,
            msg.state.value, overdue,
            msg.purpose.value if msg.purpose else None, msg.party_name, msg.category, msg.topic,
            msg.text, msg.author or msg.author_name, msg.created_at, msg.sent_at, msg.ack_code,
            msg.ack_reason, msg.problem, msg.duplicates,
            len(envs) if msg.direction is MessageDirection.OUT else 0,
            last_header, msg.in_reply_to_id, msg.answered_by_id,
            msg.version, needs_attention(msg, overdue),
            tuple(files.get(msg.id, ()))))
    return rows


def matched_course(msg: Message) -> int:
    """The course a message belongs to. R-MESSAGE: what is done with a received message (an
    escalation, a saved file) is done on its course, so one matched to no course waits for a
    person to find the patient (``inbox.match_to_course``)."""
    if msg.admission_id is None:
        raise RuleViolation("R-MESSAGE", "message", f"Message {msg.id} is matched to no course: "
                                                    "find the patient first.")
    return msg.admission_id


def list_messages(session: Session, *, admission_id: int | None = None,
                  state: str | None = None, with_acks: bool = False) -> list[MessageRow]:
    """The ward's messages (or one course's thread), oldest first; ``state`` may be ``overdue``."""
    if state is not None and state not in STATES:
        raise InvalidInput("state", f"Unknown message state '{state}': one of "
                           f"{', '.join(sorted(STATES))}.")
    where = [] if admission_id is None else [Message.admission_id == admission_id]
    if state is not None and state != "overdue":
        where.append(Message.state == MessageState(state))
    rows = _rows(session, *where, with_acks=with_acks)
    return [r for r in rows if r.overdue] if state == "overdue" else rows


def read_message(session: Session, message_id: int) -> MessageRow:
    rows = _rows(session, Message.id == message_id, with_acks=True)
    if not rows:
        raise NotFound("message", message_id)
    return rows[0]
