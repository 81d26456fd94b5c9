"""The console's own frozen values for MedCom messages: parties, content and envelopes.

These cross from the services to the adapter and back; they never hold FHIR models. Instants
are timezone-aware; the adapter refuses naive ones (they are ambiguous).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from console.medcom.codes import (
    CPR_SYSTEM,
    MIME_EXTENSIONS,
    SOR_ENDPOINT_PREFIX,
    Category,
    MessageActivity,
    Priority,
)


def new_uuid() -> str:
    """A plain UUID v4 string, as MedCom wants for resource and envelope ids."""
    return str(uuid.uuid4())


def new_urn_uuid() -> str:
    """A ``urn:uuid:`` UUID v4, the form of communication and message-segment identifiers."""
    return f"urn:uuid:{uuid.uuid4()}"


def require_aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what}: naive datetime, give a timezone")
    return value


@dataclass(frozen=True)
class Organisation:
    """A messaging party: SOR id (required), EAN/GLN location number and name."""

    sor: str
    ean: str | None
    name: str

    @property
    def endpoint(self) -> str:
        """The SOR URL MedCom puts in MessageHeader endpoints."""
        return SOR_ENDPOINT_PREFIX + self.sor


@dataclass(frozen=True)
class Author:
    """Who wrote a message text: name, role (SKS code or free text) and a relevant phone number."""

    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class Attachment:
    """A file sent with a message.

    ``filename`` is the console's own: FHIR's Attachment has no file name and MedCom forbids
    adding the file type to the title, so it is not sent; a parsed attachment's filename is its
    title plus the extension of its content type. ``data`` is empty for an attachment that a
    reply only refers to (MedCom: replies carry the identifier, never the content again).
    """

    filename: str
    content_type: str
    data: bytes = field(repr=False)
    title: str
    created: datetime | None = None
    identifier: str = field(default_factory=new_urn_uuid)

    @staticmethod
    def filename_for(title: str, content_type: str) -> str:
        return title + MIME_EXTENSIONS.get(content_type, "")


@dataclass(frozen=True)
class PatientRef:
    """The patient a message concerns: CPR (or replacement CPR) and name.

    ``identifier_system`` is the official CPR system unless a replacement CPR (X-/D-eCPR) was
    all the sender had. The CPR is left out of ``repr`` so a stray log line cannot carry it.
    """

    cpr: str = field(repr=False)
    name: str
    identifier_system: str = CPR_SYSTEM

    @property
    def is_official_cpr(self) -> bool:
        return self.identifier_system == CPR_SYSTEM


@dataclass(frozen=True)
class EpisodeOfCareId:
    """An episode-of-care identifier (forløbs-id): returned unchanged in every reply (R-MESSAGE)."""

    value: str
    system: str


@dataclass(frozen=True)
class MessageSegment:
    """One segment of a CareCommunication thread: a message text or an attachment.

    A text segment has an author; an attachment segment may. ``assigner`` is the organisation
    that first added the segment (it assigned ``identifier``).
    """

    identifier: str
    assigner: Organisation
    sent: datetime
    author: Author | None = None
    text: str | None = None
    attachment: Attachment | None = None


@dataclass(frozen=True)
class Envelope:
    """The ids and time of one transmission: Bundle.id, MessageHeader.id, Bundle.timestamp.

    R-MESSAGE: every send and every resend gets a new envelope (``new_envelope``).
    """

    bundle_id: str
    header_id: str
    timestamp: datetime

    def __post_init__(self) -> None:
        require_aware(self.timestamp, "Envelope.timestamp")


def new_envelope(previous: Envelope | None = None, *, now: datetime | None = None) -> Envelope:
    """A fresh envelope (new UUIDs, aware UTC now); a resend passes the previous envelope.

    The new timestamp is always later than the previous one, even when the clock is not.
    """
    stamp = require_aware(now, "now").astimezone(UTC) if now is not None else datetime.now(UTC)
    if previous is not None and stamp <= previous.timestamp:
        stamp = previous.timestamp.astimezone(UTC) + timedelta(milliseconds=1)
    envelope = Envelope(bundle_id=new_uuid(), header_id=new_uuid(), timestamp=stamp)
    if previous is not None and envelope.header_id in (previous.header_id, previous.bundle_id):
        return new_envelope(previous, now=stamp)  # pragma: no cover - a UUID collision
    return envelope


@dataclass(frozen=True, kw_only=True)
class OutgoingCareCommunication:
    """A CareCommunication the console sends: the content, stable across resends.

    ``communication_id`` is MedCom's thread identifier (Communication.identifier): kept in a
    reply, new for a new message or a forward. ``segment_id`` identifies this message's text
    segment and ``written_at`` is when the author pressed send. ``in_reply_to`` /
    ``forward_of`` hold the MessageHeader id of the message replied to / forwarded, and
    ``history`` the earlier segments MedCom requires in a reply or forward.
    """

    sender: Organisation
    receiver: Organisation
    patient: PatientRef
    category: Category
    text: str
    author: Author
    written_at: datetime
    topic: str | None = None
    priority: Priority | None = None
    attachments: tuple[Attachment, ...] = ()
    episode_of_care_id: EpisodeOfCareId | None = None
    in_reply_to: str | None = None
    forward_of: str | None = None
    history: tuple[MessageSegment, ...] = ()
    sender_team: str | None = None
    recipient_team: str | None = None
    communication_id: str = field(default_factory=new_urn_uuid)
    segment_id: str = field(default_factory=new_urn_uuid)

    def __post_init__(self) -> None:
        require_aware(self.written_at, "written_at")
        if self.in_reply_to and self.forward_of:
            raise ValueError("a message replies to or forwards a message, not both")

    @property
    def activity(self) -> MessageActivity:
        if self.in_reply_to:
            return MessageActivity.REPLY
        if self.forward_of:
            return MessageActivity.FORWARD
        return MessageActivity.NEW

    @property
    def previous_header_id(self) -> str | None:
        return self.in_reply_to or self.forward_of


@dataclass(frozen=True)
class AckSubject:
    """What an acknowledgement needs to know about the message it answers.

    ``sender`` sent the message (and receives the acknowledgement), ``receiver`` received it.
    ``activity`` and ``sent_at`` come from the message's Provenance, when it could be read.
    """

    header_id: str
    sender: Organisation
    receiver: Organisation
    activity: str | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True)
class AckReason:
    """Why a message is acknowledged negatively: a coded issue and a text for the sender."""

    code: str
    system: str
    text: str

