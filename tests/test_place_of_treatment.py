"""R-REGISTER (clarified, issue 14): the place of treatment (home, municipal acute bed,
nursing clinic) is recorded for the course, and for a visit when it differs; the census and
the record carry it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from console.db import Database
from console.services.core.errors import InvalidInput
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.census import load_census
from console.services.course.record import load_record
from console.services.course.referral import parse_referral
from console.services.course.visits import list_visits, register_visit_done
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral

DAY = date(2026, 11, 23)


@pytest.fixture
def ward(db: Database) -> tuple[Database, int, int]:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        bed = admit(s, parse_referral(referral(DAY, place_of_treatment="municipal_acute_bed")))
        home = admit(s, parse_referral(referral(DAY, **{"patient.cpr": "020250-1234",
                                                       "patient.name": "Hanne Hjem"})))
    return db, bed.admission_id, home.admission_id


def test_r_register_the_course_place_is_on_the_census_and_the_record(
        ward: tuple[Database, int, int]) -> None:
    db, bed, home = ward
    with read_only(db) as s:
        places = {r.admission_id: r.place for r in load_census(s, DAY).rows}
    assert places == {bed: "municipal_acute_bed", home: "home"}
    with unit_of_work(db, NURSE) as s:
        assert load_record(s, bed).place_of_treatment == "municipal_acute_bed"


def test_r_register_a_visit_elsewhere_records_its_place(ward: tuple[Database, int, int]) -> None:
    db, bed, _home = ward
    with read_only(db) as s:
        first, second = [v for v in list_visits(s, DAY + timedelta(days=1))
                         if v.admission_id == bed][:2]
    with unit_of_work(db, NURSE) as s:
        at_clinic = register_visit_done(s, first.id, performed_at=first.window_start, minutes=30,
                                        place="nursing_clinic", expected_version=first.version)
        usual = register_visit_done(s, second.id, performed_at=second.window_start, minutes=30,
                                    place="municipal_acute_bed", expected_version=second.version)
    assert at_clinic.place == "nursing_clinic"
    assert usual.place is None  # the course's place: nothing to add
    with unit_of_work(db, NURSE) as s, pytest.raises(InvalidInput) as err:
        third = next(v for v in list_visits(s, DAY + timedelta(days=2)) if v.admission_id == bed)
        register_visit_done(s, third.id, performed_at=third.window_start, minutes=30,
                            place="hospital")
    assert err.value.field == "place"
