"""R-TARIFF: the tariff model is reference data an admin edits; a region enters its own."""

from __future__ import annotations

import json

import pytest

from console.cli import main
from console.db import Database
from console.models import Role
from console.services.core.errors import Conflict, Forbidden, InvalidInput
from console.services.core.uow import read_only, unit_of_work
from console.services.monitoring.settlement import course_amount
from console.services.monitoring.tariff_admin import TariffInput, list_tariffs, save_tariff
from tests.factories import add_staff

REGION = TariffInput(code="SJ_AB", name="Sjælland: IV antibiotics", price_year=2026,
                     course_price=7500, per_day_rate=1500, per_day_from_day=15,
                     region_share_pct=60)


@pytest.fixture
def admin_db(db: Database) -> Database:
    add_staff(db, "ADM", Role.ADMIN)
    add_staff(db, "NUR", Role.E_NURSE)
    return db


def test_the_syddanmark_model_ships_and_a_region_enters_its_own(admin_db: Database) -> None:
    with read_only(admin_db) as s:
        shipped = {(t.code, t.price_year) for t in list_tariffs(s)}
    assert ("AB", 2025) in shipped
    assert ("AB14", 2025) in shipped
    with unit_of_work(admin_db, "ADM") as s:
        row = save_tariff(s, REGION)
    with read_only(admin_db) as s:
        from console.models import TariffType
        stored = s.get(TariffType, row.id)
        assert stored is not None
        total, region, municipality = course_amount(stored, 16)
    assert total == pytest.approx(7500 + 2 * 1500)  # days 15 and 16 at the day rate
    assert region == pytest.approx(0.6 * total)
    assert municipality == pytest.approx(total - region)


def test_only_an_admin_changes_the_model(admin_db: Database) -> None:
    with pytest.raises(Forbidden, match="admin"), unit_of_work(admin_db, "NUR") as s:
        save_tariff(s, REGION)


@pytest.mark.parametrize(("change", "field"), [
    ({"code": "a b"}, "code"), ({"name": " "}, "name"), ({"price_year": 1999}, "price_year"),
    ({"course_price": -1}, "course_price"), ({"per_day_from_day": None}, "per_day_from_day"),
    ({"region_share_pct": 101}, "region_share_pct"), ({"severity_category": 12},
                                                       "severity_category")])
def test_bad_tariffs_name_the_field(admin_db: Database, change: dict[str, object],
                                    field: str) -> None:
    from dataclasses import replace

    with pytest.raises(InvalidInput) as info, unit_of_work(admin_db, "ADM") as s:
        save_tariff(s, replace(REGION, **change))  # type: ignore[arg-type]
    assert info.value.field == field


def test_a_stale_edit_is_a_conflict(admin_db: Database) -> None:
    from dataclasses import replace

    with unit_of_work(admin_db, "ADM") as s:
        first = save_tariff(s, REGION)
    with unit_of_work(admin_db, "ADM") as s:
        save_tariff(s, replace(REGION, course_price=7600), expected_version=first.version)
    with pytest.raises(Conflict), unit_of_work(admin_db, "ADM") as s:
        save_tariff(s, replace(REGION, course_price=7700), expected_version=first.version)


def test_cli_lists_and_sets(admin_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    url = admin_db.url.render_as_string(hide_password=False)
    assert main(["--database", url, "--user", "ADM", "tariff", "set", "SJ0", "--year", "2026",
                 "--name", "Category 0", "--price", "200", "--region-pct", "100",
                 "--category", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["severity_category"] == 0
    assert main(["--database", url, "tariffs", "--json"]) == 0
    codes = {t["code"] for t in json.loads(capsys.readouterr().out)}
    assert {"SJ0", "AB"} <= codes
    assert main(["--database", url, "--user", "NUR", "tariff", "set", "SJ0", "--year", "2026",
                 "--name", "x", "--price", "1", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "FORBIDDEN"
