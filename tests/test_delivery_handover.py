"""Issue 6: a delivery handed to an MBE car becomes a stop on that car's route, linked both ways."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Delivery, DeliveryStatus, Provider, Role, Visit, VisitKind, VisitStatus
from console.services.core.errors import Conflict, Forbidden, RuleViolation
from console.services.core.settings_store import get_time
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.course.visits import register_visit_done, register_visit_missed
from console.services.dispatch.routes import mbe_visits
from console.services.logistics.deliveries import create_delivery, list_deliveries, set_status
from console.services.logistics.handover import delivery_window, hand_to_mbe
from console.services.logistics.packing import PackLine
from console.timeutil import LOCAL_TZ, local_date, now_utc
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral

LOGI = "LOG"


@pytest.fixture
def delivery(db: Database) -> tuple[Database, int]:
    add_ward_staff(db)
    add_staff(db, LOGI, Role.LOGISTICS, name="Lone Logistik")
    day = local_date(now_utc()) - timedelta(days=1)  # admitted before now at any hour
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(referral(day))).admission_id
    with unit_of_work(db, LOGI) as s:
        d = create_delivery(s, adm, due_by=now_utc() + timedelta(hours=5),
                            items=[PackLine(None, "sharps box", 1)])
    return db, d


def _visit_of(db: Database, delivery_id: int) -> Visit:
    with read_only(db) as s:
        d = s.get(Delivery, delivery_id)
        assert d is not None
        assert d.visit_id is not None
        v = s.get(Visit, d.visit_id)
        assert v is not None
        return v


def test_handing_over_creates_an_mbe_delivery_visit_in_the_dispatch_tray(
        delivery: tuple[Database, int]) -> None:
    db, delivery_id = delivery
    with unit_of_work(db, LOGI) as s:
        visit_id = hand_to_mbe(s, delivery_id)
    visit = _visit_of(db, delivery_id)
    assert visit.id == visit_id
    assert (visit.kind, visit.provider, visit.status) == (
        VisitKind.DELIVERY, Provider.MBE, VisitStatus.PLANNED)
    assert f"Delivery #{delivery_id}" in (visit.note or "")
    with read_only(db) as s:
        due_by = s.get(Delivery, delivery_id).due_by  # type: ignore[union-attr]
        first = get_time(s, "day_shift_start")
    # before it is due, or (late in the evening, the cars off) from their next morning
    assert (visit.window_end <= due_by
            or visit.window_start.astimezone(LOCAL_TZ).time() == first), (visit.window_start,
                                                                          due_by)
    with read_only(db) as s:
        tray = [v for v in mbe_visits(s, local_date(visit.window_start)) if v.shift_car_id is None]
        (row,) = list_deliveries(s, Delivery.id == delivery_id)
    assert visit_id in [v.visit_id for v in tray]
    assert row.visit_id == visit_id
    assert row.courier == "MBE"


def test_the_visit_done_delivers_it_and_missed_fails_it_with_a_follow_up(
        delivery: tuple[Database, int]) -> None:
    db, delivery_id = delivery
    with unit_of_work(db, LOGI) as s:
        visit_id = hand_to_mbe(s, delivery_id)
    with unit_of_work(db, DOCTOR) as s:
        register_visit_done(s, visit_id, performed_at=now_utc(), minutes=8)
    with read_only(db) as s:
        d = s.get(Delivery, delivery_id)
        assert d is not None
        assert d.status is DeliveryStatus.DELIVERED
        assert d.delivered_at is not None
    # A second delivery whose car could not get there: failed, with a follow-up.
    with unit_of_work(db, LOGI) as s:
        adm = s.get(Delivery, delivery_id).admission_id  # type: ignore[union-attr]
        other = create_delivery(s, adm, due_by=now_utc() + timedelta(hours=3),
                                items=[PackLine(None, "sharps box", 1)])
        other_visit = hand_to_mbe(s, other)
    with unit_of_work(db, DOCTOR) as s:
        register_visit_missed(s, other_visit, reason="road closed")
    with read_only(db) as s:
        failed = s.get(Delivery, other)
        assert failed is not None
        assert failed.status is DeliveryStatus.FAILED
        assert failed.failed_reason == "MBE visit missed: road closed"
        follow = s.scalars(select(Delivery).where(Delivery.id > other)).all()
    assert [f.status for f in follow] == [DeliveryStatus.REQUESTED]


def test_only_requested_or_packed_deliveries_and_only_once(
        delivery: tuple[Database, int]) -> None:
    db, delivery_id = delivery
    with unit_of_work(db, LOGI) as s:
        hand_to_mbe(s, delivery_id)
    with pytest.raises(RuleViolation, match="already with the MBE"), unit_of_work(db, LOGI) as s:
        hand_to_mbe(s, delivery_id)
    with unit_of_work(db, LOGI) as s:
        set_status(s, delivery_id, DeliveryStatus.PACKED)
        set_status(s, delivery_id, DeliveryStatus.OUT)
    with pytest.raises(RuleViolation, match="cannot be handed") as info, \
            unit_of_work(db, LOGI) as s:
        hand_to_mbe(s, delivery_id)
    assert info.value.field == "status"


def test_handover_needs_the_role_and_a_fresh_version(delivery: tuple[Database, int]) -> None:
    db, delivery_id = delivery
    add_staff(db, "DSP", Role.DISPATCHER)
    with pytest.raises(Forbidden), unit_of_work(db, "DSP") as s:
        hand_to_mbe(s, delivery_id)
    with unit_of_work(db, LOGI) as s:
        set_status(s, delivery_id, DeliveryStatus.PACKED)
    with pytest.raises(Conflict), unit_of_work(db, LOGI) as s:
        hand_to_mbe(s, delivery_id, expected_version=1)
    with read_only(db) as s:
        assert s.scalars(select(Visit).where(Visit.kind == VisitKind.DELIVERY)).all() == []


def test_window_inside_the_mbe_hours_before_it_is_due(db: Database) -> None:
    with read_only(db) as s:
        noon = datetime(2026, 12, 1, 11, 0, tzinfo=UTC)  # 12:00 local
        start, end = delivery_window(s, due_by=noon + timedelta(hours=4), now=noon)
        assert (start, end) == (noon, noon + timedelta(hours=4))
        # Due tonight at 23:30 local: the window ends at the evening shift's end (23:00).
        late = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)
        start, end = delivery_window(s, due_by=late, now=noon)
        assert end == datetime(2026, 12, 1, 22, 0, tzinfo=UTC)
        # Already overdue at 23:30 local: tomorrow morning from the day shift's start.
        night = datetime(2026, 12, 1, 22, 45, tzinfo=UTC)
        start, _end = delivery_window(s, due_by=night - timedelta(hours=1), now=night)
        assert start == datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


def test_cli_hands_a_delivery_to_the_mbe(delivery: tuple[Database, int],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from console.cli import main

    db, delivery_id = delivery
    url = db.url.render_as_string(hide_password=False)
    code = main(["--database", url, "--user", LOGI, "delivery", "mbe", str(delivery_id), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["courier"] == "MBE"
    assert out["visit_id"] is not None
    code = main(["--database", url, "--user", LOGI, "delivery", "mbe", str(delivery_id), "--json"])
    assert code == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "R-DELIVERY-FLOW"
