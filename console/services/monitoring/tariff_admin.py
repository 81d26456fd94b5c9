"""The tariff model as reference data an admin edits (R-TARIFF).

A region enters its own model as tariff types: a code, the price level's year, the course
price, an optional day rate from a given day, an optional rate per started 30-day month, the
region's share (the municipality pays the rest) and, where the region uses them, a severity
category (seed 001: category 0 = 200 kr, region only). Codes are unique per price year, so a new
year's prices are new rows and settled courses keep the tariff they had.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import TariffType
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, required_text
from console.services.core.uow import check_version
from console.services.monitoring.settlement import Tariff
from console.vocabulary import Role


@dataclass(frozen=True, slots=True)
class TariffRow:
    id: int
    code: str
    name: str
    price_year: int
    course_price: float
    per_day_rate: float | None
    per_day_from_day: int | None
    per_month_rate: float | None
    region_share_pct: float
    severity_category: int | None
    description: str | None
    version: int


@dataclass(frozen=True, slots=True)
class TariffInput(Tariff):
    """A tariff's terms as an admin enters them: the settlement's terms plus the category."""

    severity_category: int | None = None
    description: str | None = None


def _row(t: TariffType) -> TariffRow:
    return TariffRow(t.id, t.code, t.name, t.price_year, t.course_price, t.per_day_rate,
                     t.per_day_from_day, t.per_month_rate, t.region_share_pct,
                     t.severity_category, t.description, t.version)


def list_tariffs(session: Session) -> list[TariffRow]:
    return [_row(t) for t in session.scalars(
        select(TariffType).order_by(TariffType.price_year.desc(), TariffType.code))]


def _validate(t: TariffInput) -> None:
    if not t.code.strip() or len(t.code) > 32 or not t.code.replace("_", "").isalnum():
        raise InvalidInput("code", "A tariff code is 1-32 letters, digits or _ (e.g. AB14).")
    required_text(t.name, "name", "Give the tariff a name, as the agreement words it.")
    if not 2000 <= t.price_year <= 2100:
        raise InvalidInput("price_year", "The price level's year is a year, e.g. 2025.")
    if t.course_price < 0:
        raise InvalidInput("course_price", "The course price cannot be negative.")
    if (t.per_day_rate is None) != (t.per_day_from_day is None):
        raise InvalidInput("per_day_from_day", "A day rate needs the day it starts from, and "
                           "the other way round.")
    if t.per_day_rate is not None and t.per_day_rate < 0:
        raise InvalidInput("per_day_rate", "The day rate cannot be negative.")
    if t.per_day_from_day is not None and t.per_day_from_day < 1:
        raise InvalidInput("per_day_from_day", "The day rate starts from day 1 or later.")
    if t.per_month_rate is not None and t.per_month_rate < 0:
        raise InvalidInput("per_month_rate", "The month rate cannot be negative.")
    if not 0 <= t.region_share_pct <= 100:
        raise InvalidInput("region_share_pct", "The region's share is 0-100 %; the "
                           "municipality pays the rest.")
    if t.severity_category is not None and not 0 <= t.severity_category <= 9:
        raise InvalidInput("severity_category", "A severity category is 0-9 (seed 001: 0-4).")


def save_tariff(session: Session, tariff: TariffInput, *,
                expected_version: int | None = None) -> TariffRow:
    """Add a tariff type or change the one with the same code and year (admin only)."""
    require_role(session, {Role.ADMIN}, "change the tariff model")
    _validate(tariff)
    row = session.scalar(select(TariffType).where(TariffType.code == tariff.code,
                                                  TariffType.price_year == tariff.price_year)
                         .with_for_update())
    if row is None:
        if expected_version is not None:
            raise InvalidInput("version", "There is no such tariff to change; leave --version "
                               "out to add it.")
        row = TariffType(code=tariff.code, price_year=tariff.price_year)
        session.add(row)
    else:
        check_version(row, expected_version, f"tariff {tariff.code} {tariff.price_year}")
    row.name = tariff.name.strip()
    row.course_price = tariff.course_price
    row.per_day_rate = tariff.per_day_rate
    row.per_day_from_day = tariff.per_day_from_day
    row.per_month_rate = tariff.per_month_rate
    row.region_share_pct = tariff.region_share_pct
    row.severity_category = tariff.severity_category
    row.description = (tariff.description or "").strip() or None
    session.flush()
    return _row(row)
