"""Patient search for the escalation intake: by name, CPR or phone, admitted patients only."""

from __future__ import annotations

from datetime import date, time

import pytest

from console.db import Database
from console.services.core.errors import NotFound
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.patient_search import (
    get_patient_choice,
    load_intake_options,
    search_admitted_patients,
)
from console.services.course.referral import parse_referral
from tests.factories import DOCTOR, add_ward_staff, referral


@pytest.fixture
def two_patients(db: Database) -> tuple[int, int]:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        first = admit(s, parse_referral(referral(date(2026, 11, 23))))
        second = admit(s, parse_referral(referral(
            date(2026, 11, 23), **{"patient.cpr": "020260-2222", "patient.name": "Grete Olsen",
                                   "patient.phone": "+45 55 66 77 88",
                                   "patient.municipality": "Holbæk"})))
    return first.admission_id, second.admission_id


def _names(db: Database, query: str) -> list[str]:
    with read_only(db) as s:
        return [c.name for c in search_admitted_patients(s, query)]


def test_search_by_name_words_cpr_and_phone(db: Database, two_patients: tuple[int, int]) -> None:
    assert _names(db, "") == ["Grete Olsen", "Test Testesen"]
    assert _names(db, "olsen gre") == ["Grete Olsen"]
    assert _names(db, "0101501234") == ["Test Testesen"]  # CPR without the dash
    assert _names(db, "020260-2222") == ["Grete Olsen"]
    assert _names(db, "20 30 40") == ["Test Testesen"]  # phone, spaced as said on the phone
    assert _names(db, "55667788") == ["Grete Olsen"]
    assert _names(db, "12") == []  # too few digits to mean anything
    assert _names(db, "nobody") == []


def test_rows_carry_masked_cpr_and_municipality(db: Database,
                                                two_patients: tuple[int, int]) -> None:
    with read_only(db) as s:
        choice = get_patient_choice(s, two_patients[1])
        with pytest.raises(NotFound):
            get_patient_choice(s, 9999)
    assert (choice.cpr_masked, choice.municipality, choice.phone) == (
        "020260-XXXX", "Holbæk", "+45 55 66 77 88")


def test_intake_options_hold_municipalities_and_e_nurse_hours(db: Database) -> None:
    with read_only(db) as s:
        options = load_intake_options(s)
    assert "Næstved" in options.municipalities
    assert len(options.municipalities) == 17
    assert (options.e_nurse_from, options.e_nurse_until) == (time(7, 30), time(19, 30))
