"""The route sheet per car (issue 5): stops in route order with drives, what to bring (R-FIRST,
R-IVBOX, R-CRP3), key notes, approximate locations, the way back (R-SHIFT); and its PDF."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db import Database
from console.models import Admission, Patient, Visit, VisitKind
from console.services.core.errors import NotFound
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.course.visits import register_visit_done
from console.services.dispatch.route_sheets import (
    BLOOD_TUBES,
    RouteSheet,
    base_points,
    municipality_points,
    route_sheet,
    what_to_bring,
)
from console.services.dispatch.routes import car_route, mbe_visits
from console.services.logistics.packing import PackLine
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral
from tests.test_dispatch import assign, make_shifts

DAY = date(2026, 11, 23)  # admitted 10:00 local: first visits in the afternoon
DRUG = "Piperacillin/Tazobactam 4 g"
IV_BOX = ["patient information", "infusion sets", "10 ml NaCl flushes", "sharps box",
          "IV access supplies"]


def _items(lines: tuple[PackLine, ...]) -> list[tuple[str, int]]:
    return [(line.item, line.quantity) for line in lines]


@pytest.fixture
def ward(db: Database) -> Database:
    """Three patients admitted by the doctor in the Næstved area, each with a first visit by the
    MBE (R-FIRST): Asta (approximate location, first dose at home), Bo (an MBE course, geocoded,
    key notes), Cai (first dose given in hospital, no phone)."""
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        admit(s, parse_referral(referral(DAY, **{
            "patient.name": "Asta Holm", "patient.cpr": "010150-1111",
            "patient.municipality": "Næstved", "patient.phone": "22 11 11 11"})))
        admit(s, parse_referral(referral(DAY, **{
            "patient.name": "Bo Lind", "patient.cpr": "020250-2222", "provider": "mbe",
            "patient.municipality": "Næstved", "patient.phone": "22 22 22 22",
            "patient.address": "Lindvej 2, 4700 Næstved"})))
        admit(s, parse_referral(referral(DAY, **{
            "patient.name": "Cai Juhl", "patient.cpr": "030350-3333",
            "patient.municipality": "Næstved", "patient.phone": None,
            "regimen.0.first_dose_given_in_hospital": True})))
    with unit_of_work(db, "system") as s:  # Bo's address was geocoded; the crew has notes
        bo = s.scalars(select(Patient).where(Patient.name == "Bo Lind")).one()
        bo.lat, bo.lon, bo.location_approximate = bo.lat + 0.02, bo.lon + 0.03, False
        bo.key_notes = "Key box by the front door; code 1234."
        first = s.scalars(select(Visit).join(Admission).where(
            Admission.patient_id == bo.id, Visit.kind == VisitKind.FIRST_VISIT)).one()
        first.note = "Relative lets you in."
    return db


def _visit(db: Database, name: str, kind: str) -> int:
    with read_only(db) as s:
        return next(v.visit_id for v in mbe_visits(s, DAY) if v.patient == name and v.kind == kind)


@pytest.fixture
def cars(ward: Database) -> dict[tuple[str, str], int]:
    """NAE-1's day shift: Cai's and Asta's first visits; its evening: Bo's first visit and dose."""
    cars = make_shifts(ward, DAY)
    for name in ("Cai Juhl", "Asta Holm"):
        assign(ward, _visit(ward, name, "first_visit"), cars[("NAE-1", "day")])
    assign(ward, _visit(ward, "Bo Lind", "first_visit"), cars[("NAE-1", "evening")])
    assign(ward, _visit(ward, "Bo Lind", "iv_dose"), cars[("NAE-1", "evening")])
    return cars


def test_sheet_has_the_route_in_order_with_drives_that_add_up(ward: Database,
                                                            cars: dict[tuple[str, str], int]) -> None:
    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "day")])
        route = car_route(s, cars[("NAE-1", "day")])
    assert (sheet.call_sign, sheet.base, sheet.shift, sheet.shift_date) == ("NAE-1", "Næstved",
                                                                          "day", DAY)
    assert sheet.crew == "Crew NAE-1"
    assert sheet.in_service
    assert sheet.contact_phone == "70 20 42 00"  # R-CONTACT
    assert sheet.e_nurse_hours == ("07:30", "19:30")
    assert [st.visit_id for st in sheet.stops] == [st.visit_id for st in route.stops]
    assert [st.order for st in sheet.stops] == [1, 2]
    assert [st.patient for st in sheet.stops] == ["Cai Juhl", "Asta Holm"]  # by window
    etas = [st.eta for st in sheet.stops if st.eta is not None]
    assert len(etas) == len(sheet.stops)
    assert etas == sorted(etas)
    # the legs from the base through every stop and back are the route's driving (R-SHIFT)
    legs = [st.drive_minutes for st in sheet.stops]
    assert all(leg is not None and leg >= 0 for leg in legs)
    assert sum(leg or 0 for leg in legs) + sheet.return_minutes == sheet.driving_minutes
    assert sheet.driving_minutes == route.driving_minutes
    assert sheet.returns_at == route.returns_at
    last = sheet.stops[-1]
    assert last.eta is not None
    assert sheet.returns_at == (last.eta + timedelta(minutes=last.service_minutes + sheet.return_minutes))
    assert sheet.returns_at <= sheet.ends_at


def test_each_stop_says_who_where_and_what_to_bring(ward: Database,
                                                   cars: dict[tuple[str, str], int]) -> None:
    with read_only(ward) as s:
        day = route_sheet(s, cars[("NAE-1", "day")])
        evening = route_sheet(s, cars[("NAE-1", "evening")])
    cai, asta = day.stops
    # R-FIRST: the MBE's first visit gives the first dose at home and brings the IV box (R-IVBOX)
    assert (asta.patient, asta.kind) == ("Asta Holm", "first_visit")
    assert _items(asta.bring) == [(DRUG, 1), ("patient information", 1), ("infusion sets", 1),
                                  ("10 ml NaCl flushes", 2), ("sharps box", 1),
                                  ("IV access supplies", 1)]
    assert (asta.drug, asta.iv_access, asta.system) == (DRUG, "picc", "codan_mix_add")
    assert asta.phone == "22 11 11 11"
    # first dose given in hospital: the box to check and flush the access, no medicine
    assert [item for item, _ in _items(cai.bring)] == IV_BOX
    assert cai.drug == DRUG
    assert cai.phone is None
    # no geocode: the municipality's point, which the sheet must say
    assert asta.location_approximate
    assert cai.location_approximate
    assert day.approximate_stops == 2
    assert asta.key_notes is None
    assert asta.visit_note is None
    bo_first, bo_dose = evening.stops
    assert (bo_first.kind, bo_dose.kind) == ("first_visit", "iv_dose")
    assert not bo_first.location_approximate
    assert evening.approximate_stops == 0
    assert (bo_first.address, bo_first.phone, bo_first.municipality) == (
        "Lindvej 2, 4700 Næstved", "22 22 22 22", "Næstved")
    assert bo_first.key_notes == bo_dose.key_notes == "Key box by the front door; code 1234."
    assert bo_first.visit_note == "Relative lets you in."
    assert bo_dose.visit_note is None
    for stop in (*day.stops, *evening.stops):
        assert stop.eta is not None
        assert stop.window_start <= stop.eta <= stop.window_end


def test_a_dose_visit_brings_the_medicine_with_set_flushes_and_sharps(
        ward: Database, cars: dict[tuple[str, str], int]) -> None:
    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "evening")])
    first, dose = sheet.stops
    assert (dose.patient, dose.kind, dose.order) == ("Bo Lind", "iv_dose", 2)
    assert _items(dose.bring) == [(DRUG, 1), ("infusion sets", 1), ("10 ml NaCl flushes", 2),
                                  ("sharps box", 1)]
    assert dose.drive_minutes == 0  # the same home as the stop before
    assert first.drive_minutes == sheet.return_minutes  # there and back again
    assert sheet.driving_minutes == 2 * sheet.return_minutes


def test_what_to_bring_per_kind() -> None:
    assert _items(what_to_bring("blood_sample", DRUG, gives_dose=False)) == [  # R-CRP3
        (BLOOD_TUBES, 1), ("sharps box", 1)]
    assert what_to_bring("assessment", None, gives_dose=False) == ()
    assert what_to_bring("iv_dose", None, gives_dose=True) == ()  # no line: nothing to give
    first = what_to_bring("first_visit", None, gives_dose=False)
    assert [line.item for line in first] == IV_BOX


def test_a_done_stop_stays_ticked_without_a_drive(ward: Database,
                                                 cars: dict[tuple[str, str], int]) -> None:
    first = _visit(ward, "Cai Juhl", "first_visit")
    with read_only(ward) as s:
        before = route_sheet(s, cars[("NAE-1", "day")])
        eta = before.stops[0].eta
    assert eta is not None
    with unit_of_work(ward, NURSE) as s:
        register_visit_done(s, first, performed_at=eta, minutes=40)
    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "day")])
    done = next(st for st in sheet.stops if st.visit_id == first)
    assert done.status == "done"
    assert done.drive_minutes is None
    assert len(sheet.stops) == 2
    assert sheet.planned_stops == 1
    planned = [st for st in sheet.stops if st.status == "planned"]
    assert sum(st.drive_minutes or 0 for st in planned) + sheet.return_minutes == sheet.driving_minutes


def test_an_empty_car_and_an_unknown_one(ward: Database, cars: dict[tuple[str, str], int]) -> None:
    with read_only(ward) as s:
        empty = route_sheet(s, cars[("HOL-1", "day")])
        with pytest.raises(NotFound):
            route_sheet(s, 999_999)
    assert empty.stops == ()
    assert empty.driving_minutes == 0
    assert empty.return_minutes == 0
    assert empty.returns_at == empty.starts_at


def test_map_points(ward: Database) -> None:
    with read_only(ward) as s:
        bases = base_points(s)
    assert [name for name, _, _ in bases] == ["Holbæk", "Nykøbing F.", "Næstved"]
    munis = municipality_points()
    assert len(munis) == 17
    assert all(54.5 < lat < 56.1 and 10.8 < lon < 12.7 for _, lat, lon in munis)


def test_route_sheet_pdf(qtbot: QtBot, ward: Database, cars: dict[tuple[str, str], int],
                         tmp_path: Path) -> None:
    from console.views.dispatch.route_sheet import route_sheet_html, write_route_sheet_pdf

    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "day")])
        evening_sheet = route_sheet(s, cars[("NAE-1", "evening")])
        empty = route_sheet(s, cars[("HOL-1", "day")])
    html = route_sheet_html(sheet).replace("&nbsp;", " ")
    assert html.count("approximate location — call ahead") == 2
    assert "22 11 11 11" in html
    assert "No phone number on record" in html
    assert "CONFIDENTIAL" in html
    assert "Back at Næstved" in html
    assert "70 20 42 00" in html  # R-CONTACT
    assert "e-doctor any time; e-nurse 07:30–19:30" in html
    evening = route_sheet_html(evening_sheet).replace("&nbsp;", " ")
    assert "approximate location" not in evening
    assert "Key box by the front door; code 1234." in evening
    assert "Relative lets you in." in evening
    path = write_route_sheet_pdf(sheet, tmp_path / "sheets" / "nae-1.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    assert _page_count(path) == 1
    blank = write_route_sheet_pdf(empty, tmp_path / "hol-1.pdf")
    assert blank.read_bytes().startswith(b"%PDF")
    assert "No visits on this car in this shift." in route_sheet_html(empty)


def _page_count(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def test_sheet_is_frozen(ward: Database, cars: dict[tuple[str, str], int]) -> None:
    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "day")])
    assert isinstance(sheet, RouteSheet)
    with pytest.raises(AttributeError):
        sheet.crew = "x"  # type: ignore[misc]


def test_a_long_route_goes_over_pages_without_splitting_a_stop(
        qtbot: QtBot, ward: Database, cars: dict[tuple[str, str], int], tmp_path: Path) -> None:
    from console.views.dispatch.route_sheet import paginate, route_sheet_html, write_route_sheet_pdf

    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "evening")])
    stop = sheet.stops[0]
    long = dataclasses.replace(sheet, stops=tuple(dataclasses.replace(stop, order=n)
                                                  for n in range(1, 15)))
    # the split itself: as many stops as fit, each on exactly one page
    pages = paginate(long, lambda html: html.count('class="tick"') <= 5)
    assert [len(p) for p in pages] == [4, 4, 4, 2]  # the way back's row counts on each trial
    html = route_sheet_html(long, pages).replace("&nbsp;", " ")
    assert "Route sheet NAE-1 — continued, page 2 of 4" in html
    assert html.count("CONFIDENTIAL") == 4
    assert html.count("Back at Næstved") == 1
    path = write_route_sheet_pdf(long, tmp_path / "long.pdf")
    assert _page_count(path) >= 2


def test_a_sheet_printed_after_every_stop_is_done_claims_no_way_back(
        qtbot: QtBot, ward: Database, cars: dict[tuple[str, str], int]) -> None:
    """Printed after the round, the sheet said "0 stops · back at Næstved about 07:00" (the
    shift's start): it now says every stop is done and leaves the way back's time open."""
    from console.views.dispatch.route_sheet import route_sheet_html

    with read_only(ward) as s:
        sheet = route_sheet(s, cars[("NAE-1", "day")])
    assert sheet.planned_stops == 2
    done = dataclasses.replace(sheet, stops=tuple(dataclasses.replace(st, status="done")
                                                  for st in sheet.stops))
    html = route_sheet_html(done).replace("&nbsp;", " ")
    assert "all 2 stops done" in html
    assert "back at Næstved about" not in html  # no made-up "about 07:00"
    assert "Back at Næstved" in html  # the tick for the way back stays
    planned = route_sheet_html(sheet).replace("&nbsp;", " ")
    assert "2 stops · " in planned
    assert "stops done" not in planned
