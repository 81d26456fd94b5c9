"""A dose as a typed value: an amount above zero and a unit from a list (R-DOSE, issue 15).

The regimen stores the dose as its display text (``"4 g"``, shown exactly as before); what may
be stored is decided here, once, for the admission, the regimen change, the dialogs and the CLI.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from console.services.core.errors import RuleViolation

# Units a home IV course is prescribed in; the key is how it is matched (case-insensitive),
# the value how it is written.
DOSE_UNITS: dict[str, str] = {
    "g": "g", "mg": "mg", "mcg": "mcg", "µg": "µg", "mie": "MIE", "ie": "IE", "ml": "ml",
    "l": "l", "mg/kg": "mg/kg", "mmol": "mmol",
}
MAX_AMOUNT = Decimal(100_000)  # above any dose in any unit of the list: a typing slip
_DOSE = re.compile(r"^([0-9]{1,6}(?:[.,][0-9]{1,3})?)\s*(\S+)$", re.ASCII)


@dataclass(frozen=True, slots=True)
class Dose:
    amount: Decimal
    unit: str

    def __str__(self) -> str:
        text = format(self.amount.normalize(), "f")
        return f"{text} {self.unit}"


def parse_dose(raw: str, field: str = "dose") -> Dose:
    """``"4 g"``, ``"1,5 g"``, ``"500 mg"`` → a ``Dose``; anything else raises R-DOSE."""
    text = unicodedata.normalize("NFKC", raw).strip()
    units = ", ".join(dict.fromkeys(DOSE_UNITS.values()))
    match = _DOSE.match(text)
    if match is None:
        if text.startswith("-"):
            raise RuleViolation("R-DOSE", field, "A dose is an amount above zero.")
        raise RuleViolation("R-DOSE", field,
                            f"Write the dose as an amount and a unit, e.g. 4 g (units: {units}).")
    number, unit = match.groups()
    canonical = DOSE_UNITS.get(unit.casefold())
    if canonical is None:
        raise RuleViolation("R-DOSE", field, f"'{unit}' is not a dose unit; use one of: {units}.")
    try:
        amount = Decimal(number.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise RuleViolation("R-DOSE", field, "A dose is an amount above zero.") from None
    if amount <= 0:
        raise RuleViolation("R-DOSE", field, "A dose is an amount above zero.")
    if amount > MAX_AMOUNT:
        raise RuleViolation("R-DOSE", field, f"A dose above {MAX_AMOUNT} {canonical} is a "
                            "typing slip: check the amount and the unit.")
    return Dose(amount, canonical)
