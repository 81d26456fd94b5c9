"""A known set of ended courses for settlement, report and dashboard tests (not the demo).

Every course is written with explicit local times; the amounts below are worked out by hand
from seed 000 §11 (Region Syddanmark 2025 tariffs, region 70 % / municipality 30 %).

March 2026, Næstved (4 settled + 1 error):
  N1 AB      2026-03-02 → 03-08    7 days   8,023.00  region 5,616.10  municipality 2,406.90
  N2 AB14    2026-02-20 → 03-05   14 days   8,023.00  (no day rate yet: day 15 is not reached)
  N3 AB14    2026-03-01 → 03-15   15 days   9,628.00  = 8,023 + 1 × 1,605; 6,739.60 / 2,888.40
  N4 AB      2026-02-25 → 03-01 00:30 local (still 28/2 in UTC)  5 days  8,023.00
  N5 (none)  2026-03-03 → 03-10  10 days   error row, not in the totals
  totals: 41 days, 33,697.00, region 23,587.90, municipality 10,109.10
March 2026, Holbæk (6 settled):
  H1 AB4X14  2026-03-01 → 03-20   20 days  23,537.00 = 10,697 + 6 × 2,140; 16,475.90 / 7,061.10
  H2 ABPUMP  2026-02-03 → 03-04   30 days   1,605.00 (one started month)    1,123.50 / 481.50
  H3 ABPUMP  2026-02-02 → 03-04   31 days   3,210.00 (two started months)   2,247.00 / 963.00
  H4 FLUID   2026-03-29 → 03-31    3 days   1,146.00 (over the spring DST change) 802.20 / 343.80
  H5 AB4X    2026-03-10 → 03-19   10 days  10,697.00                        7,487.90 / 3,209.10
  H6 AB      2026-03-05 → 03-20   16 days   8,023.00 recorded; check: the model proposes AB14
  totals: 110 days, 48,218.00, region 33,752.60, municipality 14,465.40
Overall March 2026: 10 settled courses, 151 days, 81,915.00, region 57,340.50,
  municipality 24,574.50, 1 error.
Outside March: X1 AB discharged 2026-04-01 00:30 local (31/3 22:30 UTC) belongs to April; X2 is
  still admitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from console.db import Database
from console.models import (
    AdministrationSystem,
    Admission,
    AdmissionStatus,
    Condition,
    DischargeOutcome,
    IvAccess,
    Municipality,
    Patient,
    Provider,
    Regimen,
    RegimenKind,
    TariffType,
)
from console.services.core.uow import unit_of_work
from console.timeutil import LOCAL_TZ

ABX, FLUID = RegimenKind.ANTIBIOTIC, RegimenKind.FLUID
CODAN, PUMP = AdministrationSystem.CODAN_MIX_ADD, AdministrationSystem.ELASTOMERIC_PUMP


@dataclass(frozen=True)
class Course:
    key: str
    municipality: str
    tariff: str | None
    admitted: datetime
    discharged: datetime | None
    kind: RegimenKind
    system: AdministrationSystem
    doses_per_day: int
    condition: Condition = Condition.PNEUMONIA
    outcome: DischargeOutcome = DischargeOutcome.COMPLETED
    override_reason: str | None = None


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


COURSES = (
    Course("N1", "Næstved", "AB", at(2026, 3, 2), at(2026, 3, 8, 11), ABX, CODAN, 3),
    Course("N2", "Næstved", "AB14", at(2026, 2, 20), at(2026, 3, 5, 12), ABX, CODAN, 3,
           override_reason="Planned for 21 days; CRP fell fast, ended on day 14."),
    Course("N3", "Næstved", "AB14", at(2026, 3, 1), at(2026, 3, 15, 9), ABX, CODAN, 2,
           condition=Condition.SPONDYLODISCITIS),
    Course("N4", "Næstved", "AB", at(2026, 2, 25), at(2026, 3, 1, 0, 30), ABX, CODAN, 3,
           condition=Condition.UTI, outcome=DischargeOutcome.ORAL_SWITCH),
    Course("N5", "Næstved", None, at(2026, 3, 3), at(2026, 3, 10), ABX, CODAN, 3),
    Course("H1", "Holbæk", "AB4X14", at(2026, 3, 1), at(2026, 3, 20), ABX, CODAN, 4,
           condition=Condition.BACTERAEMIA),
    Course("H2", "Holbæk", "ABPUMP", at(2026, 2, 3), at(2026, 3, 4), ABX, PUMP, 1,
           condition=Condition.SPONDYLODISCITIS),
    Course("H3", "Holbæk", "ABPUMP", at(2026, 2, 2), at(2026, 3, 4), ABX, PUMP, 1,
           condition=Condition.POSTOPERATIVE_INFECTION, outcome=DischargeOutcome.READMITTED),
    Course("H4", "Holbæk", "FLUID", at(2026, 3, 29, 9), at(2026, 3, 31, 15), FLUID, CODAN, 1,
           condition=Condition.DEHYDRATION),
    Course("H5", "Holbæk", "AB4X", at(2026, 3, 10), at(2026, 3, 19), ABX, CODAN, 4,
           condition=Condition.ERYSIPELAS, outcome=DischargeOutcome.OTHER),
    Course("H6", "Holbæk", "AB", at(2026, 3, 5), at(2026, 3, 20), ABX, CODAN, 3),
    Course("X1", "Holbæk", "AB", at(2026, 3, 25), at(2026, 4, 1, 0, 30), ABX, CODAN, 3),
    Course("X2", "Næstved", "AB", at(2026, 3, 28), None, ABX, CODAN, 3),
)
MARCH = (2026, 3)
NAESTVED_TOTALS = {"courses": 4, "days": 41, "amount": 33697.0, "region_share": 23587.90,
                   "municipality_share": 10109.10, "errors": 1}
HOLBAEK_TOTALS = {"courses": 6, "days": 110, "amount": 48218.0, "region_share": 33752.60,
                  "municipality_share": 14465.40, "errors": 0}
MARCH_TOTALS = {"courses": 10, "days": 151, "amount": 81915.0, "region_share": 57340.50,
                "municipality_share": 24574.50, "errors": 1}
# key → (days, amount, region, municipality) for the settled March lines
EXPECTED = {
    "N1": (7, 8023.0, 5616.10, 2406.90), "N2": (14, 8023.0, 5616.10, 2406.90),
    "N3": (15, 9628.0, 6739.60, 2888.40), "N4": (5, 8023.0, 5616.10, 2406.90),
    "H1": (20, 23537.0, 16475.90, 7061.10), "H2": (30, 1605.0, 1123.50, 481.50),
    "H3": (31, 3210.0, 2247.00, 963.00), "H4": (3, 1146.0, 802.20, 343.80),
    "H5": (10, 10697.0, 7487.90, 3209.10), "H6": (16, 8023.0, 5616.10, 2406.90),
}


def cpr_of(n: int) -> str:
    return f"{n + 1:02d}0360-{1000 + n:04d}"


def seed_settlement_courses(db: Database) -> dict[str, int]:
    """Write the courses above; returns admission id by key."""
    ids: dict[str, int] = {}
    with unit_of_work(db, "system") as session:
        munis = {m.name: m for m in session.scalars(select(Municipality))}
        tariffs = {t.code: t for t in session.scalars(select(TariffType))}
        for n, c in enumerate(COURSES):
            patient = Patient(cpr=cpr_of(n), name=f"Patient {c.key}", address="Vej 1",
                              municipality=munis[c.municipality], lat=55.4, lon=11.8)
            adm = Admission(
                patient=patient,
                status=AdmissionStatus.DISCHARGED if c.discharged else AdmissionStatus.ADMITTED,
                condition=c.condition, provider=Provider.MUNICIPALITY, admitted_at=c.admitted,
                discharged_at=c.discharged, discharge_outcome=c.outcome if c.discharged else None,
                tariff_type=tariffs[c.tariff] if c.tariff else None,
                tariff_override_reason=c.override_reason)
            last = (c.discharged or c.admitted).date()
            adm.regimens.append(Regimen(
                kind=c.kind, drug="NaCl 0.9 %" if c.kind is FLUID else "Cefuroxim", dose="1 g",
                doses_per_day=c.doses_per_day, dose_times="08:00", system=c.system,
                iv_access=IvAccess.PICC, start_date=c.admitted.date(), end_date=last))
            session.add(adm)
            session.flush()
            ids[c.key] = adm.id
    return ids
