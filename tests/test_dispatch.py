"""MBE dispatch (R-SHIFT, R-VISIT-LEN, R-MBE-SUPPORT): shifts, the tray, assigning visits to cars,
service and crews, the CLI, and two dispatchers assigning one visit at once."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from console.cli import main
from console.db import Database
from console.models import (
    Admission,
    AdmissionStatus,
    Car,
    Condition,
    MbeBase,
    Municipality,
    Patient,
    Provider,
    Role,
    Shift,
    ShiftCar,
    ShiftKind,
    Visit,
    VisitKind,
    VisitStatus,
)
from console.services.core.errors import Conflict, InvalidInput, RuleViolation
from console.services.core.travel import GreatCircleTravel, Place
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.dispatch.board import (
    assign_visit_to_car,
    set_car_in_service,
    set_crew,
    set_pinned,
    unassign_visit,
)
from console.services.dispatch.routes import car_route, list_shifts, mbe_visits
from console.timeutil import format_local, utc_at
from tests.factories import DISPATCHER, add_staff, add_ward_staff

DAY = date(2026, 11, 23)
_cpr = itertools.count(1)


# --- builders (also used by tests/test_planner.py) ------------------------------------------------

def make_shifts(db: Database, day: date = DAY, *, out: tuple[str, ...] = (),
                extra_car: str | None = None) -> dict[tuple[str, str], int]:
    """Day 07-15 and evening 15-23 shifts for every base, all cars in service except ``out``
    (``"NAE-1/day"``). ``extra_car`` adds a fifth car (``"NAE-5"``) in service on both shifts.
    Returns ``{(call sign, kind): shift_car_id}``."""
    ids: dict[tuple[str, str], int] = {}
    with unit_of_work(db, "system") as s:
        if extra_car is not None:
            base = s.scalars(select(MbeBase).where(MbeBase.name == "Næstved")).one()
            s.add(Car(base=base, call_sign=extra_car))
            s.flush()
        for base in s.scalars(select(MbeBase).order_by(MbeBase.name)):
            for kind, (a, b) in ((ShiftKind.DAY, (7, 15)), (ShiftKind.EVENING, (15, 23))):
                shift = Shift(base=base, shift_date=day, kind=kind, starts_at=utc_at(day, time(a)),
                              ends_at=utc_at(day, time(b)))
                for car in base.cars:
                    shift.cars.append(ShiftCar(car=car, crew=f"Crew {car.call_sign}",
                                               in_service=f"{car.call_sign}/{kind.value}" not in out))
                s.add(shift)
        s.flush()
        for sc in s.scalars(select(ShiftCar)):
            ids[(sc.car.call_sign, sc.shift.kind.value)] = sc.id
    return ids


def add_visit(db: Database, start: str, end: str, *, minutes: int = 20, town: str = "Næstved",
              dlat: float = 0.0, dlon: float = 0.0, day: date = DAY,
              provider: Provider = Provider.MBE, status: VisitStatus = VisitStatus.PLANNED,
              name: str | None = None) -> int:
    """A planned visit for a new patient near ``town``'s point, window ``start``-``end`` local."""
    n = next(_cpr)
    with unit_of_work(db, "system") as s:
        muni = s.scalars(select(Municipality).where(Municipality.name == town)).one()
        patient = Patient(cpr=f"010150-{n:04d}", name=name or f"Patient {n}", address=f"Vej {n}",
                          municipality=muni, lat=muni.lat + dlat, lon=muni.lon + dlon,
                          location_approximate=False, phone="20 30 40 50")
        adm = Admission(patient=patient, status=AdmissionStatus.ADMITTED, condition=Condition.PNEUMONIA,
                        provider=provider)
        visit = Visit(admission=adm, kind=VisitKind.IV_DOSE, provider=provider,
                      window_start=utc_at(day, time.fromisoformat(start)),
                      window_end=utc_at(day, time.fromisoformat(end)), service_minutes=minutes,
                      status=status)
        s.add(visit)
        s.flush()
        return visit.id


def visit_of(db: Database, visit_id: int) -> Visit:
    with read_only(db) as s:
        v = s.get(Visit, visit_id)
        assert v is not None
        return v


def assign(db: Database, visit_id: int, car: int | str, user: str = DISPATCHER, **kw: object) -> None:
    with unit_of_work(db, user) as s:
        assign_visit_to_car(s, visit_id, car, **kw)  # type: ignore[arg-type]


