"""The admission form's content (a referral) as typed input, and its parsing from JSON.

Parsing only checks *shape* (types, known codes, well-formed dates) and names the field;
the agreement's rules are checked by ``console.services.course.admission_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from console.models import (
    AdministrationSystem,
    Condition,
    IvAccess,
    Provider,
    RegimenKind,
)
from console.services.core.errors import InvalidInput
from console.vocabulary import PlaceOfTreatment


@dataclass(frozen=True)
class RelativeInput:
    name: str
    phone: str | None = None
    relation: str | None = None


@dataclass(frozen=True)
class PatientInput:
    cpr: str
    name: str
    address: str
    municipality: str
    phone: str | None = None
    gp: str | None = None
    relatives: tuple[RelativeInput, ...] = ()
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class ConsentInput:
    informed_by: str
    at: datetime
    written_info_given: bool


@dataclass(frozen=True)
class ParentsInput:
    """R-PARENTS: who informed the parents of a patient of 15-17, and when."""

    informed_by: str
    at: datetime


@dataclass(frozen=True)
class RegimenInput:
    kind: RegimenKind
    drug: str
    dose: str
    doses_per_day: int
    system: AdministrationSystem
    iv_access: IvAccess
    start: date
    days: int
    dose_times: tuple[time, ...] | None = None  # None: sensible defaults inside 07-23
    first_dose_given_in_hospital: bool = False
    iv_access_remove_by: date | None = None
    infusion_minutes: int = 30  # time staff stay per visit (R-VISIT-LEN: under 60)
    # R-SUPPLY: the doses the transferring ward actually sent with the patient (None: the
    # configured days' worth, supply_days_initial); the stock projection starts from it.
    doses_sent: int | None = None

    @property
    def end(self) -> date:
        from datetime import timedelta

        return self.start + timedelta(days=self.days - 1)


@dataclass(frozen=True)
class ReferralInput:
    patient: PatientInput
    admitted_at: datetime
    responsible_doctor: str
    condition: Condition
    consent: ConsentInput | None
    provider: Provider
    planned_end: date | None
    regimen: tuple[RegimenInput, ...]
    referred_by: str | None = None
    tariff: str | None = None  # tariff type code; proposed from the regimen when missing
    tariff_override_reason: str | None = None
    meeting_link: str | None = None
    crp_day: int | None = None  # R-CRP3: another day than 3 needs crp_day_reason
    crp_day_reason: str | None = None
    medication_list_updated: bool = True
    condition_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    parents_informed: ParentsInput | None = None  # R-PARENTS (15-17 years)
    place_of_treatment: PlaceOfTreatment = PlaceOfTreatment.HOME  # R-REGISTER


# --- parsing ---------------------------------------------------------------------------------


def _require(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise InvalidInput(f"{where}{key}", f"{where}{key} is required.")
    return data[key]


def _str(data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = _require(data, key, where) if required else data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{where}{key}", f"{where}{key} must be text.")
    value = value.strip()
    if required and not value:
        raise InvalidInput(f"{where}{key}", f"{where}{key} is required.")
    return value or None


def _int(data: dict[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if value is None:
        raise InvalidInput(f"{where}{key}", f"{where}{key} is required.")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{where}{key}", f"{where}{key} must be a whole number.")
    return value


def _bool(data: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise InvalidInput(f"{where}{key}", f"{where}{key} must be true or false.")
    return value


def parse_datetime(value: Any, field_name: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidInput(field_name, f"{field_name} must be an ISO date-time with a UTC offset.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            field_name, f"'{value}' is not a date-time: use e.g. 2026-11-23T10:00:00+01:00."
        ) from None
    if parsed.tzinfo is None:
        raise InvalidInput(
            field_name, f"'{value}' has no UTC offset: add one, e.g. +01:00 for Danish winter time."
        )
    return parsed


def parse_date(value: Any, field_name: str) -> date:
    if not isinstance(value, str):
        raise InvalidInput(field_name, f"{field_name} must be a date YYYY-MM-DD.")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(field_name, f"'{value}' is not a date: use YYYY-MM-DD.") from None


def _code(enum_cls: Any, value: Any, field_name: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise InvalidInput(field_name, f"'{value}' is not one of: {allowed}.") from None


def _parse_time(value: Any, field_name: str) -> time:
    if not isinstance(value, str):
        raise InvalidInput(field_name, f"{field_name} must be a time HH:MM.")
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        raise InvalidInput(field_name, f"'{value}' is not a time: use HH:MM.") from None
    return parsed.replace(second=0, microsecond=0)


def _dict(value: Any, field_name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(field_name, f"{field_name} must be an object.")
    return value


def parse_regimen(data: Any, where: str) -> RegimenInput:
    d = _dict(data, where.rstrip("."))
    times_raw = d.get("dose_times")
    dose_times: tuple[time, ...] | None = None
    if times_raw is not None:
        if not isinstance(times_raw, list):
            raise InvalidInput(f"{where}dose_times", "dose_times must be a list of HH:MM.")
        dose_times = tuple(
            _parse_time(t, f"{where}dose_times[{i}]") for i, t in enumerate(times_raw)
        )
    remove_by = d.get("iv_access_remove_by")
    return RegimenInput(
        kind=_code(RegimenKind, _require(d, "kind", where), f"{where}kind"),
        drug=_str(d, "drug", where) or "",
        dose=_str(d, "dose", where) or "",
        doses_per_day=_int(d, "doses_per_day", where),
        system=_code(AdministrationSystem, _require(d, "system", where), f"{where}system"),
        iv_access=_code(IvAccess, _require(d, "iv_access", where), f"{where}iv_access"),
        start=parse_date(_require(d, "start", where), f"{where}start"),
        days=_int(d, "days", where),
        dose_times=dose_times,
        first_dose_given_in_hospital=_bool(d, "first_dose_given_in_hospital", where, False),
        iv_access_remove_by=(
            parse_date(remove_by, f"{where}iv_access_remove_by") if remove_by else None
        ),
        infusion_minutes=_int(d, "infusion_minutes", where, 30),
        doses_sent=_int(d, "doses_sent", where) if d.get("doses_sent") is not None else None,
    )


def parse_referral(data: Any) -> ReferralInput:
    """Parse the JSON referral document (see README / ``eward admit``)."""
    d = _dict(data, "referral")
    p = _dict(_require(d, "patient", ""), "patient")
    relatives_raw = p.get("relatives") or []
    if not isinstance(relatives_raw, list):
        raise InvalidInput("patient.relatives", "patient.relatives must be a list.")
    relatives = tuple(
        RelativeInput(
            name=_str(_dict(r, f"patient.relatives[{i}]"), "name", f"patient.relatives[{i}].") or "",
            phone=_str(r, "phone", "", required=False),
            relation=_str(r, "relation", "", required=False),
        )
        for i, r in enumerate(relatives_raw)
    )
    patient = PatientInput(
        cpr=_str(p, "cpr", "patient.") or "",
        name=_str(p, "name", "patient.") or "",
        address=_str(p, "address", "patient.") or "",
        municipality=_str(p, "municipality", "patient.") or "",
        phone=_str(p, "phone", "patient.", required=False),
        gp=_str(p, "gp", "patient.", required=False),
        relatives=relatives,
    )
    consent_raw = d.get("consent")
    consent = None
    if consent_raw is not None:
        c = _dict(consent_raw, "consent")
        consent = ConsentInput(
            informed_by=_str(c, "informed_by", "consent.", required=False) or "",
            at=parse_datetime(_require(c, "at", "consent."), "consent.at"),
            written_info_given=_bool(c, "written_info_given", "consent.", False),
        )
    regimen_raw = _require(d, "regimen", "")
    if not isinstance(regimen_raw, list) or not regimen_raw:
        raise InvalidInput("regimen", "regimen must be a list with at least one line.")
    planned_end = d.get("planned_end")
    crp_day = d.get("crp_day")
    if crp_day is not None and (isinstance(crp_day, bool) or not isinstance(crp_day, int)):
        raise InvalidInput("crp_day", "crp_day must be a whole number (course day).")
    return ReferralInput(
        patient=patient,
        admitted_at=parse_datetime(_require(d, "admitted_at", ""), "admitted_at"),
        responsible_doctor=_str(d, "responsible_doctor", "") or "",
        condition=_code(Condition, _require(d, "condition", ""), "condition"),
        consent=consent,
        provider=_code(Provider, d.get("provider", "municipality"), "provider"),
        planned_end=parse_date(planned_end, "planned_end") if planned_end else None,
        regimen=tuple(parse_regimen(r, f"regimen[{i}].") for i, r in enumerate(regimen_raw)),
        referred_by=_str(d, "referred_by", "", required=False),
        tariff=_str(d, "tariff", "", required=False),
        tariff_override_reason=_str(d, "tariff_override_reason", "", required=False),
        meeting_link=_str(d, "meeting_link", "", required=False),
        crp_day=crp_day,
        crp_day_reason=_str(d, "crp_day_reason", "", required=False),
        medication_list_updated=_bool(d, "medication_list_updated", "", True),
        condition_text=_str(d, "condition_text", "", required=False),
        parents_informed=_parents(d.get("parents_informed")),
        place_of_treatment=_code(PlaceOfTreatment, d.get("place_of_treatment", "home"),
                                 "place_of_treatment"),
    )


def _parents(raw: Any) -> ParentsInput | None:
    """``{"informed_by": "Mother, by phone", "at": "…"}`` (R-PARENTS)."""
    if raw is None:
        return None
    p = _dict(raw, "parents_informed")
    return ParentsInput(
        informed_by=_str(p, "informed_by", "parents_informed.") or "",
        at=parse_datetime(_require(p, "at", "parents_informed."), "parents_informed.at"))
