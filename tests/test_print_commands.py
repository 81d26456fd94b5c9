"""``eward route-sheet --pdf`` and ``eward packing-list`` (issue 20): what the paper holds, the PDF
with the confidential line on every page and the couriers' key notes, the print logged for every
patient on it, and the CLI's JSON error contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from console.cli import main
from console.db import Database
from console.models import AccessEvent, Car, Delivery, Patient, Shift, ShiftCar, Visit
from console.services.core.uow import read_only, unit_of_work
from console.services.demo.seed import seed_demo
from console.timeutil import local_date, today_local

CONFIDENTIAL = "CONFIDENTIAL"


@pytest.fixture
def demo(sqlite_db: Database) -> Database:
    with unit_of_work(sqlite_db, "system") as s:
        seed_demo(s, day=today_local(), seed=5)
        for patient in s.scalars(select(Patient)):  # every courier needs to know about the dog
            patient.key_notes = "Dog in the garden; key box code with the e-nurse."
    return sqlite_db


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["--json", "--user", "ABE", *argv])
    return code, json.loads(capsys.readouterr().out)


def _printed(db: Database) -> set[int]:
    with read_only(db) as s:
        return set(s.scalars(select(AccessEvent.admission_id).where(
            AccessEvent.purpose == "print")))


def _pages(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_the_packing_list_has_the_key_notes_and_the_confidential_line_on_every_page(
        demo: Database, sqlite_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    with read_only(demo) as s:
        due = s.scalar(select(func.max(Delivery.due_by)))
    assert due is not None
    day = local_date(due).isoformat()
    code, payload = _run(capsys, "--database", sqlite_url, "packing-list", "--date", day)
    assert code == 0
    assert payload["stops"]
    assert all(s["key_notes"] for s in payload["stops"])
    assert _printed(demo) == set()  # looking is not printing
    pdf = tmp_path / "run.pdf"
    code, payload = _run(capsys, "--database", sqlite_url, "packing-list", "--date", day,
                         "--pdf", str(pdf))
    assert (code, payload["pdf"]) == (0, str(pdf))
    pages = _pages(pdf)
    assert all(CONFIDENTIAL in page for page in pages)
    assert "Dog in the garden" in "".join(pages)
    assert _printed(demo) == {s["admission_id"] for s in payload["stops"]}


def test_a_route_sheet_by_call_sign_and_its_pdf(demo: Database, sqlite_url: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with read_only(demo) as s:
        call_sign, kind, day = s.execute(
            select(Car.call_sign, Shift.kind, Shift.shift_date)
            .join(ShiftCar, ShiftCar.car_id == Car.id).join(Shift, ShiftCar.shift_id == Shift.id)
            .join(Visit, Visit.shift_car_id == ShiftCar.id).limit(1)).one()
    pdf = tmp_path / "route.pdf"
    code, payload = _run(capsys, "--database", sqlite_url, "route-sheet", call_sign,
                         "--kind", kind.value, "--date", day.isoformat(), "--pdf", str(pdf))
    assert code == 0
    assert payload["call_sign"] == call_sign
    assert payload["stops"]
    assert all(CONFIDENTIAL in page for page in _pages(pdf))
    assert _printed(demo) == {s["admission_id"] for s in payload["stops"]}


def test_an_unknown_car_is_a_json_error(demo: Database, sqlite_url: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _run(capsys, "--database", sqlite_url, "route-sheet", "NOPE-9",
                         "--kind", "day")
    assert code == 2
    assert payload["error"]["field"] == "car"
