"""A message and the files it carries, handed out to be saved (issue 16; logged: issue 13).

Both are patient data. A municipal nurse's photo of an IV site, a medicine list or the care
plan's PDF name the patient, and the FHIR Bundle holds the CPR. So each is handed out through
``@patient_export("export")``: the export is written to the access log for the message's course
in the same unit of work, before any byte reaches disk.

A received message matched to no course has no record to log the export on, so it is saved
only after a person has matched it (R-MESSAGE, ``reads.matched_course``).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from console.medcom import Format, detect_format
from console.models import Message, MessageAttachment
from console.services.core.access import require_role
from console.services.core.audit_log import patient_export
from console.services.core.errors import InvalidInput
from console.services.core.uow import get_existing
from console.services.messaging.reads import matched_course
from console.vocabulary import MessageState, Role

EXPORT_ROLES = {Role.E_NURSE, Role.E_DOCTOR, Role.ADMIN}
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True, slots=True)
class MessageFile:
    """The bytes to save, a file name that is safe on any desk, and whose data they are."""

    message_id: int
    admission_id: int
    filename: str
    content_type: str
    data: bytes

    def admission_ids(self) -> tuple[int, ...]:
        return (self.admission_id,)


def safe_filename(name: str, fallback: str) -> str:
    """A received file name as a plain name in the chosen folder: no folders, no odd signs."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .")
    return cleaned[:120] or fallback


@patient_export("export")
def message_file(session: Session, message_id: int) -> MessageFile:
    """The message's FHIR Bundle as stored: the bytes received, or the latest bytes sent."""
    require_role(session, EXPORT_ROLES, "save a message")
    msg = get_existing(session, Message, message_id, "message")
    admission_id = matched_course(msg)
    if msg.raw:
        data = base64.b64decode(msg.raw)
    else:
        sent = [base64.b64decode(e.data) for e in msg.envelopes if e.data]
        if not sent and msg.state is MessageState.DRAFTED:
            raise InvalidInput("message", f"Message {message_id} is a draft: nothing was sent "
                                          "yet. Save it after it is sent.")
        if not sent:
            raise InvalidInput("message", f"Message {message_id} was recorded without its bytes "
                                          "(the demo ward writes its messages so): there is "
                                          "nothing to save.")
        data = sent[-1]
    fmt = detect_format(data) or Format.JSON
    return MessageFile(msg.id, admission_id, f"message-{msg.id}{fmt.suffix}", fmt.media_type, data)


@patient_export("export")
def attachment_file(session: Session, attachment_id: int) -> MessageFile:
    """One file a message carries, decoded, under its own (made safe) name."""
    require_role(session, EXPORT_ROLES, "save a message's attachment")
    attachment = get_existing(session, MessageAttachment, attachment_id, "attachment")
    msg = attachment.message
    admission_id = matched_course(msg)
    if not attachment.size:
        raise InvalidInput("attachment", f"Attachment {attachment_id} only refers to a file an "
                                         "earlier message of the thread carries: save it there.")
    return MessageFile(msg.id, admission_id,
                       safe_filename(attachment.filename, f"attachment-{attachment.id}"),
                       attachment.content_type, base64.b64decode(attachment.data))
