"""Visits of a day, and registering a visit as done or missed (R-REGISTER)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from console.models import Admission, LabResult, Patient, ShiftCar, Visit
from console.models.reference import Car
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, RuleViolation, required_text
from console.services.core.uow import check_version, get_existing
from console.services.course.overdue import is_overdue, overdue_cutoff
from console.services.course.task_records import TaskRecord, check_task_record, save_task_record
from console.services.logistics.handover import on_delivery_visit
from console.timeutil import format_local, now_utc, ward_day_bounds
from console.vocabulary import PlaceOfTreatment, Role, VisitKind, VisitStatus

REGISTER_ROLES = {Role.E_NURSE, Role.E_DOCTOR, Role.DISPATCHER}


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    admission_id: int
    patient: str
    kind: str
    provider: str
    window_start: datetime
    window_end: datetime
    service_minutes: int
    status: str
    car: str | None
    performed_by: str | None
    performed_at: datetime | None
    minutes_spent: int | None
    observations: str | None
    missed_reason: str | None
    version: int
    overdue: bool = False  # R-REGISTER: planned, its window closed (plus grace), not registered
    place: str | None = None  # R-REGISTER: where it took place, when not the course's place
    task: str | None = None  # the MBE task it was ordered as (R-MBE-TASKS), if any

    @property
    def shown_status(self) -> str:
        """What a list shows: "overdue" for an overdue planned visit, else the status."""
        return "overdue" if self.overdue else self.status


def _row(v: Visit, patient: str, car: str | None, cutoff: datetime) -> VisitRow:
    return VisitRow(v.id, v.admission_id, patient, v.kind.value, v.provider.value, v.window_start,
                    v.window_end, v.service_minutes, v.status.value, car, v.performed_by,
                    v.performed_at, v.minutes_spent, v.observations, v.missed_reason, v.version,
                    is_overdue(v.status.value, v.window_end, cutoff),
                    v.place.value if v.place else None, v.task)


def select_visits(*columns: Any, where: Sequence[object]) -> Select[Any]:
    """The visits matching ``where`` in window order, each with ``columns`` read from its
    patient (through the admission) and its car in a shift, if any (``Car.call_sign``)."""
    return (
        select(Visit, *columns)
        .join(Admission, Visit.admission_id == Admission.id)
        .join(Patient, Admission.patient_id == Patient.id)
        .outerjoin(ShiftCar, Visit.shift_car_id == ShiftCar.id)
        .outerjoin(Car, ShiftCar.car_id == Car.id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Visit.window_start, Visit.id)
    )


def visit_rows(session: Session, *where: object) -> list[VisitRow]:
    stmt = select_visits(Patient.name, Car.call_sign, where=where)
    cutoff = overdue_cutoff(session)
    return [_row(v, name, car, cutoff) for v, name, car in session.execute(stmt)]


def list_visits(session: Session, day: date) -> list[VisitRow]:
    start, end = ward_day_bounds(day)
    return visit_rows(session, Visit.window_start >= start, Visit.window_start < end)


def _planned_visit(session: Session, visit_id: int, expected_version: int | None) -> Visit:
    visit = get_existing(session, Visit, visit_id, "visit", lock=True)
    check_version(visit, expected_version, "visit")
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status",
                            f"Visit {visit_id} is already {visit.status.value}; it cannot be "
                            "registered again.")
    return visit


def register_visit_done(
    session: Session,
    visit_id: int,
    *,
    performed_at: datetime,
    minutes: int,
    performed_by: str | None = None,
    observations: str | None = None,
    crp: float | None = None,
    place: str | None = None,
    task_record: TaskRecord | None = None,
    expected_version: int | None = None,
) -> VisitRow:
    """R-REGISTER: type (the visit's kind), place (the course's place of treatment, or
    ``place`` when this visit was elsewhere), time spent, who, observations, CRP when ordered;
    for an ordered MBE task, what the task records (R-MBE-TASKS, ``task_records.py``)."""
    user = require_role(session, REGISTER_ROLES, "register a visit")
    visit = _planned_visit(session, visit_id, expected_version)
    if not 0 < minutes < 600:
        raise InvalidInput("minutes", "Time spent with the patient must be 1-599 minutes.")
    if performed_at > now_utc():
        raise InvalidInput("at", "A visit cannot be registered as done in the future.")
    admitted_at = session.scalar(select(Admission.admitted_at)
                                 .where(Admission.id == visit.admission_id))
    if admitted_at is not None and performed_at < admitted_at:
        raise RuleViolation("R-REGISTER", "at", "A visit cannot be done before the patient was "
                            f"admitted ({format_local(admitted_at, '%d-%m-%Y %H:%M')}): "
                            "check the date.")
    if crp is not None and not 0 <= crp <= 1000:
        raise InvalidInput("crp", "CRP is 0-1000 mg/L.")
    check_task_record(visit.task, task_record, observations)
    if place is not None:
        try:
            where = PlaceOfTreatment(place)
        except ValueError:
            raise InvalidInput("place", f"'{place}' is not a place of treatment.") from None
        course_place = session.scalar(select(Admission.place_of_treatment)
                                      .where(Admission.id == visit.admission_id))
        visit.place = None if where == course_place else where
    visit.status = VisitStatus.DONE
    visit.performed_at = performed_at
    visit.minutes_spent = minutes
    visit.performed_by = performed_by or user
    visit.observations = observations
    if crp is not None:
        session.add(LabResult(admission_id=visit.admission_id, analysis="crp", value=crp,
                              taken_at=performed_at, visit_id=visit.id, recorded_by=user))
    elif visit.kind is VisitKind.BLOOD_SAMPLE and visit.task is None and observations is None:
        raise InvalidInput("crp", "A blood sample visit needs the CRP value or an observation "
                           "saying why there is none.")
    session.flush()
    if visit.task is not None and task_record is not None:
        save_task_record(session, admission_id=visit.admission_id, visit_id=visit.id,
                         task_code=visit.task, record=task_record, performed_at=performed_at,
                         performed_by=visit.performed_by or user)
    on_delivery_visit(session, visit)
    return visit_rows(session, Visit.id == visit.id)[0]


def register_visit_missed(session: Session, visit_id: int, *, reason: str,
                          expected_version: int | None = None) -> VisitRow:
    require_role(session, REGISTER_ROLES, "register a visit")
    reason = required_text(reason, "reason", "Say why the visit was missed.")
    visit = _planned_visit(session, visit_id, expected_version)
    visit.status = VisitStatus.MISSED
    visit.missed_reason = reason
    session.flush()
    on_delivery_visit(session, visit)
    return visit_rows(session, Visit.id == visit.id)[0]
