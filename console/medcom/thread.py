"""Replies and forwards, as MedCom's CareCommunication IG wants them.

A reply keeps the thread's communication identifier, category and topic, returns the
episode-of-care id it received (R-MESSAGE), turns a specific sender into the specific
recipient, and carries the earlier text segments; earlier attachments go by identifier only.
A forward gets a new communication identifier and carries the earlier segments with content.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from console.medcom.codes import Category, Priority
from console.medcom.incoming import IncomingCareCommunication
from console.medcom.types import (
    Attachment,
    Author,
    MessageSegment,
    Organisation,
    OutgoingCareCommunication,
    new_urn_uuid,
)


def _without_content(segment: MessageSegment) -> MessageSegment:
    if segment.attachment is None:
        return segment
    return dataclasses.replace(segment, attachment=dataclasses.replace(segment.attachment, data=b""))


def reply(to: IncomingCareCommunication, *, text: str, author: Author, written_at: datetime,
          attachments: tuple[Attachment, ...] = (), category: Category | None = None,
          topic: str | None = None, priority: Priority | None = None,
          sender_team: str | None = None) -> OutgoingCareCommunication:
    """A reply to a received CareCommunication, from its receiver back to its sender."""
    category = category or to.category
    keep_priority = priority or (to.priority if category is Category.REGARDING_REFERRAL else None)
    return OutgoingCareCommunication(
        sender=to.receiver, receiver=to.sender, patient=to.patient, category=category,
        topic=topic if topic is not None else to.topic, priority=keep_priority,
        text=text, author=author, written_at=written_at, attachments=attachments,
        episode_of_care_id=to.episode_of_care_id, in_reply_to=to.envelope.header_id,
        history=tuple(_without_content(s) for s in to.segments),
        sender_team=sender_team, recipient_team=to.sender_team,
        communication_id=to.communication_id,
    )


def forward(message: IncomingCareCommunication, *, to: Organisation, text: str, author: Author,
            written_at: datetime, attachments: tuple[Attachment, ...] = (),
            sender_team: str | None = None) -> OutgoingCareCommunication:
    """A forward of a received CareCommunication to a third party (new thread identifier)."""
    return OutgoingCareCommunication(
        sender=message.receiver, receiver=to, patient=message.patient, category=message.category,
        topic=message.topic,
        priority=message.priority if message.category is Category.REGARDING_REFERRAL else None,
        text=text, author=author, written_at=written_at, attachments=attachments,
        forward_of=message.envelope.header_id, history=message.segments, sender_team=sender_team,
        communication_id=new_urn_uuid(),
    )
