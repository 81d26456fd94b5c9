"""The IV agreement's rules for an admission, as pure checks over a referral.

``check_referral`` returns every violation (so a form can show them all while it is filled);
the admission service raises the first. Each check cites its rule id from domain.md:

R-CPR, R-AGE, R-PARENTS, R-ONE-ACTIVE, R-MUNICIPALITY, R-CONSENT, R-DOCTOR, R-FREQ, R-PUMP,
R-WINDOW, R-DOSE, R-DOSE-TIMES, R-VISIT-LEN, R-SUPPLY, R-SYSTEM, R-IV-ACCESS, R-DATES, R-CRP3,
R-TARIFF; R-CAPACITY only warns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from console.services.core.errors import RuleViolation
from console.services.course.cpr import age_on, parse_cpr
from console.services.course.dose import parse_dose
from console.services.course.referral import ReferralInput, RegimenInput
from console.services.course.tariffs import PUMPS
from console.timeutil import format_local, local_date, now_utc
from console.vocabulary import AdministrationSystem, Provider

MIN_AGE = 15  # R-AGE
ADULT_AGE = 18  # R-PARENTS: under this the parents are informed
MAX_VISIT_MINUTES = 60  # R-VISIT-LEN: staff stay *less than* one hour
MAX_START_DELAY_DAYS = 7


@dataclass(frozen=True)
class RuleContext:
    """What the rules need to know from the database, loaded once per check."""

    municipalities: dict[str, bool]  # name -> has the 4x/day agreement (R-FREQ)
    doctors: frozenset[str]  # initials of active e-doctors
    tariff_codes: frozenset[str]
    systems: frozenset[str]  # configured closed systems
    iv_access_types: frozenset[str]
    window_start: time = time(7, 0)  # R-WINDOW
    window_end: time = time(23, 0)
    municipal_max_daily: int = 3  # R-FREQ
    crp_day: int = 3  # R-CRP3
    active_admission_cprs: frozenset[str] = frozenset()  # R-ONE-ACTIVE
    admitted_count: int = 0
    capacity: int = 30
    admission_past_days: int = 3  # R-ADMIT-TIME
    admission_future_days: int = 3
    max_course_days: int = 90  # R-COURSE-LEN
    now: datetime | None = None  # when the check runs (None: the clock's now)


def check_referral(ref: ReferralInput, ctx: RuleContext) -> list[RuleViolation]:
    problems: list[RuleViolation] = []
    day = local_date(ref.admitted_at)
    problems += _check_patient(ref, ctx, day)
    problems += check_admission_time(ref.admitted_at, ctx)
    problems += _check_consent(ref)
    if ref.responsible_doctor not in ctx.doctors:
        problems.append(RuleViolation(
            "R-DOCTOR", "responsible_doctor",
            f"'{ref.responsible_doctor}' is not an active e-doctor: choose the doctor who holds "
            "the treatment responsibility."))
    muni_agreement = ctx.municipalities.get(ref.patient.municipality, False)
    for i, line in enumerate(ref.regimen):
        problems += _check_line(ref, line, f"regimen[{i}].", ctx, day, muni_agreement)
    problems += _check_course(ref, ctx, day)
    return problems


def capacity_warnings(ctx: RuleContext) -> list[str]:
    """R-CAPACITY: over capacity is shown, never blocked."""
    after = ctx.admitted_count + 1
    if after > ctx.capacity:
        return [f"R-CAPACITY: {after} / {ctx.capacity} admitted after this admission "
                "(over capacity)."]
    return []


def _check_patient(ref: ReferralInput, ctx: RuleContext, day: date) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    try:
        cpr, born = parse_cpr(ref.patient.cpr)
    except RuleViolation as exc:
        out.append(exc)
    else:
        if age_on(born, day) < MIN_AGE:
            out.append(RuleViolation(
                "R-AGE", "patient.cpr",
                f"The patient is {age_on(born, day)} on admission; the eHospital admits patients "
                f"aged {MIN_AGE} or older."))
        elif age_on(born, day) < ADULT_AGE and (ref.parents_informed is None
                                                or not ref.parents_informed.informed_by.strip()):
            out.append(RuleViolation(
                "R-PARENTS", "parents_informed",
                f"The patient is {age_on(born, day)}: record who informed the parents and when "
                f"(a patient of {MIN_AGE}-{ADULT_AGE - 1} consents alone; the parents are "
                "informed)."))
        if cpr in ctx.active_admission_cprs:
            out.append(RuleViolation(
                "R-ONE-ACTIVE", "patient.cpr",
                f"{cpr[:6]}-XXXX already has an active admission: discharge it or open it instead."))
    if ref.patient.municipality not in ctx.municipalities:
        out.append(RuleViolation(
            "R-MUNICIPALITY", "patient.municipality",
            f"'{ref.patient.municipality}' is not one of the configured municipalities "
            f"({', '.join(sorted(ctx.municipalities))})."))
    return out


def check_admission_time(admitted_at: datetime, ctx: RuleContext) -> list[RuleViolation]:
    """R-ADMIT-TIME: the admission time lies within the configured window around now."""
    now = ctx.now or now_utc()
    earliest = now - timedelta(days=ctx.admission_past_days)
    latest = now + timedelta(days=ctx.admission_future_days)
    if earliest <= admitted_at <= latest:
        return []
    when = format_local(admitted_at, "%d-%m-%Y %H:%M")
    return [RuleViolation(
        "R-ADMIT-TIME", "admitted_at",
        f"The admission time {when} is more than {ctx.admission_past_days} days before or "
        f"{ctx.admission_future_days} days after now: check the date.")]


def check_course_length(days: int, field: str, ctx: RuleContext) -> list[RuleViolation]:
    """R-COURSE-LEN: a regimen line runs at most the configured number of days."""
    if days <= ctx.max_course_days:
        return []
    return [RuleViolation(
        "R-COURSE-LEN", field,
        f"A course of {days} days is longer than the {ctx.max_course_days} days a home course "
        "may run: check the number, or ask an admin to change the limit.")]


def _check_consent(ref: ReferralInput) -> list[RuleViolation]:
    c = ref.consent
    if c is None:
        return [RuleViolation("R-CONSENT", "consent",
                              "Record who informed the patient about home treatment, and when.")]
    out = []
    if not c.informed_by:
        out.append(RuleViolation("R-CONSENT", "consent.informed_by",
                                 "Record who informed the patient (initials)."))
    if not c.written_info_given:
        out.append(RuleViolation("R-CONSENT", "consent.written_info_given",
                                 "The patient must also have had written information."))
    if c.at > ref.admitted_at:
        out.append(RuleViolation("R-CONSENT", "consent.at",
                                 "Consent must be given before the admission time."))
    return out


def check_dosing(*, where: str, municipal: bool, municipality: str, agreement: bool,
                 doses_per_day: int, system: AdministrationSystem,
                 dose_times: tuple[time, ...] | None, ctx: RuleContext) -> list[RuleViolation]:
    """R-FREQ, R-PUMP, R-DOSE-TIMES and R-WINDOW for one regimen line (at admission and when a
    running regimen is changed)."""
    out: list[RuleViolation] = []
    n = doses_per_day
    if not 1 <= n <= 4:
        out.append(RuleViolation("R-FREQ", f"{where}doses_per_day",
                                 "Doses per day must be 1, 2, 3 or 4."))
    elif municipal and n > ctx.municipal_max_daily and not agreement:
        out.append(RuleViolation(
            "R-FREQ", f"{where}doses_per_day",
            f"{municipality} has no agreement on {n} municipal administrations a day "
            f"(at most {ctx.municipal_max_daily}): choose the MBE as provider or fewer doses."))
    if system in PUMPS and n >= 4:
        out.append(RuleViolation(
            "R-PUMP", f"{where}system",
            "A course with a pump cannot run 4 times a day: choose 3 or fewer doses, or no pump."))
    if dose_times is not None:
        out += _check_dose_times(n, dose_times, where, ctx)
    return out


def _check_line(ref: ReferralInput, line: RegimenInput, where: str, ctx: RuleContext, day: date,
                agreement: bool) -> list[RuleViolation]:
    out = check_dosing(where=where, municipal=ref.provider is Provider.MUNICIPALITY,
                       municipality=ref.patient.municipality, agreement=agreement,
                       doses_per_day=line.doses_per_day, system=line.system,
                       dose_times=line.dose_times, ctx=ctx)
    if line.dose.strip():  # blank: "still to fill in" in the form, required by the schema
        try:
            parse_dose(line.dose, f"{where}dose")
        except RuleViolation as exc:
            out.append(exc)
    if line.system.value not in ctx.systems:
        out.append(RuleViolation("R-SYSTEM", f"{where}system",
                                 f"'{line.system.value}' is not a configured closed system."))
    if line.iv_access.value not in ctx.iv_access_types:
        out.append(RuleViolation("R-IV-ACCESS", f"{where}iv_access",
                                 f"'{line.iv_access.value}' is not a configured IV access type."))
    if not 0 < line.infusion_minutes < MAX_VISIT_MINUTES:
        out.append(RuleViolation(
            "R-VISIT-LEN", f"{where}infusion_minutes",
            "Plan each infusion so staff stay less than one hour (1-59 minutes)."))
    course_doses = line.doses_per_day * max(line.days, 0)
    if line.doses_sent is not None and not 0 <= line.doses_sent <= course_doses:
        out.append(RuleViolation(
            "R-SUPPLY", f"{where}doses_sent",
            f"The doses sent with the patient are 0 to {course_doses} (the whole course); "
            f"{line.doses_sent} is outside that."))
    if line.days < 1:
        out.append(RuleViolation("R-DATES", f"{where}days", "A course lasts at least 1 day."))
    else:
        out += check_course_length(line.days, f"{where}days", ctx)
    if line.start < day:
        out.append(RuleViolation("R-DATES", f"{where}start",
                                 "The home course cannot start before the admission day."))
    elif line.start > day + timedelta(days=MAX_START_DELAY_DAYS):
        out.append(RuleViolation("R-DATES", f"{where}start",
                                 f"The course starts more than {MAX_START_DELAY_DAYS} days after "
                                 "admission: check the start date."))
    if line.iv_access_remove_by is not None and line.iv_access_remove_by < line.start:
        out.append(RuleViolation("R-DATES", f"{where}iv_access_remove_by",
                                 "The IV access cannot be removed before the course starts."))
    return out


def _check_dose_times(n: int, dose_times: tuple[time, ...], where: str,
                      ctx: RuleContext) -> list[RuleViolation]:
    times = list(dose_times)
    out = []
    if len(times) != n:
        out.append(RuleViolation(
            "R-DOSE-TIMES", f"{where}dose_times", f"{len(times)} dose times given for {n} doses a day."))
    if len(set(times)) != len(times) or times != sorted(times):
        out.append(RuleViolation("R-DOSE-TIMES", f"{where}dose_times",
                                 "Dose times must be different and in order through the day."))
    outside = [t for t in times if not ctx.window_start <= t <= ctx.window_end]
    if outside:
        out.append(RuleViolation(
            "R-WINDOW", f"{where}dose_times",
            f"{outside[0].strftime('%H:%M')} is outside {ctx.window_start:%H:%M}-"
            f"{ctx.window_end:%H:%M}, when administrations take place."))
    return out


def _check_course(ref: ReferralInput, ctx: RuleContext, day: date) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    last = max((line.end for line in ref.regimen), default=day)
    if ref.planned_end is not None and ref.planned_end < last:
        out.append(RuleViolation(
            "R-DATES", "planned_end",
            f"The planned end {ref.planned_end} is before the last dose day {last}."))
    if ref.crp_day is not None:
        if ref.crp_day < 1:
            out.append(RuleViolation("R-CRP3", "crp_day", "The CRP day is a course day (1 or later)."))
        elif ref.crp_day != ctx.crp_day and not ref.crp_day_reason:
            out.append(RuleViolation(
                "R-CRP3", "crp_day_reason",
                f"CRP is measured on day {ctx.crp_day}; another day needs the doctor's reason."))
    if ref.tariff is not None and ref.tariff not in ctx.tariff_codes:
        out.append(RuleViolation(
            "R-TARIFF", "tariff",
            f"'{ref.tariff}' is not a configured course tariff "
            f"({', '.join(sorted(ctx.tariff_codes))})."))
    return out
