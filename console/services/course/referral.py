"""The admission form's content (a referral) as typed input, and its parsing from JSON.

Parsing is one declared pydantic schema (``ReferralDoc``; ``eward schema referral`` prints it):
shape, known codes, well-formed dates, unknown keys refused, text normalised and held to its
column's length, the field named. The agreement's rules are checked by
``console.services.course.admission_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import Field

from console.models import Admission, Municipality, Patient, Regimen, Relative, Staff, TariffType
from console.redact import redacted
from console.services.core.errors import InvalidInput
from console.services.core.input_schema import (
    BOUND,
    LINE,
    OPTIONAL_LINE,
    Document,
    Flag,
    IsoDate,
    IsoDateTime,
    IsoTime,
    Note,
    NoteLines,
    Whole,
    at_most,
    column_length,
    limit,
    parse_document,
)
from console.vocabulary import (
    AdministrationSystem,
    Condition,
    IvAccess,
    PlaceOfTreatment,
    Provider,
    RegimenKind,
)


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
    medication_list_updated: bool = False  # R-HANDOVER: only when the referral says so
    condition_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    parents_informed: ParentsInput | None = None  # R-PARENTS (15-17 years)
    place_of_treatment: PlaceOfTreatment = PlaceOfTreatment.HOME  # R-REGISTER


def parse_datetime(value: Any, field_name: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidInput(field_name, f"{field_name} must be an ISO date-time with a UTC offset.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            field_name, f"'{redacted(value)}' is not a date-time: use e.g. 2026-11-23T10:00:00+01:00."
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


# --- the document's schema (issue 15: one declared schema, unknown keys refused) ----------


# Optional text fields: missing, null or blank is None; otherwise held to the column's length.
_RELATIVE_PHONE = Annotated[Annotated[str, at_most(column_length(Relative.phone))] | None, OPTIONAL_LINE]
_RELATIVE_RELATION = Annotated[Annotated[str, at_most(column_length(Relative.relation))] | None,
                               OPTIONAL_LINE]
_PATIENT_PHONE = Annotated[Annotated[str, at_most(column_length(Patient.phone))] | None, OPTIONAL_LINE]
_PATIENT_GP = Annotated[Annotated[str, at_most(column_length(Patient.gp))] | None, OPTIONAL_LINE]
_INFORMED_BY = Annotated[Annotated[str, at_most(column_length(Admission.consent_informed_by))] | None,
                         OPTIONAL_LINE]
_ADMISSION_REFERRED_BY = Annotated[Annotated[str, at_most(column_length(Admission.referred_by))] | None,
                                   OPTIONAL_LINE]
_TARIFFTYPE_CODE = Annotated[Annotated[str, at_most(column_length(TariffType.code))] | None, OPTIONAL_LINE]
_ADMISSION_MEETING_LINK = Annotated[Annotated[str, at_most(column_length(Admission.meeting_link))] | None,
                                    OPTIONAL_LINE]


class RelativeDoc(Document):
    name: Annotated[str, limit(column_length(Relative.name)), LINE]
    phone: _RELATIVE_PHONE = None
    relation: _RELATIVE_RELATION = None


class PatientDoc(Document):
    cpr: Annotated[str, limit(32), LINE]  # R-CPR normalises and checks it
    name: Annotated[str, limit(column_length(Patient.name)), LINE]
    address: Annotated[str, limit(column_length(Patient.address)), LINE]
    municipality: Annotated[str, limit(column_length(Municipality.name)), LINE]
    phone: _PATIENT_PHONE = None
    gp: _PATIENT_GP = None
    relatives: list[RelativeDoc] | None = Field(default=None, max_length=10)
    lat: float | None = Field(default=None, ge=54.5, le=56.0, strict=True)  # Region Sjælland
    lon: float | None = Field(default=None, ge=10.8, le=12.7, strict=True)


class ConsentDoc(Document):
    informed_by: _INFORMED_BY = None
    at: IsoDateTime
    written_info_given: Flag = False


class ParentsDoc(Document):
    """R-PARENTS: who told the parents of a 15-17-year-old, and when."""

    informed_by: Annotated[str, limit(column_length(Admission.parents_informed_by)), LINE]
    at: IsoDateTime


class RegimenDoc(Document):
    kind: RegimenKind
    drug: Annotated[str, limit(column_length(Regimen.drug)), LINE]
    dose: Annotated[str, limit(column_length(Regimen.dose)), LINE]  # R-DOSE parses it
    doses_per_day: Whole = Field(ge=-BOUND, le=BOUND)
    system: AdministrationSystem
    iv_access: IvAccess
    start: IsoDate
    days: Whole = Field(ge=-BOUND, le=BOUND)  # R-COURSE-LEN bounds it by a setting
    dose_times: list[IsoTime] | None = Field(
        default=None, max_length=8)
    first_dose_given_in_hospital: Flag = False
    iv_access_remove_by: IsoDate | None = None
    infusion_minutes: Whole = Field(default=30, ge=-BOUND, le=BOUND)
    doses_sent: Whole | None = Field(default=None, ge=-BOUND, le=BOUND)  # R-SUPPLY


class ReferralDoc(Document):
    """The referral document ``eward admit`` reads (``eward schema referral``)."""

    patient: PatientDoc
    admitted_at: IsoDateTime
    responsible_doctor: Annotated[str, limit(column_length(Staff.initials)), LINE]
    condition: Condition
    consent: ConsentDoc | None = None
    provider: Provider = Provider.MUNICIPALITY
    planned_end: IsoDate | None = None
    regimen: list[RegimenDoc] = Field(min_length=1, max_length=6)
    referred_by: _ADMISSION_REFERRED_BY = None
    tariff: _TARIFFTYPE_CODE = None
    tariff_override_reason: Note = None
    meeting_link: _ADMISSION_MEETING_LINK = None
    crp_day: Whole | None = Field(default=None, ge=-BOUND, le=BOUND)
    crp_day_reason: NoteLines = None
    medication_list_updated: Flag = False  # R-HANDOVER: missing unless stated
    condition_text: NoteLines = None
    parents_informed: ParentsDoc | None = None  # R-PARENTS (15-17 years)
    place_of_treatment: PlaceOfTreatment = PlaceOfTreatment.HOME  # R-REGISTER


def _regimen(doc: RegimenDoc) -> RegimenInput:
    return RegimenInput(
        kind=doc.kind, drug=doc.drug, dose=doc.dose, doses_per_day=doc.doses_per_day,
        system=doc.system, iv_access=doc.iv_access, start=doc.start, days=doc.days,
        dose_times=(tuple(t.replace(second=0, microsecond=0) for t in doc.dose_times)
                    if doc.dose_times is not None else None),
        first_dose_given_in_hospital=doc.first_dose_given_in_hospital,
        iv_access_remove_by=doc.iv_access_remove_by, infusion_minutes=doc.infusion_minutes,
        doses_sent=doc.doses_sent)


def parse_referral(data: Any) -> ReferralInput:
    """Parse the JSON referral document (``eward admit``; schema: ``eward schema referral``)."""
    doc = parse_document(ReferralDoc, data, "referral")
    p, c = doc.patient, doc.consent
    return ReferralInput(
        patient=PatientInput(
            cpr=p.cpr, name=p.name, address=p.address, municipality=p.municipality,
            phone=p.phone, gp=p.gp, lat=p.lat, lon=p.lon,
            relatives=tuple(RelativeInput(r.name, r.phone, r.relation) for r in p.relatives or ())),
        admitted_at=doc.admitted_at,
        responsible_doctor=doc.responsible_doctor,
        condition=doc.condition,
        consent=(ConsentInput(informed_by=c.informed_by or "", at=c.at,
                              written_info_given=c.written_info_given) if c else None),
        provider=doc.provider,
        planned_end=doc.planned_end,
        regimen=tuple(_regimen(line) for line in doc.regimen),
        referred_by=doc.referred_by,
        tariff=doc.tariff,
        tariff_override_reason=doc.tariff_override_reason,
        meeting_link=doc.meeting_link,
        crp_day=doc.crp_day,
        crp_day_reason=doc.crp_day_reason,
        medication_list_updated=doc.medication_list_updated,
        condition_text=doc.condition_text,
        parents_informed=(ParentsInput(informed_by=doc.parents_informed.informed_by,
                                        at=doc.parents_informed.at)
                          if doc.parents_informed else None),
        place_of_treatment=doc.place_of_treatment,
    )



def referral_document(referral: ReferralInput) -> dict[str, Any]:
    """The referral as the JSON document ``parse_referral`` reads back (the intake dialog keeps
    what it took in exactly as ``eward referral add`` would; issue 19). Empty optional fields
    are left out, as a referrer would."""
    p = referral.patient
    patient: dict[str, Any] = {"cpr": p.cpr, "name": p.name, "address": p.address,
                               "municipality": p.municipality, "phone": p.phone, "gp": p.gp,
                               "lat": p.lat, "lon": p.lon}
    if p.relatives:
        patient["relatives"] = [_without_none({"name": r.name, "phone": r.phone,
                                               "relation": r.relation}) for r in p.relatives]
    document: dict[str, Any] = {
        "patient": _without_none(patient),
        "admitted_at": referral.admitted_at.isoformat(),
        "responsible_doctor": referral.responsible_doctor,
        "condition": referral.condition.value,
        "provider": referral.provider.value,
        "planned_end": referral.planned_end.isoformat() if referral.planned_end else None,
        "regimen": [_regimen_document(line) for line in referral.regimen],
        "referred_by": referral.referred_by, "tariff": referral.tariff,
        "tariff_override_reason": referral.tariff_override_reason,
        "meeting_link": referral.meeting_link, "crp_day": referral.crp_day,
        "crp_day_reason": referral.crp_day_reason,
        "medication_list_updated": referral.medication_list_updated,
        "condition_text": referral.condition_text,
        "place_of_treatment": referral.place_of_treatment.value,
    }
    if referral.consent is not None:
        c = referral.consent
        document["consent"] = _without_none({"informed_by": c.informed_by or None,
                                             "at": c.at.isoformat(),
                                             "written_info_given": c.written_info_given})
    if referral.parents_informed is not None:
        document["parents_informed"] = {"informed_by": referral.parents_informed.informed_by,
                                        "at": referral.parents_informed.at.isoformat()}
    return _without_none(document)


def _regimen_document(line: RegimenInput) -> dict[str, Any]:
    return _without_none({
        "kind": line.kind.value, "drug": line.drug, "dose": line.dose,
        "doses_per_day": line.doses_per_day, "system": line.system.value,
        "iv_access": line.iv_access.value, "start": line.start.isoformat(), "days": line.days,
        "dose_times": ([t.strftime("%H:%M") for t in line.dose_times]
                       if line.dose_times is not None else None),
        "first_dose_given_in_hospital": line.first_dose_given_in_hospital,
        "iv_access_remove_by": (line.iv_access_remove_by.isoformat()
                                if line.iv_access_remove_by else None),
        "infusion_minutes": line.infusion_minutes, "doses_sent": line.doses_sent})


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
