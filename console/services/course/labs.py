"""Lab analyses beyond CRP (issue 19, R-MBE-TASKS): the reference list, validation and entry.

The MBE takes blood at the bedside (POCT: salts, kidney and infection values) and for the
laboratory (S-vancomycin, S-gentamicin, blood cultures), and urine stix (seed 003). Each analysis
has its unit, its reference interval (for the drug levels: the usual trough target) and a
plausible range: a value outside the plausible range is refused as a typing error, a value
outside the reference interval is stored and marked. The cultures and the stix are read, not
measured: their result is one of a few words (``value`` then holds 0 for a normal reading and
1 for an abnormal one, so the table's number column stays numeric).

The intervals are adult reference intervals as Danish laboratories commonly print them; a
region's own are a matter for its laboratory, so they are data here, in one list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from console.models import Admission, LabResult
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, NotFound
from console.timeutil import now_utc
from console.vocabulary import Role


@dataclass(frozen=True, slots=True)
class Analysis:
    code: str
    name: str
    unit: str  # "" for a qualitative reading
    low: float | None = None  # reference interval (None: no bound on that side)
    high: float | None = None
    plausible: tuple[float, float] = (0.0, 0.0)  # outside: refused as a typing error
    place: str = "poct"  # where it is usually analysed: poct (bedside) | laboratory
    readings: tuple[str, ...] = ()  # qualitative: the words a result may be
    normal: tuple[str, ...] = ()  # qualitative: the readings inside the interval
    monitors: tuple[str, ...] = ()  # a drug level: the drugs (lower case) whose level it is

    @property
    def qualitative(self) -> bool:
        return bool(self.readings)

    def reference_text(self) -> str:
        if self.qualitative:
            return "/".join(self.normal)
        if self.low is not None and self.high is not None:
            return f"{self.low:g}–{self.high:g}"
        return f"≥ {self.low:g}" if self.low is not None else f"≤ {self.high:g}"


_STIX_FINDINGS = ("leukocytes", "nitrite", "blood", "protein", "glucose")

ANALYSES: tuple[Analysis, ...] = (
    Analysis("crp", "CRP", "mg/L", None, 8, (0, 1000)),
    Analysis("sodium", "Sodium", "mmol/L", 137, 145, (90, 200)),
    Analysis("potassium", "Potassium", "mmol/L", 3.5, 4.4, (1, 10)),
    Analysis("creatinine", "Creatinine", "µmol/L", 45, 105, (10, 3000)),
    Analysis("egfr", "eGFR", "mL/min/1.73m²", 60, None, (1, 200)),
    Analysis("leukocytes", "Leukocytes", "10^9/L", 3.5, 8.8, (0.1, 200)),
    Analysis("s_vancomycin", "S-vancomycin (trough)", "mg/L", 10, 20, (0, 150),
             place="laboratory", monitors=("vancomycin",)),
    Analysis("s_gentamicin", "S-gentamicin (trough)", "mg/L", None, 1, (0, 50),
             place="laboratory", monitors=("gentamicin",)),
    Analysis("blood_culture", "Blood culture", "", place="laboratory",
             readings=("negative", "positive"), normal=("negative",)),
    Analysis("urine_stix", "Urine stix", "", readings=("negative", *_STIX_FINDINGS),
             normal=("negative",)),
)
BY_CODE = {a.code: a for a in ANALYSES}


def level_analysis(drug: str) -> Analysis | None:
    """The drug level that watches ``drug`` ("Vancomycin 1 g" → S-vancomycin), if any: the
    record shows it next to the regimen line (issue 19)."""
    name = drug.lower()
    return next((a for a in ANALYSES if any(m in name for m in a.monitors)), None)
PLACES = ("poct", "laboratory")

# Units as people type them → the list's spelling.
_UNIT_SPELLINGS = {"umol/l": "µmol/l", "μmol/l": "µmol/l", "10^9/l": "10^9/l", "10e9/l": "10^9/l",
                   "x10^9/l": "10^9/l", "ml/min": "ml/min/1.73m²", "ml/min/1.73m2": "ml/min/1.73m²"}
_NUMBER = re.compile(r"^\s*([<>]?)\s*(\d+(?:[.,]\d+)?)\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class LabValue:
    """A validated result: the number stored and, for a reading, its words."""

    analysis: Analysis
    value: float
    reading: str | None
    out_of_interval: bool


def out_of_interval(analysis: Analysis, value: float, reading: str | None) -> bool:
    if analysis.qualitative:
        return reading not in analysis.normal
    return ((analysis.low is not None and value < analysis.low)
            or (analysis.high is not None and value > analysis.high))


def parse_lab_value(code: str, text: str) -> LabValue:
    """The result as typed ("140", "3,8 mmol/L", "positive", "leukocytes, nitrite") checked
    against the analysis's unit and plausible range. Raises ``InvalidInput`` naming the field."""
    analysis = BY_CODE.get(code.strip().lower())
    if analysis is None:
        raise InvalidInput("analysis", f"Unknown analysis '{code}': use one of "
                           f"{', '.join(BY_CODE)}.")
    if analysis.qualitative:
        words = sorted({w.strip().lower() for w in re.split(r"[,+]", text) if w.strip()})
        unknown = [w for w in words if w not in analysis.readings]
        if not words or unknown or ("negative" in words and len(words) > 1):
            raise InvalidInput("value", f"A {analysis.name} result is one of "
                               f"{', '.join(analysis.readings)}.")
        reading = ", ".join(words)
        abnormal = out_of_interval(analysis, 0, reading)
        return LabValue(analysis, 1.0 if abnormal else 0.0, reading, abnormal)
    match = _NUMBER.match(text)
    if match is None or match.group(1):
        raise InvalidInput("value", f"Write the {analysis.name} result as a number in "
                           f"{analysis.unit}, e.g. {_example(analysis)}.")
    value = float(match.group(2).replace(",", "."))
    unit = match.group(3).lower().replace(" ", "")
    if unit and _UNIT_SPELLINGS.get(unit, unit) != analysis.unit.lower():
        raise InvalidInput("value", f"{analysis.name} is measured in {analysis.unit}, "
                           f"not {match.group(3)}.")
    low, high = analysis.plausible
    if not low <= value <= high:
        raise InvalidInput("value", f"{value:g} {analysis.unit} is not a plausible "
                           f"{analysis.name} (expected {low:g}–{high:g}): check the number.")
    return LabValue(analysis, value, None, out_of_interval(analysis, value, None))