def check_route_feasible(db: Database, shift_car_id: int) -> None:
    """Independent check of a stored route: travel from the base in route order, each ETA inside
    its window, reachable in time, service inside the shift, back at base by the shift end."""
    with read_only(db) as s:
        sc = s.get(ShiftCar, shift_car_id)
        assert sc is not None
        travel = GreatCircleTravel()
        base = Place(sc.shift.base.lat, sc.shift.base.lon)
        rows = s.execute(select(Visit, Patient).join(Admission, Visit.admission_id == Admission.id)
                         .join(Patient, Admission.patient_id == Patient.id)
                         .where(Visit.shift_car_id == sc.id, Visit.status == VisitStatus.PLANNED)
                         .order_by(Visit.route_order)).all()
        here, t = base, sc.shift.starts_at
        for v, p in rows:
            assert v.eta is not None
            assert v.window_start <= v.eta <= v.window_end
            assert sc.shift.starts_at <= v.eta
            arrive = t + timedelta(minutes=travel.minutes(here, Place(p.lat, p.lon)))
            assert arrive <= v.eta + timedelta(seconds=1)
            t = v.eta + timedelta(minutes=v.service_minutes)
            here = Place(p.lat, p.lon)
        back = t + timedelta(minutes=travel.minutes(here, base))
        assert back <= sc.shift.ends_at
        assert [v.route_order for v, _ in rows] == list(range(1, len(rows) + 1))


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    return db


# --- reading ------------------------------------------------------------------------------------

def test_list_shifts_and_tray(ward: Database) -> None:
    cars = make_shifts(ward, out=("NAE-2/day",))
    tray = add_visit(ward, "09:00", "11:00")
    on_car = add_visit(ward, "10:00", "12:00")
    add_visit(ward, "10:00", "12:00", provider=Provider.MUNICIPALITY)
    assign(ward, on_car, cars[("NAE-1", "day")])
    with read_only(ward) as s:
        shifts = list_shifts(s, DAY)
        visits = {v.visit_id: v for v in mbe_visits(s, DAY)}
    assert [(r.base, r.kind) for r in shifts][:2] == [("Holbæk", "day"), ("Holbæk", "evening")]
    nae_day = next(r for r in shifts if r.base == "Næstved" and r.kind == "day")
    assert [c.call_sign for c in nae_day.cars] == ["NAE-1", "NAE-2", "NAE-3", "NAE-4"]
    assert [c.in_service for c in nae_day.cars] == [True, False, True, True]
    assert nae_day.cars[0].planned_visits == 1
    assert set(visits) == {tray, on_car}  # the municipal visit is not in the MBE tray
    assert visits[tray].shift_car_id is None
    assert visits[on_car].call_sign == "NAE-1"
    assert visits[on_car].route_order == 1


# --- the rules ----------------------------------------------------------------------------------

