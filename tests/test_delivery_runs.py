"""The logistics assistant's run (R-SUPPLY, R-IVBOX): order, ETAs, what to pack per stop."""

from __future__ import annotations

import itertools
import random
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Delivery, DeliveryStatus, Role, Setting
from console.services.core.errors import InvalidInput
from console.services.core.travel import GreatCircleTravel, Place, minutes_matrix
from console.services.core.uow import read_only, unit_of_work
from console.services.course.referral import parse_referral
from console.services.logistics.deliveries import deliveries_for_day, set_status
from console.services.logistics.delivery_runs import (
    HOME_BASE,
    START_SETTING,
    order_stops,
    plan_delivery_run,
    run_minutes,
)
from console.timeutil import to_local
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral

FIRST_DAY = date(2026, 11, 2)
DUE_DAY = FIRST_DAY + timedelta(days=6)  # the admission's R-SUPPLY delivery falls due on day 7
LOGI = "LOG"
# name, cpr, municipality, lat, lon: spread over Zealand, listed in a zig-zag order
PATIENTS = (
    ("Asta Holm", "010150-1111", "Holbæk", 55.7175, 11.7128),
    ("Bo Lind", "020250-2222", "Vordingborg", 55.0080, 11.9106),
    ("Cai Juhl", "030350-3333", "Roskilde", 55.6415, 12.0804),
    ("Dea Krog", "040450-1444", "Næstved", 55.2299, 11.7609),
    ("Eik Mose", "050550-1555", "Sorø", 55.4318, 11.5555),
    ("Fie Dahl", "060650-1666", "Køge", 55.4580, 12.1821),
)


def _random_matrix(rng: random.Random, n: int) -> list[list[int]]:
    places = [Place(54.8 + rng.random(), 11.0 + 1.5 * rng.random()) for _ in range(n)]
    return minutes_matrix(GreatCircleTravel(), places)


@pytest.mark.parametrize("seed", range(25))
def test_order_is_a_permutation_never_worse_than_the_input_order(seed: int) -> None:
    rng = random.Random(seed)
    matrix = _random_matrix(rng, rng.randint(2, 11))
    order = order_stops(matrix)
    assert sorted(order) == list(range(1, len(matrix)))
    assert run_minutes(matrix, order) <= run_minutes(matrix, list(range(1, len(matrix))))


@pytest.mark.parametrize("seed", range(10))
def test_order_is_optimal_or_close_on_small_runs(seed: int) -> None:
    rng = random.Random(100 + seed)
    matrix = _random_matrix(rng, 7)
    best = min(run_minutes(matrix, list(p)) for p in itertools.permutations(range(1, 7)))
    assert run_minutes(matrix, order_stops(matrix)) <= best * 1.1


def test_points_on_a_line_are_driven_in_line_order() -> None:
    # start at 0 km, stops listed zig-zag at 40, 10, 30, 20 km east: an open run goes 10-20-30-40
    places = [Place(55.0, 11.0 + km / 64.0) for km in (0, 40, 10, 30, 20)]
    matrix = minutes_matrix(GreatCircleTravel(road_factor=1.0, speed_kmh=60), places)
    assert order_stops(matrix, return_to_start=False) == [2, 4, 3, 1]
    assert run_minutes(matrix, [2, 4, 3, 1], return_to_start=False) < run_minutes(
        matrix, [1, 2, 3, 4], return_to_start=False)


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    add_staff(db, LOGI, Role.LOGISTICS, name="Lone Logistik")
    from console.services.course.admissions import admit

    for name, cpr, muni, lat, lon in PATIENTS:
        with unit_of_work(db, DOCTOR) as s:
            admit(s, parse_referral(referral(FIRST_DAY, **{
                "patient.name": name, "patient.cpr": cpr, "patient.municipality": muni,
                "patient.lat": lat, "patient.lon": lon, "patient.phone": f"22 {cpr[:6]}",
                "patient.address": f"{name.split()[1]}vej 1", "planned_end": "2026-11-15",
                "regimen.0.days": 14})))
    return db


def _open_ids(db: Database, day: date) -> list[int]:
    with read_only(db) as s:
        return [d.id for d in deliveries_for_day(s, day) if d.status in ("requested", "packed",
                                                                          "out")]


def test_run_has_every_open_delivery_once_with_rising_etas(ward: Database) -> None:
    with read_only(ward) as s:
        rows = deliveries_for_day(s, DUE_DAY)
        run = plan_delivery_run(s, DUE_DAY)
    assert len(rows) == len(PATIENTS)
    assert sorted(stop.delivery_id for stop in run.stops) == sorted(r.id for r in rows)
    assert [stop.order for stop in run.stops] == list(range(1, len(PATIENTS) + 1))
    assert to_local(run.start_at).time() == time(9, 0)
    etas = [stop.eta for stop in run.stops]
    assert etas == sorted(etas)
    assert len(set(etas)) == len(etas)  # strictly increasing: minutes at each door
    assert run.start_at <= etas[0]  # Dea Krog lives at the Næstved base point
    assert run.back_at > etas[-1]
    assert run.travel_minutes <= run.input_order_minutes
    back_minutes = (run.back_at - etas[-1] - timedelta(minutes=10)) // timedelta(minutes=1)
    assert run.travel_minutes == sum(stop.travel_minutes for stop in run.stops) + back_minutes
    # ETAs follow the travel times: each stop is reached travel minutes after leaving the last
    for before, after in itertools.pairwise(run.stops):
        assert after.eta - before.eta == timedelta(minutes=10 + after.travel_minutes)


