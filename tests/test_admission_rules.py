"""The IV agreement's rules at admission: one test per rule id (domain.md R-…).

Each test admits a referral that breaks exactly one rule and expects that rule's id and field;
removing the rule's check makes its test fail (the referral would be admitted).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import Admission, Municipality, Patient, Visit
from console.services.core.errors import Forbidden, InvalidInput, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.referral import parse_referral
from tests.factories import DELETE, DOCTOR, NURSE, add_ward_staff, referral

DAY = date(2026, 11, 23)
PARENTS = {"informed_by": "DOC, the mother by phone", "at": "2026-11-23T09:00:00+01:00"}


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    return db


def do_admit(db: Database, doc: dict[str, Any], user: str = DOCTOR) -> AdmissionResult:
    with unit_of_work(db, user) as s:
        return admit(s, parse_referral(doc))


def expect_violation(db: Database, doc: dict[str, Any], rule: str, field: str) -> RuleViolation:
    with read_only(db) as s:
        before = s.scalar(select(func.count()).select_from(Admission))
    with pytest.raises(RuleViolation) as err:
        do_admit(db, doc)
    assert (err.value.rule_id, err.value.field) == (rule, field), err.value
    with read_only(db) as s:  # nothing half-saved
        assert s.scalar(select(func.count()).select_from(Admission)) == before
    return err.value


def test_valid_referral_is_admitted(ward: Database) -> None:
    result = do_admit(ward, referral(DAY))
    assert result.tariff == "AB"
    assert result.visits


def test_R_CPR_date_must_exist(ward: Database) -> None:
    expect_violation(ward, referral(DAY, **{"patient.cpr": "310250-1234"}), "R-CPR", "patient.cpr")
    expect_violation(ward, referral(DAY, **{"patient.cpr": "0101501234x"}), "R-CPR", "patient.cpr")


def test_R_CPR_century_from_seventh_digit_and_no_modulus_11(ward: Database) -> None:
    # 7th digit 4, YY 10 -> born 2010 -> 16 years old: admitted (and 1234 fails modulus 11).
    do_admit(ward, referral(DAY, **{"patient.cpr": "010110-4321",
                                    "parents_informed": PARENTS}))  # R-PARENTS


def test_R_AGE_under_15_is_refused(ward: Database) -> None:
    # 7th digit 4 with YY 11 -> born 24 Nov 2011: 14 on admission day, 15 the day after.
    err = expect_violation(ward, referral(DAY, **{"patient.cpr": "241111-4000"}), "R-AGE",
                           "patient.cpr")
    assert "14" in err.message


def test_R_AGE_15_today_is_admitted(ward: Database) -> None:
    do_admit(ward, referral(DAY, **{"patient.cpr": "231111-4000",  # 15th birthday on DAY
                                    "parents_informed": PARENTS}))  # R-PARENTS


def test_R_PARENTS_15_to_17_needs_the_parents_informed(ward: Database) -> None:
    # born 24 Nov 2008: 17 on DAY (18 the day after)
    err = expect_violation(ward, referral(DAY, **{"patient.cpr": "241108-4000"}), "R-PARENTS",
                           "parents_informed")
    assert "17" in err.message
    with pytest.raises(InvalidInput):  # who informed them is required when given
        parse_referral(referral(DAY, **{"patient.cpr": "241108-4000", "parents_informed": {
            "informed_by": "  ", "at": PARENTS["at"]}}))
    result = do_admit(ward, referral(DAY, **{"patient.cpr": "241108-4000",
                                             "parents_informed": PARENTS}))
    with read_only(ward) as s:
        adm = s.get(Admission, result.admission_id)
        assert adm is not None
        assert adm.parents_informed_by == "DOC, the mother by phone"
        assert adm.parents_informed_at == datetime.fromisoformat(PARENTS["at"])


def test_R_PARENTS_not_asked_from_18(ward: Database) -> None:
    do_admit(ward, referral(DAY, **{"patient.cpr": "231108-4000"}))  # 18th birthday on DAY


def test_R_ONE_ACTIVE_second_admission_same_cpr(ward: Database) -> None:
    do_admit(ward, referral(DAY))
    expect_violation(ward, referral(DAY), "R-ONE-ACTIVE", "patient.cpr")


def test_R_MUNICIPALITY_must_be_configured(ward: Database) -> None:
    expect_violation(ward, referral(DAY, **{"patient.municipality": "Odense"}), "R-MUNICIPALITY",
                     "patient.municipality")


def test_R_CONSENT_required(ward: Database) -> None:
    expect_violation(ward, referral(DAY, consent=DELETE), "R-CONSENT", "consent")
    expect_violation(ward, referral(DAY, **{"consent.written_info_given": False}), "R-CONSENT",
                     "consent.written_info_given")
    late = (datetime(2026, 11, 23, 11, 0) - timedelta(hours=0)).isoformat() + "+01:00"
    expect_violation(ward, referral(DAY, **{"consent.at": late}), "R-CONSENT", "consent.at")


def test_R_DOCTOR_responsible_doctor_must_be_an_e_doctor(ward: Database) -> None:
    expect_violation(ward, referral(DAY, responsible_doctor=NURSE), "R-DOCTOR",
                     "responsible_doctor")


def test_R_FREQ_municipal_4x_needs_agreement(ward: Database) -> None:
    four = {"regimen.0.doses_per_day": 4, "regimen.0.dose_times": ["07:00", "12:00", "17:00", "22:00"]}
    expect_violation(ward, referral(DAY, **four), "R-FREQ", "regimen[0].doses_per_day")


def test_R_FREQ_4x_allowed_with_agreement_or_mbe(ward: Database) -> None:
    four = {"regimen.0.doses_per_day": 4, "regimen.0.dose_times": ["07:00", "12:00", "17:00", "22:00"]}
    with read_only(ward) as s:
        assert s.scalar(select(Municipality.four_daily_agreement)
                        .where(Municipality.name == "Næstved")) is True
    result = do_admit(ward, referral(DAY, **four, **{"patient.municipality": "Næstved"}))
    assert result.tariff == "AB4X"
    do_admit(ward, referral(DAY, **four, provider="mbe", **{"patient.cpr": "020250-1234"}))


def test_R_FREQ_more_than_4_is_refused(ward: Database) -> None:
    expect_violation(ward, referral(DAY, **{"regimen.0.doses_per_day": 5, "provider": "mbe",
                                             "regimen.0.dose_times": DELETE}),
                     "R-FREQ", "regimen[0].doses_per_day")


def test_R_PUMP_no_pump_four_times_a_day(ward: Database) -> None:
    doc = referral(DAY, provider="mbe", **{
        "regimen.0.doses_per_day": 4, "regimen.0.dose_times": ["07:00", "12:00", "17:00", "22:00"],
        "regimen.0.system": "elastomeric_pump"})
    expect_violation(ward, doc, "R-PUMP", "regimen[0].system")


def test_R_WINDOW_dose_times_inside_07_23(ward: Database) -> None:
    expect_violation(ward, referral(DAY, **{"regimen.0.dose_times": ["06:30", "15:00", "22:00"]}),
                     "R-WINDOW", "regimen[0].dose_times")
    expect_violation(ward, referral(DAY, **{"regimen.0.dose_times": ["08:00", "15:00", "23:30"]}),
                     "R-WINDOW", "regimen[0].dose_times")


def test_R_WINDOW_generated_municipal_visits_stay_inside(ward: Database) -> None:
    result = do_admit(ward, referral(DAY, **{"regimen.0.dose_times": ["07:00", "15:00", "23:00"]}))
    from console.timeutil import to_local

    for v in result.visits:
        start, end = (to_local(datetime.fromisoformat(x)) for x in (v.window_start, v.window_end))
        assert start.hour >= 7
        assert (end.hour, end.minute) <= (23, 0)


def test_R_DOSE_TIMES_count_unique_in_order(ward: Database) -> None:
    expect_violation(ward, referral(DAY, **{"regimen.0.dose_times": ["08:00", "15:00"]}),
                     "R-DOSE-TIMES", "regimen[0].dose_times")
    expect_violation(ward, referral(DAY, **{"regimen.0.dose_times": ["15:00", "08:00", "22:00"]}),
                     "R-DOSE-TIMES", "regimen[0].dose_times")


def test_R_VISIT_LEN_under_one_hour(ward: Database) -> None:
    expect_violation(ward, referral(DAY, **{"regimen.0.infusion_minutes": 60}), "R-VISIT-LEN",
                     "regimen[0].infusion_minutes")
    result = do_admit(ward, referral(DAY, **{"regimen.0.infusion_minutes": 59}))
    with read_only(ward) as s:
        longest = s.scalar(select(func.max(Visit.service_minutes))
                           .where(Visit.admission_id == result.admission_id))
    assert longest is not None
    assert longest < 60


def test_R_SYSTEM_and_R_IV_ACCESS_from_configured_lists(ward: Database) -> None:
    from console.models import Setting

    with unit_of_work(ward, "system") as s:
        systems = s.get(Setting, "closed_systems")
        access = s.get(Setting, "iv_access_types")
        assert systems is not None
        assert access is not None
        systems.value = "codan_mix_add,cadd_pump"
        access.value = "picc,cvk"
    expect_violation(ward, referral(DAY, **{"regimen.0.system": "divibax"}), "R-SYSTEM",
                     "regimen[0].system")
    expect_violation(ward, referral(DAY, **{"regimen.0.iv_access": "pvk"}), "R-IV-ACCESS",
                     "regimen[0].iv_access")


def test_R_DATES_consistent(ward: Database) -> None:
    expect_violation(ward, referral(DAY, planned_end="2026-11-25"), "R-DATES", "planned_end")
    expect_violation(ward, referral(DAY, **{"regimen.0.start": "2026-11-22"}), "R-DATES",
                     "regimen[0].start")
    expect_violation(ward, referral(DAY, **{"regimen.0.days": 0}), "R-DATES", "regimen[0].days")


def test_R_CRP3_other_day_needs_reason(ward: Database) -> None:
    expect_violation(ward, referral(DAY, crp_day=4), "R-CRP3", "crp_day_reason")
    result = do_admit(ward, referral(DAY, crp_day=4, crp_day_reason="Started in hospital"))
    samples = [v for v in result.visits if v.kind == "blood_sample"]
    assert len(samples) == 1
    assert samples[0].window_start.startswith("2026-11-26")  # day 4


def test_R_CRP3_antibiotic_course_gets_day_3_blood_sample(ward: Database) -> None:
    result = do_admit(ward, referral(DAY))
    samples = [v for v in result.visits if v.kind == "blood_sample"]
    assert [s.window_start[:10] for s in samples] == ["2026-11-25"]  # day 3


def test_R_CRP3_fluid_course_has_no_blood_sample(ward: Database) -> None:
    result = do_admit(ward, referral(DAY, condition="dehydration", **{
        "regimen.0.kind": "fluid", "regimen.0.drug": "NaCl 0.9 %", "regimen.0.dose": "1000 ml"}))
    assert not [v for v in result.visits if v.kind == "blood_sample"]
    assert result.tariff == "FLUID"


def test_R_FIRST_mbe_makes_the_first_visit_and_gives_the_first_dose(ward: Database) -> None:
    result = do_admit(ward, referral(DAY))
    first = result.visits[0]
    assert (first.kind, first.provider) == ("first_visit", "mbe")
    # The 15:00 dose is the first after admission at 10:00: the MBE gives it at the first visit,
    # so there is no municipal 15:00 visit on day 1.
    assert first.window_start == "2026-11-23T13:00:00+00:00"
    day1_doses = [v for v in result.visits if v.kind == "iv_dose" and v.window_start[:10] == "2026-11-23"]
    assert [v.window_start for v in day1_doses] == ["2026-11-23T20:00:00+00:00"]
    assert all(v.provider == "municipality" for v in result.visits if v.kind == "iv_dose")


def test_R_FIRST_first_dose_in_hospital_still_mbe_first_visit(ward: Database) -> None:
    result = do_admit(ward, referral(DAY, **{"regimen.0.first_dose_given_in_hospital": True}))
    first = result.visits[0]
    assert (first.kind, first.provider) == ("first_visit", "mbe")
    day1 = [v for v in result.visits if v.kind == "iv_dose" and v.window_start[:10] == "2026-11-23"]
    assert len(day1) == 2  # 15:00 and 22:00 both by the municipality


def test_R_SUPPLY_longer_course_gets_a_delivery_before_day_7_runs_out(ward: Database) -> None:
    short = do_admit(ward, referral(DAY))
    assert short.delivery_id is None
    long_ = do_admit(ward, referral(DAY, planned_end="2026-12-06", **{
        "patient.cpr": "020250-1234", "regimen.0.days": 14}))
    assert long_.delivery_id is not None
    from console.models import Delivery

    with read_only(ward) as s:
        delivery = s.get(Delivery, long_.delivery_id)
        assert delivery is not None
        assert delivery.due_by.isoformat() == "2026-11-29T11:00:00+00:00"  # day 7, 12:00 local
        assert delivery.days_covered == 7
        assert "sharps box" in delivery.contents  # R-IVBOX


def test_R_TARIFF_never_missing(ward: Database) -> None:
    expect_violation(ward, referral(DAY, tariff="NOPE"), "R-TARIFF", "tariff")
    long_ = do_admit(ward, referral(DAY, planned_end="2026-12-12", **{"regimen.0.days": 20}))
    assert long_.tariff == "AB14"
    with read_only(ward) as s:
        assert s.scalar(select(func.count()).select_from(Admission)
                        .where(Admission.tariff_type_id.is_(None))) == 0


def test_R_CAPACITY_warns_never_blocks(ward: Database) -> None:
    from console.models import Setting

    with unit_of_work(ward, "system") as s:
        cap = s.get(Setting, "capacity")
        assert cap is not None
        cap.value = "1"
    assert do_admit(ward, referral(DAY)).warnings == ()
    second = do_admit(ward, referral(DAY, **{"patient.cpr": "020250-1234"}))
    assert second.warnings == ("R-CAPACITY: 2 / 1 admitted after this admission (over capacity).",)


def test_only_an_e_doctor_admits(ward: Database) -> None:
    with pytest.raises(Forbidden, match="e-doctor"):
        do_admit(ward, referral(DAY), user=NURSE)


def test_existing_patient_is_updated_not_duplicated(ward: Database) -> None:
    first = do_admit(ward, referral(DAY))
    from console.models import DischargeOutcome
    from console.services.course.course import discharge

    with unit_of_work(ward, DOCTOR) as s:
        discharge(s, first.admission_id, outcome=DischargeOutcome.COMPLETED, epikrise_sent=True,
                  municipality_informed=True,
                  at=datetime.fromisoformat("2026-11-30T12:00:00+01:00"))
    again = do_admit(ward, referral(date(2026, 12, 10), **{"patient.phone": "99 99 99 99"}))
    assert again.patient_id == first.patient_id
    with read_only(ward) as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 1
        patient = s.get(Patient, first.patient_id)
        assert patient is not None
        assert patient.phone == "99 99 99 99"


def test_R_FIRST_no_municipal_visit_before_the_first_visit(ward: Database) -> None:
    """First dose given in hospital, 4x/day, admitted 10:30: the 12:00 dose window (11:00-13:00)
    would start before the MBE's first visit (from 11:30), so it is not planned."""
    at = "2026-11-23T10:30:00+01:00"
    result = do_admit(ward, referral(DAY, admitted_at=at, provider="municipality", **{
        "patient.municipality": "Næstved", "regimen.0.doses_per_day": 4,
        "regimen.0.dose_times": ["07:00", "12:00", "17:00", "22:00"],
        "regimen.0.first_dose_given_in_hospital": True}))
    first = result.visits[0]
    assert first.kind == "first_visit"
    assert all(v.window_start >= first.window_start for v in result.visits)
