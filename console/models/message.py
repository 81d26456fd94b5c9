"""MedCom messages (issue 16, R-MESSAGE): the parties, every message sent or received, each
transmission's envelope, and what a course has agreed with its municipality (R-ACCEPT,
R-CAREPLAN, R-EPIKRISE).

A message is stored as received, byte for byte (``raw``), beside the values the console reads
from it; each send or resend of an outgoing message is an envelope of its own with a new
Bundle id and MessageHeader id, so an acknowledgement finds its message by the header id it
answers.
"""

import base64
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.admission import Admission
from console.models.base import Base, Versioned, str_enum
from console.models.reference import Municipality
from console.vocabulary import (
    MessageDirection,
    MessageKind,
    MessagePurpose,
    MessageState,
    NoticeState,
    PartyKind,
)


def encode_bytes(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def decode_bytes(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)


class MessageParty(Versioned, Base):
    """A messaging party identified by SOR (and EAN/GLN location number), kept by an admin."""

    __tablename__ = "message_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PartyKind] = mapped_column(str_enum(PartyKind, "party_kind"))
    name: Mapped[str] = mapped_column(String(200))
    sor: Mapped[str] = mapped_column(String(32), unique=True)
    ean: Mapped[str | None] = mapped_column(String(32))
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    municipality: Mapped[Municipality | None] = relationship()


class Message(Versioned, Base):
    __tablename__ = "message"

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int | None] = mapped_column(
        ForeignKey("admission.id", ondelete="SET NULL"), index=True)
    direction: Mapped[MessageDirection] = mapped_column(
        str_enum(MessageDirection, "message_direction"))
    kind: Mapped[MessageKind] = mapped_column(str_enum(MessageKind, "message_kind"))
    state: Mapped[MessageState] = mapped_column(str_enum(MessageState, "message_state"), index=True)
    purpose: Mapped[MessagePurpose | None] = mapped_column(
        str_enum(MessagePurpose, "message_purpose"))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("message_party.id"))
    party_sor: Mapped[str | None] = mapped_column(String(32))  # as received, known or not
    party_name: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(200))
    priority: Mapped[str | None] = mapped_column(String(16))  # only with regarding-referral
    text: Mapped[str | None] = mapped_column(Text)
    plan_date: Mapped[date | None] = mapped_column(Date)  # R-CAREPLAN: the update's date
    author: Mapped[str | None] = mapped_column(String(16))  # initials of the console user
    author_name: Mapped[str | None] = mapped_column(String(200))  # a received message's author
    communication_id: Mapped[str | None] = mapped_column(String(80), index=True)
    episode_of_care_id: Mapped[str | None] = mapped_column(String(200))
    episode_of_care_system: Mapped[str | None] = mapped_column(String(200))
    in_reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    forward_of_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    ack_code: Mapped[str | None] = mapped_column(String(4))
    ack_reason: Mapped[str | None] = mapped_column(Text)
    ack_at: Mapped[datetime | None]
    problem: Mapped[str | None] = mapped_column(Text)  # why a received message was refused
    duplicates: Mapped[int] = mapped_column(Integer, default=0)  # R-MESSAGE: received again
    # As received, byte for byte, base64-encoded: the database's audit trigger writes rows as
    # JSON, which cannot hold binary (``raw_bytes`` decodes it).
    raw: Mapped[str | None] = mapped_column(Text)
    raw_format: Mapped[str | None] = mapped_column(String(8))

    @property
    def raw_bytes(self) -> bytes | None:
        return decode_bytes(self.raw)

    admission: Mapped[Admission | None] = relationship()
    party: Mapped[MessageParty | None] = relationship()
    envelopes: Mapped[list["MessageEnvelope"]] = relationship(
        back_populates="message", order_by="MessageEnvelope.id", cascade="all, delete-orphan")
    attachments: Mapped[list["MessageAttachment"]] = relationship(
        back_populates="message", order_by="MessageAttachment.id", cascade="all, delete-orphan")


class MessageEnvelope(Base):
    """One transmission of a message: its Bundle id, MessageHeader id and time (R-MESSAGE)."""

    __tablename__ = "message_envelope"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"),
                                            index=True)
    bundle_id: Mapped[str] = mapped_column(String(80))
    header_id: Mapped[str] = mapped_column(String(80), unique=True)
    at: Mapped[datetime]
    sent_by: Mapped[str | None] = mapped_column(String(16))
    data: Mapped[str | None] = mapped_column(Text)  # the bytes sent, base64 (``encode_bytes``)

    message: Mapped[Message] = relationship(back_populates="envelopes")


class MessageAttachment(Base):
    """A file a message carries (PDF, PNG, JPEG, GIF when sent), base64 like ``raw``."""

    __tablename__ = "message_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"),
                                            index=True)
    identifier: Mapped[str] = mapped_column(String(80))  # MedCom's urn:uuid, kept on resend
    title: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(240))
    content_type: Mapped[str] = mapped_column(String(80))
    data: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]

    message: Mapped[Message] = relationship(back_populates="attachments")


class CourseAgreement(Versioned, Base):
    """What a course has agreed with its municipality and GP (R-ACCEPT, R-CAREPLAN, R-EPIKRISE).

    Made at admission. Municipal doses are "awaiting acceptance" until ``accepted_at``; the care
    plan stands as the agreement from ``care_plan_agreed_at`` ("Plejeforløbsplan ok").
    """

    __tablename__ = "course_agreement"

    admission_id: Mapped[int] = mapped_column(
        ForeignKey("admission.id", ondelete="CASCADE"), primary_key=True)
    accepted_at: Mapped[datetime | None]
    accepted_by: Mapped[str | None] = mapped_column(String(200))  # the municipal person
    accepted_via: Mapped[str | None] = mapped_column(String(16))  # message | phone
    accepted_message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    refused_reason: Mapped[str | None] = mapped_column(Text)
    care_plan_agreed_at: Mapped[datetime | None]
    notice_state: Mapped[NoticeState] = mapped_column(
        str_enum(NoticeState, "notice_state"), default=NoticeState.EXPECTED)
    epikrise_missing_reason: Mapped[str | None] = mapped_column(Text)

    admission: Mapped[Admission] = relationship()
