"""Admitting a referred patient: rules checked, then patient, admission, regimen, visits and the
supply delivery written in one transaction (nothing half-saved)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from console.models import (
    Admission,
    Delivery,
    DeliveryItem,
    Municipality,
    Patient,
    Regimen,
    Relative,
    Staff,
    StaffRole,
    TariffType,
    Visit,
)
from console.services.core.access import require_role
from console.services.core.errors import RuleViolation, SimultaneousWrite
from console.services.core.operations import somebody_was_first
from console.services.core.settings_store import get_int, get_list, get_time
from console.services.core.staff import list_staff
from console.services.course.admission_rules import RuleContext, capacity_warnings, check_referral
from console.services.course.course_plan import LinePlan, plan_course, plan_supply_delivery
from console.services.course.cpr import parse_cpr
from console.services.course.dose import parse_dose
from console.services.course.referral import ReferralInput, RegimenInput
from console.services.course.schedule import default_dose_times, format_dose_times
from console.services.course.tariffs import propose_tariff_code
from console.services.logistics.packing import describe, packing_list
from console.services.messaging.agreement import start_agreement
from console.timeutil import local_date, now_utc
from console.vocabulary import AdmissionStatus, DeliveryStatus, Role, VisitStatus


@dataclass(frozen=True, slots=True)
class VisitSummary:
    id: int
    kind: str
    provider: str
    window_start: str
    window_end: str


@dataclass(frozen=True, slots=True)
class AdmissionResult:
    admission_id: int
    patient_id: int
    tariff: str
    warnings: tuple[str, ...]
    visits: tuple[VisitSummary, ...]
    delivery_id: int | None


def load_rule_context(session: Session) -> RuleContext:
    munis = dict(session.execute(select(Municipality.name, Municipality.four_daily_agreement)).all())
    doctors = frozenset(session.scalars(
        select(Staff.initials).join(StaffRole).where(Staff.active, StaffRole.role == Role.E_DOCTOR)))
    active_cprs = frozenset(session.scalars(
        select(Patient.cpr).join(Admission, Admission.patient_id == Patient.id)
        .where(Admission.status != AdmissionStatus.DISCHARGED)))
    admitted = session.scalar(select(func.count()).select_from(Admission)
                              .where(Admission.status == AdmissionStatus.ADMITTED)) or 0
    return RuleContext(
        municipalities=munis,
        doctors=doctors,
        tariff_codes=frozenset(session.scalars(select(TariffType.code))),
        systems=frozenset(get_list(session, "closed_systems")),
        iv_access_types=frozenset(get_list(session, "iv_access_types")),
        window_start=get_time(session, "municipal_window_start"),
        window_end=get_time(session, "municipal_window_end"),
        municipal_max_daily=get_int(session, "municipal_max_daily"),
        crp_day=get_int(session, "crp_day"),
        active_admission_cprs=active_cprs,
        admitted_count=int(admitted),
        capacity=get_int(session, "capacity"),
        admission_past_days=get_int(session, "admission_past_days"),
        admission_future_days=get_int(session, "admission_future_days"),
        max_course_days=get_int(session, "max_course_days"),
        now=now_utc(),
    )


def validate_referral(session: Session, referral: ReferralInput) -> list[RuleViolation]:
    """Every rule the referral breaks (empty when it can be admitted). Writes nothing."""
    return check_referral(referral, load_rule_context(session))


def _line_plans(referral: ReferralInput) -> list[LinePlan]:
    return [
        LinePlan(
            index=i,
            kind=line.kind,
            doses_per_day=line.doses_per_day,
            dose_times=line.dose_times or tuple(default_dose_times(line.doses_per_day)),
            start=line.start,
            end=line.end,
            infusion_minutes=line.infusion_minutes,
            first_dose_given_in_hospital=line.first_dose_given_in_hospital,
        )
        for i, line in enumerate(referral.regimen)
    ]


def admit(session: Session, referral: ReferralInput) -> AdmissionResult:
    """Admit a referred patient (e-doctor only). Raises the first ``RuleViolation``."""
    require_role(session, {Role.E_DOCTOR}, "admit a patient")
    ctx = load_rule_context(session)
    problems = check_referral(referral, ctx)
    if problems:
        raise problems[0]
    cpr, _born = parse_cpr(referral.patient.cpr)
    first_day = local_date(referral.admitted_at)
    lines = _line_plans(referral)
    last_day = max(ln.end for ln in lines)
    planned_end = referral.planned_end or last_day
    course_days = (planned_end - first_day).days + 1
    tariff_code = referral.tariff or propose_tariff_code(
        [(ln.kind, ln.system, ln.doses_per_day) for ln in referral.regimen], course_days)
    tariff = session.scalars(select(TariffType).where(TariffType.code == tariff_code)
                             .order_by(TariffType.price_year.desc())).first()
    if tariff is None:  # R-TARIFF: never left missing
        raise RuleViolation("R-TARIFF", "tariff", f"No tariff '{tariff_code}' is configured: "
                            "an admin must enter the region's tariff model first.")

    try:
        return _write_admission(session, referral, ctx, cpr, tariff, lines)
    except DBAPIError as exc:
        # Two desks admitting the same new patient at once: the loser's insert meets the winner's
        # unique CPR or one-active index (or PostgreSQL's serialisation check). A typed conflict,
        # exit 3, naming no patient; never a traceback with the CPR in its DETAIL line.
        if not somebody_was_first(exc):
            raise
        raise SimultaneousWrite(
            "admission", "Another desk admitted this patient at the same moment; nothing was "
            "saved. Open the census to see their admission.", "patient.cpr") from None


def _write_admission(session: Session, referral: ReferralInput, ctx: RuleContext, cpr: str,
                     tariff: TariffType, lines: list[LinePlan]) -> AdmissionResult:
    """Patient, admission, regimen, visits and the supply delivery, in the caller's transaction."""
    first_day = local_date(referral.admitted_at)
    planned_end = referral.planned_end or max(ln.end for ln in lines)
    patient = _upsert_patient(session, referral, cpr)
    crp_day = referral.crp_day or ctx.crp_day
    admission = Admission(
        patient=patient,
        status=AdmissionStatus.ADMITTED,
        referred_by=referral.referred_by,
        admitted_at=referral.admitted_at,
        responsible_doctor_id=session.scalar(
            select(Staff.id).where(Staff.initials == referral.responsible_doctor)),
        condition=referral.condition,
        condition_text=referral.condition_text,
        consent_informed_by=referral.consent.informed_by if referral.consent else None,
        consent_at=referral.consent.at if referral.consent else None,
        consent_written=bool(referral.consent and referral.consent.written_info_given),
        parents_informed_by=(referral.parents_informed.informed_by.strip()
                             if referral.parents_informed else None),
        parents_informed_at=referral.parents_informed.at if referral.parents_informed else None,
        provider=referral.provider,
        place_of_treatment=referral.place_of_treatment,
        planned_end=planned_end,
        tariff_type=tariff,
        tariff_override_reason=referral.tariff_override_reason,
        meeting_link=referral.meeting_link,
        crp_day=crp_day,
        crp_day_reason=referral.crp_day_reason,
        medication_list_updated=referral.medication_list_updated,
    )
    session.add(admission)
    start_agreement(session, admission)  # R-ACCEPT: municipal doses await acceptance
    supply_days = sent_days(referral.regimen, get_int(session, "supply_days_initial"))
    regimens = []
    for i, (line, plan) in enumerate(zip(referral.regimen, lines, strict=True)):
        reg = Regimen(
            admission=admission, kind=line.kind, drug=line.drug,
            dose=str(parse_dose(line.dose, f"regimen[{i}].dose")),
            doses_per_day=line.doses_per_day, dose_times=format_dose_times(list(plan.dose_times)),
            system=line.system, iv_access=line.iv_access,
            # R-HANDOVER: a removal date nobody gave stays missing (and is listed), never invented
            iv_access_remove_by=line.iv_access_remove_by,
            first_dose_given_in_hospital=line.first_dose_given_in_hospital,
            start_date=line.start, end_date=line.end,
            doses_sent=(line.doses_sent if line.doses_sent is not None else
                        min(supply_days, (line.end - line.start).days + 1) * line.doses_per_day),
        )
        session.add(reg)
        regimens.append(reg)
    session.flush()

    planned = plan_course(admitted_at=referral.admitted_at, provider=referral.provider,
                          lines=lines, crp_day=crp_day,
                          window_minutes=get_int(session, "dose_window_minutes"))
    visits = [
        Visit(admission_id=admission.id,
              regimen_id=regimens[p.line_index].id if p.line_index is not None else None,
              kind=p.kind, provider=p.provider, window_start=p.window_start,
              window_end=p.window_end, service_minutes=p.service_minutes,
              status=VisitStatus.PLANNED)
        for p in planned
    ]
    session.add_all(visits)
    delivery_plan = plan_supply_delivery(first_day=first_day, lines=lines, supply_days=supply_days)
    delivery = None
    if delivery_plan is not None:
        items = packing_list([(regimens[i].id, f"{regimens[i].drug} {regimens[i].dose}", n)
                              for i, n in delivery_plan.doses])
        delivery = Delivery(admission_id=admission.id, due_by=delivery_plan.due_by,
                            status=DeliveryStatus.REQUESTED, contents=describe(items),
                            days_covered=delivery_plan.days_covered,
                            items=[DeliveryItem(regimen_id=i.regimen_id, item=i.item,
                                                quantity=i.quantity) for i in items])
        session.add(delivery)
    session.flush()
    return AdmissionResult(
        admission_id=admission.id,
        patient_id=patient.id,
        tariff=tariff.code,
        warnings=tuple(capacity_warnings(ctx)),
        visits=tuple(
            VisitSummary(v.id, v.kind.value, v.provider.value, v.window_start.isoformat(),
                         v.window_end.isoformat()) for v in visits),
        delivery_id=delivery.id if delivery else None,
    )


