"""Shared pieces for the benchmarks: throw-away databases, a synthetic ward, timing statistics.

Everything generated here is synthetic (made-up names and CPR-like numbers); nothing resembles a
real patient. The bulk load uses Core/ORM bulk ``INSERT`` statements (``session.execute(insert(
Model), rows)``), which bypass the audit/change-feed flush hook: fine for a benchmark, never for
the console itself.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from console.db import Database
from console.models import (
    AdministrationSystem,
    Admission,
    AdmissionStatus,
    Condition,
    Delivery,
    DeliveryStatus,
    Escalation,
    EscalationCategory,
    IvAccess,
    LabResult,
    Municipality,
    Patient,
    Provider,
    Regimen,
    RegimenKind,
    RoutedTo,
    Severity,
    Visit,
    VisitKind,
    VisitStatus,
)
from console.services.core.ward import open_ward
from console.timeutil import local_date, now_utc, ward_day_bounds

CHUNK = 5_000
FIRST_NAMES = ("Anna", "Bent", "Carla", "Dorte", "Erik", "Frida", "Gunnar", "Hanne", "Ib", "Jytte",
               "Karl", "Lise", "Mogens", "Nina", "Ole", "Pia", "Rasmus", "Sofie", "Tage", "Ulla")
LAST_NAMES = ("Testesen", "Prøvesen", "Eksempel", "Demodal", "Fiktivsen", "Opdigtet", "Skæring",
              "Modelberg", "Prototyp", "Syntetisk")
ANTIBIOTICS = (("Piperacillin/Tazobactam", "4 g"), ("Cefuroxim", "1.5 g"),
               ("Meropenem", "1 g"), ("Ampicillin", "2 g"))


# -- machine ---------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "machine": platform.machine(),
    }


# -- throw-away databases ----------------------------------------------------------------------


@contextmanager
def sqlite_database(keep: bool = False) -> Iterator[str]:
    """A fresh SQLite file URL in a temporary directory (removed afterwards unless ``keep``)."""
    directory = Path(tempfile.mkdtemp(prefix="eward-bench-"))
    path = directory / "eward.sqlite"
    try:
        yield f"sqlite:///{path}"
    finally:
        if keep:
            print(f"kept {path}", file=sys.stderr)
        else:
            for child in directory.iterdir():
                child.unlink()
            directory.rmdir()


@contextmanager
def postgres_database(server_url: str, keep: bool = False) -> Iterator[str]:
    """Create a throw-away database on the server (as tests/conftest.py does); drop it after."""
    name = f"eward_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(server_url).set(drivername="postgresql+psycopg"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        if keep:
            print(f"kept PostgreSQL database {name}", file=sys.stderr)
        else:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# -- the synthetic ward ------------------------------------------------------------------------


@dataclass(frozen=True)
class WardSize:
    patients: int
    visits: int

    @property
    def label(self) -> str:
        return f"{self.patients:,} patients / {self.visits:,} visits"


@dataclass
class LoadCounts:
    patients: int = 0
    admissions: int = 0
    regimens: int = 0
    visits: int = 0
    lab_results: int = 0
    escalations: int = 0
    deliveries: int = 0


def _cpr(i: int) -> str:
    """A CPR-shaped, unique, obviously synthetic number (serial = patient index)."""
    dd, mm, yy = 1 + i % 28, 1 + (i // 28) % 12, 30 + (i // 336) % 60
    return f"{dd:02d}{mm:02d}{yy:02d}-{i % 10_000:04d}"


def _bulk(session: Session, model: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(model), list(rows[start:start + CHUNK]))


def load_ward(db: Database, size: WardSize, day: date, seed: int = 20_261_122) -> LoadCounts:
    """Admit ``size.patients`` patients on ``day`` with ``size.visits`` visits spread over their
    courses, plus regimens, CRP results, escalations and deliveries. One transaction."""
    if size.patients > 20_000:
        raise ValueError("at most 20,000 synthetic patients (CPR-shaped numbers must be unique)")
    rnd = random.Random(seed)
    day_start, _ = ward_day_bounds(day)
    now = now_utc()
    counts = LoadCounts()
    with db.session(write=True) as session, session.begin():
        munis = list(session.scalars(select(Municipality.id)))
        patient_rows = []
        for i in range(size.patients):
            muni = rnd.choice(munis)
            patient_rows.append({
                "id": i + 1, "cpr": _cpr(i),
                "name": f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)} {i:05d}",
                "address": f"Benchmarkvej {i % 200 + 1}", "municipality_id": muni,
                "lat": 55.0 + rnd.random(), "lon": 11.0 + rnd.random(),
                "location_approximate": True, "version": 1,
            })
        _bulk(session, Patient, patient_rows)
        counts.patients = len(patient_rows)

        admissions, regimens = [], []
        courses: list[tuple[int, datetime, datetime]] = []  # admission id, admitted, course end
        for i in range(size.patients):
            adm_id = i + 1
            admitted_at = day_start - timedelta(days=rnd.randint(0, 20), hours=rnd.randint(-8, 8))
            admitted_at = min(admitted_at, now - timedelta(minutes=5))
            first_day = local_date(admitted_at)
            planned_end = day + timedelta(days=rnd.randint(1, 10))
            admissions.append({
                "id": adm_id, "patient_id": i + 1, "status": AdmissionStatus.ADMITTED,
                "admitted_at": admitted_at, "condition": rnd.choice(list(Condition)),
                "provider": rnd.choice(list(Provider)), "planned_end": planned_end,
                "crp_day": 3, "consent_written": True, "medication_list_updated": True,
                "version": 1,
            })
            drug, dose = rnd.choice(ANTIBIOTICS)
            regimens.append({
                "admission_id": adm_id, "kind": RegimenKind.ANTIBIOTIC, "drug": drug,
                "dose": dose, "doses_per_day": 3, "dose_times": "08:00,15:00,22:00",
                "system": AdministrationSystem.ELASTOMERIC_PUMP, "iv_access": IvAccess.PICC,
                "start_date": first_day, "end_date": planned_end, "doses_sent": 21,
                "first_dose_given_in_hospital": True, "version": 1,
            })
            if rnd.random() < 0.3:
                regimens.append({
                    "admission_id": adm_id, "kind": RegimenKind.FLUID, "drug": "NaCl 0.9 %",
                    "dose": "1000 ml", "doses_per_day": 1, "dose_times": "10:00",
                    "system": AdministrationSystem.CODAN_MIX_ADD, "iv_access": IvAccess.PVK,
                    "start_date": first_day, "end_date": first_day + timedelta(days=3),
                    "doses_sent": 3, "first_dose_given_in_hospital": False, "version": 1,
                })
            course_end = ward_day_bounds(planned_end)[1]
            courses.append((adm_id, admitted_at, course_end))
        _bulk(session, Admission, admissions)
        _bulk(session, Regimen, regimens)
        counts.admissions, counts.regimens = len(admissions), len(regimens)

        visits: list[dict[str, Any]] = []
        per, extra = divmod(size.visits, size.patients)
        for n, (adm_id, admitted_at, course_end) in enumerate(courses):
            k = per + (1 if n < extra else 0)
            step = (course_end - admitted_at) / max(k, 1)
            for j in range(k):
                start = admitted_at + step * j
                end = start + timedelta(hours=2)
                status = VisitStatus.DONE if end < now else VisitStatus.PLANNED
                if status is VisitStatus.DONE and rnd.random() < 0.02:
                    status = VisitStatus.MISSED
                visits.append({
                    "admission_id": adm_id, "kind": VisitKind.IV_DOSE,
                    "provider": Provider.MBE if j % 2 else Provider.MUNICIPALITY,
                    "window_start": start, "window_end": end, "service_minutes": 30,
                    "status": status, "pinned": False, "version": 1,
                })
            if len(visits) >= 20_000:
                _bulk(session, Visit, visits)
                counts.visits += len(visits)
                visits.clear()
        _bulk(session, Visit, visits)
        counts.visits += len(visits)

        labs, escalations, deliveries = [], [], []
        for adm_id, admitted_at, _end in courses:
            if rnd.random() < 0.7:
                for d in range(rnd.randint(1, 3)):
                    taken = admitted_at + timedelta(days=2 * d + 2, hours=1)
                    if taken < now:
                        labs.append({"admission_id": adm_id, "analysis": "crp",
                                     "value": rnd.uniform(5, 250), "unit": "mg/L",
                                     "taken_at": taken})
            if rnd.random() < 0.3:
                received = max(admitted_at, now - timedelta(hours=rnd.randint(1, 72)))
                resolved = rnd.random() < 0.5
                escalations.append({
                    "admission_id": adm_id, "municipality_id": rnd.choice(munis),
                    "caller_name": "Kommunal sygeplejerske", "text": "",
                    "category": rnd.choice(list(EscalationCategory)),
                    "severity": rnd.choice(list(Severity)), "received_at": received,
                    "routed_to": rnd.choice(list(RoutedTo)),
                    "resolved_at": received + timedelta(minutes=30) if resolved else None,
                    "version": 1,
                })
            for d in range(rnd.randint(1, 2)):
                due = admitted_at + timedelta(days=6 + 7 * d)
                delivered = due < now
                deliveries.append({
                    "admission_id": adm_id, "due_by": due,
                    "status": DeliveryStatus.DELIVERED if delivered else DeliveryStatus.REQUESTED,
                    "contents": "Antibiotika 7 døgn", "days_covered": 7,
                    "delivered_at": due - timedelta(hours=2) if delivered else None,
                    "needs_review": False, "version": 1,
                })
        _bulk(session, LabResult, labs)
        _bulk(session, Escalation, escalations)
        _bulk(session, Delivery, deliveries)
        counts.lab_results, counts.escalations = len(labs), len(escalations)
        counts.deliveries = len(deliveries)
    if db.backend == "postgresql":
        # Explicit ids were inserted: move the sequences past them for any later ORM insert.
        with db.engine.begin() as conn:
            for table in ("patient", "admission"):
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"))
            conn.execute(text("ANALYZE"))  # what autovacuum does soon after a bulk load
    return counts


def open_fresh(url: str) -> Database:
    """Migrate a fresh database (as a desk does at start) and return it."""
    return open_ward(url)


# -- timing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    samples_ms: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p90(self) -> float:
        ordered = sorted(self.samples_ms)
        # nearest-rank p90: the value 90 % of samples are at or below
        return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]

    @property
    def min(self) -> float:
        return min(self.samples_ms)

    def as_dict(self) -> dict[str, float]:
        return {"median_ms": round(self.median, 2), "p90_ms": round(self.p90, 2),
                "min_ms": round(self.min, 2)}


def time_calls(fn: Callable[[], object], repeat: int, warmup: int = 1) -> Timing:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(tuple(samples))
