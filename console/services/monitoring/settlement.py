"""Settlement of courses between the region and the municipalities (R-TARIFF, R-MONITOR).

The tariff model (seed 000 §11, Region Syddanmark 2025, shipped in
``resources/reference/tariffs_syddanmark_2025.csv``) is reference data: each ``tariff_type`` row
has a course price, optionally a day rate from a given course day, optionally a rate per started
month, and the region's share. The amount of one course is

    amount = course_price
             + per_day_rate   × max(0, days − per_day_from_day + 1)      (day rate "fra dag N")
             + per_month_rate × ⌈days / 30⌉                               ("pr. påbegyndt måned (30 dage)")
    region       = amount × region_share_pct / 100, rounded half up to øre
    municipality = amount − region

which reads the seed's wording literally:

- tariff 1 "Forløb med IV-antibiotika uden pumpe 8.023 kr.": course price 8,023 kr, whatever the
  length;
- tariff 2 "Forløb over 14 dage med IV-antibiotika uden pumpe. Døgntakst 1.605 kr. pr. døgn fra
  dag 15": the course price (days 1-14) plus 1,605 kr for day 15 and every day after it; a
  16-day course is 8,023 + 2 × 1,605 = 11,233 kr (tariffs 3 and 4 likewise at 10,697 / 2,140 kr
  for 4 times a day);
- tariffs 5-7 "… 1.605 / 2.140 / 1.146 kr. pr. påbegyndt måned (30 dage)": one rate for every
  started 30-day period: days 1-30 are one month, day 31 starts the second;
- "regionen finansierer 70 procent af forløbstaksten og kommunen finansierer 30 procent".

Seed 001's Nordjylland model (severity categories, "tyngdekategori 0 … en regional finansiering på
200 kr. pr. forløb") is entered the same way: a row with course price 200 and region share 100 %.
(Seed 000 §11 announces "8 typer forløbstakster" but lists seven; the shipped model has those
seven and nothing is invented for the eighth.)

The course length counts local ward days, admission day and discharge day included (the census's
"day of course" on the discharge day, the same days the bed-day figures count). A course is
settled in the month it ended (was discharged). Every course carries the tariff set at admission
(R-TARIFF); one without a tariff is reported as an error line and left out of the totals, never
skipped silently. Where the course's actual length and regimen make the model propose another
tariff than the recorded one (and no override reason was given), the line carries a check note.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, Municipality, Patient, Regimen, Setting, TariffType
from console.redact import mask_cpr
from console.services.core.audit_log import patient_export
from console.services.core.errors import InvalidInput
from console.services.course.tariffs import propose_tariff_code
from console.timeutil import local_date, ward_day_bounds
from console.vocabulary import AdmissionStatus

MONTH_DAYS = 30  # seed 000 §11: "pr. påbegyndt måned (30 dage)"
REGION_NAME_KEY = "region_name"
DEFAULT_REGION_NAME = "Region Sjælland"
_ORE = Decimal("0.01")


class TariffTerms(Protocol):
    """What the arithmetic needs of a tariff (a ``TariffType`` row or a ``Tariff`` value)."""

    @property
    def course_price(self) -> float: ...
    @property
    def per_day_rate(self) -> float | None: ...
    @property
    def per_day_from_day(self) -> int | None: ...
    @property
    def per_month_rate(self) -> float | None: ...
    @property
    def region_share_pct(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Tariff:
    """A tariff's terms as a plain value (tests, and what crosses to the views)."""

    code: str
    name: str
    price_year: int
    course_price: float
    per_day_rate: float | None = None
    per_day_from_day: int | None = None
    per_month_rate: float | None = None
    region_share_pct: float = 70.0


def _dec(value: float | int | None) -> Decimal:
    return Decimal(0) if value is None else Decimal(str(value))


