"""R-TARIFF: the tariff arithmetic of seed 000 §11 and the monthly settlement per municipality.

Every expected amount is worked out by hand from the seed's prices (2025 level):
AB 8,023; AB14 8,023 + 1,605/day from day 15; AB4X 10,697; AB4X14 10,697 + 2,140/day from
day 15; ABPUMP 1,605, ABPUMP4X 2,140 and FLUID 1,146 per started month of 30 days; 70/30.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from console.db import Database
from console.models import AdministrationSystem, RegimenKind, TariffType
from console.services.core.errors import InvalidInput
from console.services.core.uow import read_only
from console.services.course.tariffs import propose_tariff_code
from console.services.monitoring.settlement import (
    Tariff,
    course_amount,
    course_days,
    month_bounds,
    settlement_for_month,
    settlement_for_period,
)
from tests.settlement_data import (
    EXPECTED,
    HOLBAEK_TOTALS,
    MARCH_TOTALS,
    NAESTVED_TOTALS,
    at,
    seed_settlement_courses,
)

ABX, FLUID = RegimenKind.ANTIBIOTIC, RegimenKind.FLUID
CODAN, PUMP = AdministrationSystem.CODAN_MIX_ADD, AdministrationSystem.CADD_PUMP


@pytest.fixture
def tariffs(sqlite_db: Database) -> dict[str, Tariff]:
    """The shipped Region Syddanmark 2025 model, read back from the database."""
    with read_only(sqlite_db) as s:
        return {t.code: Tariff(t.code, t.name, t.price_year, t.course_price, t.per_day_rate,
                               t.per_day_from_day, t.per_month_rate, t.region_share_pct)
                for t in s.scalars(select(TariffType))}


def kr(value: float) -> object:
    return pytest.approx(value, abs=0.001)


def test_shipped_model_is_seed_000_section_11(tariffs: dict[str, Tariff]) -> None:
    assert set(tariffs) == {"AB", "AB14", "AB4X", "AB4X14", "ABPUMP", "ABPUMP4X", "FLUID"}
    assert {t.price_year for t in tariffs.values()} == {2025}
    assert {t.region_share_pct for t in tariffs.values()} == {70}
    assert (tariffs["AB"].course_price, tariffs["AB4X"].course_price) == (8023, 10697)
    assert (tariffs["AB14"].per_day_rate, tariffs["AB14"].per_day_from_day) == (1605, 15)
    assert (tariffs["AB4X14"].per_day_rate, tariffs["AB4X14"].per_day_from_day) == (2140, 15)
    assert [tariffs[c].per_month_rate for c in ("ABPUMP", "ABPUMP4X", "FLUID")] == [1605, 2140, 1146]


@pytest.mark.parametrize(("code", "days", "total", "region", "municipality"), [
    ("AB", 1, 8023, 5616.10, 2406.90),
    ("AB", 14, 8023, 5616.10, 2406.90),
    ("AB", 40, 8023, 5616.10, 2406.90),  # tariff 1 has no day rate: the course price only
    ("AB14", 14, 8023, 5616.10, 2406.90),  # day 15 not reached
    ("AB14", 15, 9628, 6739.60, 2888.40),  # 8,023 + 1 × 1,605
    ("AB14", 16, 11233, 7863.10, 3369.90),  # 8,023 + 2 × 1,605
    ("AB14", 30, 33703, 23592.10, 10110.90),  # 8,023 + 16 × 1,605
    ("AB4X", 7, 10697, 7487.90, 3209.10),
    ("AB4X14", 14, 10697, 7487.90, 3209.10),
    ("AB4X14", 15, 12837, 8985.90, 3851.10),  # 10,697 + 1 × 2,140
    ("AB4X14", 21, 25677, 17973.90, 7703.10),  # 10,697 + 7 × 2,140
    ("ABPUMP", 1, 1605, 1123.50, 481.50),
    ("ABPUMP", 30, 1605, 1123.50, 481.50),  # one started month
    ("ABPUMP", 31, 3210, 2247.00, 963.00),  # the second month starts on day 31
    ("ABPUMP", 60, 3210, 2247.00, 963.00),
    ("ABPUMP", 61, 4815, 3370.50, 1444.50),
    ("ABPUMP4X", 30, 2140, 1498.00, 642.00),
    ("ABPUMP4X", 31, 4280, 2996.00, 1284.00),
    ("FLUID", 3, 1146, 802.20, 343.80),
    ("FLUID", 30, 1146, 802.20, 343.80),
    ("FLUID", 31, 2292, 1604.40, 687.60),
])
def test_course_amount(tariffs: dict[str, Tariff], code: str, days: int, total: float,
                       region: float, municipality: float) -> None:
    assert course_amount(tariffs[code], days) == (kr(total), kr(region), kr(municipality))


def test_split_rounds_half_up_to_ore_and_adds_up() -> None:
    odd = Tariff("T", "Odd price", 2026, course_price=100.05)
    assert course_amount(odd, 3) == (kr(100.05), kr(70.04), kr(30.01))  # 70.035 → 70.04
    total, region, municipality = course_amount(odd, 3)
    assert round(region + municipality, 2) == total


def test_a_regions_own_model_category_0_regional_only() -> None:
    """Seed 001: category 0 is 200 kr per course, paid by the region alone (no 70/30)."""
    category_0 = Tariff("NJ0", "Tyngdekategori 0", 2022, course_price=200, region_share_pct=100)
    assert course_amount(category_0, 2) == (kr(200), kr(200), kr(0))


def test_course_price_plus_per_month_rate_combine() -> None:
    both = Tariff("C", "Combined", 2026, course_price=500, per_month_rate=100,
                  per_day_rate=10, per_day_from_day=29, region_share_pct=50)
    # 500 + 10 × (31 − 29 + 1) + 100 × ⌈31/30⌉ = 500 + 30 + 200
    assert course_amount(both, 31) == (kr(730), kr(365), kr(365))


def test_bad_input_is_refused(tariffs: dict[str, Tariff]) -> None:
    with pytest.raises(InvalidInput):
        course_amount(tariffs["AB"], 0)
    with pytest.raises(InvalidInput):
        course_amount(Tariff("X", "x", 2025, 10, region_share_pct=120), 1)
    with pytest.raises(InvalidInput, match="1-12"):
        month_bounds(2026, 13)


@pytest.mark.parametrize(("lines", "days", "code"), [
    ([(ABX, CODAN, 3)], 14, "AB"),
    ([(ABX, CODAN, 3)], 15, "AB14"),
    ([(ABX, CODAN, 4)], 14, "AB4X"),
    ([(ABX, CODAN, 4)], 15, "AB4X14"),
    ([(ABX, PUMP, 1)], 31, "ABPUMP"),  # a pump course has no long-course variant
    ([(ABX, PUMP, 4)], 5, "ABPUMP4X"),
    ([(FLUID, CODAN, 1)], 31, "FLUID"),
    ([(FLUID, CODAN, 2), (ABX, CODAN, 3)], 5, "AB"),  # antibiotics decide
])
def test_tariff_proposal(lines: list[tuple[RegimenKind, AdministrationSystem, int]], days: int,
                         code: str) -> None:
    assert propose_tariff_code(lines, days) == code


def test_course_days_count_local_days_both_included() -> None:
    assert course_days(at(2026, 3, 2, 10), at(2026, 3, 8, 11)) == 7
    assert course_days(at(2026, 3, 29, 1), at(2026, 3, 29, 23)) == 1  # DST day: one ward day
    assert course_days(at(2026, 2, 25), at(2026, 3, 1, 0, 30)) == 5


def test_month_bounds() -> None:
    assert month_bounds(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_bounds(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_bounds(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))


def test_settlement_for_month_per_municipality(db: Database) -> None:
    ids = seed_settlement_courses(db)
    with read_only(db) as s:
        result = settlement_for_month(s, 2026, 3)
    assert result.region == "Region Sjælland"
    assert (result.start, result.end, result.label) == (date(2026, 3, 1), date(2026, 3, 31),
                                                        "2026-03")
    assert [m.municipality for m in result.municipalities] == ["Holbæk", "Næstved"]
    by_key = {key: ln for ln in result.lines for key, i in ids.items() if i == ln.admission_id}
    assert "X1" not in by_key
    assert "X2" not in by_key
    for key, (days, amount, region, municipality) in EXPECTED.items():
        line = by_key[key]
        assert line.error is None, key
        assert (line.days, line.amount, line.region_share, line.municipality_share) == (
            days, kr(amount), kr(region), kr(municipality)), key
    n4 = by_key["N4"]
    assert (n4.admitted_on, n4.discharged_on) == (date(2026, 2, 25), date(2026, 3, 1))
    assert n4.cpr_masked.endswith("-XXXX")
    assert n4.tariff_name == "IV antibiotics without pump"
    assert by_key["N2"].override_reason
    assert by_key["N2"].check is None
    assert by_key["H6"].check == "For 16 days the model proposes AB14, not AB."
    assert all(by_key[k].check is None for k in EXPECTED if k != "H6")


def test_a_course_without_tariff_is_an_error_row_not_skipped(db: Database) -> None:
    ids = seed_settlement_courses(db)
    with read_only(db) as s:
        result = settlement_for_month(s, 2026, 3)
    error = next(ln for ln in result.lines if ln.admission_id == ids["N5"])
    assert error.error is not None
    assert error.error.startswith("R-TARIFF")
    assert (error.tariff_code, error.amount, error.days) == (None, 0.0, 8)


def test_totals_per_municipality_and_overall(db: Database) -> None:
    seed_settlement_courses(db)
    with read_only(db) as s:
        result = settlement_for_month(s, 2026, 3)
    holbaek, naestved = result.municipalities
    for got, want in ((holbaek.totals, HOLBAEK_TOTALS), (naestved.totals, NAESTVED_TOTALS),
                      (result.totals, MARCH_TOTALS)):
        assert {k: getattr(got, k) for k in want} == {k: kr(v) if isinstance(v, float) else v
                                                      for k, v in want.items()}
    assert result.price_years == (2025,)


def test_month_boundary_is_local_midnight(db: Database) -> None:
    ids = seed_settlement_courses(db)
    with read_only(db) as s:
        april = settlement_for_month(s, 2026, 4)
        february = settlement_for_month(s, 2026, 2)
    assert [ln.admission_id for ln in april.lines] == [ids["X1"]]
    assert april.lines[0].discharged_on == date(2026, 4, 1)
    assert february.lines == ()
    assert february.totals.courses == 0
    assert february.totals.amount == 0
    with read_only(db) as s:
        half = settlement_for_period(s, date(2026, 3, 1), date(2026, 3, 15))
    assert half.label == "2026-03-01 – 2026-03-15"
    # N4 1/3, H2 and H3 4/3, N2 5/3, N1 8/3, N3 15/3 settled; N5 10/3 without a tariff
    assert (half.totals.courses, half.totals.errors) == (6, 1)
    assert half.totals.amount == pytest.approx(8023 * 3 + 1605 + 3210 + 9628)
