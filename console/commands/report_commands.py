"""``eward report settlement --month YYYY-MM --out FILE.xlsx|.csv`` and
``eward report monitoring --year YYYY --out FILE.pdf|.xlsx`` (R-TARIFF, R-MONITOR)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.context import UsageError
from console.private_files import make_private
from console.services.core.uow import read_only, unit_of_work

SETTLEMENT_SUFFIXES = (".xlsx", ".csv")
MONITORING_SUFFIXES = (".pdf", ".xlsx")


def register(add: Callable[..., Any]) -> None:
    p = add("report", _report, help="settlement per municipality, yearly monitoring (files)")
    p.add_argument("report", choices=["settlement", "monitoring"])
    p.add_argument("--month", help="settlement: the month YYYY-MM whose ended courses to settle")
    p.add_argument("--year", help="monitoring: the calendar year YYYY")
    p.add_argument("--out", required=True, type=Path,
                   help="settlement: FILE.xlsx or FILE.csv; monitoring: FILE.pdf or FILE.xlsx")


def parse_month(value: str | None) -> tuple[int, int]:
    if value is None:
        raise UsageError("Give the month to settle: --month YYYY-MM.", "--month")
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match is None or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2100:
        raise UsageError(f"'{value}' is not a month: use YYYY-MM, e.g. 2026-03.", "--month")
    return int(match.group(1)), int(match.group(2))


def parse_year(value: str | None) -> int:
    if value is None:
        raise UsageError("Give the year to monitor: --year YYYY.", "--year")
    if not re.fullmatch(r"\d{4}", value) or not 2000 <= int(value) <= 2100:
        raise UsageError(f"'{value}' is not a year: use YYYY, e.g. 2026.", "--year")
    return int(value)


def _check_suffix(out: Path, allowed: tuple[str, ...]) -> str:
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise UsageError(f"Write the report as {' or '.join(allowed)}: "
                         f"'{out.name}' has another extension.", "--out")
    return suffix


def _report(args: argparse.Namespace, ctx: Any) -> int:
    if args.report == "settlement":
        return _settlement(args, ctx)
    return _monitoring(args, ctx)


def _totals(t: Any) -> dict[str, Any]:
    return asdict(t)


def _settlement(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.monitoring.reports import write_settlement_csv, write_settlement_xlsx
    from console.services.monitoring.settlement import settlement_for_export

    year, month = parse_month(args.month)
    suffix = _check_suffix(args.out, SETTLEMENT_SUFFIXES)
    with unit_of_work(ctx.database(), ctx.user) as session:  # the export is logged (§ 42 a)
        result = settlement_for_export(session, year, month)
    if suffix == ".xlsx":  # in the console's language (EWARD_LANGUAGE=da: Danish, issue 20)
        from console.i18n.runtime import document_language

        write_settlement_xlsx(result, args.out, document_language())
    else:
        write_settlement_csv(result, args.out)
    make_private(args.out)
    payload = {"report": "settlement", "month": f"{year:04d}-{month:02d}", "out": str(args.out),
               "region": result.region, "price_years": list(result.price_years),
               "totals": _totals(result.totals),
               "municipalities": [{"municipality": m.municipality, **_totals(m.totals)}
                                  for m in result.municipalities]}
    t = result.totals
    text = (f"Settlement {year:04d}-{month:02d}: {t.courses} courses in "
            f"{len(result.municipalities)} municipalities, {t.amount:,.2f} kr "
            f"(region {t.region_share:,.2f}, municipalities {t.municipality_share:,.2f})")
    if t.errors:
        text += f"; {t.errors} course(s) without a tariff (R-TARIFF) not settled"
    ctx.emit(payload, f"{text}. Wrote {args.out}")
    return 0


def _monitoring(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.monitoring.reports import write_monitoring_xlsx
    from console.services.monitoring.yearly import yearly_monitoring

    year = parse_year(args.year)
    suffix = _check_suffix(args.out, MONITORING_SUFFIXES)
    with read_only(ctx.database(), ctx.user) as session:
        result = yearly_monitoring(session, year)
    from console.i18n.runtime import document_language

    language = document_language()  # EWARD_LANGUAGE=da: the report in Danish (issue 20)
    if suffix == ".pdf":
        from console.reports.monitoring_pdf import write_monitoring_pdf

        write_monitoring_pdf(result, args.out, language)
    else:
        write_monitoring_xlsx(result, args.out, language)
    make_private(args.out)
    payload = {"report": "monitoring", "year": year, "out": str(args.out),
               "region": result.region, "courses_started": result.courses_started,
               "courses_ended": result.courses_ended, "length_mean": result.length_mean,
               "length_median": result.length_median, "bed_days": result.bed_days,
               "settlement": _totals(result.settlement)}
    ctx.emit(payload, f"Monitoring {year}: {result.courses_ended} courses ended, mean length "
                      f"{result.length_mean or 0:.1f} days, settlement "
                      f"{result.settlement.amount:,.2f} kr. Wrote {args.out}")
    return 0