def _upsert_patient(session: Session, referral: ReferralInput, cpr: str) -> Patient:
    p = referral.patient
    muni = session.scalar(select(Municipality).where(Municipality.name == p.municipality))
    assert muni is not None  # R-MUNICIPALITY checked before
    patient = session.scalar(select(Patient).where(Patient.cpr == cpr))
    if patient is None:
        patient = Patient(cpr=cpr)
        session.add(patient)
    patient.name, patient.address, patient.municipality = p.name, p.address, muni
    patient.phone, patient.gp = p.phone, p.gp
    exact = p.lat is not None and p.lon is not None
    patient.lat = p.lat if p.lat is not None else muni.lat
    patient.lon = p.lon if p.lon is not None else muni.lon
    patient.location_approximate = not exact
    patient.relatives = [Relative(name=r.name, phone=r.phone, relation=r.relation)
                         for r in p.relatives]
    return patient


@dataclass(frozen=True)
class AdmissionOptions:
    """What the admission dialog offers and checks as the form is filled."""

    rules: RuleContext
    doctors: tuple[tuple[str, str], ...]  # (initials, name) of active e-doctors
    municipalities: tuple[str, ...]


def admission_options(session: Session) -> AdmissionOptions:
    rules = load_rule_context(session)
    doctors = tuple((s.initials, s.name) for s in list_staff(session)
                    if s.active and "e_doctor" in s.roles)
    return AdmissionOptions(rules, doctors, tuple(sorted(rules.municipalities)))


def sent_days(lines: tuple[RegimenInput, ...], configured: int) -> int:
    """R-SUPPLY: whole days the medicine sent with the patient lasts, the first line to run out
    deciding: a line's doses sent when given, else the configured days (supply_days_initial)."""
    return min((line.doses_sent // line.doses_per_day
                if line.doses_sent is not None and line.doses_per_day > 0 else configured)
               for line in lines) if lines else configured
