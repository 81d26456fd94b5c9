"""Soak: N desks (processes) doing a desk's typical work for M minutes on one PostgreSQL database.

Builds a throw-away PostgreSQL database on the given server (created and dropped, as
``bench/census_load.py`` does), migrates it, seeds the demo ward for today and creates today's
ward rounds. Then ``--desks`` processes, each signed in as a demo staff member with the right
role, work through the services for ``--minutes``:

- every desk reads the census;
- e-nurses register visits done, log, acknowledge and resolve escalations, move deliveries on
  and prepare the hot ward rounds (append a line to the round's preparation notes);
- e-doctors append to the hot rounds' plan, acknowledge and resolve escalations, register
  visits and sign other rounds (when R-CRP3 refuses, a rule refusal, the doctor signs that
  round next time with the reason another day is chosen);
- dispatchers register visits; logistics move deliveries on and order new ones.

Each edit is a screen load (one read-only unit of work), a short "think" pause, then the write
(one unit of work) carrying the version it was based on, so desks that pick the same row get
``Conflict``. Desks choose among the first few rows of a list, as people working the top of the
same screen do, and all appends go to two shared rounds, so conflicts are frequent by design.

Lost updates are looked for two ways at the end: every appended line a desk was told was saved
must be in the round (each line is tagged with its desk and number), and for every row the
desks edited, the growth of its version counter must equal the number of acknowledged edits
(fewer: an acknowledged edit vanished; more: an edit landed that nobody was told about).

    .venv/bin/python -m bench.soak --desks 4 --minutes 1
    .venv/bin/python -m bench.soak --minutes 0.5          # a quick run

Prints one JSON document and then a table; progress goes to stderr. Exit status 1 when any
update was lost or any operation failed unexpectedly. ``--without-version-check`` is the
check's self-test: the services' version checks are switched off in the desk processes, the
appends overwrite each other, and the run must report lost updates.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench._common import machine, postgres_database
from console.db import Database
from console.models import (
    Delivery,
    DeliveryStatus,
    Escalation,
    EscalationCategory,
    ResolveAction,
    RoundDecision,
    Severity,
    Visit,
    WardRound,
)
from console.services.core.errors import Conflict, Forbidden, ServiceError
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course import visits
from console.services.course.census import load_census
from console.services.demo.seed import seed_demo
from console.services.escalations import escalations
from console.services.escalations.escalations import EscalationInput
from console.services.logistics import deliveries as logistics
from console.services.logistics.packing import PackLine
from console.services.rounds import rounds
from console.services.rounds.rounds import RoundNote
from console.timeutil import now_utc, today_local

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1/postgres"
HOT_ROUNDS = 2
TOP_ROWS = 5  # desks pick among the first rows of a list
START_TIMEOUT_S = 120.0
LINE = re.compile(r"\[soak d(\d+) #(\d+)\]")
TRACKED: dict[str, Any] = {"visit": Visit, "escalation": Escalation, "delivery": Delivery,
           "ward_round": WardRound}
OPEN_DELIVERY = (DeliveryStatus.REQUESTED, DeliveryStatus.PACKED, DeliveryStatus.OUT)
NEXT_STATUS = {"requested": DeliveryStatus.PACKED, "packed": DeliveryStatus.OUT,
               "out": DeliveryStatus.DELIVERED}

# Desk k signs in as DESKS[k % len(DESKS)] (the demo seed's staff, console/services/demo/data.py).
# Four desks are two e-nurses (who append to the same preparation notes), an e-doctor and
# logistics; the dispatcher comes in at five.
DESKS: tuple[tuple[str, str], ...] = (
    ("LDA", "e_nurse"), ("HLM", "e_doctor"), ("PKR", "e_nurse"), ("BRI", "logistics"),
    ("KNY", "dispatcher"), ("BKJ", "e_doctor"), ("RBA", "e_nurse"), ("DSK", "logistics"),
)
# What each role does, with weights (one action = a screen load and, usually, one write).
MIXES: dict[str, tuple[tuple[str, int], ...]] = {
    "e_nurse": (("census", 2), ("register_visit", 3), ("log_escalation", 1), ("acknowledge", 2),
                ("resolve", 1), ("delivery_status", 1), ("round_prep_append", 3)),
    "e_doctor": (("census", 2), ("round_note_append", 3), ("acknowledge", 2), ("resolve", 1),
                 ("register_visit", 1), ("sign_round", 1)),
    "dispatcher": (("census", 3), ("register_visit", 5)),
    "logistics": (("census", 2), ("delivery_status", 5), ("create_delivery", 1)),
}


# -- one desk (runs in its own process) ----------------------------------------------------------


@dataclass
class KindStats:
    ok: int = 0
    conflict: int = 0
    refused: int = 0
    error: int = 0
    ms: list[float] = field(default_factory=list)


class Desk:
    """A person at a desk: loads screens and saves edits through the services, and keeps score."""

    def __init__(self, index: int, initials: str, role: str, db: Database, day: date,
                 hot_rounds: tuple[int, ...], think_ms: float, seed: int) -> None:
        self.index, self.initials, self.role = index, initials, role
        self.db, self.day, self.hot_rounds = db, day, hot_rounds
        self.think_s = think_ms / 1000
        self.rnd = random.Random(seed * 1000 + index)
        self.stats: dict[str, KindStats] = {}
        self.updates: Counter[tuple[str, int]] = Counter()  # acknowledged edits per row
        self.lines: list[str] = []  # acknowledged appended lines
        self.refusals: Counter[str] = Counter()  # rule id / error code → count
        self.errors: list[str] = []  # first few unexpected errors
        self.visit_day = day
        self.seq = 0
        self.admissions: list[int] = []
        self.last_refusal: str | None = None
        self.crp_refused: set[int] = set()  # rounds R-CRP3 refused to sign without a reason

    # -- timing and outcome ------------------------------------------------------------------

    def _timed(self, kind: str, write: bool, fn: Callable[[Session], Any]) -> tuple[bool, Any]:
        stats = self.stats.setdefault(kind, KindStats())
        started = time.perf_counter()
        outcome, result = "ok", None
        try:
            with unit_of_work(self.db, self.initials, write=write) as session:
                result = fn(session)
        except Conflict:
            outcome = "conflict"
        except Forbidden as exc:  # every desk acts within its role: this is a bug
            outcome = "error"
            self._note_error(kind, exc)
        except ServiceError as exc:
            outcome = "refused"
            self.last_refusal = getattr(exc, "rule_id", None) or exc.code
            self.refusals[f"{kind}:{self.last_refusal}"] += 1
        except Exception as exc:
            outcome = "error"
            self._note_error(kind, exc)
        stats.ms.append((time.perf_counter() - started) * 1000)
        setattr(stats, outcome, getattr(stats, outcome) + 1)
        return outcome == "ok", result

    def _note_error(self, kind: str, exc: BaseException) -> None:
        if len(self.errors) < 10:
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            self.errors.append(f"{kind}: {type(exc).__name__}: {first}")

    def read(self, kind: str, fn: Callable[[Session], Any]) -> Any:
        ok, result = self._timed(kind, False, fn)
        return result if ok else None

    def write(self, kind: str, fn: Callable[[Session], Any],
              touched: tuple[tuple[str, int], ...] = ()) -> bool:
        ok, _ = self._timed(kind, True, fn)
        if ok:
            self.updates.update(touched)
        return ok

    def think(self) -> None:
        time.sleep(self.rnd.uniform(0, self.think_s))

    def pick(self, rows: Sequence[Any]) -> Any:
        return self.rnd.choice(list(rows[:TOP_ROWS]))

    # -- actions -----------------------------------------------------------------------------

    def census(self) -> None:
        snapshot = self.read("census", lambda s: load_census(s, self.day))
        if snapshot is not None:
            self.admissions = [r.admission_id for r in snapshot.rows]

    def register_visit(self) -> None:
        day = self.visit_day
        rows = self.read("visits_list", lambda s: visits.list_visits(s, day))
        if rows is None:
            return
        planned = [v for v in rows if v.status == "planned"]
        if not planned:  # the day is done: work on the next one
            self.visit_day = day + timedelta(days=1) if day < self.day + timedelta(days=14) \
                else self.day
            return
        v = self.pick(planned)
        self.think()
        self.write("register_visit", lambda s: visits.register_visit_done(
            s, v.id, performed_at=now_utc(), minutes=30, observations="Dose given (soak).",
            expected_version=v.version), (("visit", v.id),))

    def log_escalation(self) -> None:
        if not self.admissions:
            self.census()
            if not self.admissions:
                return
        data = EscalationInput(
            category=self.rnd.choice((EscalationCategory.MISSING_SUPPLIES,
                                      EscalationCategory.PROCEDURE_QUESTION,
                                      EscalationCategory.IV_ACCESS_PROBLEM)),
            severity=self.rnd.choice((Severity.TODAY, Severity.ROUTINE)),
            caller_name="Kommunal sygeplejerske", admission_id=self.rnd.choice(self.admissions),
            text="Call logged by the soak test.")
        self.write("log_escalation", lambda s: escalations.log_escalation(s, data))

    def _open_escalations(self) -> list[Any] | None:
        result: list[Any] | None = self.read(
            "escalations_list", lambda s: escalations.list_escalations(s, open_only=True))
        return result

    def acknowledge(self) -> None:
        rows = self._open_escalations()
        waiting = [e for e in rows or () if e.acknowledged_at is None]
        if not waiting:
            return
        e = self.pick(waiting)
        self.think()
        self.write("acknowledge", lambda s: escalations.acknowledge(s, e.id),
                   (("escalation", e.id),))

    def resolve(self) -> None:
        rows = self._open_escalations()
        acknowledged = [e for e in rows or () if e.acknowledged_at is not None]
        if not acknowledged:
            return
        e = self.pick(acknowledged)
        self.think()
        self.write("resolve", lambda s: escalations.resolve(
            s, e.id, action=ResolveAction.ADVICE_GIVEN, note="Advice given by phone (soak)."),
            (("escalation", e.id),))

    def delivery_status(self) -> None:
        rows = self.read("deliveries_list", lambda s: logistics.list_deliveries(
            s, Delivery.status.in_(OPEN_DELIVERY)))
        if not rows:
            return
        d = self.pick(rows)
        status = NEXT_STATUS[d.status]
        self.think()
        self.write("delivery_status", lambda s: logistics.set_status(
            s, d.id, status, expected_version=d.version), (("delivery", d.id),))

    def create_delivery(self) -> None:
        if not self.admissions:
            self.census()
            if not self.admissions:
                return
        admission = self.rnd.choice(self.admissions)
        items = [PackLine(None, "NaCl 0.9 % 10 ml flush", 10)]
        self.write("create_delivery", lambda s: logistics.create_delivery(s, admission,
                                                                          items=items))

    def _rounds(self) -> list[Any] | None:
        result = self.read("rounds_list", lambda s: rounds.list_rounds(s, self.day))
        return list(result.rows) if result is not None else None

    def _next_line(self) -> str:
        self.seq += 1
        return f"[soak d{self.index} #{self.seq}]"

    def round_prep_append(self) -> None:
        rows = [r for r in self._rounds() or () if r.round_id in self.hot_rounds]
        if not rows:
            return
        r = self.rnd.choice(rows)
        line = self._next_line()
        notes = f"{r.prep_notes}\n{line}" if r.prep_notes else line
        self.think()
        if self.write("round_prep_append", lambda s: rounds.prepare_round(
                s, r.round_id, prep_notes=notes, expected_version=r.version),
                (("ward_round", r.round_id),)):
            self.lines.append(line)

    def round_note_append(self) -> None:
        rows = [r for r in self._rounds() or () if r.round_id in self.hot_rounds]
        if not rows:
            return
        r = self.rnd.choice(rows)
        line = self._next_line()
        note = RoundNote(participants=r.participants, subjective=r.subjective,
                         objective=r.objective, assessment=r.assessment,
                         plan=f"{r.plan}\n{line}" if r.plan else line)
        self.think()
        if self.write("round_note_append", lambda s: rounds.save_round_note(
                s, r.round_id, note, expected_version=r.version),
                (("ward_round", r.round_id),)):
            self.lines.append(line)

    def sign_round(self) -> None:
        """Sign a round; when R-CRP3 refuses (CRP day, no CRP on file), the doctor signs it
        next time with the reason another day is chosen, as the console asks."""
        rows = [r for r in self._rounds() or ()
                if r.round_id not in self.hot_rounds and r.status != "signed"]
        if not rows:
            return
        r = self.pick(rows)
        note = RoundNote(participants=r.participants, subjective=r.subjective,
                         objective=r.objective, assessment="Stable, afebrile (soak).",
                         plan=r.plan or "Continue the IV course.")
        reason = ("CRP with tomorrow's blood sample (soak)." if r.round_id in self.crp_refused
                  else None)
        self.think()
        self.last_refusal = None
        if not self.write("sign_round", lambda s: rounds.sign_round(
                s, r.round_id, decision=RoundDecision.CONTINUE, note=note,
                crp_other_day_reason=reason, expected_version=r.version),
                (("ward_round", r.round_id),)) and self.last_refusal == "R-CRP3":
            self.crp_refused.add(r.round_id)

    # -- the loop ----------------------------------------------------------------------------

    def work(self, seconds: float) -> None:
        names, weights = zip(*MIXES[self.role], strict=True)
        actions = [getattr(self, name) for name in names]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.rnd.choices(actions, weights)[0]()

    def report(self) -> dict[str, Any]:
        return {
            "desk": self.index, "initials": self.initials, "role": self.role,
            "stats": {k: {"ok": s.ok, "conflict": s.conflict, "refused": s.refused,
                          "error": s.error, "ms": s.ms} for k, s in self.stats.items()},
            "updates": [[t, i, n] for (t, i), n in self.updates.items()],
            "lines": self.lines, "refusals": dict(self.refusals), "errors": self.errors,
        }


def _switch_off_version_checks() -> None:
    """Self-test only (``--without-version-check``): edits ignore the version they were based
    on, so concurrent appends overwrite each other and the lost-update check must find it."""
    def ignore(*_args: Any) -> None:
        return None

    for module in (rounds, visits, logistics):
        module.check_version = ignore  # type: ignore[attr-defined]


def desk_main(index: int, url: str, day_iso: str, hot_rounds: tuple[int, ...], seconds: float,
              think_ms: float, seed: int, start: Any, results: Any,
              version_checks: bool = True) -> None:
    """One desk process: open the database, say ready, wait for the start, work, report."""
    try:
        if not version_checks:
            _switch_off_version_checks()
        initials, role = DESKS[index % len(DESKS)]
        db = open_ward(url, migrate=False)
        try:
            desk = Desk(index, initials, role, db, date.fromisoformat(day_iso), hot_rounds,
                        think_ms, seed)
            desk.census()  # the screen a desk opens first
            desk.stats.clear()
            results.put(("ready", index, None))
            if not start.wait(START_TIMEOUT_S):
                raise TimeoutError("the soak never started")
            desk.work(seconds)
            results.put(("done", index, desk.report()))
        finally:
            db.dispose()
    except BaseException:
        results.put(("failed", index, traceback.format_exc()))


# -- the run -------------------------------------------------------------------------------------


def _versions(db: Database) -> dict[tuple[str, int], int]:
    with read_only(db) as session:
        return {(table, row_id): version
                for table, model in TRACKED.items()
                for row_id, version in session.execute(select(model.id, model.version))}


def prepare(db: Database, seed: int) -> tuple[date, tuple[int, ...], dict[str, int]]:
    """Demo ward for today, today's rounds; the hot rounds are the first two of the list."""
    day = today_local()
    with unit_of_work(db, "system") as session:
        summary = seed_demo(session, day=day, seed=seed)
    with unit_of_work(db, "LDA") as session:
        rounds.ensure_rounds(session, day)
    with read_only(db) as session:
        listed = rounds.list_rounds(session, day).rows
        unsigned = [r.round_id for r in listed if r.status != "signed"]
    if len(unsigned) < HOT_ROUNDS + 1:
        raise SystemExit("the demo ward has too few unsigned rounds today")
    counts = {k: v for k, v in summary.items() if isinstance(v, int) and not isinstance(v, bool)}
    counts["rounds_today"] = len(listed)
    return day, tuple(unsigned[:HOT_ROUNDS]), counts


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (the value q % of the samples are at or below)."""
    ordered = sorted(samples)
    return ordered[max(0, -(-len(ordered) * int(q) // 100) - 1)] if ordered else 0.0


def verify(db: Database, reports: list[dict[str, Any]], before: dict[tuple[str, int], int],
           hot_rounds: tuple[int, ...]) -> dict[str, Any]:
    """Look for lost updates: appended lines and version growth against acknowledged edits."""
    after = _versions(db)
    acked: Counter[tuple[str, int]] = Counter()
    for report in reports:
        for table, row_id, n in report["updates"]:
            acked[(table, row_id)] += n
    lost_edits, unacknowledged_rows, rows_checked, multi_flush_rows = 0, 0, 0, 0
    examples: list[str] = []
    for key in set(acked) | {k for k, v in after.items() if v != before.get(k, 1)}:
        rows_checked += 1
        grew = after.get(key, 0) - before.get(key, 1)
        if grew < acked[key]:  # every acknowledged edit bumps the version at least once
            lost_edits += acked[key] - grew
        elif acked[key] == 0:  # changed, but no desk was told it saved anything here
            unacknowledged_rows += 1
        elif grew > acked[key]:  # one unit of work flushed the row twice (e.g. sign_round)
            multi_flush_rows += 1
            continue
        if grew != acked[key] and len(examples) < 10:
            examples.append(f"{key[0]} {key[1]}: {acked[key]} acknowledged, version grew {grew}")

    with read_only(db) as session:
        texts = session.execute(select(WardRound.prep_notes, WardRound.plan)
                                .where(WardRound.id.in_(hot_rounds))).all()
    stored = Counter(m.group(0) for notes, plan in texts
                     for m in LINE.finditer(f"{notes or ''}\n{plan or ''}"))
    told = Counter(line for report in reports for line in report["lines"])
    missing = sorted(set(told) - set(stored))
    unexpected = sorted(set(stored) - set(told))
    doubled = sorted(line for line, n in stored.items() if n > 1)
    return {
        "rows_checked": rows_checked,
        "edits_acknowledged": sum(acked.values()),
        "edits_lost": lost_edits,
        "rows_changed_unacknowledged": unacknowledged_rows,
        "rows_bumped_twice_by_one_edit": multi_flush_rows,
        "version_mismatches": examples,
        "lines_acknowledged": sum(told.values()),
        "lines_stored": sum(stored.values()),
        "lines_missing": len(missing),
        "lines_unacknowledged": len(unexpected),
        "lines_doubled": len(doubled),
        "line_examples": (missing + unexpected + doubled)[:10],
        "lost_updates": lost_edits + len(missing),
    }


def summarise(reports: list[dict[str, Any]]) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {}
    for report in reports:
        for kind, s in report["stats"].items():
            k = kinds.setdefault(kind, {"ok": 0, "conflict": 0, "refused": 0, "error": 0,
                                        "ms": []})
            for outcome in ("ok", "conflict", "refused", "error"):
                k[outcome] += s[outcome]
            k["ms"].extend(s["ms"])
    table = {}
    for kind in sorted(kinds):
        k = kinds[kind]
        table[kind] = {
            "operations": len(k["ms"]), "ok": k["ok"], "conflict": k["conflict"],
            "refused": k["refused"], "error": k["error"],
            "p50_ms": round(percentile(k["ms"], 50), 2),
            "p95_ms": round(percentile(k["ms"], 95), 2),
            "max_ms": round(max(k["ms"], default=0.0), 2),
        }
    totals = {o: sum(t[o] for t in table.values())
              for o in ("operations", "ok", "conflict", "refused", "error")}
    writes = [t for kind, t in table.items() if not kind.endswith("_list") and kind != "census"]
    totals["writes"] = sum(t["operations"] for t in writes)
    refusals: Counter[str] = Counter()
    for report in reports:
        refusals.update(report["refusals"])
    return {"by_kind": table, "totals": totals, "refusals": dict(sorted(refusals.items())),
            "errors": [e for report in reports for e in report["errors"]][:20]}


def run(args: argparse.Namespace) -> dict[str, Any]:
    seconds = args.minutes * 60
    with postgres_database(args.pg, keep=args.keep) as url:
        print("migrating and seeding the demo ward …", file=sys.stderr, flush=True)
        db = open_ward(url)
        try:
            day, hot_rounds, seeded = prepare(db, args.seed)
            before = _versions(db)
            ctx = mp.get_context("spawn")
            start, results = ctx.Event(), ctx.Queue()
            procs = [ctx.Process(target=desk_main, name=f"desk-{i}", args=(
                i, url, day.isoformat(), hot_rounds, seconds, args.think_ms, args.seed, start,
                results, not args.without_version_check)) for i in range(args.desks)]
            for p in procs:
                p.start()
            print(f"starting {args.desks} desks …", file=sys.stderr, flush=True)
            reports, wall = _collect(procs, start, results, seconds)
            checks = verify(db, reports, before, hot_rounds)
        finally:
            db.dispose()
    summary = summarise(reports)
    return {
        "machine": machine(),
        "server": args.pg.rsplit("@", 1)[-1],
        "desks": [{"desk": r["desk"], "initials": r["initials"], "role": r["role"]}
                  for r in reports],
        "minutes": args.minutes, "think_ms": args.think_ms, "seed": args.seed,
        "version_checks": not args.without_version_check,
        "wall_seconds": round(wall, 1), "hot_rounds": list(hot_rounds), "seeded": seeded,
        "operations_per_second": round(summary["totals"]["operations"] / wall, 1),
        **summary, "checks": checks,
    }


def _collect(procs: list[Any], start: Any, results: Any,
             seconds: float) -> tuple[list[dict[str, Any]], float]:
    """Wait until every desk is ready, start them together, gather their reports."""
    ready = 0
    while ready < len(procs):
        kind, index, payload = results.get(timeout=START_TIMEOUT_S)
        if kind == "failed":
            start.set()
            raise SystemExit(f"desk {index} failed before the start:\n{payload}")
        ready += 1
    started = time.monotonic()
    start.set()
    reports: list[dict[str, Any]] = []
    while len(reports) < len(procs):
        kind, index, payload = results.get(timeout=seconds + START_TIMEOUT_S)
        if kind == "failed":
            raise SystemExit(f"desk {index} failed:\n{payload}")
        reports.append(payload)
        print(f"desk {index} done", file=sys.stderr, flush=True)
    wall = time.monotonic() - started
    for p in procs:
        p.join(30)
    reports.sort(key=lambda r: r["desk"])
    return reports, wall


def print_table(report: dict[str, Any]) -> None:
    print()
    print(f"{len(report['desks'])} desks × {report['minutes']} min on PostgreSQL "
          f"({report['wall_seconds']} s, {report['operations_per_second']} operations/s)")
    print()
    print("| operation | count | ok | conflict | refused | error | p50 ms | p95 ms | max ms |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for kind, t in report["by_kind"].items():
        print(f"| {kind} | {t['operations']:,} | {t['ok']:,} | {t['conflict']:,} | "
              f"{t['refused']:,} | {t['error']:,} | {t['p50_ms']:.1f} | {t['p95_ms']:.1f} | "
              f"{t['max_ms']:.1f} |")
    tot = report["totals"]
    print(f"| **all** | {tot['operations']:,} | {tot['ok']:,} | {tot['conflict']:,} | "
          f"{tot['refused']:,} | {tot['error']:,} | | | |")
    c = report["checks"]
    print()
    print(f"lost updates: {c['lost_updates']} (edits acknowledged {c['edits_acknowledged']:,} on "
          f"{c['rows_checked']:,} rows, lost {c['edits_lost']}, rows changed without an "
          f"acknowledged edit {c['rows_changed_unacknowledged']}; appended lines acknowledged "
          f"{c['lines_acknowledged']:,}, stored {c['lines_stored']:,}, missing "
          f"{c['lines_missing']})")
    if report["refusals"]:
        print("refusals: " + ", ".join(f"{k} {n}" for k, n in report["refusals"].items()))
    for error in report["errors"]:
        print(f"error: {error}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--desks", type=int, default=4, help="desk processes (default 4)")
    parser.add_argument("--minutes", type=float, default=2.0, help="how long (default 2)")
    parser.add_argument("--pg", metavar="SERVER_URL", default=DEFAULT_SERVER,
                        help=f"PostgreSQL server allowed to CREATE DATABASE (default "
                             f"{DEFAULT_SERVER})")
    parser.add_argument("--think-ms", type=float, default=20.0,
                        help="longest pause between a screen load and the edit (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="demo ward and desk choices")
    parser.add_argument("--keep", action="store_true", help="keep the database for inspection")
    parser.add_argument("--without-version-check", action="store_true",
                        help="self-test of the lost-update check: edits ignore their expected "
                             "version, so the run must report lost updates")
    args = parser.parse_args(argv)
    if args.desks < 1 or args.minutes <= 0 or args.think_ms < 0:
        parser.error("--desks and --minutes must be positive, --think-ms not negative")
    report = run(args)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print_table(report)
    checks = report["checks"]
    failed = checks["lost_updates"] or checks["rows_changed_unacknowledged"] \
        or report["totals"]["error"]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
