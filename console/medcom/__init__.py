"""MedCom FHIR messaging for the console: CareCommunication, Acknowledgement, HospitalNotification.

A pure adapter (no database, no Qt): the console's frozen values in ``types`` and ``incoming``,
``build_*`` to make FHIR R4B Bundles with fhir.resources, ``parse_message`` to read received
bytes, ``rules`` for MedCom's invariants, ``serialise`` for JSON ⇄ XML and ``transport`` to move
the bytes. See ``docs/medcom.md``.
"""

from console.medcom.build import acknowledge, build_acknowledgement, build_care_communication
from console.medcom.codes import (
    AckCode,
    Category,
    MessageActivity,
    NotificationEvent,
    Priority,
    ResponseCode,
)
from console.medcom.incoming import (
    IncomingAcknowledgement,
    IncomingCareCommunication,
    IncomingHospitalNotification,
    IncomingMessage,
    InvalidMessage,
    ParsedMessage,
)
from console.medcom.notice import notice_state_for
from console.medcom.parse import parse_message
from console.medcom.serialise import (
    Format,
    detect_format,
    json_to_xml,
    load_bundle,
    to_json,
    to_xml,
    xml_to_json,
)
from console.medcom.thread import forward, reply
from console.medcom.transport import MailboxTransport, ReceivedFile, Transport, message_filename
from console.medcom.types import (
    AckReason,
    AckSubject,
    Attachment,
    Author,
    Envelope,
    EpisodeOfCareId,
    MessageSegment,
    Organisation,
    OutgoingCareCommunication,
    PatientRef,
    new_envelope,
)
from console.medcom.violations import MedComRuleError, Violation
from console.vocabulary import NoticeState

__all__ = [
    "AckCode", "AckReason", "AckSubject", "Attachment", "Author", "Category", "Envelope", "EpisodeOfCareId",
    "Format", "IncomingAcknowledgement", "IncomingCareCommunication", "IncomingHospitalNotification",
    "IncomingMessage", "InvalidMessage", "MailboxTransport", "MedComRuleError", "MessageActivity",
    "MessageSegment", "NoticeState", "NotificationEvent", "Organisation", "OutgoingCareCommunication",
    "ParsedMessage", "PatientRef", "Priority", "ReceivedFile", "ResponseCode", "Transport", "Violation",
    "acknowledge", "build_acknowledgement", "build_care_communication", "detect_format", "forward",
    "json_to_xml", "load_bundle", "message_filename", "new_envelope", "notice_state_for", "parse_message",
    "reply", "to_json", "to_xml", "xml_to_json",
]
