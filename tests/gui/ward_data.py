"""A tiny ward for GUI tests (independent of the demo seed): five admitted patients."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from console.db import Database
from console.models import (
    AdministrationSystem,
    Admission,
    AdmissionStatus,
    Condition,
    Escalation,
    EscalationCategory,
    IvAccess,
    Municipality,
    Patient,
    Provider,
    Regimen,
    RegimenKind,
    RoutedTo,
    Setting,
    Severity,
    Visit,
    VisitKind,
    VisitStatus,
)
from console.services.core.uow import unit_of_work
from console.timeutil import local_datetime

# name, cpr, municipality, condition, kind, drug, days since admission, open escalations
PATIENTS = (
    ("Anna Jensen", "010145-1234", "Næstved", Condition.UTI, RegimenKind.ANTIBIOTIC,
     "Piperacillin/Tazobactam", 2, 0),
    ("Bent Hansen", "020250-2345", "Holbæk", Condition.COPD, RegimenKind.ANTIBIOTIC,
     "Cefuroxim", 5, 1),
    ("Carla Nielsen", "030355-3456", "Roskilde", Condition.DEHYDRATION, RegimenKind.FLUID,
     "NaCl 0.9 %", 0, 0),
    ("Dorte Larsen", "040460-4567", "Slagelse", Condition.PNEUMONIA, RegimenKind.ANTIBIOTIC,
     "Benzylpenicillin", 6, 2),
    ("Erik Poulsen", "050565-5678", "Køge", Condition.ERYSIPELAS, RegimenKind.ANTIBIOTIC,
     "Dicloxacillin", 1, 0),
)
NAMES = tuple(p[0] for p in PATIENTS)


def seed_small_ward(db: Database, day: date, *, capacity: int | None = None) -> dict[str, int]:
    """Admit the patients above on ``day``; returns admission id by patient name."""
    ids: dict[str, int] = {}
    with unit_of_work(db, "system") as session:
        munis = {m.name: m for m in session.scalars(select(Municipality))}
        for name, cpr, muni, condition, kind, drug, days_in, escalations in PATIENTS:
            first_day = day - timedelta(days=days_in)
            patient = Patient(cpr=cpr, name=name, address="Hovedgaden 1",
                              municipality=munis[muni], lat=55.4, lon=11.8)
            admission = Admission(
                patient=patient, status=AdmissionStatus.ADMITTED, condition=condition,
                provider=Provider.MUNICIPALITY, admitted_at=local_datetime(first_day, time(10)),
                planned_end=first_day + timedelta(days=9))
            admission.regimens.append(Regimen(
                kind=kind, drug=drug, dose="1 g", doses_per_day=3,
                dose_times="08:00,15:00,22:00", system=AdministrationSystem.CODAN_MIX_ADD,
                iv_access=IvAccess.PVK, start_date=first_day,
                end_date=first_day + timedelta(days=9)))
            session.add(admission)
            session.flush()
            session.add(Visit(admission_id=admission.id, kind=VisitKind.IV_DOSE,
                              provider=Provider.MUNICIPALITY,
                              window_start=local_datetime(day, time(22)),
                              window_end=local_datetime(day, time(23)),
                              status=VisitStatus.PLANNED))
            for n in range(escalations):
                session.add(Escalation(
                    admission_id=admission.id, municipality_id=munis[muni].id,
                    caller_name=f"Sygeplejerske {n + 1}",
                    category=EscalationCategory.IV_ACCESS_PROBLEM, severity=Severity.TODAY,
                    received_at=local_datetime(day, time(9)), routed_to=RoutedTo.E_NURSE))
            ids[name] = admission.id
        if capacity is not None:
            setting = session.scalar(select(Setting).where(Setting.key == "capacity"))
            assert setting is not None
            setting.value = str(capacity)
    return ids


def admit_one_more(db: Database, day: date, name: str) -> int:
    """Another desk admits a patient today (fluids, Næstved)."""
    with unit_of_work(db, "OTH") as session:
        muni = session.scalar(select(Municipality).where(Municipality.name == "Næstved"))
        patient = Patient(cpr="060670-6789", name=name, address="Torvet 2",
                          municipality=muni, lat=55.2, lon=11.7)
        admission = Admission(patient=patient, status=AdmissionStatus.ADMITTED,
                              condition=Condition.HYPONATRAEMIA, provider=Provider.MBE,
                              admitted_at=local_datetime(day, time(8)))
        session.add(admission)
        session.flush()
        return admission.id