def _example(analysis: Analysis) -> str:
    low, high = analysis.low, analysis.high
    middle = (low + high) / 2 if low is not None and high is not None else (low or high or 1)
    return f"{middle:g} {analysis.unit}"


@dataclass(frozen=True, slots=True)
class LabEntry:
    id: int
    admission_id: int
    analysis: str
    value: float
    unit: str
    reading: str | None
    out_of_interval: bool
    reference: str
    place: str


def record_lab_result(session: Session, admission_id: int, *, analysis: str, value: str,
                      taken_at: datetime, place: str | None = None,
                      visit_id: int | None = None) -> LabEntry:
    """Record a result (e-nurse or e-doctor): validated, marked when outside its interval."""
    user = require_role(session, {Role.E_NURSE, Role.E_DOCTOR}, "add a lab result")
    if session.get(Admission, admission_id) is None:
        raise NotFound("admission", admission_id)
    checked = parse_lab_value(analysis, value)
    if taken_at > now_utc() + timedelta(minutes=5):
        raise InvalidInput("taken_at", "A sample cannot be taken in the future.")
    if place is not None and place not in PLACES:
        raise InvalidInput("place", "The place is poct (at the bedside) or laboratory.")
    a = checked.analysis
    lab = LabResult(admission_id=admission_id, analysis=a.code, value=checked.value,
                    unit=a.unit, taken_at=taken_at, visit_id=visit_id, recorded_by=user,
                    reading=checked.reading, place=place or a.place)
    session.add(lab)
    session.flush()
    return LabEntry(lab.id, admission_id, a.code, checked.value, a.unit, checked.reading,
                    checked.out_of_interval, a.reference_text(), lab.place or a.place)
