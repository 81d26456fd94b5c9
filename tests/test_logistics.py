"""Home stock projection and deliveries (R-SUPPLY, R-IVBOX): dose arithmetic, proposals, the
status flow, and two desks updating one delivery."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import Delivery, DeliveryStatus, Role, Visit, VisitKind, VisitStatus
from console.services.core.errors import Conflict, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.course import change_regimen
from console.services.course.referral import parse_referral
from console.services.course.visits import register_visit_done, register_visit_missed
from console.services.logistics.deliveries import (
    accept_proposals,
    create_delivery,
    propose_deliveries,
    set_status,
)
from console.services.logistics.packing import PackLine, describe, packing_list
from console.services.logistics.stock import LineStock, project_stock
from console.timeutil import LOCAL_TZ, now_utc
from tests.factories import DOCTOR, NURSE, add_staff, add_ward_staff, referral

LOGI = "LOG"
START = date(2026, 11, 2)


def _admit(db: Database, day: date = START, **kw: object) -> AdmissionResult:
    with unit_of_work(db, DOCTOR) as s:
        return admit(s, parse_referral(referral(day, **kw)))  # type: ignore[arg-type]


def _stock(db: Database, admission_id: int) -> LineStock:
    with read_only(db) as s:
        (line,) = project_stock(s, [admission_id])
    return line


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    add_staff(db, LOGI, Role.LOGISTICS, name="Lone Logistik")
    return db


def _doses(db: Database, admission_id: int) -> list[Visit]:
    with read_only(db) as s:
        return list(s.scalars(select(Visit).where(
            Visit.admission_id == admission_id, Visit.kind.in_((VisitKind.IV_DOSE,
                                                                VisitKind.FIRST_VISIT)),
            Visit.status == VisitStatus.PLANNED).order_by(Visit.window_start)))


def test_R_SUPPLY_projection_counts_sent_given_and_runs_out_after_7_days(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    line = _stock(ward, adm.admission_id)
    # 3 a day for 7 days sent; admitted 10:00, so day 1 has the 15:00 (MBE first visit) and 22:00
    assert line.on_hand == 21
    assert line.doses_remaining == 2 + 3 * 13
    # the 22nd dose is the first without stock: day 8 (9 Nov) at 15:00 (3 doses/day from day 2)
    assert line.runs_out_at is not None
    assert line.runs_out_at.astimezone(LOCAL_TZ).strftime("%d %H:%M") == "09 14:00"
    assert line.next_delivery_at is not None  # the admission's R-SUPPLY delivery
    assert line.next_delivery_at < line.runs_out_at


def test_projection_moves_with_done_missed_and_extra_doses(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    before = _stock(ward, adm.admission_id)
    doses = _doses(ward, adm.admission_id)
    with unit_of_work(ward, NURSE) as s:
        register_visit_done(s, doses[0].id, performed_at=doses[0].window_start, minutes=30)
        register_visit_missed(s, doses[1].id, reason="Patient at hospital appointment")
    after = _stock(ward, adm.admission_id)
    assert after.on_hand == before.on_hand - 1  # given
    assert after.doses_remaining == before.doses_remaining - 2  # one given, one missed
    # A missed dose leaves the dose in the box: the run-out moves one dose later.
    assert after.runs_out_at is not None
    assert before.runs_out_at is not None
    assert after.runs_out_at > before.runs_out_at


def test_projection_follows_a_regimen_change(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-20", **{"regimen.0.days": 14})
    with read_only(ward) as s:
        reg_id = s.scalar(select(Visit.regimen_id).where(Visit.admission_id == adm.admission_id,
                                                         Visit.regimen_id.is_not(None)))
    assert reg_id is not None
    with unit_of_work(ward, DOCTOR) as s:
        change_regimen(s, reg_id, effective_from=datetime(2026, 11, 4, tzinfo=LOCAL_TZ),
                       doses_per_day=2, dose_times=[time(8), time(20)],
                       now=datetime(2026, 11, 4, tzinfo=LOCAL_TZ))  # the scenario's clock
    line = _stock(ward, adm.admission_id)
    # days 1-2: 2 + 3 doses; from 4 Nov 2 a day through 15 Nov: 24; 21 in stock
    assert line.doses_remaining == 5 + 24
    assert line.runs_out_at is not None
    # the 22nd remaining dose is the 17th of the 2-a-day series: 12 Nov 08:00 (window from 07:00)
    assert line.runs_out_at.astimezone(LOCAL_TZ).strftime("%d %H:%M") == "12 07:00"


def test_projection_across_dst_change(ward: Database) -> None:
    """Autumn change on 25 Oct 2026: the 08:00 local dose is 07:00 UTC before and after."""
    adm = _admit(ward, day=date(2026, 10, 20), planned_end="2026-11-02", **{
        "regimen.0.days": 14, "regimen.0.doses_per_day": 1, "regimen.0.dose_times": ["08:00"],
        "regimen.0.first_dose_given_in_hospital": True})
    line = _stock(ward, adm.admission_id)
    assert line.on_hand == 7
    assert line.runs_out_at is not None
    local = line.runs_out_at.astimezone(LOCAL_TZ)
    assert (local.day, local.hour) == (28, 7)  # window 07:00-09:00 local on day 8 after the change


def test_auto_proposal_leaves_no_patient_running_out_before_a_delivery(db: Database) -> None:
    """On the demo ward: after accepting the proposals, every course's run-out is preceded by
    an open delivery (R-SUPPLY)."""
    from console.services.demo.seed import seed_demo

    today = now_utc().astimezone(LOCAL_TZ).date()
    with unit_of_work(db, "system") as s:
        seed_demo(s, day=today, seed=3)
    with unit_of_work(db, "HLA") as s:  # the demo's admin + e-nurse
        proposals = propose_deliveries(s)
        assert proposals, "the demo ward has a patient low on supply"
        accept_proposals(s, proposals)
    with read_only(db) as s:
        from console.models import Admission, AdmissionStatus

        ids = list(s.scalars(select(Admission.id).where(Admission.status == AdmissionStatus.ADMITTED)))
        lines = project_stock(s, ids)
        assert not propose_deliveries(s)
    for line in lines:
        if line.runs_out_at is not None:
            assert line.next_delivery_at is not None, line
            assert line.next_delivery_at <= line.runs_out_at, line


def test_proposal_packs_remaining_doses_and_the_iv_box(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    with unit_of_work(ward, LOGI) as s:
        d = s.scalar(select(Delivery).where(Delivery.admission_id == adm.admission_id))
        assert d is not None
        d.status = DeliveryStatus.CANCELLED  # no delivery planned any more
    with read_only(ward) as s:
        (proposal,) = propose_deliveries(s, now=datetime(2026, 11, 2, 12, tzinfo=LOCAL_TZ))
    items = {i.item: i.quantity for i in proposal.items}
    line = _stock(ward, adm.admission_id)
    assert items["Piperacillin/Tazobactam 4 g"] == line.doses_remaining - line.on_hand
    assert items["10 ml NaCl flushes"] == 2 * items["infusion sets"]  # R-IVBOX
    assert {"sharps box", "IV access supplies", "patient information"} <= set(items)
    assert proposal.due_by <= proposal.runs_out_at


def test_packing_list_is_empty_without_doses() -> None:
    assert packing_list([(1, "Cefuroxim 1.5 g", 0)]) == []


def test_status_flow_forward_only_and_failed_needs_reason(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    did = adm.delivery_id
    assert did is not None
    with unit_of_work(ward, LOGI) as s, pytest.raises(RuleViolation, match="cannot become delivered"):
        set_status(s, did, DeliveryStatus.DELIVERED)  # no skipping packing and transport
    with unit_of_work(ward, LOGI) as s:
        set_status(s, did, DeliveryStatus.PACKED)
        set_status(s, did, DeliveryStatus.OUT)
    with pytest.raises(RuleViolation, match="why") as err, unit_of_work(ward, LOGI) as s:
        set_status(s, did, DeliveryStatus.FAILED, reason=" ")
    assert err.value.rule_id == "R-DELIVERY-FLOW"
    with unit_of_work(ward, LOGI) as s:
        row, follow_up = set_status(s, did, DeliveryStatus.FAILED, reason="Nobody home")
    assert row.status == "failed"
    assert follow_up is not None
    with read_only(ward) as s:
        follow = s.get(Delivery, follow_up)
        assert follow is not None
        assert follow.status is DeliveryStatus.REQUESTED
        assert len(follow.items) == len(row.items)
    with pytest.raises(RuleViolation), unit_of_work(ward, LOGI) as s:
        set_status(s, did, DeliveryStatus.OUT)  # nothing moves back from failed


def test_delivered_doses_raise_the_stock(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    assert adm.delivery_id is not None
    before = _stock(ward, adm.admission_id)
    with unit_of_work(ward, LOGI) as s:
        for status in (DeliveryStatus.PACKED, DeliveryStatus.OUT, DeliveryStatus.DELIVERED):
            set_status(s, adm.delivery_id, status)
    after = _stock(ward, adm.admission_id)
    assert after.on_hand == before.on_hand + 21  # days 8-14 × 3
    assert after.runs_out_at is None


def test_regimen_change_flags_packed_deliveries_for_review(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    assert adm.delivery_id is not None
    with unit_of_work(ward, LOGI) as s:
        set_status(s, adm.delivery_id, DeliveryStatus.PACKED)
    with read_only(ward) as s:
        reg_id = s.scalar(select(Visit.regimen_id).where(Visit.admission_id == adm.admission_id,
                                                         Visit.regimen_id.is_not(None)))
    assert reg_id is not None
    with unit_of_work(ward, DOCTOR) as s:
        change_regimen(s, reg_id, effective_from=datetime(2026, 11, 5, tzinfo=LOCAL_TZ),
                       doses_per_day=2, dose_times=[time(8), time(20)],
                       now=datetime(2026, 11, 5, tzinfo=LOCAL_TZ))  # the scenario's clock
    with read_only(ward) as s:
        d = s.get(Delivery, adm.delivery_id)
        assert d is not None
        assert d.needs_review


def test_create_delivery_from_the_record(ward: Database) -> None:
    adm = _admit(ward, day=now_utc().astimezone(LOCAL_TZ).date(), planned_end=None,
                 **{"regimen.0.days": 7})
    with pytest.raises(RuleViolation, match="covers every remaining dose"), \
            unit_of_work(ward, NURSE) as s:
        create_delivery(s, adm.admission_id)
    with unit_of_work(ward, NURSE) as s:
        did = create_delivery(s, adm.admission_id, items=packing_list([(None, "spare dose", 2)]),
                              due_by=now_utc() + timedelta(hours=3))
    assert did


def test_stale_status_change_is_a_conflict(ward: Database) -> None:
    adm = _admit(ward, planned_end="2026-11-15", **{"regimen.0.days": 14})
    assert adm.delivery_id is not None
    with unit_of_work(ward, LOGI) as s:
        set_status(s, adm.delivery_id, DeliveryStatus.PACKED, expected_version=1)
    with pytest.raises(Conflict, match=f"changed by {LOGI}"), unit_of_work(ward, NURSE) as s:
        set_status(s, adm.delivery_id, DeliveryStatus.CANCELLED, expected_version=1)


@pytest.mark.pg
def test_two_desks_update_one_delivery_nothing_lost(pg_url: str) -> None:
    desks = [open_ward(pg_url) for _ in range(2)]
    add_ward_staff(desks[0])
    add_staff(desks[0], LOGI, Role.LOGISTICS)
    adm = _admit(desks[0], planned_end="2026-11-15", **{"regimen.0.days": 14})
    assert adm.delivery_id is not None
    barrier = threading.Barrier(2)
    results: list[str] = []

    def move(db: Database, user: str, status: DeliveryStatus) -> None:
        try:
            with unit_of_work(db, user) as s:
                barrier.wait()
                set_status(s, adm.delivery_id, status, expected_version=1)  # type: ignore[arg-type]
            results.append(f"{user}: ok")
        except (Conflict, RuleViolation) as exc:
            results.append(f"{user}: {type(exc).__name__}")

    threads = [threading.Thread(target=move, args=(desks[0], LOGI, DeliveryStatus.PACKED)),
               threading.Thread(target=move, args=(desks[1], NURSE, DeliveryStatus.CANCELLED))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r.split(": ")[1] for r in results) == ["Conflict", "ok"]
    with read_only(desks[0]) as s:
        d = s.get(Delivery, adm.delivery_id)
        assert d is not None
        assert d.version == 2  # exactly one change applied, none lost or doubled
    for d_ in desks:
        d_.dispose()


def test_cli_delivery_create_takes_items_and_propose_names_each_patient(
        db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 20: `delivery create` said "Give the items" with no way to give them; `delivery
    propose` printed only a count."""
    from console.cli import main
    from console.services.demo.seed import seed_demo

    url = db.url.render_as_string(hide_password=False)
    today = now_utc().astimezone(LOCAL_TZ).date()
    with unit_of_work(db, "system") as s:
        seed_demo(s, day=today, seed=3)
    capsys.readouterr()
    assert main(["--database", url, "--user", "HLA", "delivery", "propose"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("proposed deliveries (R-SUPPLY); --accept creates them")
    assert len(lines) == 1 + int(lines[0].split()[0])
    assert all(" runs out " in line and " due " in line for line in lines[1:])
    with read_only(db) as s:
        from console.models import Admission, AdmissionStatus

        adm = s.scalars(select(Admission.id).where(
            Admission.status == AdmissionStatus.ADMITTED)).first()
    assert main(["--database", url, "--user", "HLA", "--json", "delivery", "create", str(adm),
                 "--item", "2 NaCl flushes", "--item", "1 sharps box"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["contents"] == describe([PackLine(None, "NaCl flushes", 2),
                                         PackLine(None, "sharps box", 1)])
    assert main(["--database", url, "--user", "HLA", "--json", "delivery", "create", str(adm),
                 "--item", "lots of flushes"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "--item"
