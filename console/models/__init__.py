"""ORM models (SQLAlchemy 2 typed declarative), one module per aggregate. No Qt here."""

from console.models.access import IvAccessRecord
from console.models.admission import Admission, LabResult, Regimen
from console.models.audit import AccessEvent, AccessReview, AuditEvent, ChangeLog
from console.models.base import Base, UTCDateTime, Versioned
from console.models.escalation import Escalation
from console.models.fleet import Rota, RoutePlan, Shift, ShiftCar
from console.models.logistics import Delivery, DeliveryItem
from console.models.message import (
    CourseAgreement,
    Message,
    MessageAttachment,
    MessageEnvelope,
    MessageParty,
    decode_bytes,
    encode_bytes,
)
from console.models.patient import Patient, Relative
from console.models.reference import (
    Car,
    MbeBase,
    MunicipalContact,
    Municipality,
    Setting,
    Staff,
    StaffRole,
    TariffType,
)
from console.models.referral import Referral
from console.models.rounds import RoundAddendum, WardRound
from console.models.visit import Visit

# The stored vocabularies live in console.vocabulary; the models package passes them on for callers
# that take everything from here.
from console.vocabulary import (
    AdministrationSystem,
    AdmissionStatus,
    Condition,
    ContactTeam,
    DeliveryStatus,
    DischargeOutcome,
    EscalationCategory,
    IvAccess,
    MessageDirection,
    MessageKind,
    MessagePurpose,
    MessageState,
    NoticeState,
    PartyKind,
    Provider,
    RegimenKind,
    ResolveAction,
    Role,
    RoundDecision,
    RoundStatus,
    RoutedTo,
    Severity,
    ShiftKind,
    VisitKind,
    VisitStatus,
)

__all__ = [
    "AccessEvent",
    "AccessReview",
    "AdministrationSystem",
    "Admission",
    "AdmissionStatus",
    "AuditEvent",
    "Base",
    "Car",
    "ChangeLog",
    "Condition",
    "ContactTeam",
    "CourseAgreement",
    "Delivery",
    "DeliveryItem",
    "DeliveryStatus",
    "DischargeOutcome",
    "Escalation",
    "EscalationCategory",
    "IvAccess",
    "IvAccessRecord",
    "LabResult",
    "MbeBase",
    "Message",
    "MessageAttachment",
    "MessageDirection",
    "MessageEnvelope",
    "MessageKind",
    "MessageParty",
    "MessagePurpose",
    "MessageState",
    "MunicipalContact",
    "Municipality",
    "NoticeState",
    "PartyKind",
    "Patient",
    "Provider",
    "Referral",
    "Regimen",
    "RegimenKind",
    "Relative",
    "ResolveAction",
    "Role",
    "Rota",
    "RoundAddendum",
    "RoundDecision",
    "RoundStatus",
    "RoutePlan",
    "RoutedTo",
    "Setting",
    "Severity",
    "Shift",
    "ShiftCar",
    "ShiftKind",
    "Staff",
    "StaffRole",
    "TariffType",
    "UTCDateTime",
    "Versioned",
    "Visit",
    "VisitKind",
    "VisitStatus",
    "WardRound",
    "decode_bytes",
    "encode_bytes",
]