def test_R_SHIFT_car_out_of_service_takes_nothing(ward: Database) -> None:
    cars = make_shifts(ward, out=("NAE-1/day",))
    v = add_visit(ward, "09:00", "11:00")
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, v, cars[("NAE-1", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "car")
    assert "not in service" in exc.value.message
    assert visit_of(ward, v).shift_car_id is None


def test_R_MBE_SUPPORT_municipal_visit_is_not_put_on_a_car(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "09:00", "11:00", provider=Provider.MUNICIPALITY)
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, v, cars[("NAE-1", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-MBE-SUPPORT", "provider")


def test_R_REGISTER_done_visit_is_not_reassigned(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "09:00", "11:00", status=VisitStatus.DONE)
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, v, cars[("NAE-1", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-REGISTER", "status")


def test_R_VISIT_LEN_an_hour_long_visit_is_refused(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "09:00", "11:00", minutes=60)
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, v, cars[("NAE-1", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-VISIT-LEN", "service_minutes")
    assign(ward, add_visit(ward, "09:00", "11:00", minutes=59), cars[("NAE-1", "day")])


def test_R_SHIFT_window_outside_the_shift_is_refused(ward: Database) -> None:
    cars = make_shifts(ward)
    early = add_visit(ward, "05:00", "06:30")
    late_end = add_visit(ward, "14:50", "15:30", minutes=20)  # would end after 15:00
    for v in (early, late_end):
        with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
            assign_visit_to_car(s, v, cars[("NAE-1", "day")])
        assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "window")
        assert "NAE-1's day shift 07:00–15:00" in exc.value.message
    assign(ward, late_end, "NAE-1")  # by call sign: its evening shift fits
    assert visit_of(ward, late_end).shift_car_id == cars[("NAE-1", "evening")]


def test_R_SHIFT_route_breaks_a_window_says_which_and_by_how_much(ward: Database) -> None:
    cars = make_shifts(ward)
    here = add_visit(ward, "10:00", "10:05", minutes=30)  # in Næstved, at 10:00 sharp
    assign(ward, here, cars[("NAE-1", "day")])
    far = add_visit(ward, "10:00", "10:10", town="Holbæk", minutes=20)  # an hour's drive away
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, far, cars[("NAE-1", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "route")
    assert "min after its window closes at 10:" in exc.value.message
    assert "R-SHIFT" in exc.value.message
    assert visit_of(ward, far).shift_car_id is None


def test_R_SHIFT_route_back_after_shift_end_is_refused(ward: Database) -> None:
    cars = make_shifts(ward)
    # Vordingborg is ~30 min from Næstved: 14:15 + 30 min service + the drive back > 15:00.
    v = add_visit(ward, "14:00", "14:15", minutes=30, town="Vordingborg")
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, v, cars[("NAE-1", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "route")
    assert "after the day shift ends at 15:00" in exc.value.message


def test_R_SHIFT_insertion_at_best_position_with_etas(ward: Database) -> None:
    cars = make_shifts(ward)
    car = cars[("NAE-1", "day")]
    morning = add_visit(ward, "08:00", "09:00")
    noon = add_visit(ward, "12:00", "13:00")
    mid = add_visit(ward, "09:30", "11:00", dlat=0.02)
    for v in (morning, noon, mid):
        assign(ward, v, car)
    with read_only(ward) as s:
        route = car_route(s, car)
    assert [st.visit_id for st in route.stops] == [morning, mid, noon]
    assert [st.route_order for st in route.stops] == [1, 2, 3]
    assert route.returns_at <= route.ends_at
    check_route_feasible(ward, car)


def test_R_SHIFT_at_most_four_cars_per_base_per_shift(ward: Database) -> None:
    cars = make_shifts(ward, extra_car="NAE-5")
    for n in range(1, 5):
        assign(ward, add_visit(ward, "09:00", "11:00"), cars[(f"NAE-{n}", "day")])
    fifth = add_visit(ward, "09:00", "11:00")
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        assign_visit_to_car(s, fifth, cars[("NAE-5", "day")])
    assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "car")
    assert "at most 4" in exc.value.message
    assign(ward, fifth, cars[("NAE-2", "day")])  # a car already on the road takes it


def test_R_SHIFT_a_fifth_car_cannot_go_into_service(ward: Database) -> None:
    cars = make_shifts(ward, out=("NAE-5/day",), extra_car="NAE-5")
    with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
        set_car_in_service(s, cars[("NAE-5", "day")], True)
    assert (exc.value.rule_id, exc.value.field) == ("R-SHIFT", "in_service")
    with unit_of_work(ward, DISPATCHER) as s:
        set_car_in_service(s, cars[("NAE-1", "day")], False)
        change = set_car_in_service(s, cars[("NAE-5", "day")], True)
    assert change.car.in_service


def test_out_of_service_sends_unpinned_to_the_tray_and_reports_them(ward: Database) -> None:
    cars = make_shifts(ward)
    car = cars[("NAE-1", "day")]
    free = add_visit(ward, "08:00", "09:00")
    pinned = add_visit(ward, "12:00", "13:00")
    assign(ward, free, car)
    assign(ward, pinned, car, pin=True)
    with read_only(ward) as s:
        version = s.get(ShiftCar, car).version  # type: ignore[union-attr]
    with unit_of_work(ward, DISPATCHER) as s:
        change = set_car_in_service(s, car, False, expected_version=version)
    assert change.unassigned == (free,)
    assert change.kept_pinned == (pinned,)
    assert not change.car.in_service
    assert visit_of(ward, free).shift_car_id is None
    assert visit_of(ward, free).eta is None
    assert visit_of(ward, pinned).shift_car_id == car
    with pytest.raises(Conflict, match=f"changed by {DISPATCHER}"), unit_of_work(ward, DISPATCHER) as s:
        set_car_in_service(s, car, True, expected_version=version)


def test_move_between_cars_and_unassign_retime_the_old_route(ward: Database) -> None:
    cars = make_shifts(ward)
    a, b = cars[("NAE-1", "day")], cars[("NAE-2", "day")]
    first = add_visit(ward, "08:00", "09:00", dlat=0.03)
    second = add_visit(ward, "09:00", "12:00")
    assign(ward, first, a)
    assign(ward, second, a)
    assert visit_of(ward, second).route_order == 2
    assign(ward, first, b)
    assert visit_of(ward, first).shift_car_id == b
    assert visit_of(ward, second).route_order == 1
    with unit_of_work(ward, DISPATCHER) as s:
        row = unassign_visit(s, second)
    assert (row.shift_car_id, row.route_order, row.eta, row.pinned) == (None, None, None, False)
    check_route_feasible(ward, a)
    check_route_feasible(ward, b)


def test_unassign_and_pin_refuse_done_visits(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "08:00", "09:00")
    assign(ward, v, cars[("NAE-1", "day")])
    with unit_of_work(ward, "system") as s:
        s.get(Visit, v).status = VisitStatus.DONE  # type: ignore[union-attr]
    for call in (lambda s: unassign_visit(s, v), lambda s: set_pinned(s, v, True)):
        with pytest.raises(RuleViolation) as exc, unit_of_work(ward, DISPATCHER) as s:
            call(s)
        assert exc.value.rule_id == "R-REGISTER"


def test_pin_needs_a_car(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "08:00", "09:00")
    with pytest.raises(InvalidInput) as exc, unit_of_work(ward, DISPATCHER) as s:
        set_pinned(s, v, True)
    assert exc.value.field == "pinned"
    assign(ward, v, cars[("NAE-1", "day")])
    with unit_of_work(ward, DISPATCHER) as s:
        assert set_pinned(s, v, True).pinned


def test_stale_assignment_is_a_conflict_naming_who(ward: Database) -> None:
    cars = make_shifts(ward)
    add_staff(ward, "DI2", Role.DISPATCHER)
    v = add_visit(ward, "09:00", "11:00")
    assign(ward, v, cars[("NAE-1", "day")], expected_version=1)
    with pytest.raises(Conflict, match=f"visit {v} was changed by {DISPATCHER} at"):
        assign(ward, v, cars[("NAE-2", "day")], user="DI2", expected_version=1)
    assert visit_of(ward, v).shift_car_id == cars[("NAE-1", "day")]


def test_crew_is_set_with_its_version(ward: Database) -> None:
    cars = make_shifts(ward)
    car = cars[("HOL-1", "day")]
    with unit_of_work(ward, DISPATCHER) as s:
        row = set_crew(s, car, "  Anne Holm / Per Dahl ", expected_version=1)
    assert (row.crew, row.version) == ("Anne Holm / Per Dahl", 2)
    with pytest.raises(InvalidInput), unit_of_work(ward, DISPATCHER) as s:
        set_crew(s, car, "x" * 201)
    with pytest.raises(Conflict), unit_of_work(ward, DISPATCHER) as s:
        set_crew(s, car, "Bo", expected_version=1)


def test_only_a_dispatcher_assigns(ward: Database) -> None:
    from console.services.core.errors import Forbidden
    cars = make_shifts(ward)
    v = add_visit(ward, "09:00", "11:00")
    with pytest.raises(Forbidden), unit_of_work(ward, "NUR") as s:
        assign_visit_to_car(s, v, cars[("NAE-1", "day")])


# --- two dispatchers at once (PostgreSQL) ----------------------------------------------------------

@pytest.mark.pg
@pytest.mark.parametrize("same_car", [True, False])
def test_two_dispatchers_assign_one_visit_one_wins(pg_url: str, same_car: bool) -> None:
    desks = [open_ward(pg_url) for _ in range(2)]
    add_ward_staff(desks[0])
    add_staff(desks[0], "DI2", Role.DISPATCHER)
    cars = make_shifts(desks[0])
    v = add_visit(desks[0], "09:00", "11:00")
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def go(db: Database, user: str, car: int) -> None:
        try:
            with unit_of_work(db, user) as s:
                barrier.wait()
                assign_visit_to_car(s, v, car, expected_version=1)
            results[user] = "ok"
        except Conflict as exc:
            results[user] = exc.message

    targets = [cars[("NAE-1", "day")], cars[("NAE-1" if same_car else "NAE-2", "day")]]
    threads = [threading.Thread(target=go, args=(desks[0], DISPATCHER, targets[0])),
               threading.Thread(target=go, args=(desks[1], "DI2", targets[1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results.values())[-1] == "ok"
    (winner,) = [u for u, r in results.items() if r == "ok"]
    (loser,) = [u for u, r in results.items() if r != "ok"]
    assert f"changed by {winner} at" in results[loser]
    stored = visit_of(desks[0], v)
    assert stored.version == 2  # exactly one assignment applied
    assert stored.updated_by == winner
    for d in desks:
        d.dispose()


# --- CLI ----------------------------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_shifts_and_assign(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    db = open_ward(sqlite_url)
    add_ward_staff(db)
    make_shifts(db, out=("HOL-2/evening",))
    ok = add_visit(db, "09:00", "11:00")
    far = add_visit(db, "07:00", "07:05", town="Kalundborg")
    db.dispose()
    code, out = run(capsys, "shifts", "--database", sqlite_url, "--date", DAY.isoformat(), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["date"] == DAY.isoformat()
    assert [b["base"] for b in payload["bases"]] == ["Holbæk", "Nykøbing F.", "Næstved"]
    hol_evening = payload["bases"][0]["shifts"][1]
    assert hol_evening["kind"] == "evening"
    assert {c["call_sign"]: c["in_service"] for c in hol_evening["cars"]}["HOL-2"] is False
    assert set(hol_evening["cars"][0]) >= {"shift_car_id", "call_sign", "crew", "in_service", "version"}

    code, out = run(capsys, "assign", str(ok), "--car", "NAE-3", "--pin", "--database", sqlite_url,
                    "--user", DISPATCHER, "--json")
    assert code == 0
    route = json.loads(out)
    assert route["call_sign"] == "NAE-3"
    assert route["stops"][0]["visit_id"] == ok
    assert route["stops"][0]["pinned"] is True

    code, out = run(capsys, "assign", str(far), "--car", "NAE-3", "--date", DAY.isoformat(),
                    "--database", sqlite_url, "--user", DISPATCHER, "--json")
    assert code == 2
    error = json.loads(out)["error"]
    assert (error["code"], error["field"]) == ("R-SHIFT", "route")
    assert "after its window closes at 07:05" in error["message"]

    code, out = run(capsys, "assign", str(ok), "--car", "NAE-1", "--version", "1",
                    "--database", sqlite_url, "--user", DISPATCHER, "--json")
    assert code == 3
    assert json.loads(out)["error"]["code"] == "CONFLICT"
    code, out = run(capsys, "assign", str(ok), "--car", "XYZ-9", "--database", sqlite_url,
                    "--user", DISPATCHER, "--json")
    assert code == 2
    assert json.loads(out)["error"]["field"] == "car"


def test_route_eta_shown_in_local_time(ward: Database) -> None:
    cars = make_shifts(ward)
    v = add_visit(ward, "09:00", "11:00")
    assign(ward, v, cars[("NAE-1", "day")])
    eta = visit_of(ward, v).eta
    assert isinstance(eta, datetime)
    assert format_local(eta) == "09:00"  # the base is in Næstved, next door: no wait, no delay


@pytest.mark.pg
def test_visit_moved_between_read_and_lock_is_a_conflict(pg_url: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The car locks are taken for the car the visit was on when first read; if another desk
    moves it before our lock, our locks guard the wrong route, so the change is refused."""
    from console.services.dispatch import board as dispatch

    desks = [open_ward(pg_url) for _ in range(2)]
    add_ward_staff(desks[0])
    add_staff(desks[0], "DI2", Role.DISPATCHER)
    cars = make_shifts(desks[0])
    v = add_visit(desks[0], "09:00", "11:00")
    assign(desks[0], v, cars[("NAE-1", "day")])
    original = dispatch._target_cars
    meddled: list[bool] = []

    def meddle(session: object, car: int | str, day: date) -> list[ShiftCar]:
        found = original(session, car, day)  # type: ignore[arg-type]
        if not meddled:
            meddled.append(True)
            assign(desks[1], v, cars[("NAE-2", "day")], user="DI2")  # commits in between
        return found

    monkeypatch.setattr(dispatch, "_target_cars", meddle)
    with pytest.raises(Conflict, match=f"visit {v} was changed by DI2"):
        assign(desks[0], v, cars[("NAE-3", "day")])
    assert visit_of(desks[0], v).shift_car_id == cars[("NAE-2", "day")]
    for d in desks:
        d.dispose()
