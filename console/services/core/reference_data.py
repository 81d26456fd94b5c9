"""Seed reference data from ``resources/reference`` (idempotent; admin edits are kept)."""

from __future__ import annotations

import csv
import io
from importlib.resources import files
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models.base import columns
from console.models.fleet import Rota, ShiftKind
from console.models.reference import (
    Car,
    ContactTeam,
    MbeBase,
    MunicipalContact,
    Municipality,
    Setting,
    TariffType,
)
from console.services.core.settings_store import DEFAULTS

# Only Næstved and Holbæk have agreed to 4 municipal administrations a day in the demo
# configuration, so both R-FREQ paths can be shown; an admin changes this per municipality.
FOUR_DAILY_DEFAULT = {"Næstved", "Holbæk"}
CARS_PER_BASE = 4


def _rows(name: str) -> list[dict[str, str]]:
    text = files("resources.reference").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def ensure_reference_data(session: Session) -> None:
    """Insert what is missing; never overwrite what an admin has changed.

    What is there is read as Core rows (``columns``): on a ward that has it all, as at every
    start of a desk, nothing here configures the ORM's mappers, which the census then loads
    without (issue 17, the cold start). Mapped objects are made only for what is missing.
    """
    muni = columns(Municipality)
    munis: dict[str, Any] = {  # name -> a row or a new Municipality (both have id, lat, lon)
        r.name: r for r in session.execute(select(muni.id, muni.name, muni.lat, muni.lon))}
    for row in _rows("sjaelland_municipalities.csv"):
        if row["municipality"] not in munis:
            new_muni = Municipality(
                name=row["municipality"],
                main_town=row["main_town"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                four_daily_agreement=row["municipality"] in FOUR_DAILY_DEFAULT,
            )
            session.add(new_muni)
            munis[new_muni.name] = new_muni

    _ensure_contacts(session, munis)

    base_c, car = columns(MbeBase), columns(Car)
    bases: dict[str, Any] = {  # name -> a row or a new MbeBase (both have id)
        r.name: r for r in session.execute(select(base_c.id, base_c.name))}
    existing_cars = set(session.scalars(select(car.call_sign)))
    new_cars: list[tuple[str, str]] = []
    for row in _rows("bases.csv"):
        if row["name"] not in bases:
            home = munis[row["municipality"]]
            base = MbeBase(name=row["name"], town=row["town"], lat=home.lat, lon=home.lon)
            session.add(base)
            bases[base.name] = base
        for n in range(1, CARS_PER_BASE + 1):
            call_sign = f"{row['call_sign_prefix']}-{n}"
            if call_sign not in existing_cars:
                new_cars.append((row["name"], call_sign))
    if new_cars:
        session.flush()  # new bases get their ids
        session.add_all(Car(base_id=bases[name].id, call_sign=call_sign)
                        for name, call_sign in new_cars)

    _ensure_rota(session, list(bases.values()))

    setting = columns(Setting)
    stored = set(session.scalars(select(setting.key)))
    for key, (value, doc) in DEFAULTS.items():
        if key not in stored:
            session.add(Setting(key=key, value=value, description=doc))

    tariff = columns(TariffType)
    tariffs = {(code, year) for code, year in session.execute(
        select(tariff.code, tariff.price_year))}
    for row in _rows("tariffs_syddanmark_2025.csv"):
        if (row["code"], int(row["price_year"])) in tariffs:
            continue
        session.add(
            TariffType(
                code=row["code"],
                name=row["name"],
                price_year=int(row["price_year"]),
                course_price=float(row["course_price"]),
                per_day_rate=float(row["per_day_rate"]) if row["per_day_rate"] else None,
                per_day_from_day=int(row["per_day_from_day"]) if row["per_day_from_day"] else None,
                per_month_rate=float(row["per_month_rate"]) if row["per_month_rate"] else None,
                region_share_pct=float(row["region_share_pct"]),
                description=row["description"],
            )
        )
    session.flush()


def _ensure_contacts(session: Session, munis: dict[str, Any]) -> None:
    """The directory's demo numbers: one per municipality and team, only where that team has
    no contact yet, so an admin's edits (a new number, a renamed or retired contact) stay."""
    session.flush()  # new municipalities get their ids
    contact = columns(MunicipalContact)
    have = {(muni_id, team) for muni_id, team in session.execute(
        select(contact.municipality_id, contact.team))}
    for row in _rows("municipal_contacts.csv"):
        muni = munis[row["municipality"]]
        team = ContactTeam(row["team"])
        if (muni.id, team) in have:
            continue
        session.add(MunicipalContact(
            municipality_id=muni.id, team=team, name=row["name"], phone=row["phone"],
            hours=row["hours"] or None, note=row["note"] or None, active=True))
        have.add((muni.id, team))


def _ensure_rota(session: Session, bases: list[Any]) -> None:
    """The normal MBE rota (R-SHIFT): each base staffs all its cars on each shift until an
    admin says otherwise (``eward rota set``); a base's existing rota rows are kept."""
    session.flush()  # new bases get their ids
    rota = columns(Rota)
    have = {(base_id, kind) for base_id, kind in session.execute(select(rota.base_id, rota.kind))}
    for base in bases:
        for kind in ShiftKind:
            if (base.id, kind) not in have:
                session.add(Rota(base_id=base.id, kind=kind, cars=CARS_PER_BASE))
