"""Danish civil registration numbers (CPR): DDMMYY-SSSS.

The century comes from the 7th digit (CPR-kontoret's table). Modulus 11 is *not* checked:
numbers without it have been issued since 2007.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from console.services.core.errors import RuleViolation

# ASCII digits only (re.ASCII): ``\d`` alone also matches full-width and Arabic-Indic digits,
# which int() reads, so the same person could be stored under a second spelling (issue 15).
_CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$", re.ASCII)


def _century(yy: int, seventh: int) -> int:
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800  # 5-8


def parse_cpr(raw: str, field: str = "patient.cpr") -> tuple[str, date]:
    """Return the normalised ``DDMMYY-SSSS`` and the birth date, or raise R-CPR."""
    text = unicodedata.normalize("NFC", raw).strip()
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        raise RuleViolation("R-CPR", field, "Write the CPR number with the digits 0-9 only.")
    match = _CPR.match(text)
    if not match:
        raise RuleViolation("R-CPR", field, "A CPR number is 10 digits: DDMMYY-SSSS.")
    dd, mm, yy, serial = match.groups()
    year = _century(int(yy), int(serial[0])) + int(yy)
    try:
        born = date(year, int(mm), int(dd))
    except ValueError:
        raise RuleViolation(  # the number itself is never echoed (no CPR in output or logs)
            "R-CPR", field, "The CPR number does not start with a real date of birth (DDMMYY)."
        ) from None
    return f"{dd}{mm}{yy}-{serial}", born


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
