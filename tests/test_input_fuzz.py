"""Issue 15's property, for every input document and command, on SQLite and PostgreSQL:
generated input is admitted cleanly or refused with exit 2 (or 3) naming the field, never exit 1,
never a traceback, never a CPR in what is printed, and nothing written on refusal.

The number of generated cases per test is ``EWARD_FUZZ_EXAMPLES`` (default 60 in CI; the
benchmark run sets 10000: see docs/benchmarks.md).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from console.cli import main
from console.models import Admission, AuditEvent, Escalation, Patient, Regimen, Visit
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from tests.factories import DOCTOR, referral, with_changes
from tests.test_input_documents import escalation
from tests.test_input_trust import CPR, with_one_patient

EXAMPLES = int(os.environ.get("EWARD_FUZZ_EXAMPLES", "60"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES < 1000,
                suppress_health_check=list(HealthCheck))

# Text as people (and scripts) write it: any Unicode, NUL and other controls, very long text.
nasty_text = (st.text(max_size=40)
              | st.text(st.characters(codec="utf-8"), max_size=20)
              | st.sampled_from(["", " ", "\x00", "a\x00b", "\ud800", "x" * 129, "y" * 201,
                                 "z" * 100_000, "０１０１５０-１２３４", "٠١٠١٥٠-١٢٣٤", "-4 g", "0",
                                 "lots", "4 g", "1,5 g", "1e9 g", "2020-01-01", "9999-12-31",
                                 "2026-11-23T10:00:00+01:00", "2001-01-01T10:00:00+01:00"]))
any_value = st.none() | st.booleans() | st.integers(-10**7, 10**7) | st.floats() | nasty_text
any_json = st.recursive(any_value, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(nasty_text, inner, max_size=3), max_leaves=5)

REFERRAL_PATHS = ["patient.cpr", "patient.name", "patient.address", "patient.municipality",
                  "patient.phone", "patient.gp", "patient.relatives", "patient.lat",
                  "admitted_at", "responsible_doctor", "condition", "consent", "consent.at",
                  "provider", "planned_end", "regimen", "regimen.0.dose", "regimen.0.drug",
                  "regimen.0.days", "regimen.0.doses_per_day", "regimen.0.dose_times",
                  "regimen.0.start", "regimen.0.iv_access_remove_by", "referred_by", "tariff",
                  "crp_day", "condition_text", "medication_list_updated", "dosetimes", "lat"]
ESCALATION_PATHS = ["category", "severity", "caller", "caller.name", "caller.phone", "cpr",
                    "admission_id", "municipality", "received_at", "text", "routed_to",
                    "route_override_reason", "caler"]
TABLES = (Admission, Patient, Regimen, Visit, Escalation, AuditEvent)


class Fingerprint:
    """Row counts of the tables an input could write, and the sum of visit versions: equal
    before and after a refusal means nothing was written. One connection per test, not per
    case (the benchmark run makes 10,000 cases)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.db = open_ward(url, migrate=False)
        counts = [select(func.count()).select_from(t).scalar_subquery() for t in TABLES]
        versions = select(func.coalesce(func.sum(Visit.version), 0)).scalar_subquery()
        self.query = select(*counts, versions)

    def __call__(self) -> tuple[int, ...]:
        with read_only(self.db) as s:
            return tuple(int(v or 0) for v in s.execute(self.query).one())


def changes(paths: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(paths), any_json, max_size=3)


def check(capsys: pytest.CaptureFixture[str], fingerprint: Fingerprint, before: tuple[int, ...],
          code: int, log: pytest.LogCaptureFixture) -> None:
    captured = capsys.readouterr()
    said = captured.out + captured.err + log.text  # what was printed and logged
    assert "Traceback" not in said
    assert CPR not in said
    assert CPR.replace("-", "") not in said
    assert code in (0, 2, 3), said
    if code != 0:
        error = json.loads(captured.out)["error"]
        assert error["code"]
        assert error["message"]
        assert error["field"], error
        assert fingerprint() == before  # nothing written


