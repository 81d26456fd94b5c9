"""Seed reference data from ``resources/reference`` (idempotent; admin edits are kept)."""

from __future__ import annotations

import csv
import io
from importlib.resources import files

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    """Insert what is missing; never overwrite what an admin has changed."""
    munis = {m.name: m for m in session.scalars(select(Municipality))}
    for row in _rows("sjaelland_municipalities.csv"):
        if row["municipality"] not in munis:
            muni = Municipality(
                name=row["municipality"],
                main_town=row["main_town"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                four_daily_agreement=row["municipality"] in FOUR_DAILY_DEFAULT,
            )
            session.add(muni)
            munis[muni.name] = muni

    _ensure_contacts(session, munis)

    bases = {b.name: b for b in session.scalars(select(MbeBase))}
    existing_cars = set(session.scalars(select(Car.call_sign)))
    for row in _rows("bases.csv"):
        base = bases.get(row["name"])
        if base is None:
            home = munis[row["municipality"]]
            base = MbeBase(name=row["name"], town=row["town"], lat=home.lat, lon=home.lon)
            session.add(base)
            bases[base.name] = base
        for n in range(1, CARS_PER_BASE + 1):
            call_sign = f"{row['call_sign_prefix']}-{n}"
            if call_sign not in existing_cars:
                session.add(Car(base=base, call_sign=call_sign))

    _ensure_rota(session, list(bases.values()))

    stored = set(session.scalars(select(Setting.key)))
    for key, (value, doc) in DEFAULTS.items():
        if key not in stored:
            session.add(Setting(key=key, value=value, description=doc))

    tariffs = {(code, year) for code, year in session.execute(
        select(TariffType.code, TariffType.price_year))}
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


def _ensure_contacts(session: Session, munis: dict[str, Municipality]) -> None:
    """The directory's demo numbers: one per municipality and team, only where that team has
    no contact yet, so an admin's edits (a new number, a renamed or retired contact) stay."""
    session.flush()  # new municipalities get their ids
    have = {(muni_id, team) for muni_id, team in session.execute(
        select(MunicipalContact.municipality_id, MunicipalContact.team))}
    for row in _rows("municipal_contacts.csv"):
        muni = munis[row["municipality"]]
        team = ContactTeam(row["team"])
        if (muni.id, team) in have:
            continue
        session.add(MunicipalContact(
            municipality_id=muni.id, team=team, name=row["name"], phone=row["phone"],
            hours=row["hours"] or None, note=row["note"] or None, active=True))
        have.add((muni.id, team))


def _ensure_rota(session: Session, bases: list[MbeBase]) -> None:
    """The normal MBE rota (R-SHIFT): each base staffs all its cars on each shift until an
    admin says otherwise (``eward rota set``); a base's existing rota rows are kept."""
    session.flush()  # new bases get their ids
    have = {(base_id, kind) for base_id, kind in session.execute(select(Rota.base_id, Rota.kind))}
    for base in bases:
        for kind in ShiftKind:
            if (base.id, kind) not in have:
                session.add(Rota(base_id=base.id, kind=kind, cars=CARS_PER_BASE))
