"""Turn a received correspondence message into an escalation (issue 16).

CareCommunication is for non-acute coordination only (MedCom; R-MESSAGE); when a municipal
nurse writes about something acute anyway, the e-nurse makes it an escalation, routed by
R-CONTACT like a call, with the message's text, and answers by phone.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from console.models import Message
from console.services.core.errors import NotFound
from console.services.escalations.escalations import EscalationInput, EscalationRow, log_escalation
from console.services.messaging.reads import matched_course
from console.vocabulary import EscalationCategory, MessageDirection, MessageKind, Severity


def escalate_message(session: Session, message_id: int, *, category: EscalationCategory,
                     severity: Severity) -> EscalationRow:
    msg = session.get(Message, message_id)
    if msg is None or msg.direction is not MessageDirection.IN \
            or msg.kind is not MessageKind.CARE_COMMUNICATION:
        raise NotFound("received correspondence message", message_id)
    admission_id = matched_course(msg)
    topic = f" ({msg.topic})" if msg.topic else ""
    return log_escalation(session, EscalationInput(
        category=category, severity=severity,
        caller_name=msg.author_name or msg.party_name or "MedCom",
        admission_id=admission_id, received_at=msg.created_at,
        text=f"From correspondence message {msg.id}{topic}: {msg.text or ''}".strip()))
