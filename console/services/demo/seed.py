"""A deterministic, realistic demo ward for one local ward day (``eward seed --demo``).

``seed_demo`` writes inside the caller's unit of work and never commits. Everything comes from
``random.Random(seed)`` and the given day (no clock, no global random), so the same day and seed
give the same ward. Reference data (municipalities, bases, cars, settings, tariffs) must already
exist; the demo looks it up. The data tables live in ``console.services.demo.data``.

The demo respects the agreement's rules it touches: R-AGE, R-CONSENT, R-FREQ, R-PUMP, R-WINDOW,
R-VISIT-LEN, R-FIRST, R-CRP3, R-SUPPLY, R-CONTACT, R-SHIFT, R-DISCHARGE, R-TARIFF.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from console.models import Admission, Municipality, Patient, Regimen, Setting, Visit
from console.services.core.errors import InvalidInput
from console.services.course.schedule import (
    MUNICIPAL_WINDOW,
    course_day,
    default_dose_times,
    dose_windows,
    first_visit_window,
    format_dose_times,
    sample_window,
)
from console.services.course.tariffs import PUMPS, propose_tariff_code
from console.services.demo import data
from console.services.demo.messaging import seed_messaging
from console.services.demo.operations import (
    _assign_cars,
    _deliveries,
    _escalations,
    _nearest_base,
    _shifts,
)
from console.services.demo.referrals import seed_referrals
from console.services.demo.rounds import seed_past_rounds
from console.services.demo.up_to_now import bring_up_to_now, record_crp, register_visit
from console.services.demo.ward import (
    COUNT_NAMES,
    COUNTS_KEY,
    HISTORY_DAYS,
    MARKER_KEY,
    Course,
    Ward,
    ensure_staff,
    new_patient,
    open_ward,
    random_age,
)
from console.timeutil import local_date, now_utc, today_local, utc_at
from console.vocabulary import (
    AdministrationSystem,
    AdmissionStatus,
    Condition,
    DischargeOutcome,
    IvAccess,
    Provider,
    RegimenKind,
    Role,
    VisitKind,
    VisitStatus,
)


def seed_demo(session: Session, *, day: date, seed: int = 1,
              now: datetime | None = None) -> dict[str, object]:
    """Create the demo ward for local ward day ``day``; a second run for that day adds nothing.
    Seeded for today (or with ``now`` on the ward day) the ward has worked until ``now``:
    what was due before it is registered, acknowledged, delivered and signed (issue 14).

    Raises ``InvalidInput(field="--date")`` when the database already holds the demo ward of
    another day (nothing is written).
    """
    marker = session.get(Setting, MARKER_KEY)
    if marker is not None:
        if marker.value != day.isoformat():
            raise InvalidInput("--date", (
                f"This database already holds the demo ward of {marker.value}; it cannot also "
                f"hold one of {day.isoformat()}. Seed {marker.value} again, or use a new database."))
        return _summary(day, created=False, counts=_stored_counts(session))

    ward = open_ward(session, day, seed)
    ensure_staff(ward)
    courses = _admitted_courses(ward)
    history = _discharged_courses(ward, courses)
    session.flush()
    for course in (*history, *courses):
        _plan_visits(ward, course)
    session.flush()
    _lab_results(ward, (*history, *courses))
    shifts = _shifts(ward)
    session.flush()
    _assign_cars(ward, courses, shifts)
    _deliveries(ward, (*history, *courses))
    _escalations(ward, courses)
    if now is None and day == today_local():
        now = now_utc()
    if now is not None and local_date(now) == day:
        session.flush()
        bring_up_to_now(ward, courses, now,
                        {c.admission.id: _nearest_base(ward, c.patient) for c in courses}, shifts)
        session.flush()
    else:
        now = None  # another day: the ward as it stood when that day began
    ward.counts["rounds"] = seed_past_rounds(
        session, ward.rng, day, [c.admission for c in (*history, *courses)],
        [s.initials for s in ward.staff[Role.E_DOCTOR]], [s.initials for s in ward.staff[Role.E_NURSE]],
        now=now)
    seed_messaging(session, ward.munis, courses, seed=seed)  # issue 16: MedCom traffic
    session.flush()
    seed_referrals(ward, (*history, *courses), now or utc_at(day, time(0, 0)), seed=seed)
    session.add(Setting(key=MARKER_KEY, value=day.isoformat(),
                        description="The ward day of the demo ward in this database."))
    session.add(Setting(key=COUNTS_KEY, value=json.dumps(ward.counts, separators=(",", ":")),
                        description="What the demo seed created."))
    session.flush()
    return _summary(day, created=True, counts=ward.counts)


def _summary(day: date, *, created: bool, counts: dict[str, int]) -> dict[str, object]:
    return {"date": day.isoformat(), "created": created,
            **{name: int(counts.get(name, 0)) for name in COUNT_NAMES}}


def _stored_counts(session: Session) -> dict[str, int]:
    row = session.get(Setting, COUNTS_KEY)
    if row is None:
        return {}
    loaded = json.loads(row.value)
    return {str(k): int(v) for k, v in loaded.items()}


# --- admissions and regimens -----------------------------------------------------------------

def _admitted_courses(ward: Ward) -> list[Course]:
    """~36 admitted patients over all 17 municipalities, on course days 1-14."""
    rng = ward.rng
    n = rng.randint(34, 38)
    weights = [data.MUNICIPALITY_FACTS.get(m.name, ("", 20))[1] for m in ward.munis]
    munis = list(ward.munis) + rng.choices(ward.munis, weights=weights, k=max(0, n - len(ward.munis)))
    rng.shuffle(munis)
    # Several on day 3 (CRP due), some on days 1-2, two on day 6 whose delivery is due today
    # (R-SUPPLY), one on day 7 kept low on supply.
    fixed = [1, 1, 2, 2, 3, 3, 3, 3, 6, 6, 7]
    doc_days = fixed + rng.choices(range(1, 15), weights=(6, 6, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1),
                                   k=n - len(fixed))
    low_supply_index = len(fixed) - 1
    order = list(range(n))
    rng.shuffle(order)
    courses: list[Course] = []
    for i, slot in enumerate(order):
        doc = doc_days[slot]
        antibiotic_only = doc == 3 or slot == low_supply_index
        long_course = slot == low_supply_index or doc == 6  # runs past the first week's supply
        lengths = [x for x in data.COURSE_LENGTHS if x >= max(doc, 10 if long_course else 1)]
        first_day = ward.day - timedelta(days=doc - 1)
        course = _new_course(ward, munis[i], first_day, rng.choice(lengths or [doc]),
                             antibiotic_only)
        course.low_supply = slot == low_supply_index
        courses.append(course)
    candidates = [c for c in courses if c.antibiotic and (ward.day - c.first_day).days >= ward.crp_day
                  and not c.low_supply]
    for course in rng.sample(candidates, min(3, len(candidates))):
        course.crp_gap = True  # R-CRP3: day 3 passed without a CRP on file
    ward.counts["admitted"] = len(courses)
    return courses


def _discharged_courses(ward: Ward, admitted: list[Course]) -> list[Course]:
    """Finished courses from earlier weeks (history); two belong to patients admitted again now."""
    rng = ward.rng
    history: list[Course] = []
    again = rng.sample([c for c in admitted if c.age >= 20], 2)  # R-AGE then as well
    for i, (first_day, days) in enumerate(_history_starts(ward)):
        patient = again[i].patient if i < len(again) else None
        muni = patient.municipality if patient else rng.choice(ward.munis)
        course = _new_course(ward, muni, first_day, days, False, patient)
        adm = course.admission
        end = course_day(first_day, course.days)
        adm.status = AdmissionStatus.DISCHARGED
        adm.discharged_at = utc_at(end + timedelta(days=1), time(rng.randint(9, 13), 0))
        adm.discharge_outcome = rng.choices(list(DischargeOutcome), weights=(7, 3, 1, 1))[0]
        adm.epikrise_sent_at = adm.discharged_at + timedelta(minutes=rng.randint(30, 180))
        adm.municipality_informed_at = adm.discharged_at + timedelta(minutes=rng.randint(10, 60))
        history.append(course)
    ward.counts["discharged"] = len(history)
    return history


def _history_starts(ward: Ward) -> list[tuple[date, int]]:
    """Courses that ended before today, so the ward was about as full in the past weeks as now.

    Up to two weeks ago about three courses a day start (a steady ~30 in bed with ~9-day
    stays); in the last two weeks fewer, because today's patients started then. The first two
    belong to patients admitted again now (they must have ended long before).
    """
    rng = ward.rng
    starts: list[tuple[date, int]] = []
    for back in range(HISTORY_DAYS, 1, -1):
        first_day = ward.day - timedelta(days=back)
        per_day = 3 if back > 14 else 1
        for _ in range(rng.choice((per_day - 1, per_day, per_day + 1)) if per_day > 1 else
                       rng.choice((0, 1, 1))):
            longest = back - 1  # discharged the day after its last day, before today
            lengths = [d for d in (5, 6, 7, 7, 8, 10, 10, 12, 14) if d <= longest]
            if lengths:
                starts.append((first_day, rng.choice(lengths)))
    return starts


def _new_course(ward: Ward, muni: Municipality, first_day: date, days: int, antibiotic_only: bool,
                patient: Patient | None = None) -> Course:
    rng = ward.rng
    conditions = [c for c, (_, _, abx) in data.CONDITIONS.items() if abx or not antibiotic_only]
    condition = rng.choices(conditions, weights=[data.CONDITIONS[c][0] for c in conditions])[0]
    age = random_age(rng)
    if patient is None:
        patient = new_patient(ward, muni, age, first_day)
    admitted_at = utc_at(first_day, time(rng.randint(8, 14), rng.choice((0, 15, 30, 45))))
    doctor = ward.pick(Role.E_DOCTOR)
    lines = _regimen_lines(ward, condition, muni, first_day, days)
    total_daily = sum(r.doses_per_day for r in lines)
    municipal_ok = total_daily <= 3 or muni.four_daily_agreement  # R-FREQ
    provider = Provider.MUNICIPALITY if municipal_ok and rng.random() > 0.15 else Provider.MBE
    code = propose_tariff_code(((r.kind, r.system, r.doses_per_day) for r in lines), days)
    adm = Admission(
        patient=patient,
        status=AdmissionStatus.ADMITTED,
        referred_by=rng.choice(data.REFERRERS),
        admitted_at=admitted_at,
        responsible_doctor=doctor,
        condition=condition,
        condition_text=data.CONDITIONS[condition][1],
        consent_informed_by=doctor.initials,  # R-CONSENT: informed before admission
        consent_at=admitted_at - timedelta(minutes=rng.randint(20, 240)),
        consent_written=True,
        provider=provider,
        planned_end=max(r.end_date for r in lines),
        tariff_type=ward.tariffs.get(code) or next(iter(ward.tariffs.values()), None),
        meeting_link=f"https://video.example.invalid/ehospital/{rng.getrandbits(40):010x}",
        crp_day=ward.crp_day,
        medication_list_updated=rng.random() < 0.85,
        regimens=lines,
    )
    ward.session.add(adm)
    return Course(admission=adm, patient=patient, first_day=first_day, days=days, age=age)


def _regimen_lines(ward: Ward, condition: Condition, muni: Municipality, first_day: date,
                   days: int) -> list[Regimen]:
    rng = ward.rng
    end = course_day(first_day, days)
    access = rng.choices([a for a, _ in data.IV_ACCESS_WEIGHTS],
                         weights=[w for _, w in data.IV_ACCESS_WEIGHTS])[0]
    in_hospital = rng.random() < 0.5  # first dose given before leaving hospital
    choices = data.CONDITIONS[condition][2]
    lines: list[Regimen] = []
    if choices:
        drug, dose, frequencies = data.ANTIBIOTICS[rng.choice(choices)]
        n = rng.choice(frequencies)
        systems = [(s, w) for s, w in data.SYSTEM_WEIGHTS if n < 4 or s not in PUMPS]  # R-PUMP
        system = rng.choices([s for s, _ in systems], weights=[w for _, w in systems])[0]
        lines.append(_line(ward, RegimenKind.ANTIBIOTIC, drug, dose, n, system, access, in_hospital,
                           first_day, end))
        add_fluid = rng.random() < 0.2 and n <= 3 and (n < 3 or muni.four_daily_agreement)
    else:
        add_fluid = True
    if add_fluid:
        n = 1 if lines else rng.choice((1, 1, 2))
        fluid_end = min(end, first_day + timedelta(days=rng.randint(2, 4))) if lines else end
        lines.append(_line(ward, RegimenKind.FLUID, *data.FLUID, n, data.SYSTEM_WEIGHTS[0][0], access,
                           in_hospital, first_day, fluid_end))
    for line in lines:
        line.iv_access_remove_by = end  # one access for the whole course (R-HANDOVER)
    return lines


def _line(ward: Ward, kind: RegimenKind, drug: str, dose: str, n: int,
          system: AdministrationSystem, access: IvAccess, in_hospital: bool, start: date,
          end: date) -> Regimen:
    days = (end - start).days + 1
    return Regimen(
        kind=kind, drug=drug, dose=dose, doses_per_day=n,
        dose_times=format_dose_times(default_dose_times(n)),
        system=system, iv_access=access, iv_access_remove_by=end,
        first_dose_given_in_hospital=in_hospital,
        start_date=start, end_date=end,
        doses_sent=min(days, ward.supply_days) * n,  # R-SUPPLY: about a week's worth
    )


# --- visits and lab results ------------------------------------------------------------------

def _plan_visits(ward: Ward, course: Course) -> None:
    """First visit by the MBE (R-FIRST), a visit per dose inside R-WINDOW, the day-3 sample."""
    rng, adm = ward.rng, course.admission
    assert adm.admitted_at is not None
    last = course_day(course.first_day, course.days)  # the whole course: stock projects from it
    fv_lo, fv_hi = first_visit_window(adm.admitted_at, ward.window_minutes)
    visits = [Visit(admission=adm, regimen_id=adm.regimens[0].id, kind=VisitKind.FIRST_VISIT,
                    provider=Provider.MBE, window_start=fv_lo, window_end=fv_hi,
                    service_minutes=rng.randint(35, 45), status=VisitStatus.PLANNED)]
    for line in adm.regimens:
        times = default_dose_times(line.doses_per_day)
        for d, at, lo, hi in dose_windows(line.start_date, min(line.end_date, last), times,
                                          ward.window_minutes, clamp_to=MUNICIPAL_WINDOW):
            if d == course.first_day and utc_at(d, at) < fv_hi:
                continue  # given in hospital, or by the MBE at the first visit
            visits.append(Visit(admission=adm, regimen_id=line.id, kind=VisitKind.IV_DOSE,
                                provider=adm.provider, window_start=lo, window_end=hi,
                                service_minutes=rng.randint(15, 35), status=VisitStatus.PLANNED))
    sample_day, lo, hi = sample_window(course.first_day, adm.crp_day)
    if course.antibiotic and sample_day <= last:  # R-CRP3
        visits.append(Visit(admission=adm, regimen_id=None, kind=VisitKind.BLOOD_SAMPLE,
                            provider=adm.provider, window_start=lo, window_end=hi,
                            service_minutes=rng.randint(15, 20), status=VisitStatus.PLANNED,
                            note="CRP (R-CRP3), væsketal og nyretal."))
    visits.sort(key=lambda v: (v.window_start, v.kind.value))
    base = _nearest_base(ward, course.patient)
    for visit in visits:
        if local_date(visit.window_start) < ward.day:
            register_visit(ward, course, visit, base)
    ward.session.add_all(visits)
    course.visits = visits
    ward.counts["visits"] += len(visits)


def _lab_results(ward: Ward, courses: tuple[Course, ...]) -> None:
    """CRP at the first visit for some (trend), on day 3 for most; falling, now and then not."""
    rng = ward.rng
    for course in courses:
        if not course.antibiotic:
            continue
        first = course.visits[0]
        start = rng.uniform(80, 260)
        if first.status is VisitStatus.DONE and rng.random() < 0.4:
            record_crp(ward, course, first, start)
        sample = next((v for v in course.visits if v.kind is VisitKind.BLOOD_SAMPLE), None)
        if sample is not None and sample.status is VisitStatus.DONE and not course.crp_gap:
            factor = rng.uniform(1.05, 1.3) if rng.random() < 0.1 else rng.uniform(0.3, 0.75)
            record_crp(ward, course, sample, start * factor)