def _course_amount_dec(tariff: TariffTerms, course_days: int) -> tuple[Decimal, Decimal, Decimal]:
    if course_days < 1:
        raise InvalidInput("days", f"A course lasts at least one day, not {course_days}.")
    total = _dec(tariff.course_price)
    if tariff.per_day_rate and tariff.per_day_from_day:
        extra_days = max(0, course_days - tariff.per_day_from_day + 1)
        total += _dec(tariff.per_day_rate) * extra_days
    if tariff.per_month_rate:
        started_months = math.ceil(course_days / MONTH_DAYS)
        total += _dec(tariff.per_month_rate) * started_months
    share = _dec(tariff.region_share_pct)
    if not Decimal(0) <= share <= Decimal(100):
        raise InvalidInput("region_share_pct", f"The region's share must be 0-100 %, not {share}.")
    region = (total * share / 100).quantize(_ORE, rounding=ROUND_HALF_UP)
    return total, region, total - region


def course_amount(tariff: TariffTerms, course_days: int) -> tuple[float, float, float]:
    """(total, region's share, municipality's share) in kroner for a course of ``course_days``."""
    total, region, municipality = _course_amount_dec(tariff, course_days)
    return float(total), float(region), float(municipality)


def course_days(admitted_at: datetime, discharged_at: datetime) -> int:
    """Local ward days from admission to discharge, both included."""
    return (local_date(discharged_at) - local_date(admitted_at)).days + 1


# --- settlement of a month -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SettlementLine:
    admission_id: int
    patient: str
    cpr_masked: str
    admitted_on: date | None
    discharged_on: date
    days: int
    tariff_code: str | None
    tariff_name: str | None
    price_year: int | None
    override_reason: str | None
    amount: float
    region_share: float
    municipality_share: float
    error: str | None = None  # not settled: why (R-TARIFF)
    check: str | None = None  # settled, but the model proposes another tariff for this course


@dataclass(frozen=True, slots=True)
class Totals:
    courses: int
    days: int
    amount: float
    region_share: float
    municipality_share: float
    errors: int


@dataclass(frozen=True, slots=True)
class MunicipalitySettlement:
    municipality: str
    lines: tuple[SettlementLine, ...]
    totals: Totals

    @property
    def price_years(self) -> tuple[int, ...]:
        return tuple(sorted({ln.price_year for ln in self.lines if ln.price_year is not None}))


@dataclass(frozen=True, slots=True)
class Settlement:
    region: str
    start: date  # first local day settled
    end: date  # last local day settled (inclusive)
    municipalities: tuple[MunicipalitySettlement, ...]
    totals: Totals

    @property
    def label(self) -> str:
        """``2026-03`` for a whole calendar month, else ``first – last`` day."""
        if (self.start, self.end) == month_bounds(self.start.year, self.start.month):
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def lines(self) -> tuple[SettlementLine, ...]:
        return tuple(ln for m in self.municipalities for ln in m.lines)

    def admission_ids(self) -> tuple[int, ...]:
        return tuple(ln.admission_id for ln in self.lines)

    @property
    def price_years(self) -> tuple[int, ...]:
        return tuple(sorted({y for m in self.municipalities for y in m.price_years}))


def _totals(lines: Sequence[SettlementLine]) -> Totals:
    settled = [ln for ln in lines if ln.error is None]
    return Totals(
        courses=len(settled), days=sum(ln.days for ln in settled),
        amount=float(sum((_dec(ln.amount) for ln in settled), Decimal(0))),
        region_share=float(sum((_dec(ln.region_share) for ln in settled), Decimal(0))),
        municipality_share=float(sum((_dec(ln.municipality_share) for ln in settled), Decimal(0))),
        errors=len(lines) - len(settled))


