"""Escalations from municipal nurses: intake, R-CONTACT routing, response clocks, acknowledge,
notes, and resolving with a documented action (an MBE visit or a delivery linked both ways)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, Delivery, Escalation, Municipality, Patient, Visit
from console.services.core.access import require_role
from console.services.core.errors import Conflict, InvalidInput, NotFound, RuleViolation, required_text
from console.services.core.settings_store import get_int, get_time
from console.services.core.uow import check_version, get_existing
from console.services.course.cpr import parse_cpr
from console.services.course.orders import order_task
from console.services.escalations.rules import SEVERITY_ORDER, Clock, clock, route
from console.timeutil import now_utc
from console.vocabulary import (
    AdmissionStatus,
    DeliveryStatus,
    EscalationCategory,
    Provider,
    ResolveAction,
    Role,
    RoutedTo,
    Severity,
    VisitKind,
    VisitStatus,
)

INTAKE_ROLES = {Role.E_NURSE, Role.E_DOCTOR}
PVK_TASK = "pvk"  # the MBE task a blocked or lost IV access gets (R-ACCESS, mbe_tasks)
SUPPORT_VISIT_MINUTES = 45


@dataclass(frozen=True)
class EscalationInput:
    category: EscalationCategory
    severity: Severity
    caller_name: str
    caller_phone: str | None = None
    admission_id: int | None = None
    cpr: str | None = None
    municipality: str | None = None
    received_at: datetime | None = None
    text: str = ""
    routed_to: RoutedTo | None = None  # override; needs route_override_reason
    route_override_reason: str | None = None


@dataclass(frozen=True, slots=True)
class EscalationRow:
    id: int
    admission_id: int
    patient: str
    cpr_masked: str
    municipality: str
    caller_name: str
    caller_phone: str | None
    category: str
    severity: str
    text: str
    received_at: datetime
    routed_to: str
    route_override_reason: str | None
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    resolved_at: datetime | None
    resolved_by: str | None
    resolution_action: str | None
    resolution_note: str | None
    visit_id: int | None
    delivery_id: int | None
    ack_clock: Clock
    resolve_clock: Clock
    version: int

    @property
    def overdue(self) -> bool:
        return self.resolved_at is None and "red" in (self.ack_clock.state, self.resolve_clock.state)


def _targets(session: Session, severity: Severity) -> tuple[int, int]:
    return (get_int(session, f"escalation_ack_{severity.value}_minutes"),
            get_int(session, f"escalation_resolve_{severity.value}_minutes"))


def _find_admission(session: Session, data: EscalationInput) -> Admission:
    if data.admission_id is not None:
        adm = session.get(Admission, data.admission_id)
        if adm is None:  # a refusal names its field (issue 15)
            raise InvalidInput("admission_id", f"No admission with id {data.admission_id}: "
                               "choose the patient from the census.")
    elif data.cpr:
        cpr, _born = parse_cpr(data.cpr, "cpr")  # ASCII digits, with or without the dash
        adm = session.scalar(select(Admission).join(Patient).where(
            Patient.cpr == cpr, Admission.status == AdmissionStatus.ADMITTED))
        if adm is None:
            raise InvalidInput("cpr", f"No admitted patient with CPR {cpr[:6]}-XXXX.")
    else:
        raise InvalidInput("admission_id", "Choose the patient (admission or CPR).")
    if adm.status is not AdmissionStatus.ADMITTED:
        raise InvalidInput("admission_id", "The patient is not admitted: an escalation belongs "
                           "to an admitted patient.")
    return adm


def log_escalation(session: Session, data: EscalationInput) -> EscalationRow:
    """Intake of a call; routed by R-CONTACT unless overridden with a reason."""
    require_role(session, INTAKE_ROLES, "log an escalation")
    adm = _find_admission(session, data)
    caller_name = required_text(data.caller_name, "caller.name", "Who called? Give the caller's name.")
    received = data.received_at or now_utc()
    if received > now_utc() + timedelta(minutes=5):
        raise InvalidInput("received_at", "A call cannot be received in the future.")
    muni_id = adm.patient.municipality_id
    if data.municipality:
        muni_id_given = session.scalar(select(Municipality.id).where(
            Municipality.name == data.municipality))
        if muni_id_given is None:
            raise RuleViolation("R-MUNICIPALITY", "municipality",
                                f"'{data.municipality}' is not a configured municipality.")
        muni_id = muni_id_given
    routed = route(data.category, received, get_time(session, "e_nurse_hours_start"),
                   get_time(session, "e_nurse_hours_end"))
    reason = (data.route_override_reason or "").strip() or None
    if data.routed_to is not None and data.routed_to is not routed:
        if not reason:
            raise RuleViolation("R-CONTACT", "routed_to",
                                f"R-CONTACT routes this call to the {routed.value.replace('_', '-')}"
                                "; give a reason to route it elsewhere.")
        routed = data.routed_to
    esc = Escalation(
        admission_id=adm.id, municipality_id=muni_id, caller_name=caller_name,
        caller_phone=data.caller_phone, category=data.category, severity=data.severity,
        text=data.text.strip(), received_at=received, routed_to=routed,
        route_override_reason=reason if data.routed_to is not None else None)
    session.add(esc)
    session.flush()
    return get_escalation(session, esc.id)


def _escalation(session: Session, escalation_id: int,
                expected_version: int | None = None) -> Escalation:
    esc = get_existing(session, Escalation, escalation_id, "escalation", lock=True)
    check_version(esc, expected_version, "escalation")
    return esc


def acknowledge(session: Session, escalation_id: int, *,
                expected_version: int | None = None) -> EscalationRow:
    """First one wins; a second desk is told who acknowledged it and when. The same person
    acknowledging again (a double click, a retry after a lost answer) changes nothing."""
    user = require_role(session, INTAKE_ROLES, "acknowledge an escalation")
    esc = _escalation(session, escalation_id)
    if esc.acknowledged_at is not None and esc.acknowledged_by == user:
        return get_escalation(session, esc.id)
    if esc.acknowledged_at is not None:
        raise Conflict("escalation (already acknowledged)", esc.acknowledged_by, esc.acknowledged_at)
    check_version(esc, expected_version, "escalation")
    esc.acknowledged_at = now_utc()
    esc.acknowledged_by = user
    session.flush()
    return get_escalation(session, esc.id)


def add_note(session: Session, escalation_id: int, note: str, *,
             expected_version: int | None = None) -> EscalationRow:
    user = require_role(session, INTAKE_ROLES, "add a note to an escalation")
    note = required_text(note, "note", "The note is empty.")
    esc = _escalation(session, escalation_id, expected_version)
    stamp = now_utc().strftime("%Y-%m-%d %H:%M UTC")
    esc.text = f"{esc.text}\n[{stamp} {user}] {note}".strip()
    session.flush()
    return get_escalation(session, esc.id)


def create_support_visit(session: Session, escalation_id: int) -> int:
    """R-MBE-SUPPORT: an MBE visit for the escalation's patient, into the dispatcher's tray."""
    require_role(session, INTAKE_ROLES, "request an MBE visit")
    esc = _escalation(session, escalation_id)
    if esc.visit_id is not None:
        return esc.visit_id
    start = max(esc.received_at, now_utc())
    hours = {Severity.URGENT: 3, Severity.TODAY: 8, Severity.ROUTINE: 24}[esc.severity]
    origin = f"From escalation {esc.id}: {esc.category.value.replace('_', ' ')}"
    if esc.category is EscalationCategory.IV_ACCESS_PROBLEM:
        # R-ACCESS (seed 000 §6, §9): a blocked or lost access gets the MBE's PVK placement
        # task; registering that visit records the new access (task_records), which the
        # regimen and the handover check then use.
        esc.visit_id = order_task(session, esc.admission_id, PVK_TASK, window_start=start,
                                  window_end=start + timedelta(hours=hours), note=origin).id
        session.flush()
        return esc.visit_id
    kind = VisitKind.SUPPORT if esc.category is EscalationCategory.MBE_SUPPORT else VisitKind.ASSESSMENT
    visit = Visit(admission_id=esc.admission_id, kind=kind, provider=Provider.MBE,
                  window_start=start, window_end=start + timedelta(hours=hours),
                  service_minutes=SUPPORT_VISIT_MINUTES, status=VisitStatus.PLANNED,
                  note=origin)
    session.add(visit)
    session.flush()
    esc.visit_id = visit.id
    session.flush()
    return visit.id


def create_delivery_for(session: Session, escalation_id: int) -> int:
    """A delivery for missing medicine or supplies, linked to the escalation."""
    require_role(session, INTAKE_ROLES, "order a delivery")
    esc = _escalation(session, escalation_id)
    if esc.delivery_id is not None:
        return esc.delivery_id
    hours = {Severity.URGENT: 4, Severity.TODAY: 8, Severity.ROUTINE: 24}[esc.severity]
    delivery = Delivery(admission_id=esc.admission_id,
                        due_by=max(esc.received_at, now_utc()) + timedelta(hours=hours),
                        status=DeliveryStatus.REQUESTED,
                        contents=f"From escalation {esc.id}: {esc.category.value.replace('_', ' ')}"
                                 f" — {esc.text[:200]}")
    session.add(delivery)
    session.flush()
    esc.delivery_id = delivery.id
    session.flush()
    return delivery.id


def resolve(session: Session, escalation_id: int, *, action: ResolveAction | None,
            note: str, expected_version: int | None = None) -> EscalationRow:
    """Resolve with a documented action; "no action needed" must say why; a created visit or
    delivery must exist and be linked."""
    user = require_role(session, INTAKE_ROLES, "resolve an escalation")
    if action is None:
        raise RuleViolation("R-ESC-ACTION", "action", "Choose the action taken: advice given, "
                            "regimen changed, MBE visit created, delivery created, readmitted, or "
                            "no action needed (with why).")
    esc = _escalation(session, escalation_id)
    if esc.resolved_at is not None:
        raise Conflict("escalation (already resolved)", esc.resolved_by, esc.resolved_at)
    check_version(esc, expected_version, "escalation")
    if not note.strip():
        raise RuleViolation("R-ESC-ACTION", "note", "Document what was done (or why nothing).")
    if action is ResolveAction.MBE_VISIT_CREATED and esc.visit_id is None:
        create_support_visit(session, escalation_id)
    if action is ResolveAction.DELIVERY_CREATED and esc.delivery_id is None:
        create_delivery_for(session, escalation_id)
    now = now_utc()
    if esc.acknowledged_at is None:
        esc.acknowledged_at, esc.acknowledged_by = now, user
    esc.resolved_at, esc.resolved_by = now, user
    esc.resolution_action, esc.resolution_note = action, note.strip()
    session.flush()
    return get_escalation(session, esc.id)


def _rows(session: Session, *where: object, now: datetime | None = None) -> list[EscalationRow]:
    from console.redact import mask_cpr

    now = now or now_utc()
    stmt = (select(Escalation, Patient.name, Patient.cpr, Municipality.name)
            .join(Admission, Escalation.admission_id == Admission.id)
            .join(Patient, Admission.patient_id == Patient.id)
            .join(Municipality, Escalation.municipality_id == Municipality.id)
            .where(*where))  # type: ignore[arg-type]
    out = []
    for e, name, cpr, muni in session.execute(stmt):
        ack_t, res_t = _targets(session, e.severity)
        out.append(EscalationRow(
            id=e.id, admission_id=e.admission_id, patient=name, cpr_masked=mask_cpr(cpr),
            municipality=muni, caller_name=e.caller_name, caller_phone=e.caller_phone,
            category=e.category.value, severity=e.severity.value, text=e.text,
            received_at=e.received_at, routed_to=e.routed_to.value,
            route_override_reason=e.route_override_reason, acknowledged_at=e.acknowledged_at,
            acknowledged_by=e.acknowledged_by, resolved_at=e.resolved_at, resolved_by=e.resolved_by,
            resolution_action=e.resolution_action.value if e.resolution_action else None,
            resolution_note=e.resolution_note, visit_id=e.visit_id, delivery_id=e.delivery_id,
            ack_clock=clock(e.received_at, ack_t, e.acknowledged_at, now),
            resolve_clock=clock(e.received_at, res_t, e.resolved_at, now), version=e.version))
    return out


def get_escalation(session: Session, escalation_id: int) -> EscalationRow:
    rows = _rows(session, Escalation.id == escalation_id)
    if not rows:
        raise NotFound("escalation", escalation_id)
    return rows[0]


def list_escalations(session: Session, *, open_only: bool = False, overdue_only: bool = False,
                     now: datetime | None = None) -> list[EscalationRow]:
    """Open ones by urgency (severity, then the nearest clock); resolved ones newest first."""
    where = [Escalation.resolved_at.is_(None)] if open_only or overdue_only else []
    rows = _rows(session, *where, now=now)
    if overdue_only:
        rows = [r for r in rows if r.overdue]

    def urgency(r: EscalationRow) -> tuple[int, int, float, float]:
        if r.resolved_at is not None:
            return (1, 0, 0.0, -r.resolved_at.timestamp())
        live = r.ack_clock if r.acknowledged_at is None else r.resolve_clock
        return (0, SEVERITY_ORDER[Severity(r.severity)], live.due_at.timestamp(), 0.0)

    return sorted(rows, key=urgency)


@dataclass(frozen=True, slots=True)
class EscalationCounts:
    open: int
    overdue: int
    urgent_unacknowledged: int


def escalation_counts(session: Session, now: datetime | None = None) -> EscalationCounts:
    rows = list_escalations(session, open_only=True, now=now)
    return EscalationCounts(len(rows), sum(r.overdue for r in rows),
                            sum(r.severity == "urgent" and r.acknowledged_at is None for r in rows))


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """The status bar's count and the urgent calls no one has acknowledged yet (every desk)."""

    counts: EscalationCounts
    urgent_unacknowledged: tuple[EscalationRow, ...]


def status_snapshot(session: Session) -> StatusSnapshot:
    rows = list_escalations(session, open_only=True)
    urgent = tuple(r for r in rows if r.severity == "urgent" and r.acknowledged_at is None)
    return StatusSnapshot(escalation_counts(session), urgent)
