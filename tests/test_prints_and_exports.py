"""Every print and export of patient data leaves an access event, by one mechanism (issue 13):
the services marked ``@patient_export`` log the access for each patient in the document, in the
same unit of work, before anything reaches paper or disk."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from sqlalchemy import func, select

from console.db import Database
from console.models import AccessEvent, Admission, AdmissionStatus, ShiftCar, Visit
from console.services.core.audit_log import EXPORTS
from console.services.core.uow import read_only, unit_of_work
from console.services.demo.seed import seed_demo
from console.timeutil import today_local

# Every module that holds a print or export path (importing them registers EXPORTS).
MODULES = ("console.services.rounds.rounds", "console.services.logistics.delivery_runs",
           "console.services.dispatch.route_sheets", "console.services.course.record",
           "console.services.monitoring.settlement", "console.services.core.access_governance",
           "console.services.course.visit_board", "console.services.messaging.files")


@pytest.fixture
def demo(db: Database) -> Database:
    with unit_of_work(db, "system") as s:
        seed_demo(s, day=today_local(), seed=5)
    return db


def _logged(db: Database, purpose: str) -> set[int]:
    with read_only(db) as s:
        return set(s.scalars(select(AccessEvent.admission_id).where(
            AccessEvent.purpose == purpose)))


def test_every_print_and_export_path_is_registered() -> None:
    for module in MODULES:
        importlib.import_module(module)
    assert EXPORTS == {
        "console.services.rounds.rounds.round_list_for_print": "print",
        "console.services.logistics.delivery_runs.run_list_for_print": "print",
        "console.services.dispatch.route_sheets.route_sheet_for_print": "print",
        "console.services.course.record.record_for_print": "print",
        "console.services.monitoring.settlement.settlement_for_export": "export",
        "console.services.core.access_governance.minlog_export": "export",
        "console.services.course.visit_board.call_list_for_print": "print",
        "console.services.messaging.files.message_file": "export",
        "console.services.messaging.files.attachment_file": "export",
    }


def test_printing_the_round_list_logs_every_patient_on_it(demo: Database) -> None:
    from console.services.rounds.rounds import round_list_for_print

    with unit_of_work(demo, "ABE") as s:
        listing = round_list_for_print(s, today_local())
    assert listing.rows
    assert _logged(demo, "print") == {r.admission_id for r in listing.rows}


def test_printing_the_run_list_logs_every_patient_on_the_run(demo: Database) -> None:
    from console.services.logistics.delivery_runs import run_list_for_print

    day = today_local()
    with unit_of_work(demo, "ABE") as s:
        run = run_list_for_print(s, day)
    assert _logged(demo, "print") == {stop.admission_id for stop in run.stops}


def test_a_route_sheet_logs_every_patient_on_the_route(demo: Database) -> None:
    from console.services.dispatch.route_sheets import route_sheet_for_print

    with read_only(demo) as s:
        car = s.scalar(select(Visit.shift_car_id).where(Visit.shift_car_id.is_not(None))
                       .limit(1))
        assert car is not None
        assert s.get(ShiftCar, car) is not None
    with unit_of_work(demo, "ABE") as s:
        sheet = route_sheet_for_print(s, car)
    assert sheet.stops
    assert _logged(demo, "print") == {stop.admission_id for stop in sheet.stops}


def test_a_record_print_logs_that_patient(demo: Database) -> None:
    from console.services.course.record import record_for_print

    with read_only(demo) as s:
        admission = s.scalar(select(Admission.id).where(
            Admission.status == AdmissionStatus.ADMITTED).limit(1))
    with unit_of_work(demo, "ABE") as s:
        record_for_print(s, admission)
    assert _logged(demo, "print") == {admission}


def test_a_settlement_export_logs_every_patient_settled(demo: Database) -> None:
    from console.services.monitoring.settlement import settlement_for_export

    day = today_local()
    first = date(day.year, day.month, 1)
    last_month = (first.replace(day=1) - date.resolution)
    with unit_of_work(demo, "ABE") as s:
        settlement = settlement_for_export(s, last_month.year, last_month.month)
    assert settlement.lines
    assert _logged(demo, "export") == {ln.admission_id for ln in settlement.lines}


def test_a_failed_print_logs_nothing(db: Database) -> None:
    from console.models import Role
    from console.services.core.errors import NotFound
    from console.services.course.record import record_for_print
    from tests.factories import add_staff

    add_staff(db, "ABE", Role.E_DOCTOR)
    with pytest.raises(NotFound), unit_of_work(db, "ABE") as s:
        record_for_print(s, 9999)
    with read_only(db) as s:
        assert s.scalar(select(func.count()).select_from(AccessEvent)) == 0