def region_name(session: Session) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == REGION_NAME_KEY))
    return value or DEFAULT_REGION_NAME


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last local day of a calendar month."""
    if not 1 <= month <= 12:
        raise InvalidInput("--month", f"Month must be 1-12, not {month}.")
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def settlement_for_month(session: Session, year: int, month: int) -> Settlement:
    """Every course that ended (was discharged) in a local calendar month, per municipality."""
    start, end = month_bounds(year, month)
    return settlement_for_period(session, start, end)


@patient_export("export")
def settlement_for_export(session: Session, year: int, month: int) -> Settlement:
    """The month's settlement to export (xlsx, csv): it names every patient whose course it
    settles, so each one's access log records the export (§ 42 a)."""
    return settlement_for_month(session, year, month)


def settlement_for_period(session: Session, start: date, end: date) -> Settlement:
    """Every course discharged on a local day from ``start`` to ``end`` (inclusive)."""
    if end < start:
        raise InvalidInput("end", "The period ends before it starts.")
    lo, hi = ward_day_bounds(start)[0], ward_day_bounds(end)[1]
    found = session.execute(
        select(Admission, Patient.name, Patient.cpr, Municipality.name, TariffType)
        .join(Patient, Admission.patient_id == Patient.id)
        .join(Municipality, Patient.municipality_id == Municipality.id)
        .outerjoin(TariffType, Admission.tariff_type_id == TariffType.id)
        .where(Admission.status == AdmissionStatus.DISCHARGED,
               Admission.discharged_at >= lo, Admission.discharged_at < hi)
        .order_by(Municipality.name, Admission.discharged_at, Admission.id)
    ).all()
    regimens: dict[int, list[Regimen]] = defaultdict(list)
    if found:
        ids = [adm.id for adm, *_ in found]
        for reg in session.scalars(select(Regimen).where(Regimen.admission_id.in_(ids))):
            regimens[reg.admission_id].append(reg)
    codes = frozenset(session.scalars(select(TariffType.code)))
    by_muni: dict[str, list[SettlementLine]] = defaultdict(list)
    for adm, name, cpr, muni, tariff in found:
        by_muni[muni].append(_line(adm, name, cpr, tariff, regimens.get(adm.id, []), codes))
    munis = tuple(MunicipalitySettlement(municipality=m, lines=tuple(lines), totals=_totals(lines))
                  for m, lines in sorted(by_muni.items()))
    return Settlement(region=region_name(session), start=start, end=end, municipalities=munis,
                      totals=_totals([ln for m in munis for ln in m.lines]))


def _line(adm: Admission, name: str, cpr: str, tariff: TariffType | None,
          lines: Iterable[Regimen], codes: frozenset[str]) -> SettlementLine:
    assert adm.discharged_at is not None
    discharged_on = local_date(adm.discharged_at)
    admitted_on = local_date(adm.admitted_at) if adm.admitted_at is not None else None
    days = (discharged_on - admitted_on).days + 1 if admitted_on is not None else 0
    common: dict[str, Any] = {"admission_id": adm.id, "patient": name, "cpr_masked": mask_cpr(cpr),
              "admitted_on": admitted_on, "discharged_on": discharged_on, "days": days,
              "override_reason": adm.tariff_override_reason}
    if tariff is None:
        return SettlementLine(**common, tariff_code=None, tariff_name=None, price_year=None,
                              amount=0.0, region_share=0.0, municipality_share=0.0,
                              error="R-TARIFF: the course has no tariff; set it before "
                                    "settling.")
    named: dict[str, Any] = {"tariff_code": tariff.code, "tariff_name": tariff.name,
             "price_year": tariff.price_year}
    if days < 1:
        return SettlementLine(**common, **named, amount=0.0, region_share=0.0,
                              municipality_share=0.0,
                              error="The course has no admission time or ends before it starts.")
    total, region, municipality = course_amount(tariff, days)
    check = None
    regimen = [(r.kind, r.system, r.doses_per_day) for r in lines]
    if regimen and not adm.tariff_override_reason:
        proposed = propose_tariff_code(regimen, days)
        if proposed != tariff.code and proposed in codes:
            check = f"For {days} days the model proposes {proposed}, not {tariff.code}."
    return SettlementLine(**common, **named, amount=total, region_share=region,
                          municipality_share=municipality, check=check)
