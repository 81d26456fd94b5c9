"""Thousands of generated referrals: a clean admission, or a rule code + field and nothing
written; never a crash, never a partial write (issue #3's property)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from console.cli import main
from console.db import Database
from console.models import Admission, AuditEvent, Delivery, Patient, Regimen, Relative, Visit
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from tests.factories import add_ward_staff, referral, with_changes

TABLES = (Admission, Patient, Regimen, Visit, Delivery, Relative, AuditEvent)

any_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 30) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                       children, max_size=3),
    max_leaves=6,
)
times = st.lists(st.sampled_from(["06:00", "07:00", "08:00", "12:00", "15:00", "17:00", "22:00",
                                  "23:00", "23:30", "25:00", "8"]), max_size=5)
mutations: dict[str, st.SearchStrategy[Any]] = {
    "patient.cpr": st.sampled_from(["010150-1234", "311299-1234", "241111-4000", "010110-4321",
                                    "300250-1234", "0101501234", "abc"]) | st.text(max_size=11),
    "patient.municipality": st.sampled_from(["Sorø", "Næstved", "Holbæk", "Odense", ""]),
    "patient.name": st.text(max_size=20),
    "admitted_at": st.sampled_from(["2026-11-23T10:00:00+01:00", "2026-11-23T22:50:00+01:00",
                                    "2026-03-29T02:30:00+01:00", "2026-10-25T02:30:00+02:00",
                                    "2026-11-23T10:00:00", "yesterday"]),
    "responsible_doctor": st.sampled_from(["DOC", "NUR", "", "XYZ"]),
    "condition": st.sampled_from(["pneumonia", "uti", "dehydration", "other", "flu"]),
    "provider": st.sampled_from(["municipality", "mbe", "gp"]),
    "planned_end": st.sampled_from(["2026-11-29", "2026-11-20", "2027-01-31", "nope", None]),
    "consent.written_info_given": st.booleans() | st.none(),
    "consent.at": st.sampled_from(["2026-11-23T09:00:00+01:00", "2026-11-24T09:00:00+01:00"]),
    "regimen.0.kind": st.sampled_from(["antibiotic", "fluid", "tablet"]),
    "regimen.0.doses_per_day": st.integers(-1, 6) | st.text(max_size=2),
    "regimen.0.dose_times": times | st.none(),
    "regimen.0.system": st.sampled_from(["codan_mix_add", "elastomeric_pump", "cadd_pump",
                                         "divibax", "gravity"]),
    "regimen.0.iv_access": st.sampled_from(["pvk", "cvk", "picc", "midline", "vip", "none"]),
    "regimen.0.start": st.sampled_from(["2026-11-23", "2026-11-22", "2026-12-31", "2026-11-24"]),
    "regimen.0.days": st.integers(-2, 40),
    "regimen.0.infusion_minutes": st.integers(0, 90),
    "crp_day": st.integers(0, 6) | st.none(),
    "tariff": st.sampled_from(["AB", "FLUID", "ABPUMP4X", "NOPE", None]),
    "regimen": any_json,
    "patient": any_json,
}


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, str]]:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite"
    url = f"sqlite:///{path}"
    db = open_ward(url)
    add_ward_staff(db)
    yield db, url
    db.dispose()


def _counts(db: Database) -> tuple[int, ...]:
    with read_only(db) as s:
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES)


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=st.dictionaries(st.sampled_from(sorted(mutations)), st.none(), max_size=4)
       .flatmap(lambda keys: st.fixed_dictionaries({k: mutations[k] for k in keys})),
       garbage=st.booleans(), cpr_serial=st.integers(1000, 9999))
def test_generated_referrals_admit_cleanly_or_exit_2_with_rule_and_field(
        fuzz_db: tuple[Database, str], tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str], changes: dict[str, Any], garbage: bool,
        cpr_serial: int) -> None:
    db, url = fuzz_db
    base = referral(**{"patient.cpr": f"010150-{cpr_serial}"})
    try:
        doc: Any = with_changes(base, **changes)
    except (KeyError, TypeError, IndexError, ValueError):  # a mutation under a replaced subtree
        doc = base
    if garbage:
        doc = {"patient": doc.get("patient"), "regimen": doc.get("regimen")}
    path = Path(tmp_path_factory.getbasetemp()) / "referral.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = _counts(db)
    code = main(["admit", str(path), "--database", url, "--user", "DOC", "--json"])
    out = capsys.readouterr().out
    payload = json.loads(out)
    after = _counts(db)
    event("admitted" if code == 0 else f"refused: {payload.get('error', {}).get('code')}")
    if code == 0:
        assert after[0] == before[0] + 1
        assert payload["visits"]
        assert payload["visits"][0]["kind"] in {"first_visit", "iv_dose", "blood_sample"}
    else:
        assert code == 2, payload
        error = payload["error"]
        assert error["code"] == "INPUT" or error["code"].startswith("R-"), error
        assert error["field"], error
        assert error["message"], error
        assert after == before  # nothing written
