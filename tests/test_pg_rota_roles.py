"""Issue 14 on PostgreSQL: the database's grants for the MBE rota and shifts (R-SHIFT).

The admin keeps the rota (reference data); the dispatcher creates and staffs shifts and takes a
car out of service with a reason; nobody else writes either (console/dbroles.py GRANTS).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from psycopg import errors

from console.models import Role
from tests.pg_ward import Ward, ward_database

pytestmark = pytest.mark.pg

SUFFIX = uuid.uuid4().hex[:4].upper()
PEOPLE = {f"D{SUFFIX}": Role.E_DOCTOR, f"N{SUFFIX}": Role.E_NURSE, f"X{SUFFIX}": Role.DISPATCHER,
          f"A{SUFFIX}": Role.ADMIN}
DOC, NUR, DIS, ADM = PEOPLE


@pytest.fixture(scope="module")
def ward() -> Iterator[Ward]:
    with ward_database(PEOPLE, prefix="eward_rota") as ward:
        yield ward


def _refused(ward: Ward, initials: str, sql: str) -> None:
    with ward.connect(initials) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(sql.encode())
        conn.commit()


def _allowed(ward: Ward, initials: str, sql: str) -> None:
    with ward.connect(initials) as conn:
        conn.execute(sql.encode())
        conn.rollback()


def test_r_shift_the_rota_is_the_admins(ward: Ward) -> None:
    _allowed(ward, ADM, "UPDATE rota SET cars = 3, version = version + 1 WHERE kind = 'day'")
    _allowed(ward, ADM, "INSERT INTO rota (base_id, kind, cars, version) "
                        "SELECT id, 'day', 2, 1 FROM base WHERE NOT EXISTS (SELECT 1 FROM rota)")
    for who in (DOC, NUR, DIS):
        _refused(ward, who, "UPDATE rota SET cars = 1")


def test_r_shift_the_dispatcher_creates_shifts_and_takes_cars_off_the_road(ward: Ward) -> None:
    _allowed(ward, DIS, "INSERT INTO shift (base_id, shift_date, kind, starts_at, ends_at, version) "
                        "SELECT id, DATE '2026-12-07', 'day', TIMESTAMPTZ '2026-12-07 06:00Z', "
                        "TIMESTAMPTZ '2026-12-07 14:00Z', 1 FROM base")
    _allowed(ward, DIS, "UPDATE shift_car SET in_service = false, "
                        "out_of_service_reason = 'Flat tyre', version = version + 1")
    for who in (DOC, NUR):
        _refused(ward, who, "UPDATE shift_car SET out_of_service_reason = 'x'")
    _refused(ward, ADM, "INSERT INTO shift (base_id, shift_date, kind, starts_at, ends_at, version) "
                        "SELECT id, DATE '2026-12-07', 'day', now(), now(), 1 FROM base")


def test_r_register_a_nurse_or_dispatcher_records_where_a_visit_took_place(ward: Ward) -> None:
    _allowed(ward, NUR, "UPDATE visit SET place = 'nursing_clinic', version = version + 1")
    _allowed(ward, DIS, "UPDATE visit SET place = 'home', version = version + 1")
