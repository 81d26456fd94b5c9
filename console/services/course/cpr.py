"""Danish civil registration numbers (CPR): DDMMYY-SSSS.

The century comes from the 7th digit (CPR-kontoret's table). Modulus 11 is *not* checked:
numbers without it have been issued since 2007.
"""

from __future__ import annotations

import re
from datetime import date

from console.services.core.errors import RuleViolation

_CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")


def _century(yy: int, seventh: int) -> int:
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800  # 5-8


def parse_cpr(raw: str, field: str = "patient.cpr") -> tuple[str, date]:
    """Return the normalised ``DDMMYY-SSSS`` and the birth date, or raise R-CPR."""
    match = _CPR.match(raw.strip())
    if not match:
        raise RuleViolation("R-CPR", field, "A CPR number is 10 digits: DDMMYY-SSSS.")
    dd, mm, yy, serial = match.groups()
    year = _century(int(yy), int(serial[0])) + int(yy)
    try:
        born = date(year, int(mm), int(dd))
    except ValueError:
        raise RuleViolation(
            "R-CPR", field, f"{dd}{mm}{yy}-{serial} does not start with a real date of birth."
        ) from None
    return f"{dd}{mm}{yy}-{serial}", born


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
