"""Issue 14: the MBE rota and shifts on a real database (R-SHIFT), through services and the CLI.

A fresh database holds reference data only (bases, cars, shift hours, the rota); the dispatcher
creates the week from the rota, staffs cars, takes one out of service with a reason, copies the
week; then a whole dispatch day runs: admit, plan, assign, route sheet.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from console.cli import main
from console.db import Database
from console.models import Role, Setting, Visit, VisitKind
from console.services.core.errors import Forbidden, InvalidInput, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.dispatch import board, rota
from console.services.dispatch.planner import propose_plan, save_plan
from console.services.dispatch.route_sheets import route_sheet_for_print
from console.services.dispatch.routes import list_shifts, mbe_visits
from tests.factories import DISPATCHER, DOCTOR, add_staff, add_ward_staff, referral

MONDAY = date(2026, 12, 7)
ADMIN = "ADM"


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    add_staff(db, ADMIN, Role.ADMIN)
    return db


def _cars(row: rota.ShiftRow) -> list[str]:
    return [c.call_sign for c in row.cars]


def test_r_shift_week_from_the_rota_every_base_day_and_evening(ward: Database) -> None:
    with unit_of_work(ward, ADMIN) as s:
        rota.set_rota_cars(s, "Holbæk", "evening", 2)
    with unit_of_work(ward, DISPATCHER) as s:
        made = rota.create_shifts(s, MONDAY)
    assert len(made.created) == 3 * 2 * 7
    assert made.already_there == 0
    with read_only(ward) as s:
        sunday = {(r.base, r.kind): r for r in list_shifts(s, MONDAY + timedelta(days=6))}
    assert _cars(sunday[("Holbæk", "day")]) == ["HOL-1", "HOL-2", "HOL-3", "HOL-4"]
    assert _cars(sunday[("Holbæk", "evening")]) == ["HOL-1", "HOL-2"]  # the admin's rota
    evening = sunday[("Næstved", "evening")]
    assert (evening.starts_at.hour, evening.ends_at.hour) == (14, 22)  # 15-23 local, winter
    with unit_of_work(ward, DISPATCHER) as s:  # twice: nothing new, nothing changed
        again = rota.create_shifts(s, MONDAY)
    assert again.created == ()
    assert again.already_there == 42


def test_r_shift_the_cap_bounds_the_rota_and_the_shifts(ward: Database) -> None:
    with unit_of_work(ward, ADMIN) as s, pytest.raises(RuleViolation) as too_many:
        rota.set_rota_cars(s, "Næstved", "day", 5)
    assert too_many.value.rule_id == "R-SHIFT"
    with unit_of_work(ward, "system") as s:  # the agreement now allows 3 cars a shift
        s.scalars(select(Setting).where(Setting.key == "max_cars_per_shift")).one().value = "3"
    with unit_of_work(ward, DISPATCHER) as s:
        made = rota.create_shifts(s, MONDAY, 1, base="Næstved")
    assert [len(r.cars) for r in made.created] == [3, 3]  # rota says 4, the cap says 3
    with unit_of_work(ward, DISPATCHER) as s, pytest.raises(RuleViolation) as fourth:
        rota.add_car_to_shift(s, made.created[0].shift_id, "NAE-4")
    assert fourth.value.rule_id == "R-SHIFT"
    with unit_of_work(ward, DISPATCHER) as s, pytest.raises(RuleViolation) as other_base:
        rota.add_car_to_shift(s, made.created[0].shift_id, "HOL-4")
    assert other_base.value.rule_id == "R-SHIFT"


def test_r_shift_only_a_dispatcher_creates_shifts_only_an_admin_sets_the_rota(
        ward: Database) -> None:
    with unit_of_work(ward, DOCTOR) as s, pytest.raises(Forbidden):
        rota.create_shifts(s, MONDAY)
    with unit_of_work(ward, DISPATCHER) as s, pytest.raises(Forbidden):
        rota.set_rota_cars(s, "Holbæk", "day", 2)


def test_r_shift_out_of_service_with_a_reason_and_a_copied_week(ward: Database) -> None:
    with unit_of_work(ward, DISPATCHER) as s:
        rota.add_shift(s, "Næstved", MONDAY, "day", ("NAE-1", "NAE-2"))
        car, version = rota.find_shift_car(s, "NAE-1", MONDAY, "day")
        board.set_crew(s, car, "Anne Holm / Per Dahl", expected_version=version)
        two, v2 = rota.find_shift_car(s, "NAE-2", MONDAY, "day")
        board.set_car_in_service(s, two, False, v2, reason="Flat tyre")
    with read_only(ward) as s:
        (day,) = list_shifts(s, MONDAY)
    assert [(c.crew, c.in_service, c.out_of_service_reason) for c in day.cars] == [
        ("Anne Holm / Per Dahl", True, None), (None, False, "Flat tyre")]
    with unit_of_work(ward, DISPATCHER) as s:
        copied = rota.copy_week(s, MONDAY, MONDAY + timedelta(days=7))
        with pytest.raises(InvalidInput):
            rota.add_shift(s, "Næstved", MONDAY, "day")  # already there
    (next_monday,) = copied.created
    assert [(c.call_sign, c.crew, c.in_service) for c in next_monday.cars] == [
        ("NAE-1", "Anne Holm / Per Dahl", True), ("NAE-2", None, True)]
    with unit_of_work(ward, DISPATCHER) as s:
        board.set_car_in_service(s, two, True)
    with read_only(ward) as s:
        (day,) = list_shifts(s, MONDAY)
    assert day.cars[1].out_of_service_reason is None


def _admit_mbe_patients(db: Database, day: date) -> None:
    with unit_of_work(db, DOCTOR) as s:
        for n, town in enumerate(("Næstved", "Slagelse", "Holbæk")):
            admit(s, parse_referral(referral(day, **{
                "patient.name": f"Patient {n}", "patient.cpr": f"0{n + 1}0150-111{n}",
                "patient.municipality": town, "patient.address": f"Vej {n}, {town}"})))


def test_a_dispatch_day_on_a_fresh_database_through_the_services(ward: Database) -> None:
    """Done means (issue 14): reference data only → the week from the rota → staffed cars →
    admissions → a saved plan → a manual assignment → a route sheet."""
    with unit_of_work(ward, DISPATCHER) as s:
        rota.create_shifts(s, MONDAY)
        car, version = rota.find_shift_car(s, "NAE-1", MONDAY, "day")
        board.set_crew(s, car, "Anne Holm / Per Dahl", expected_version=version)
    _admit_mbe_patients(ward, MONDAY)
    with read_only(ward, DISPATCHER) as s:
        proposal = propose_plan(s, MONDAY, time_limit=0.5, now=None)
    assert proposal.placed >= 3  # every first visit (R-FIRST) found a car
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, proposal)
        first = s.scalars(select(Visit).where(Visit.kind == VisitKind.FIRST_VISIT)
                          .order_by(Visit.id)).first()
        assert first is not None
        board.unassign_visit(s, first.id)
        route = board.assign_visit_to_car(s, first.id, "NAE-1", day=MONDAY)
    assert first.id in [stop.visit_id for stop in route.stops]
    with unit_of_work(ward, DISPATCHER) as s:
        sheet = route_sheet_for_print(s, route.shift_car_id)
    assert sheet.crew == "Anne Holm / Per Dahl"
    assert sheet.stops
    with read_only(ward) as s:
        assert all(v.shift_car_id is not None for v in mbe_visits(s, MONDAY)
                   if v.kind == "first_visit")


def _cli(capsys: pytest.CaptureFixture[str], url: str, user: str, *argv: str) -> tuple[int, object]:
    code = main(["--database", url, "--user", user, "--json", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else err


def test_a_dispatch_day_on_a_fresh_database_through_the_cli(
        capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path) -> None:
    assert main(["--database", sqlite_url, "db", "upgrade"]) == 0
    for initials, role in (("DOC", "e_doctor"), ("DIS", "dispatcher"), ("ADM", "admin")):
        assert main(["--database", sqlite_url, "user", "add", initials, "--name", initials,
                     "--role", role]) == 0
    capsys.readouterr()
    day = MONDAY.isoformat()
    code, out = _cli(capsys, sqlite_url, "ADM", "rota", "set", "Holbæk", "evening", "2")
    assert code == 0
    holbaek = next(r for r in out["rota"]  # type: ignore[index]
                   if r["base"] == "Holbæk" and r["kind"] == "evening")
    assert holbaek["cars"] == 2
    code, out = _cli(capsys, sqlite_url, "DIS", "shift", "week", "--date", day)
    assert code == 0
    assert len(out["shifts"]) == 42  # type: ignore[index]
    code, out = _cli(capsys, sqlite_url, "DIS", "shift", "staff", "NAE-1", "--date", day,
                     "--kind", "day", "--crew", "Anne Holm / Per Dahl")
    assert code == 0
    code, _ = _cli(capsys, sqlite_url, "DIS", "shift", "service", "NAE-2", "--date", day,
                     "--kind", "day", "--out")
    assert code == 2  # a car goes off the road with a reason
    code, out = _cli(capsys, sqlite_url, "DIS", "shift", "service", "NAE-2", "--date", day,
                     "--kind", "day", "--out", "--reason", "Flat tyre")
    assert code == 0
    for n, town in enumerate(("Næstved", "Slagelse", "Holbæk")):
        doc = tmp_path / f"referral{n}.json"
        doc.write_text(json.dumps(referral(MONDAY, **{
            "patient.name": f"Patient {n}", "patient.cpr": f"0{n + 1}0150-111{n}",
            "patient.municipality": town, "patient.address": f"Vej {n}, {town}"})))
        code, out = _cli(capsys, sqlite_url, "DOC", "admit", str(doc))
        assert code == 0, out
    code, out = _cli(capsys, sqlite_url, "DIS", "visits", "--date", day)
    first = next(v["id"] for v in out if v["patient"] == "Patient 0"  # type: ignore[union-attr]
                 and v["kind"] == "first_visit")
    code, out = _cli(capsys, sqlite_url, "DIS", "assign", str(first), "--car", "NAE-1",
                     "--date", day, "--pin")
    assert code == 0, out
    # Planned as at 06:00 that morning: on MONDAY itself the CLI would plan from the real clock
    # and leave the visits whose windows have passed (it failed so on 2026-12-07 after 14:00).
    code, out = _cli(capsys, sqlite_url, "DIS", "plan", "--date", day, "--time-limit", "0.5",
                     "--now", f"{day}T06:00:00+01:00")
    assert code == 0
    assert not out["to_tray"]  # type: ignore[index]
    placed = [stop["visit_id"] for r in out["routes"] for stop in r["stops"]]  # type: ignore[index]
    assert first in placed
    assert len(placed) >= 3
    cars = {(r["car"], r["shift"]) for r in out["routes"] if r["stops"]}  # type: ignore[index]
    assert ("NAE-2", "day") not in cars  # out of service
    code, out = _cli(capsys, sqlite_url, "DIS", "route-sheet", "NAE-1", "--date", day,
                     "--kind", "day")
    assert code == 0
    assert out["crew"] == "Anne Holm / Per Dahl"  # type: ignore[index]
    assert first in [s["visit_id"] for s in out["stops"]]  # type: ignore[index]
