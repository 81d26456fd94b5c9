"""Issue 8 on the embedded database: staff and roles, the audit trail, the access log."""

from __future__ import annotations

import json

import pytest

from console.cli import main
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict | list]:  # type: ignore[type-arg]
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


@pytest.fixture
def ward_url(sqlite_url: str) -> str:
    db = open_ward(sqlite_url)
    try:
        add_ward_staff(db)
        with unit_of_work(db, DOCTOR) as session:
            admit(session, parse_referral(referral()))
    finally:
        db.dispose()
    return sqlite_url


def test_first_admin_bootstraps_then_only_admins_change_roles(
        capsys: pytest.CaptureFixture[str], ward_url: str) -> None:
    code, out = run(capsys, "--database", ward_url, "user", "add", "adm", "--name", "Ada Admin",
                    "--role", "admin", "--json")
    assert code == 0
    assert out == {"id": out["id"], "initials": "ADM", "name": "Ada Admin",  # type: ignore[call-overload,index]
                   "roles": ["admin"], "active": True, "version": 1, "login": None}
    code, out = run(capsys, "--database", ward_url, "--user", NURSE, "user", "add", NURSE,
                    "--name", "Nina", "--role", "admin", "--json")
    assert code == 2
    assert out["error"]["code"] == "FORBIDDEN"  # type: ignore[call-overload,index]
    code, out = run(capsys, "--database", ward_url, "--user", "ADM", "user", "add", NURSE,
                    "--name", "Nina Sygeplejerske", "--role", "e_nurse", "--role",
                    "dispatcher", "--json")
    assert code == 0
    assert out["roles"] == ["dispatcher", "e_nurse"]  # type: ignore[call-overload,index]


@pytest.mark.parametrize(("args", "field"), [
    (["user", "add", "9X", "--name", "N", "--role", "admin"], "initials"),
    (["user", "add", "AB", "--name", " ", "--role", "admin"], "name"),
])
def test_bad_staff_input_names_the_field(capsys: pytest.CaptureFixture[str], ward_url: str,
                                         args: list[str], field: str) -> None:
    code, out = run(capsys, "--database", ward_url, *args, "--json")
    assert code == 2
    assert out["error"]["field"] == field  # type: ignore[call-overload,index]


def test_audit_trail_is_for_an_admin(capsys: pytest.CaptureFixture[str], ward_url: str) -> None:
    run(capsys, "--database", ward_url, "user", "add", "ADM", "--name", "Ada", "--role", "admin",
        "--json")
    code, out = run(capsys, "--database", ward_url, "--user", NURSE, "audit", "--json")
    assert code == 2
    assert "admin" in out["error"]["message"]  # type: ignore[call-overload,index]
    code, rows = run(capsys, "--database", ward_url, "--user", "ADM", "audit", "--patient", "1",
                     "--table", "admission", "--json")
    assert code == 0
    assert [r["action"] for r in rows] == ["insert"]  # type: ignore[index]
    assert rows[0]["user"] == DOCTOR  # type: ignore[index]
    code, rows = run(capsys, "--database", ward_url, "--user", "ADM", "audit", "--by", DOCTOR,
                     "--json")
    assert code == 0
    assert rows
    assert {r["user"] for r in rows} == {DOCTOR}  # type: ignore[union-attr,index]


def test_opening_a_record_shows_in_the_access_log(capsys: pytest.CaptureFixture[str],
                                                  ward_url: str) -> None:
    run(capsys, "--database", ward_url, "user", "add", "ADM", "--name", "Ada", "--role", "admin",
        "--json")
    code, rows = run(capsys, "--database", ward_url, "--user", "ADM", "access-log", "--patient",
                     "1", "--json")
    assert code == 0
    assert rows == []
    assert run(capsys, "--database", ward_url, "--user", NURSE, "patient", "1", "--json")[0] == 0
    code, rows = run(capsys, "--database", ward_url, "--user", "ADM", "access-log", "--patient",
                     "1", "--json")
    assert [(r["user"], r["purpose"]) for r in rows] == [(NURSE, "view")]  # type: ignore[index]


def test_db_roles_is_for_postgresql(capsys: pytest.CaptureFixture[str], ward_url: str) -> None:
    code, out = run(capsys, "--database", ward_url, "db", "roles", "--json")
    assert code == 2
    assert "PostgreSQL only" in out["error"]["message"]  # type: ignore[call-overload,index]
