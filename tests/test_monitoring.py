"""The dashboard's figures and the yearly monitoring on small known data sets (not the demo).

The ward below runs from Monday 2 to Sunday 15 March 2026; "now" is Thursday 12 March 12:00.
Every expected number is counted by hand from it (see the comments at each course and visit).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import (
    AdministrationSystem,
    Admission,
    AdmissionStatus,
    Car,
    Condition,
    Delivery,
    DeliveryStatus,
    DischargeOutcome,
    Escalation,
    EscalationCategory,
    IvAccess,
    MbeBase,
    Municipality,
    Patient,
    Provider,
    Regimen,
    RegimenKind,
    RoundDecision,
    RoundStatus,
    RoutedTo,
    Setting,
    Severity,
    Shift,
    ShiftCar,
    ShiftKind,
    Visit,
    VisitKind,
    VisitStatus,
    WardRound,
)
from console.services.core.errors import InvalidInput
from console.services.core.uow import read_only, unit_of_work
from console.services.monitoring.dashboard import dashboard_figures
from console.services.monitoring.operations import (
    car_utilisation,
    delivery_figures,
    escalation_flow,
    escalation_response,
    supply_figures,
    visit_figures,
)
from console.services.monitoring.patient_flow import (
    admitted_per_day,
    bed_days_per_month,
    course_flow,
    crp_decisions,
    length_of_stay,
    outcomes,
)
from console.services.monitoring.periods import Period
from console.services.monitoring.yearly import yearly_monitoring
from console.timeutil import LOCAL_TZ
from tests.settlement_data import seed_settlement_courses

PERIOD = Period(date(2026, 3, 2), date(2026, 3, 15))
NOW = datetime(2026, 3, 12, 12, 0, tzinfo=LOCAL_TZ)
TODAY = NOW.date()
W1, W2 = date(2026, 3, 2), date(2026, 3, 9)  # the period's two weeks (Mondays)


def at(d: int, hh: int = 10, mm: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, d, hh, mm, tzinfo=LOCAL_TZ)


def _set(session: object, key: str, value: str) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


@pytest.fixture
def ward(db: Database) -> Database:
    with unit_of_work(db, "system") as s:
        _set(s, "capacity", "2")
        _set(s, "travel_road_factor", "1.0")
        _set(s, "travel_speed_kmh", "60")  # a minute per kilometre
        munis = {m.name: m for m in s.scalars(select(Municipality))}
        bases = {b.name: b for b in s.scalars(select(MbeBase))}
        cars = {c.call_sign: c for c in s.scalars(select(Car))}
        hol, nae = bases["Holbæk"], bases["Næstved"]
        n = iter(range(1, 100))

        def course(muni: str, condition: Condition, kinds: tuple[RegimenKind, ...],
                   admitted: datetime | None, discharged: datetime | None,
                   outcome: DischargeOutcome | None = None, *, crp_day: int = 3,
                   lat: float = 55.5, lon: float = 11.8,
                   status: AdmissionStatus | None = None) -> Admission:
            k = next(n)
            patient = Patient(cpr=f"{k:02d}0150-{k:04d}", name=f"Patient {k}", address="Vej 1",
                              municipality=munis[muni], lat=lat, lon=lon)
            adm = Admission(
                patient=patient, condition=condition, provider=Provider.MUNICIPALITY,
                status=status or (AdmissionStatus.DISCHARGED if discharged
                                  else AdmissionStatus.ADMITTED),
                admitted_at=admitted, discharged_at=discharged, discharge_outcome=outcome,
                crp_day=crp_day)
            for kind in kinds:
                adm.regimens.append(Regimen(
                    kind=kind, drug="x", dose="1 g", doses_per_day=1, dose_times="08:00",
                    system=AdministrationSystem.CODAN_MIX_ADD, iv_access=IvAccess.PVK,
                    start_date=date(2026, 2, 1), end_date=date(2026, 3, 31)))
            s.add(adm)
            return adm

        abx, fluid = RegimenKind.ANTIBIOTIC, RegimenKind.FLUID
        # A 1-5/3: before the period starts; CRP day 3/3 decided that day.
        a = course("Næstved", Condition.PNEUMONIA, (abx,), at(1), at(5, 11),
                   DischargeOutcome.COMPLETED)
        # B 3-9/3 at Holbæk base + 0.1° north: CRP day 5/3 decided on 6/3 (later).
        b = course("Holbæk", Condition.UTI, (abx, fluid), at(3, 9), at(9, 14),
                   DischargeOutcome.ORAL_SWITCH, lat=hol.lat + 0.1, lon=hol.lon)
        # C 4-6/3, fluids only (no CRP), at Næstved base + 0.2° north.
        c = course("Næstved", Condition.DEHYDRATION, (fluid,), at(4), at(6),
                   DischargeOutcome.READMITTED, lat=nae.lat + 0.2, lon=nae.lon)
        # D from 9/3, admitted: CRP day 11/3 passed without a decision.
        d = course("Holbæk", Condition.ERYSIPELAS, (abx,), at(9, 12), None)
        # E from 11/3, admitted: CRP day 13/3 is after today.
        e = course("Næstved", Condition.PNEUMONIA, (abx,), at(11), None)
        # F 20/2-10/3 (19 days), no outcome recorded; CRP day 5 (24/2) before the period.
        course("Næstved", Condition.COPD, (abx,), at(20, month=2), at(10), None, crp_day=5)
        # Neither counts: a referral, and a course over before the period.
        course("Køge", Condition.UTI, (abx,), None, None, status=AdmissionStatus.REFERRED)
        course("Køge", Condition.UTI, (abx,), at(1, month=2), at(20, month=2),
               DischargeOutcome.COMPLETED)
        s.flush()

        def round_(adm: Admission, day: int, decision: RoundDecision | None,
                   signed: bool = True) -> None:
            s.add(WardRound(admission_id=adm.id, round_date=date(2026, 3, day),
                            status=RoundStatus.SIGNED if signed else RoundStatus.READY,
                            decision=decision, signed_by="DOC" if signed else None,
                            signed_at=at(day, 10) if signed else None))

        round_(a, 3, RoundDecision.CONTINUE)
        round_(b, 4, RoundDecision.CONTINUE)  # before the CRP day: not the decision
        round_(b, 5, RoundDecision.CONTINUE, signed=False)  # prepared, never signed
        round_(b, 6, RoundDecision.ORAL_SWITCH)

        def shift(base: MbeBase, day: int, kind: ShiftKind, *call_signs: str,
                  out_of_service: str | None = None) -> dict[str, ShiftCar]:
            hours = (7, 15) if kind is ShiftKind.DAY else (15, 23)
            sh = Shift(base=base, shift_date=date(2026, 3, day), kind=kind,
                       starts_at=at(day, hours[0]), ends_at=at(day, hours[1]))
            for cs in call_signs:
                sh.cars.append(ShiftCar(car=cars[cs], in_service=cs != out_of_service))
            s.add(sh)
            s.flush()
            return {sc.car.call_sign: sc for sc in sh.cars}

        hol_day = shift(hol, 3, ShiftKind.DAY, "HOL-1", "HOL-2", "HOL-3", out_of_service="HOL-3")
        nae_evening = shift(nae, 4, ShiftKind.EVENING, "NAE-1")

        def visit(adm: Admission, start: datetime, provider: Provider, status: VisitStatus,
                  kind: VisitKind = VisitKind.IV_DOSE, *, minutes: int = 30,
                  car: ShiftCar | None = None, order: int | None = None,
                  reason: str | None = None) -> None:
            s.add(Visit(admission_id=adm.id, kind=kind, provider=provider, window_start=start,
                        window_end=start.replace(hour=start.hour + 1), service_minutes=minutes,
                        status=status, shift_car_id=car.id if car else None, route_order=order,
                        missed_reason=reason))

        muni, mbe = Provider.MUNICIPALITY, Provider.MBE
        done, missed = VisitStatus.DONE, VisitStatus.MISSED
        visit(a, at(1, 8), muni, done)  # before the period
        visit(a, at(2, 8), muni, done)
        visit(a, at(3, 8), muni, missed, reason="Patient not at home (at the GP).")
        # HOL-1's route on 3/3: base → B → B → base = 12 + 0 + 12 min driving, 40 + 25 treating.
        visit(b, at(3, 14), mbe, done, car=hol_day["HOL-1"], order=2, minutes=25)
        visit(b, at(3, 10), mbe, done, VisitKind.FIRST_VISIT, car=hol_day["HOL-1"], order=1,
              minutes=40)
        visit(b, at(4, 8), muni, missed, reason="Medicine had not arrived; dose given 3 h late.")
        # NAE-1 on the evening of 4/3: base → C → base = 23 + 23 min, 30 treating.
        visit(c, at(4, 16), mbe, done, VisitKind.FIRST_VISIT, car=nae_evening["NAE-1"], order=1)
        visit(c, at(5, 8), muni, VisitStatus.CANCELLED)
        visit(d, at(9, 13), mbe, VisitStatus.PLANNED, VisitKind.FIRST_VISIT)
        visit(d, at(10, 9), mbe, missed, reason="Patient declined the dose (nausea).")
        visit(e, at(14, 8), muni, VisitStatus.PLANNED)

        def call(adm: Admission, muni_name: str, category: EscalationCategory,
                 severity: Severity, received: datetime, ack: datetime | None,
                 resolved: datetime | None) -> None:
            s.add(Escalation(admission_id=adm.id, municipality_id=munis[muni_name].id,
                             caller_name="Sygeplejerske", category=category, severity=severity,
                             received_at=received, routed_to=RoutedTo.E_DOCTOR,
                             acknowledged_at=ack, resolved_at=resolved))

        cat = EscalationCategory
        call(a, "Næstved", cat.OTHER, Severity.ROUTINE, at(1, 9), at(1, 10), at(1, 11))  # before
        call(a, "Næstved", cat.CLINICAL_WORSENING, Severity.URGENT, at(2, 10), at(2, 10, 10),
             at(2, 11, 30))  # ack 10 met, resolve 90 met
        call(b, "Holbæk", cat.MISSING_MEDICINE, Severity.TODAY, at(4, 9), at(4, 10, 30),
             at(4, 15))  # ack 90 late, resolve 360 met
        call(d, "Holbæk", cat.IV_ACCESS_PROBLEM, Severity.URGENT, at(10, 8), at(10, 8, 20),
             None)  # ack 20 late; resolve still open long past 120: late
        call(e, "Næstved", cat.PROCEDURE_QUESTION, Severity.ROUTINE, at(12, 11), None,
             None)  # an hour old: both clocks pending
        call(d, "Holbæk", cat.MISSING_SUPPLIES, Severity.ROUTINE, at(11, 9), None,
             at(11, 10))  # resolved without acknowledging: 60 and 60, both met

        def delivery(adm: Admission, due: datetime, status: DeliveryStatus,
                     delivered: datetime | None = None) -> None:
            s.add(Delivery(admission_id=adm.id, due_by=due, status=status,
                           delivered_at=delivered))

        delivery(a, at(3, 14), DeliveryStatus.DELIVERED, at(3, 14))  # on the minute: on time
        delivery(b, at(5, 14), DeliveryStatus.DELIVERED, at(5, 12))  # on time
        delivery(b, at(6, 14), DeliveryStatus.DELIVERED, at(6, 16, 30))  # late
        delivery(d, at(10, 14), DeliveryStatus.FAILED)
        delivery(d, at(11, 14), DeliveryStatus.OUT)  # overdue at noon on 12/3
        delivery(e, at(13, 14), DeliveryStatus.REQUESTED)  # open
        delivery(e, at(12, 9), DeliveryStatus.CANCELLED)
    return db


def test_period_days_weeks_months() -> None:
    assert len(PERIOD.days) == 14
    assert PERIOD.weeks == (W1, W2)
    assert Period(date(2026, 1, 30), date(2026, 3, 2)).months == (
        date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))
    assert Period(date(2026, 3, 4), date(2026, 3, 4)).weeks == (W1,)
    with pytest.raises(InvalidInput):
        Period(date(2026, 3, 2), date(2026, 3, 1))


def test_admitted_per_day_against_capacity(ward: Database) -> None:
    with read_only(ward) as s:
        series = admitted_per_day(s, PERIOD, today=TODAY)
    assert series.capacity == 2
    # 2/3 … 15/3; the still-admitted count up to today only (12/3)
    assert series.admitted == (2, 3, 4, 4, 3, 2, 2, 3, 2, 2, 2, 0, 0, 0)
    assert (series.days_over, series.peak) == (5, 4)
    assert bed_days_per_month(series) == ((date(2026, 3, 1), 29),)


def test_courses_started_and_ended_per_week(ward: Database) -> None:
    with read_only(ward) as s:
        flow = course_flow(s, PERIOD)
    assert flow.started_by_condition.keys == (W1, W2)
    assert dict(flow.started_by_condition.groups) == {
        "uti": (1, 0), "dehydration": (1, 0), "erysipelas": (0, 1), "pneumonia": (0, 1)}
    assert dict(flow.ended_by_condition.groups) == {
        "pneumonia": (1, 0), "dehydration": (1, 0), "uti": (0, 1), "copd": (0, 1)}
    assert flow.started_by_treatment.groups == (
        ("antibiotic", (0, 2)), ("fluid", (1, 0)), ("antibiotic+fluid", (1, 0)))
    assert flow.ended_by_treatment.groups == (
        ("antibiotic", (1, 1)), ("fluid", (1, 0)), ("antibiotic+fluid", (0, 1)))


def test_length_of_stay_and_outcomes(ward: Database) -> None:
    with read_only(ward) as s:
        los = length_of_stay(s, PERIOD)
        result = outcomes(s, PERIOD)
    assert los.counts == ((3, 1), (5, 1), (7, 1), (19, 1))
    assert (los.courses, los.mean, los.median) == (4, 8.5, 6.0)
    assert result == (("completed", 1), ("oral_switch", 1), ("readmitted", 1), ("other", 0),
                      ("not_recorded", 1))


def test_crp_decisions_on_the_crp_day(ward: Database) -> None:
    with read_only(ward) as s:
        crp = crp_decisions(s, PERIOD, today=TODAY)
    assert (crp.due, crp.on_day, crp.later, crp.missing, crp.pending) == (3, 1, 1, 1, 0)
    assert crp.share_on_day == pytest.approx(1 / 3)
    with read_only(ward) as s:  # on 11/3 D's CRP day is today: pending, not missing yet
        crp = crp_decisions(s, PERIOD, today=date(2026, 3, 11))
    assert (crp.due, crp.on_day, crp.later, crp.missing, crp.pending) == (2, 1, 1, 0, 1)


def test_visits_per_day_by_provider_base_shift_and_missed(ward: Database) -> None:
    with read_only(ward) as s:
        v = visit_figures(s, PERIOD)
    days = PERIOD.days
    def on(series: tuple[int, ...]) -> dict[int, int]:
        return {days[i].day: n for i, n in enumerate(series) if n}
    assert v.by_provider.names == ("municipality", "mbe")
    assert on(v.by_provider.series("municipality")) == {2: 1, 3: 1, 4: 1, 14: 1}
    assert on(v.by_provider.series("mbe")) == {3: 2, 4: 1, 9: 1, 10: 1}
    assert v.by_base_shift.group_totals() == (("Holbæk/day", 2), ("unassigned", 2),
                                              ("Næstved/evening", 1))
    assert on(v.by_base_shift.series("Næstved/evening")) == {4: 1}
    assert on(v.missed_by_provider.series("municipality")) == {3: 1, 4: 1}
    assert on(v.missed_by_provider.series("mbe")) == {10: 1}
    assert (v.done, v.missed, v.planned) == (4, 3, 2)
    assert v.missed_share == pytest.approx(3 / 7)
    assert [n for _, n in v.missed_reasons] == [1, 1, 1]


def test_mbe_car_utilisation(ward: Database) -> None:
    with read_only(ward) as s:
        use = car_utilisation(s, PERIOD)
    cars = {(c.call_sign, c.shift_date.day): c for c in use.cars}
    assert set(cars) == {("HOL-1", 3), ("HOL-2", 3), ("NAE-1", 4)}  # HOL-3 was off the road
    hol1 = cars[("HOL-1", 3)]
    assert (hol1.stops, hol1.shift_minutes, hol1.treating_minutes, hol1.driving_minutes,
            hol1.idle_minutes) == (2, 480, 65, 24, 391)
    assert (cars[("HOL-2", 3)].driving_minutes, cars[("HOL-2", 3)].idle_minutes) == (0, 480)
    nae1 = cars[("NAE-1", 4)]
    assert (nae1.treating_minutes, nae1.driving_minutes, nae1.idle_minutes) == (30, 46, 404)
    totals = {(t.base, t.kind): t for t in use.by_base_shift}
    hol = totals[("Holbæk", "day")]
    assert (hol.car_shifts, hol.stops, hol.shift_minutes, hol.treating_minutes,
            hol.driving_minutes, hol.idle_minutes) == (2, 2, 960, 65, 24, 871)
    assert hol.busy_share == pytest.approx(89 / 960)
    assert totals[("Næstved", "evening")].idle_minutes == 404


def test_escalations_per_week(ward: Database) -> None:
    with read_only(ward) as s:
        flow = escalation_flow(s, PERIOD)
    assert dict(flow.by_category.groups) == {
        "clinical_worsening": (1, 0), "missing_medicine": (1, 0), "iv_access_problem": (0, 1),
        "procedure_question": (0, 1), "missing_supplies": (0, 1)}
    assert flow.by_municipality.groups == (("Holbæk", (1, 2)), ("Næstved", (1, 1)))


def test_escalation_response_against_targets(ward: Database) -> None:
    with read_only(ward) as s:
        rows = {r.severity: r for r in escalation_response(s, PERIOD, now=NOW)}
    urgent, today, routine = rows["urgent"], rows["today"], rows["routine"]
    assert urgent.calls == 2
    ack = urgent.acknowledge
    assert (ack.target_minutes, ack.median_minutes, ack.met, ack.late, ack.pending) == (
        15, 15.0, 1, 1, 0)
    assert ack.share_within == 0.5
    res = urgent.resolve
    assert (res.target_minutes, res.median_minutes, res.met, res.late, res.pending) == (
        120, 90.0, 1, 1, 0)
    assert (today.acknowledge.median_minutes, today.acknowledge.share_within) == (90.0, 0.0)
    assert (today.resolve.median_minutes, today.resolve.share_within) == (360.0, 1.0)
    assert (routine.calls, routine.acknowledge.median_minutes, routine.acknowledge.met,
            routine.acknowledge.pending, routine.acknowledge.share_within) == (2, 60.0, 1, 1, 1.0)
    assert (routine.resolve.met, routine.resolve.pending) == (1, 1)


def test_deliveries_on_time_and_late(ward: Database) -> None:
    with read_only(ward) as s:
        deliveries = delivery_figures(s, PERIOD, now=NOW)
    assert deliveries.per_week.groups == (
        ("on_time", (2, 0)), ("late", (1, 0)), ("failed", (0, 1)), ("overdue", (0, 1)),
        ("open", (0, 1)))
    assert deliveries.on_time_share == pytest.approx(2 / 3)


def test_patients_who_ran_out_of_supplies(ward: Database) -> None:
    with read_only(ward) as s:
        supplies = supply_figures(s, PERIOD)
    assert [(e.patient, e.day.day, e.source) for e in supplies.events] == [
        ("Patient 2", 4, "escalation"), ("Patient 2", 4, "missed_dose"),
        ("Patient 4", 11, "escalation")]
    assert supplies.events[1].detail.startswith("Medicine had not arrived")
    assert supplies.patients == 2
    assert supplies.per_week.groups == (("patients", (1, 1)),)


def test_dashboard_figures_gathers_every_figure(ward: Database) -> None:
    with read_only(ward) as s:
        figures = dashboard_figures(s, PERIOD, now=NOW)
    assert figures.capacity.peak == 4
    assert figures.bed_days == ((date(2026, 3, 1), 29),)
    assert figures.crp.due == 3
    assert figures.supplies.patients == 2
    assert figures.cars.by_base_shift[0].base == "Holbæk"
    assert figures.deliveries.count("failed") == 1


def test_an_empty_period_has_zero_figures(sqlite_db: Database) -> None:
    with read_only(sqlite_db) as s:
        figures = dashboard_figures(s, PERIOD, now=NOW)
    assert sum(figures.capacity.admitted) == 0
    assert figures.length.mean is None
    assert figures.crp.share_on_day is None
    assert figures.visits.missed_share is None
    assert figures.deliveries.on_time_share is None
    assert figures.cars.cars == ()


# --- yearly monitoring (R-MONITOR), over the settlement data set -----------------------------

def test_yearly_monitoring(db: Database) -> None:
    seed_settlement_courses(db)
    with read_only(db) as s:
        year = yearly_monitoring(s, 2026, today=date(2026, 4, 30))
    assert (year.courses_started, year.courses_ended) == (13, 12)
    assert (year.length_min, year.length_max, year.length_median) == (3, 31, 12.0)
    assert year.length_mean == pytest.approx(167 / 12)
    assert year.bed_days == 201
    months = {m.month.month: m for m in year.by_month}
    assert len(year.by_month) == 12
    assert (months[2].started, months[2].ended, months[2].bed_days) == (4, 0, 66)
    assert (months[3].started, months[3].ended, months[3].bed_days) == (9, 11, 104)
    assert (months[3].amount, months[3].region_share) == (
        pytest.approx(81915.0), pytest.approx(57340.50))
    assert (months[4].ended, months[4].bed_days, months[4].amount) == (1, 31, pytest.approx(8023))
    assert (year.settlement.courses, year.settlement.errors) == (11, 1)
    assert (year.settlement.amount, year.settlement.region_share,
            year.settlement.municipality_share) == (
        pytest.approx(89938.0), pytest.approx(62956.60), pytest.approx(26981.40))
    assert {t.code: (t.courses, t.days, t.amount) for t in year.by_tariff} == {
        "AB": (4, 36, pytest.approx(32092)), "AB14": (2, 29, pytest.approx(17651)),
        "AB4X": (1, 10, pytest.approx(10697)), "AB4X14": (1, 20, pytest.approx(23537)),
        "ABPUMP": (2, 61, pytest.approx(4815)), "FLUID": (1, 3, pytest.approx(1146))}
    assert year.outcomes == (("completed", 9), ("oral_switch", 1), ("readmitted", 1),
                             ("other", 1))
    assert [m.municipality for m in year.by_municipality] == ["Holbæk", "Næstved"]
    assert len(year.errors) == 1
    assert year.errors[0].error is not None


def test_yearly_monitoring_refuses_a_silly_year(sqlite_db: Database) -> None:
    with read_only(sqlite_db) as s, pytest.raises(InvalidInput):
        yearly_monitoring(s, 99)
