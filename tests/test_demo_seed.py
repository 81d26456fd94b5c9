"""The demo ward: realistic, idempotent, deterministic, and inside the agreement's rules."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import (
    Admission,
    AdmissionStatus,
    Base,
    Escalation,
    EscalationCategory,
    Municipality,
    Patient,
    Provider,
    Regimen,
    RegimenKind,
    Role,
    RoutedTo,
    Setting,
    Shift,
    ShiftCar,
    TariffType,
    Visit,
    VisitKind,
    VisitStatus,
)
from console.services.core.errors import InvalidInput
from console.services.core.staff import list_staff
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.census import load_census
from console.services.course.tariffs import PUMPS
from console.services.demo.seed import seed_demo
from console.timeutil import local_date, to_local

DAY = date(2026, 3, 30)  # the day after the spring DST change: history spans it


def _seed(db: Database, day: date = DAY, seed: int = 1) -> dict[str, object]:
    with unit_of_work(db, "system") as session:
        return seed_demo(session, day=day, seed=seed)


def _table_counts(db: Database) -> dict[str, int]:
    with read_only(db) as s:
        return {t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def seeded(db: Database) -> Database:
    _seed(db)
    return db


def _admissions(db: Database) -> list[Admission]:
    with read_only(db) as s:
        return list(s.scalars(select(Admission).order_by(Admission.id)))


def _visits(db: Database) -> list[Visit]:
    with read_only(db) as s:
        return list(s.scalars(select(Visit).order_by(Visit.window_start, Visit.id)))


def _cpr_birth_date(cpr: str) -> date:
    """Independent decoder: 7th digit 0-3 -> 1900s; 4/9 -> 2000s if YY<=36; 5-8 -> 2000s if YY<=57."""
    dd, mm, yy, seventh = int(cpr[:2]), int(cpr[2:4]), int(cpr[4:6]), int(cpr[7])
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    return date(century + yy, mm, dd)


# --- the ward as a whole --------------------------------------------------------------------------

def test_demo_fills_an_over_capacity_ward_over_all_municipalities(seeded: Database) -> None:
    with read_only(seeded) as s:
        snap = load_census(s, DAY)
        n_munis = int(s.scalar(select(func.count()).select_from(Municipality)) or 0)
        staff = list_staff(s)
    assert 30 <= snap.admitted <= 44
    assert snap.over_capacity  # R-CAPACITY: over capacity is normal, shown not blocked
    assert len({r.municipality for r in snap.rows}) == n_munis == 17
    days = Counter(r.day_of_course for r in snap.rows)
    assert days[3] >= 3
    assert days[1] + days[2] >= 2
    assert max(days) >= 10
    assert any(r.day_of_course == 3 and r.crp_due for r in snap.rows)  # R-CRP3
    assert any(r.day_of_course > 3 and r.crp_due for r in snap.rows)  # overdue CRPs exist too
    assert any(r.supply_days_left is not None and r.supply_days_left <= 1 for r in snap.rows)
    for r in snap.rows:  # hours only under a day (issue 20)
        assert (r.supply_hours_left is not None) == (r.supply_days_left == 0), r
        assert r.supply_hours_left is None or 0 <= r.supply_hours_left < 24
    assert any(r.open_escalations for r in snap.rows)
    assert {"antibiotic", "fluid", "antibiotic+fluid"} <= {r.treatment for r in snap.rows}
    roles = Counter(role for row in staff for role in row.roles)
    assert set(roles) == {r.value for r in Role}
    assert roles["e_doctor"] >= 3
    assert roles["e_nurse"] >= 4
    assert any(len(row.roles) == 2 for row in staff)
    assert len({row.initials for row in staff}) == len(staff)
    assert all(2 <= len(row.initials) <= 4 for row in staff)


def test_demo_summary_counts_what_it_created(db: Database) -> None:
    before = _table_counts(db)
    summary = _seed(db)
    after = _table_counts(db)
    assert summary["date"] == DAY.isoformat()
    assert summary["created"] is True
    assert int(str(summary["discharged"])) > 100  # about 75 days of history
    assert summary["shifts"] == 12  # 3 bases x 2 shifts x 2 days
    for key, table in (("visits", "visit"), ("deliveries", "delivery"), ("escalations", "escalation"),
                       ("shifts", "shift"), ("lab_results", "lab_result"), ("staff", "staff")):
        assert after[table] - before[table] == summary[key], key
    assert after["admission"] == int(str(summary["admitted"])) + int(str(summary["discharged"]))
    with read_only(db) as s:
        escalations = list(s.scalars(select(Escalation)))
        cars = list(s.scalars(select(ShiftCar)))
    assert sum(e.resolved_at is None for e in escalations) >= 5
    assert sum(e.resolved_at is not None for e in escalations) >= 3
    assert all(e.resolution_action and e.resolution_note for e in escalations if e.resolved_at)
    assert len(cars) == 12 * 4
    assert sum(not c.in_service for c in cars) == 1


def test_demo_seed_is_idempotent(db: Database) -> None:
    first = _seed(db)
    counts = _table_counts(db)
    second = _seed(db)
    assert second["created"] is False
    assert {k: v for k, v in second.items() if k != "created"} == \
        {k: v for k, v in first.items() if k != "created"}
    assert _table_counts(db) == counts  # not even an audit row


def test_demo_seed_refuses_another_date_and_writes_nothing(db: Database) -> None:
    _seed(db)
    counts = _table_counts(db)
    with pytest.raises(InvalidInput) as caught:
        _seed(db, DAY + timedelta(days=1))
    assert caught.value.field == "--date"
    assert DAY.isoformat() in caught.value.message
    assert _table_counts(db) == counts
    with read_only(db) as s:
        marker = s.get(Setting, "demo_seed_date")
        assert marker is not None
        assert marker.value == DAY.isoformat()


@pytest.fixture
def three_sqlite(tmp_path: Path) -> Iterator[tuple[Database, Database, Database]]:
    a, b, c = (open_ward(f"sqlite:///{tmp_path / f'{n}.sqlite'}") for n in "abc")
    yield a, b, c
    for d in (a, b, c):
        d.dispose()


def test_demo_seed_is_deterministic(three_sqlite: tuple[Database, Database, Database]) -> None:
    a, b, c = three_sqlite
    census = []
    for database, seed in ((a, 1), (b, 1), (c, 2)):
        assert _seed(database, seed=seed)["created"] is True
        with read_only(database) as s:
            census.append([asdict(r) for r in load_census(s, DAY).rows])
    assert census[0] == census[1]
    assert census[0] != census[2]
    assert _table_counts(a) == _table_counts(b)


# --- the rules hold on the seeded data ------------------------------------------------------------

def test_demo_respects_R_AGE(seeded: Database) -> None:
    with read_only(seeded) as s:
        rows = s.execute(select(Patient.cpr, Admission.admitted_at)
                         .join(Admission, Admission.patient_id == Patient.id)).all()
        cprs = list(s.scalars(select(Patient.cpr)))
    assert len(cprs) == len(set(cprs))
    for cpr, admitted_at in rows:
        assert len(cpr) == 11
        assert cpr[6] == "-"
        born = _cpr_birth_date(cpr)
        assert admitted_at is not None
        on = local_date(admitted_at)
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        assert 15 <= age <= 98, cpr


def test_demo_respects_R_PUMP(seeded: Database) -> None:
    with read_only(seeded) as s:
        lines = list(s.scalars(select(Regimen)))
    assert any(r.system in PUMPS for r in lines)  # pumps are in the demo...
    assert any(r.doses_per_day == 4 for r in lines)  # ...and so are 4x courses...
    assert not [r for r in lines if r.system in PUMPS and r.doses_per_day >= 4]  # ...never together


def test_demo_respects_R_FREQ(seeded: Database) -> None:
    with read_only(seeded) as s:
        agreement = {adm_id: bool(agreed) for adm_id, agreed in s.execute(
            select(Admission.id, Municipality.four_daily_agreement)
            .join(Patient, Admission.patient_id == Patient.id)
            .join(Municipality, Patient.municipality_id == Municipality.id))}
        lines = list(s.scalars(select(Regimen)))
    provider = {a.id: a.provider for a in _admissions(seeded)}
    daily: dict[int, int] = defaultdict(int)
    for line in lines:
        daily[line.admission_id] += line.doses_per_day
    for adm_id, total in daily.items():
        if provider[adm_id] is Provider.MUNICIPALITY and not agreement[adm_id]:
            assert total <= 3, adm_id
        assert total <= 4
    per_day = Counter((v.admission_id, local_date(v.window_start)) for v in _visits(seeded)
                      if v.kind is VisitKind.IV_DOSE and v.provider is Provider.MUNICIPALITY)
    for (adm_id, _day), n in per_day.items():
        assert n <= (4 if agreement[adm_id] else 3), adm_id
    # both R-FREQ paths are shown: 4x by the MBE, and 4x municipal under an agreement
    four = [a for a, total in daily.items() if total == 4]
    assert any(provider[a] is Provider.MBE for a in four)


def test_demo_respects_R_WINDOW(seeded: Database) -> None:
    municipal = [v for v in _visits(seeded) if v.provider is Provider.MUNICIPALITY]
    assert municipal
    for v in municipal:
        start, end = to_local(v.window_start), to_local(v.window_end)
        assert start.date() == end.date()
        assert time(7) <= start.time() < end.time() <= time(23)


def test_demo_respects_R_VISIT_LEN(seeded: Database) -> None:
    for v in _visits(seeded):
        assert 0 < v.service_minutes < 60
        assert v.minutes_spent is None or 0 < v.minutes_spent < 60


def test_demo_respects_R_FIRST(seeded: Database) -> None:
    by_admission: dict[int, list[Visit]] = defaultdict(list)
    for v in _visits(seeded):  # ordered by window start
        by_admission[v.admission_id].append(v)
    assert set(by_admission) == {a.id for a in _admissions(seeded)}
    for visits in by_admission.values():
        first = visits[0]
        assert (first.kind, first.provider) == (VisitKind.FIRST_VISIT, Provider.MBE)
        assert first.window_start < visits[1].window_start
        assert sum(v.kind is VisitKind.FIRST_VISIT for v in visits) == 1


def test_demo_respects_R_CONSENT_and_R_TARIFF(seeded: Database) -> None:
    with read_only(seeded) as s:
        tariff_ids = set(s.scalars(select(TariffType.id)))
    for adm in _admissions(seeded):
        assert adm.consent_informed_by
        assert adm.consent_written
        assert adm.consent_at is not None
        assert adm.admitted_at is not None
        assert adm.consent_at < adm.admitted_at
        assert adm.tariff_type_id in tariff_ids
        assert adm.responsible_doctor_id is not None


def test_demo_respects_R_CRP3(seeded: Database) -> None:
    samples = {v.admission_id: v for v in _visits(seeded) if v.kind is VisitKind.BLOOD_SAMPLE}
    with read_only(seeded) as s:
        antibiotic = set(s.scalars(select(Regimen.admission_id)
                                   .where(Regimen.kind == RegimenKind.ANTIBIOTIC)))
    for adm in _admissions(seeded):
        assert adm.admitted_at is not None
        third = local_date(adm.admitted_at) + timedelta(days=adm.crp_day - 1)
        if adm.id in antibiotic and third <= DAY + timedelta(days=1):
            assert local_date(samples[adm.id].window_start) == third
        elif adm.id not in antibiotic:
            assert adm.id not in samples


def test_demo_respects_R_DISCHARGE(seeded: Database) -> None:
    discharged = [a for a in _admissions(seeded) if a.status is AdmissionStatus.DISCHARGED]
    assert len(discharged) > 100
    for adm in discharged:
        assert adm.discharge_outcome is not None
        assert adm.discharged_at is not None
        assert adm.epikrise_sent_at is not None
        assert adm.municipality_informed_at is not None
        assert local_date(adm.discharged_at) < DAY
    done = {v.admission_id for v in _visits(seeded) if v.status is not VisitStatus.PLANNED}
    planned = {v.admission_id for v in _visits(seeded) if v.status is VisitStatus.PLANNED}
    assert {a.id for a in discharged} <= done
    assert not {a.id for a in discharged} & planned


def test_demo_respects_R_SHIFT(seeded: Database) -> None:
    with read_only(seeded) as s:
        shifts = {sh.id: sh for sh in s.scalars(select(Shift))}
        cars = {sc.id: sc for sc in s.scalars(select(ShiftCar))}
    assert Counter(sc.shift_id for sc in cars.values()) == dict.fromkeys(shifts, 4)
    assigned = [v for v in _visits(seeded) if v.shift_car_id is not None]
    assert 3 <= len(assigned) <= 10
    assert any(v.shift_car_id is None and v.provider is Provider.MBE
               and local_date(v.window_start) == DAY for v in _visits(seeded))  # the tray
    for v in assigned:
        assert v.shift_car_id is not None
        car = cars[v.shift_car_id]
        shift = shifts[car.shift_id]
        assert car.in_service
        assert v.provider is Provider.MBE
        assert v.eta is not None
        assert v.window_start <= v.eta <= v.window_end
        assert shift.starts_at <= v.eta
        assert v.eta + timedelta(minutes=v.service_minutes) <= shift.ends_at


def test_demo_respects_R_CONTACT(seeded: Database) -> None:
    doctor = {EscalationCategory.CLINICAL_WORSENING, EscalationCategory.COMPLICATION,
              EscalationCategory.IV_ACCESS_PROBLEM}
    with read_only(seeded) as s:
        escalations = list(s.scalars(select(Escalation)))
    for e in escalations:
        assert e.routed_to is (RoutedTo.E_DOCTOR if e.category in doctor else RoutedTo.E_NURSE)
        if e.routed_to is RoutedTo.E_NURSE:  # the e-nurse answers 07:30-19:30
            assert time(7, 30) <= to_local(e.received_at).time() <= time(19, 30)
        if e.resolved_at is None:
            assert local_date(e.received_at) == DAY
            assert time(7) <= to_local(e.received_at).time() <= time(12)


@pytest.mark.parametrize("day", [date(2026, 3, 29), date(2026, 10, 25), date(2026, 10, 26)])
def test_demo_on_DST_change_days_keeps_R_WINDOW_and_real_window_lengths(sqlite_db: Database,
                                                                         day: date) -> None:
    assert _seed(sqlite_db, day)["created"] is True
    with read_only(sqlite_db) as s:
        minutes = int(s.scalar(select(Setting.value).where(Setting.key == "dose_window_minutes"))
                      or 60)
    visits = _visits(sqlite_db)
    assert any(local_date(v.window_start) == date(2026, 10, 25) for v in visits) or day.month == 3
    for v in visits:
        start, end = to_local(v.window_start), to_local(v.window_end)
        assert start.date() == end.date()
        assert time(7) <= start.time() < end.time() <= time(23)
        if v.kind is VisitKind.IV_DOSE and time(8) <= start.time() and end.time() <= time(22):
            assert v.window_end - v.window_start == timedelta(minutes=2 * minutes)


ENGLISH_WORDS = re.compile(r"\b(the|and|given|not|with|after|dose|blood sample|"
                           r"relative|home|key box|dog|hospital|dept)\b", re.IGNORECASE)


def test_demo_free_text_is_danish(seeded: Database) -> None:
    """Issue 20: the ward is Danish; its notes, reasons and key notes read Danish on the Danish
    screens and the route sheet (no English inside the Danish UI)."""
    from console.models import WardRound as Round

    columns = (Visit.note, Visit.observations, Visit.missed_reason, Escalation.text,
               Escalation.resolution_note, Round.subjective, Round.plan, Patient.key_notes,
               Admission.referred_by, Admission.condition_text)
    with read_only(seeded) as s:
        texts = {text for column in columns for text in s.scalars(
            select(column).where(column.is_not(None)).distinct())}
    assert len(texts) > 20
    assert sorted(t for t in texts if ENGLISH_WORDS.search(t)) == []


def test_demo_referrals_follow_R_ELIGIBLE(seeded: Database) -> None:
    """Issue 19: each course came in as a referral admitted when the course was; a few were
    declined with a reason and a "no"; two wait; every document reads as a referral."""
    from console.models import Referral
    from console.services.course import referrals
    from console.vocabulary import ReferralStatus

    with read_only(seeded) as s:
        rows = list(s.scalars(select(Referral)))
        queue = referrals.list_referrals(s, include_decided=True)  # parses every document
        admitted_at = {a.id: a.admitted_at for a in s.scalars(select(Admission))}
    by_status = Counter(r.status for r in rows)
    assert by_status[ReferralStatus.REFERRED] == 2
    assert by_status[ReferralStatus.DECLINED] >= 1
    linked = [r for r in rows if r.status == ReferralStatus.ADMITTED]
    assert len({r.admission_id for r in linked}) == len(linked)
    for r in linked:
        assert r.decided_at == admitted_at[r.admission_id]
        assert timedelta(minutes=30) <= r.decided_at - r.received_at <= timedelta(hours=30)
        assert all(getattr(r, key) is True for key in referrals.ELIGIBILITY_KEYS)
        assert r.referrer_call
        assert r.municipality_call
    for r in rows:
        if r.status == ReferralStatus.DECLINED:
            assert r.decline_reason
            assert any(getattr(r, key) is False for key in referrals.ELIGIBILITY_KEYS)
    assert len(queue.rows) == len(rows)
    assert queue.waiting == 2


def test_demo_messages_carry_their_files_and_questions_are_signed(seeded: Database) -> None:
    """The Messages screen's files and writer show on the demo (issue 16): each care plan
    carries its PDF with the patient's CPR, each question names its writer, one has a photo,
    and one names no patient of the ward (a CPR typo) for a nurse to match."""
    import base64

    from console.models import Message, MessageAttachment
    from console.services.messaging.matching import patient_named_in
    from console.vocabulary import MessageDirection, MessagePurpose

    with read_only(seeded) as s:
        plans = s.scalars(select(Message).where(Message.purpose == MessagePurpose.CARE_PLAN)).all()
        assert plans
        for plan in plans:
            [pdf] = plan.attachments
            assert pdf.content_type == "application/pdf"
            data = base64.b64decode(pdf.data)
            assert data.startswith(b"%PDF")
            assert pdf.size == len(data)
            names_the_patient = f"CPR {plan.admission.patient.cpr}".encode() in data
            assert names_the_patient, plan.id  # (no CPR in a failure's text)
            assert plan.author is not None
        questions = s.scalars(select(Message).where(
            Message.direction == MessageDirection.IN,
            Message.topic == "Plejeforløbsplan")).all()
        assert questions
        assert all(q.author_name and q.author_name.endswith(", Sygeplejerske") for q in questions)
        [unmatched] = [q for q in questions if q.admission_id is None]  # R-MESSAGE: to match
        named = patient_named_in(s, unmatched.id)  # read from the bundle bytes, as received
        assert named.name is not None
        assert named.cpr_masked is not None
        photos = s.scalars(select(MessageAttachment).where(
            MessageAttachment.content_type == "image/png")).all()
        assert photos
        assert all(base64.b64decode(p.data).startswith(b"\x89PNG\r\n\x1a\n") for p in photos)
