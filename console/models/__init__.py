"""ORM models (SQLAlchemy 2 typed declarative), one module per aggregate. No Qt here."""

from console.models.admission import (
    AdministrationSystem,
    Admission,
    AdmissionStatus,
    Condition,
    DischargeOutcome,
    IvAccess,
    LabResult,
    Provider,
    Regimen,
    RegimenKind,
)
from console.models.audit import AccessEvent, AccessReview, AuditEvent, ChangeLog
from console.models.base import Base, UTCDateTime, Versioned
from console.models.escalation import (
    Escalation,
    EscalationCategory,
    ResolveAction,
    RoutedTo,
    Severity,
)
from console.models.fleet import Rota, Shift, ShiftCar, ShiftKind
from console.models.logistics import Delivery, DeliveryItem, DeliveryStatus
from console.models.patient import Patient, Relative
from console.models.reference import (
    Car,
    ContactTeam,
    MbeBase,
    MunicipalContact,
    Municipality,
    Role,
    Setting,
    Staff,
    StaffRole,
    TariffType,
)
from console.models.rounds import RoundAddendum, RoundDecision, RoundStatus, WardRound
from console.models.visit import Visit, VisitKind, VisitStatus

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
    "Delivery",
    "DeliveryItem",
    "DeliveryStatus",
    "DischargeOutcome",
    "Escalation",
    "EscalationCategory",
    "IvAccess",
    "LabResult",
    "MbeBase",
    "MunicipalContact",
    "Municipality",
    "Patient",
    "Provider",
    "Regimen",
    "RegimenKind",
    "Relative",
    "ResolveAction",
    "Role",
    "Rota",
    "RoundAddendum",
    "RoundDecision",
    "RoundStatus",
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
]
