"""Who a received message says its patient is: what a person matches an unmatched message by
(R-MESSAGE: a replacement CPR or a typo matches no course; ``inbox.match_to_course`` then puts
it on the course the e-nurse found).

The name and CPR are read from the bytes as received. The CPR is shown masked, as everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from console.medcom import parse_message
from console.models import Message
from console.redact import mask_cpr
from console.services.core.uow import get_existing


@dataclass(frozen=True, slots=True)
class NamedPatient:
    message_id: int
    version: int  # the message's, for the match (no lost update)
    name: str | None  # None: the message names nobody readable (an unreadable message)
    cpr_masked: str | None


def patient_named_in(session: Session, message_id: int) -> NamedPatient:
    msg = get_existing(session, Message, message_id, "message")
    raw = msg.raw_bytes
    patient = getattr(parse_message(raw), "patient", None) if raw else None
    if patient is None:
        return NamedPatient(msg.id, msg.version, None, None)
    return NamedPatient(msg.id, msg.version, patient.name, mask_cpr(patient.cpr))
