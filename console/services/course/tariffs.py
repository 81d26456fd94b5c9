"""Course tariffs (R-TARIFF): propose a tariff type from the regimen and the course length."""

from __future__ import annotations

from collections.abc import Iterable

from console.vocabulary import AdministrationSystem, RegimenKind

PUMPS = frozenset({AdministrationSystem.ELASTOMERIC_PUMP, AdministrationSystem.CADD_PUMP})
LONG_COURSE_DAYS = 14  # seed 000 §11: day rate from day 15 for courses without pump


def propose_tariff_code(
    lines: Iterable[tuple[RegimenKind, AdministrationSystem, int]], course_days: int
) -> str:
    """The Region Syddanmark 2025 model's tariff code for a course.

    ``lines`` are (kind, system, doses_per_day) per regimen line. Antibiotics decide when
    present (fluids alongside are part of the same course); pump beats no pump; 4 a day beats
    fewer; a course without pump over 14 days takes the long-course tariff.
    """
    lines = list(lines)
    antibiotics = [(s, n) for k, s, n in lines if k is RegimenKind.ANTIBIOTIC]
    if not antibiotics:
        return "FLUID"
    pump = any(s in PUMPS for s, _ in antibiotics)
    four = any(n >= 4 for _, n in antibiotics)
    if pump:
        return "ABPUMP4X" if four else "ABPUMP"
    long_course = course_days > LONG_COURSE_DAYS
    if four:
        return "AB4X14" if long_course else "AB4X"
    return "AB14" if long_course else "AB"
