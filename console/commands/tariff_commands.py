"""``eward tariffs`` and ``eward tariff set``: the tariff model as reference data (R-TARIFF)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.services.core.uow import unit_of_work


def register(add: Callable[..., Any]) -> None:
    add("tariffs", _tariffs, help="the tariff types (R-TARIFF reference data)")
    p = add("tariff", _tariff, help="add or change a tariff type (admin)")
    p.add_argument("action", choices=["set"])
    p.add_argument("code")
    p.add_argument("--year", type=int, required=True, help="price level's year")
    p.add_argument("--name", required=True)
    p.add_argument("--price", type=float, required=True, help="course price, kr")
    p.add_argument("--day-rate", type=float, help="kr per day from --from-day")
    p.add_argument("--from-day", type=int, help="the day the day rate starts")
    p.add_argument("--month-rate", type=float, help="kr per started 30-day month")
    p.add_argument("--region-pct", type=float, default=70.0, help="region's share, %%")
    p.add_argument("--category", type=int, help="severity category (seed 001: 0-4)")
    p.add_argument("--description")
    p.add_argument("--version", type=int, help="the version the change is based on")


def _tariffs(_args: argparse.Namespace, ctx: Any) -> int:
    from console.services.monitoring.tariff_admin import list_tariffs

    ctx.emit_rows(ctx.read(list_tariffs), lambda r: (
        f"{r.code:10} {r.price_year} {r.course_price:>10,.2f} kr  region {r.region_share_pct:g} %"
        f"  {r.name}"))
    return 0


def _tariff(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.monitoring.tariff_admin import TariffInput, save_tariff

    tariff = TariffInput(code=args.code, name=args.name, price_year=args.year,
                         course_price=args.price, per_day_rate=args.day_rate,
                         per_day_from_day=args.from_day, per_month_rate=args.month_rate,
                         region_share_pct=args.region_pct, severity_category=args.category,
                         description=args.description)
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = save_tariff(session, tariff, expected_version=args.version)
    ctx.emit(asdict(row), f"Tariff {row.code} {row.price_year}: {row.course_price:,.2f} kr "
             f"(version {row.version}).")
    return 0