@pytest.fixture
def ward(db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    return with_one_patient(capsys, db_url, tmp_path)


@pytest.fixture
def counted(ward: str) -> Iterator[Fingerprint]:
    fingerprint = Fingerprint(ward)
    yield fingerprint
    fingerprint.db.dispose()


def mutated(base: dict[str, Any], edits: dict[str, Any]) -> Any:
    try:
        return with_changes(base, **edits)
    except (KeyError, TypeError, IndexError, ValueError):  # a path under a replaced subtree
        return base


def cli(url: str, user: str, *argv: str) -> int:
    return main(["--database", url, "--user", user, *argv, "--json"])


@fuzz
@given(edits=changes(REFERRAL_PATHS), serial=st.integers(1000, 9999))
def test_generated_referrals_on_both_databases(capsys: pytest.CaptureFixture[str], ward: str,
                                               counted: Fingerprint, tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture,
                                               edits: dict[str, Any], serial: int) -> None:
    base = referral(**{"patient.cpr": f"020250-{serial}"})
    base["patient"]["cpr"] = CPR if "patient.cpr" in edits and serial % 7 == 0 else base[
        "patient"]["cpr"]  # now and then the admitted patient again (R-ONE-ACTIVE)
    before = counted()
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(mutated(base, edits), ensure_ascii=False), encoding="utf-8",
                    errors="surrogatepass")
    check(capsys, counted, before, cli(ward, DOCTOR, "admit", str(path)), caplog)


@fuzz
@given(edits=changes(ESCALATION_PATHS))
def test_generated_escalations_on_both_databases(capsys: pytest.CaptureFixture[str], ward: str,
                                                 counted: Fingerprint, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture,
                                                 edits: dict[str, Any]) -> None:
    before = counted()
    path = tmp_path / "escalation.json"
    path.write_text(json.dumps(mutated(escalation(), edits), ensure_ascii=False),
                    encoding="utf-8", errors="surrogatepass")
    check(capsys, counted, before, cli(ward, "NUR", "escalate", str(path)), caplog)


def _option(name: str, values: st.SearchStrategy[Any]) -> st.SearchStrategy[list[str]]:
    """Absent, or ``--name=value`` (so a value such as "-4 g" is never read as an option)."""
    return st.one_of(st.just([]), values.map(lambda v: [f"{name}={v}"]))


def _required(name: str, values: st.SearchStrategy[Any]) -> st.SearchStrategy[list[str]]:
    return values.map(lambda v: [f"{name}={v}"])


def _argv(*options: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*options).map(lambda parts: [a for part in parts for a in part])


_when = nasty_text | st.sampled_from(["2026-12-31T08:00:00+01:00", "2099-01-01T00:00:00+01:00"])
COMMANDS: dict[str, Callable[[], st.SearchStrategy[list[str]]]] = {
    "regimen change": lambda: _argv(
        _required("--from", _when), _option("--dose", nasty_text),
        _option("--doses-per-day", st.integers(-3, 9)), _option("--dose-times", nasty_text),
        _option("--end-date", nasty_text)),
    "visit done": lambda: _argv(
        _option("--at", _when), _required("--minutes", st.integers(-5, 700)),
        _option("--note", nasty_text), _option("--by", nasty_text),
        _option("--crp", st.floats(allow_nan=False, allow_infinity=False))),
    "visit missed": lambda: _argv(_required("--reason", nasty_text)),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@fuzz
@given(data=st.data())
def test_generated_command_options_on_both_databases(
        capsys: pytest.CaptureFixture[str], ward: str, counted: Fingerprint,
        caplog: pytest.LogCaptureFixture, command: str, data: st.DataObject) -> None:
    argv = data.draw(COMMANDS[command]())
    before = counted()
    words = command.split()
    target = "1"  # the admitted patient's first regimen line / first visit
    check(capsys, counted, before, cli(ward, DOCTOR, *words, target, *argv), caplog)
