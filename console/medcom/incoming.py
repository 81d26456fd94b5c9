"""What the parser turns received bytes into: one frozen value per kind of message.

``parse_message`` returns exactly one of these and never raises: a message that cannot be read
or breaks a MedCom rule becomes ``InvalidMessage`` (shown to the e-nurse, answered with a
negative acknowledgement, never dropped). Duplicate detection is the caller's: it compares
``envelope.header_id`` with the ids it has stored (R-MESSAGE).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.medcom.codes import AckCode, Category, MessageActivity, NotificationEvent, Priority
from console.medcom.types import (
    AckSubject,
    Attachment,
    Author,
    Envelope,
    EpisodeOfCareId,
    MessageSegment,
    Organisation,
    PatientRef,
)
from console.medcom.violations import Violation


@dataclass(frozen=True, kw_only=True)
class _Received:
    """What every received message's MessageHeader gives: its envelope and the two parties.

    The three kinds below share it so these are declared once; callers match on the kinds
    (``IncomingMessage``), never on this base.
    """

    envelope: Envelope
    sender: Organisation
    receiver: Organisation


@dataclass(frozen=True, kw_only=True)
class IncomingCareCommunication(_Received):
    """A received CareCommunication (korrespondancemeddelelse).

    ``text``/``author``/``written_at`` are this message's own text segment (the one its
    Provenance lists); ``segments`` holds every segment in the order sent, earlier ones of the
    thread included. ``previous_header_id`` is the MessageHeader id replied to or forwarded.
    """

    patient: PatientRef
    category: Category
    topic: str | None
    priority: Priority | None
    text: str
    author: Author | None
    written_at: datetime | None
    attachments: tuple[Attachment, ...]
    segments: tuple[MessageSegment, ...]
    episode_of_care_id: EpisodeOfCareId | None
    communication_id: str
    activity: MessageActivity
    previous_header_id: str | None
    sender_team: str | None = None
    recipient_team: str | None = None
    warnings: tuple[Violation, ...] = ()

    @property
    def ack_subject(self) -> AckSubject:
        return AckSubject(self.envelope.header_id, self.sender, self.receiver, self.activity.value,
                          self.envelope.timestamp)


@dataclass(frozen=True, kw_only=True)
class IncomingAcknowledgement(_Received):
    """A received Acknowledgement: the code, the MessageHeader id it answers, and why.

    ``acknowledged_header_id`` is MessageHeader.response.identifier. Acknowledgements are never
    acknowledged themselves (MedCom rule KR2), so there is no ``ack_subject``.
    """

    code: AckCode
    acknowledged_header_id: str
    reason_text: str | None = None
    reason_code: str | None = None
    warnings: tuple[Violation, ...] = ()


@dataclass(frozen=True, kw_only=True)
class IncomingHospitalNotification(_Received):
    """A received HospitalNotification (advis), e.g. an STIN copy forwarded by the EPR.

    ``event`` is the base event; ``correction`` marks RE_ (revise-*) and ``cancellation`` AN_
    (cancel-*, Encounter entered-in-error). ``code`` gives MedCom's name, e.g. ``AN_STIN``.
    """

    patient: PatientRef
    event: NotificationEvent
    activity: str
    correction: bool
    cancellation: bool
    episode_of_care_id: EpisodeOfCareId | None
    encounter_status: str
    period_start: datetime | None
    period_end: datetime | None
    previous_header_id: str | None = None
    warnings: tuple[Violation, ...] = ()

    @property
    def code(self) -> str:
        prefix = "AN_" if self.cancellation else "RE_" if self.correction else ""
        return prefix + self.event.value

    @property
    def ack_subject(self) -> AckSubject:
        return AckSubject(self.envelope.header_id, self.sender, self.receiver, self.activity,
                          self.envelope.timestamp)


@dataclass(frozen=True, kw_only=True)
class InvalidMessage:
    """A received message that could not be read or breaks a MedCom rule.

    ``ack_code`` is the negative acknowledgement it deserves (AE for content, AR for our own
    failure), or None when the message is itself an acknowledgement (never acknowledged).
    ``header_id`` and ``ack_subject`` are filled when they could still be read, so the console
    can recognise a duplicate and address the acknowledgement.
    """

    reason: str
    violations: tuple[Violation, ...]
    ack_code: AckCode | None
    header_id: str | None = None
    bundle_id: str | None = None
    event: str | None = None
    ack_subject: AckSubject | None = None


IncomingMessage = IncomingCareCommunication | IncomingAcknowledgement | IncomingHospitalNotification
ParsedMessage = IncomingMessage | InvalidMessage