def test_each_stop_says_where_and_what_to_pack(ward: Database) -> None:
    with read_only(ward) as s:
        run = plan_delivery_run(s, DUE_DAY)
    stop = next(st for st in run.stops if st.patient == "Dea Krog")
    assert (stop.address, stop.phone, stop.municipality) == ("Krogvej 1", "22 040450", "Næstved")
    items = {line.item: line.quantity for line in stop.items}
    assert items["Piperacillin/Tazobactam 4 g"] == 3 * 7  # days 8-14 (R-SUPPLY)
    # R-IVBOX: the box holds sets, flushes, a sharps box and IV access supplies with the doses
    assert items["infusion sets"] == 21
    assert items["10 ml NaCl flushes"] == 42
    assert {"sharps box", "IV access supplies"} <= set(items)
    totals = {line.item: line.quantity for line in run.packing_totals()}
    assert totals["sharps box"] == len(PATIENTS)
    assert totals["Piperacillin/Tazobactam 4 g"] == 21 * len(PATIENTS)


def test_delivered_failed_and_cancelled_are_left_out(ward: Database) -> None:
    ids = _open_ids(ward, DUE_DAY)
    delivered, failed, cancelled = ids[:3]
    with unit_of_work(ward, LOGI) as s:
        for status in (DeliveryStatus.PACKED, DeliveryStatus.OUT, DeliveryStatus.DELIVERED):
            set_status(s, delivered, status)
        set_status(s, failed, DeliveryStatus.PACKED)
        _row, follow_up = set_status(s, failed, DeliveryStatus.FAILED, reason="Nobody home")
        set_status(s, cancelled, DeliveryStatus.CANCELLED)
    with read_only(ward) as s:
        run = plan_delivery_run(s, DUE_DAY)
    in_run = [stop.delivery_id for stop in run.stops]
    assert not {delivered, failed, cancelled} & set(in_run)
    assert sorted(in_run) == sorted(_open_ids(ward, DUE_DAY))
    assert len(in_run) == len(set(in_run))
    assert len(in_run) == len(PATIENTS) - 3
    assert follow_up is not None  # the failed one's follow-up is due later, on its own day


def test_the_start_base_nearest_the_run_is_chosen_unless_configured(ward: Database) -> None:
    ids = _open_ids(ward, DUE_DAY)
    with unit_of_work(ward, LOGI) as s:  # leave only the Holbæk patient on the run
        for d in s.scalars(select(Delivery).where(Delivery.id.in_(ids))):
            if d.admission.patient.name != "Asta Holm":
                d.status = DeliveryStatus.CANCELLED
    with read_only(ward) as s:
        assert plan_delivery_run(s, DUE_DAY).start_base == "Holbæk"
        assert plan_delivery_run(s, DUE_DAY, start_base=HOME_BASE).start_base == HOME_BASE
    with unit_of_work(ward, "system") as s:
        s.merge(Setting(key=START_SETTING, value=HOME_BASE))
    with read_only(ward) as s:
        run = plan_delivery_run(s, DUE_DAY)
    assert run.start_base == HOME_BASE
    assert run.stops[0].travel_minutes > 50  # Næstved to Holbæk


def test_unknown_start_base_is_refused(ward: Database) -> None:
    with read_only(ward) as s, pytest.raises(InvalidInput, match="no MBE base called"):
        plan_delivery_run(s, DUE_DAY, start_base="Odense")


def test_empty_day_is_an_empty_run_from_home(ward: Database) -> None:
    with read_only(ward) as s:
        run = plan_delivery_run(s, FIRST_DAY - timedelta(days=1))
    assert run.stops == ()
    assert run.start_base == HOME_BASE
    assert run.travel_minutes == 0
    assert run.back_at == run.start_at


def test_late_stops_are_flagged(ward: Database) -> None:
    with read_only(ward) as s:
        run = plan_delivery_run(s, DUE_DAY, start_time=time(22, 30))
    assert run.stops
    # the R-SUPPLY delivery is due on day 7 before the evening: a 22:30 start is late everywhere
    assert all(stop.late for stop in run.stops)
    with read_only(ward) as s:
        early = plan_delivery_run(s, DUE_DAY, start_time=time(6, 0))
    assert not any(stop.late for stop in early.stops)
    assert [stop.late for stop in early.stops] == [stop.eta > stop.due_by for stop in early.stops]
