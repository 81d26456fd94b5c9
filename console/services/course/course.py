"""Changing a running course: regimen changes and discharge (R-DISCHARGE)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.models import Admission, CourseAgreement, Delivery, Regimen, Visit
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, RuleViolation
from console.services.core.settings_store import get_int
from console.services.core.uow import check_version, get_existing
from console.services.course.admission_rules import check_course_length, check_dosing
from console.services.course.course_plan import LinePlan, plan_doses
from console.services.course.dose import parse_dose
from console.services.course.schedule import default_dose_times, format_dose_times, parse_dose_times
from console.services.messaging.agreement import (
    check_epikrise_for_discharge,
    record_epikrise_reason,
    responsibility,
)
from console.services.messaging.careplan import on_course_changed, on_discharged
from console.timeutil import local_date, now_utc
from console.vocabulary import AdmissionStatus, DeliveryStatus, DischargeOutcome, Provider, Role, VisitStatus

OPEN_DELIVERY = (DeliveryStatus.REQUESTED, DeliveryStatus.PACKED, DeliveryStatus.OUT)
# Desks' clocks differ a little: a time this far ahead of this desk's clock is still "now".
CLOCK_SKEW = timedelta(minutes=5)
CHANGE_GRACE = timedelta(hours=1)  # R-CHANGE-PAST: "from" this little before now means now


@dataclass(frozen=True, slots=True)
class DischargeResult:
    admission_id: int
    outcome: str
    discharged_at: datetime
    visits_cancelled: int
    deliveries_cancelled: int
    epikrise_sent: bool
    municipality_informed: bool
    # R-EPIKRISE (seed 004): the medicine prescribed during the admission (the tablets after an
    # oral switch) goes with the patient until the first coming weekday; FMK is updated.
    medicine_until: date
    responsibility: str = "ehospital"  # R-EPIKRISE: ehospital | gp
    responsibility_reason: str = ""


def first_coming_weekday(day: date) -> date:
    """The first weekday (Monday-Friday) after ``day``: Friday and the weekend give Monday."""
    nxt = day + timedelta(days=1)
    while nxt.weekday() >= 5:
        nxt += timedelta(days=1)
    return nxt


def _admission(session: Session, admission_id: int, expected_version: int | None) -> Admission:
    adm = get_existing(session, Admission, admission_id, "admission", lock=True)
    check_version(adm, expected_version, "admission")
    if adm.status is AdmissionStatus.DISCHARGED:
        raise RuleViolation("R-DISCHARGE", "admission", f"Admission {admission_id} is already "
                            "discharged.")
    return adm


def discharge(
    session: Session,
    admission_id: int,
    *,
    outcome: DischargeOutcome,
    epikrise_sent: bool,
    municipality_informed: bool,
    at: datetime | None = None,
    expected_version: int | None = None,
    epikrise_missing_reason: str | None = None,
) -> DischargeResult:
    """R-DISCHARGE: outcome, epikrise to the GP, municipality informed; remaining visits and
    deliveries cancelled; all in this one transaction.

    R-EPIKRISE: ``epikrise_sent`` records an epikrise sent from the EPR; without it (and without
    an epikrise message sent from the console) the discharge needs ``epikrise_missing_reason``,
    and the eHospital keeps the treatment responsibility.
    """
    require_role(session, {Role.E_DOCTOR}, "discharge a patient")
    adm = _admission(session, admission_id, expected_version)
    now = now_utc()
    at = at or now
    if adm.admitted_at is not None and at < adm.admitted_at:
        raise InvalidInput("at", "Discharge cannot be before the admission.")
    if at > now + CLOCK_SKEW:
        raise RuleViolation("R-DISCHARGE", "at", "A discharge is recorded when it happens: "
                            "its time cannot be in the future.")
    check_epikrise_for_discharge(session, adm, epikrise_sent=epikrise_sent,
                                 reason=epikrise_missing_reason)  # the time first: a typo
    record_epikrise_reason(session, admission_id, epikrise_missing_reason)  # is said first
    adm.status = AdmissionStatus.DISCHARGED
    adm.discharged_at = at
    adm.discharge_outcome = outcome
    adm.epikrise_sent_at = at if epikrise_sent else None
    adm.municipality_informed_at = at if municipality_informed else None
    visits = list(session.scalars(select(Visit).where(
        Visit.admission_id == admission_id, Visit.status == VisitStatus.PLANNED,
        Visit.window_end > at)))
    for v in visits:
        v.status = VisitStatus.CANCELLED
    deliveries = list(session.scalars(select(Delivery).where(
        Delivery.admission_id == admission_id, Delivery.status.in_(OPEN_DELIVERY))))
    for d in deliveries:
        d.status = DeliveryStatus.CANCELLED
    session.flush()
    on_discharged(session, admission_id)  # R-EPIKRISE: the discharge report, for review
    holder, why = responsibility(session, adm, session.get(CourseAgreement, admission_id))
    return DischargeResult(admission_id, outcome.value, at, len(visits), len(deliveries),
                           epikrise_sent, municipality_informed,
                           first_coming_weekday(local_date(at)), holder, why)


@dataclass(frozen=True, slots=True)
class RegimenChangeResult:
    regimen_id: int
    visits_cancelled: int
    visits_planned: int


def change_regimen(
    session: Session,
    regimen_id: int,
    *,
    effective_from: datetime,
    dose: str | None = None,
    doses_per_day: int | None = None,
    dose_times: list[time] | None = None,
    end_date: date | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> RegimenChangeResult:
    """Change dose, frequency or end date from ``effective_from`` on: future planned dose visits
    of the line are replaced; visits before it (done, missed or planned) stay as they are.

    R-CHANGE-PAST: ``effective_from`` is not before ``now`` (the clock's, unless given), so a
    change never alters a done, missed or past visit, as the user guide promises. A time a
    little before now (a dialog left open a while) means "from now"."""
    require_role(session, {Role.E_DOCTOR}, "change a regimen")
    now = now or now_utc()
    if effective_from < now - CHANGE_GRACE:
        raise RuleViolation("R-CHANGE-PAST", "effective_from",
                            "A regimen change applies from now or later: the past visits stay "
                            "as they were given. Choose a time from now on.")
    reg = get_existing(session, Regimen, regimen_id, "regimen", lock=True)
    check_version(reg, expected_version, "regimen")
    adm = _admission(session, reg.admission_id, None)
    n = doses_per_day or reg.doses_per_day
    if not 1 <= n <= 4:  # before default times are spread over n doses
        raise RuleViolation("R-FREQ", "doses_per_day", "Doses per day must be 1, 2, 3 or 4.")
    times = dose_times or (parse_dose_times(reg.dose_times) if doses_per_day in (None, reg.doses_per_day)
                           else default_dose_times(n))
    end = end_date or reg.end_date
    _check_change(session, adm, reg, n, times, end)
    if dose is not None:  # R-DOSE: an amount above zero and a unit, never free text
        reg.dose = str(parse_dose(dose, "dose"))
    reg.doses_per_day, reg.dose_times, reg.end_date = n, format_dose_times(times), end
    old = list(session.scalars(select(Visit).where(
        Visit.regimen_id == reg.id, Visit.status == VisitStatus.PLANNED,
        Visit.window_start >= max(effective_from, now))))
    for v in old:
        v.status = VisitStatus.CANCELLED
    line = LinePlan(index=0, kind=reg.kind, doses_per_day=n, dose_times=tuple(times),
                    start=reg.start_date, end=end, infusion_minutes=min(
                        (v.service_minutes for v in old), default=30),
                    first_dose_given_in_hospital=True)
    planned = plan_doses(line, adm.provider, get_int(session, "dose_window_minutes"),
                         not_before=max(effective_from, now))
    session.add_all(Visit(admission_id=adm.id, regimen_id=reg.id, kind=p.kind,
                          provider=p.provider, window_start=p.window_start,
                          window_end=p.window_end, service_minutes=p.service_minutes,
                          status=VisitStatus.PLANNED) for p in planned)
    if adm.planned_end is not None and end > adm.planned_end:
        adm.planned_end = end
    session.execute(update(Delivery).where(
        Delivery.admission_id == adm.id, Delivery.status.in_(
            (DeliveryStatus.PACKED, DeliveryStatus.OUT))).values(needs_review=True))
    session.flush()
    on_course_changed(session, adm.id, _change_reason(dose, n, times, end, adm.planned_end))
    return RegimenChangeResult(reg.id, len(old), len(planned))


def _change_reason(dose: str | None, n: int, times: list[time], end: date,
                   planned_end: date | None) -> str:
    """What changed, for the dated care plan update (R-CAREPLAN), in Danish for the municipality."""
    parts = [f"ny dosis {dose}"] if dose else []
    parts.append(f"{n} gange dagligt kl. {format_dose_times(times).replace(',', ', ')}")
    parts.append(f"sidste dosisdag {end.isoformat()}")
    if planned_end is not None:
        parts.append(f"forventet afslutning {planned_end.isoformat()}")
    return "ændret behandling: " + "; ".join(parts)


def _check_change(session: Session, adm: Admission, reg: Regimen, n: int, times: list[time],
                  end: date) -> None:
    from console.services.course.admissions import load_rule_context

    muni = adm.patient.municipality
    ctx = load_rule_context(session)
    problems = check_dosing(where="", municipal=adm.provider is Provider.MUNICIPALITY,
                            municipality=muni.name, agreement=muni.four_daily_agreement,
                            doses_per_day=n, system=reg.system, dose_times=tuple(times), ctx=ctx)
    if end < reg.start_date:
        problems.append(RuleViolation("R-DATES", "end_date",
                                      "The end date cannot be before the course start."))
    else:
        problems += check_course_length((end - reg.start_date).days + 1, "end_date", ctx)
    if problems:
        raise problems[0]
