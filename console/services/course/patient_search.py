"""Find the admitted patient a caller speaks of, by name, CPR or phone (escalation intake).

The ward holds a few dozen admitted patients, so the match runs in Python over one query (the
same on SQLite and PostgreSQL); the rows returned carry a masked CPR only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, Municipality, Patient
from console.redact import mask_cpr
from console.services.core.errors import NotFound
from console.services.core.settings_store import get_time
from console.vocabulary import AdmissionStatus

SEARCH_LIMIT = 20
_NON_DIGITS = re.compile(r"\D+")


@dataclass(frozen=True, slots=True)
class PatientChoice:
    admission_id: int
    name: str
    cpr_masked: str
    phone: str | None
    municipality: str


@dataclass(frozen=True, slots=True)
class IntakeOptions:
    """What the intake dialog needs once: the municipalities and the e-nurse's hours."""

    municipalities: tuple[str, ...]
    e_nurse_from: time
    e_nurse_until: time


def _digits(text: str | None) -> str:
    return _NON_DIGITS.sub("", text or "")


def _admitted(session: Session, *where: object) -> list[tuple[PatientChoice, str]]:
    stmt = (select(Admission.id, Patient.name, Patient.cpr, Patient.phone, Municipality.name)
            .join(Patient, Admission.patient_id == Patient.id)
            .join(Municipality, Patient.municipality_id == Municipality.id)
            .where(Admission.status == AdmissionStatus.ADMITTED, *where)  # type: ignore[arg-type]
            .order_by(Patient.name, Admission.id))
    return [(PatientChoice(adm_id, name, mask_cpr(cpr), phone, muni), cpr)
            for adm_id, name, cpr, phone, muni in session.execute(stmt)]


def _matches(choice: PatientChoice, cpr: str, query: str) -> bool:
    words = query.casefold().split()
    if all(word in choice.name.casefold() for word in words):
        return True
    digits = _digits(query)
    if len(digits) < 4 or len(digits) < len(query.replace(" ", "").replace("-", "")):
        return False  # a CPR or phone search is digits (with spaces or a dash) only
    return digits in _digits(cpr) or digits in _digits(choice.phone)


def search_admitted_patients(session: Session, query: str,
                             limit: int = SEARCH_LIMIT) -> list[PatientChoice]:
    """Admitted patients whose name holds every word of ``query``, or whose CPR or phone
    holds its digits (at least 4); an empty query lists them all (up to ``limit``)."""
    query = query.strip()
    found = [choice for choice, cpr in _admitted(session)
             if not query or _matches(choice, cpr, query)]
    return found[:limit]


def get_patient_choice(session: Session, admission_id: int) -> PatientChoice:
    rows = _admitted(session, Admission.id == admission_id)
    if not rows:
        raise NotFound("admitted patient for admission", admission_id)
    return rows[0][0]


def load_intake_options(session: Session) -> IntakeOptions:
    names = tuple(session.scalars(select(Municipality.name).order_by(Municipality.name)))
    return IntakeOptions(names, get_time(session, "e_nurse_hours_start"),
                         get_time(session, "e_nurse_hours_end"))
