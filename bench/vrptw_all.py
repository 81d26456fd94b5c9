"""Run every Solomon instance with PyVRP and OR-Tools at the same time limit; write JSON + markdown.

Usage::

    .venv/bin/python bench/vrptw_all.py --time-limit 10 --out /tmp/vrptw-10s.json --md /tmp/vrptw-10s.md

Runs are strictly sequential (one solver at a time: the reference machine has two noisy cores).
Each run goes through ``bench/vrptw.py``'s :func:`run`, which checks every solution in double
precision. Gap % is ``100 * (distance - BKS distance) / BKS distance``; when a solver uses a
different number of vehicles than the BKS, the two distances do not measure the same thing (more
vehicles usually means *less* distance), so such rows are flagged and the summary also gives the
mean gap over the instances where the vehicle count matches the BKS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

try:
    from bench.solomon import DATA_DIR, Bks, load_bks
    from bench.vrptw import SOLVERS, Report, run
except ModuleNotFoundError:  # run as `python bench/vrptw_all.py`
    from solomon import DATA_DIR, Bks, load_bks  # type: ignore[no-redef]
    from vrptw import SOLVERS, Report, run  # type: ignore[no-redef]

LABEL = {"pyvrp": "PyVRP", "ortools": "OR-Tools"}


def instance_class(name: str) -> str:
    """Solomon's class of an instance from its name: its letters and the first digit (C1, R2,
    RC1, ...); Gehring-Homberger names (C1_2_1, RC2_4_10) give C1, RC2 likewise."""
    stem = name.upper()
    letters = stem.rstrip("0123456789_")[:2] if stem.startswith("RC") else stem[:1]
    rest = stem[len(letters):]
    return letters + (rest[:1] if rest[:1].isdigit() else "")


def class_order(cls: str) -> tuple[int, str]:
    return ({"C": 0, "R": 1, "RC": 2}.get(cls.rstrip("0123456789"), 3), cls)


def classes_of(names: list[str]) -> tuple[str, ...]:
    """The classes present, in the usual order (C1, C2, R1, R2, RC1, RC2)."""
    return tuple(sorted({instance_class(n) for n in names}, key=class_order))


def gap(rep: dict[str, Any], bks: Bks) -> float | None:
    if not rep["feasible"]:
        return None
    return 100.0 * (float(rep["distance"]) - bks.distance) / bks.distance


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    return f"{round(value, digits) + 0.0:.{digits}f}"  # + 0.0 turns -0.0 into 0.0


def summarise(results: list[dict[str, Any]], bks: dict[str, Bks]) -> dict[str, Any]:
    """Mean gaps per class and overall, vehicle counts against the BKS, ratio of mean gaps."""
    by_inst: dict[str, dict[str, dict[str, Any]]] = {}
    for rep in results:
        by_inst.setdefault(rep["instance"].upper(), {})[rep["solver"]] = rep
    summary: dict[str, Any] = {}
    for solver in SOLVERS:
        per_class: dict[str, Any] = {}
        for cls in (*classes_of(list(by_inst)), "all"):
            names = [n for n in by_inst if cls == "all" or instance_class(n) == cls]
            reps = [(n, by_inst[n][solver]) for n in names if solver in by_inst[n]]
            gaps = [g for n, r in reps if (g := gap(r, bks[n])) is not None]
            same = [
                g for n, r in reps if r["vehicles"] == bks[n].vehicles and (g := gap(r, bks[n])) is not None
            ]
            per_class[cls] = {
                "instances": len(reps),
                "feasible": sum(1 for _, r in reps if r["feasible"]),
                "mean_gap_pct": _mean(gaps),
                "vehicles": sum(r["vehicles"] for _, r in reps if r["feasible"]),
                "bks_vehicles": sum(bks[n].vehicles for n, r in reps if r["feasible"]),
                "vehicles_equal_bks": sum(
                    1 for n, r in reps if r["feasible"] and r["vehicles"] == bks[n].vehicles
                ),
                "vehicles_above_bks": sum(
                    1 for n, r in reps if r["feasible"] and r["vehicles"] > bks[n].vehicles
                ),
                "vehicles_below_bks": sum(
                    1 for n, r in reps if r["feasible"] and r["vehicles"] < bks[n].vehicles
                ),
                "mean_gap_pct_same_vehicles": _mean(same),
                "same_vehicle_instances": len(same),
            }
        summary[solver] = per_class
    py, ort = (summary.get(s, {}).get("all", {}).get("mean_gap_pct") for s in ("pyvrp", "ortools"))
    # A ratio of means is only meaningful when both are positive; with extra vehicles the raw mean gap
    # can go negative (fewer km bought with more vehicles), and then the ratio says nothing.
    summary["ratio_mean_gap_ortools_over_pyvrp"] = ort / py if py and ort and py > 0 and ort > 0 else None
    # Like-for-like: instances where *both* solvers match the BKS vehicle count.
    common = [
        n
        for n, reps in by_inst.items()
        if all(s in reps and reps[s]["feasible"] and reps[s]["vehicles"] == bks[n].vehicles for s in SOLVERS)
    ]
    both: dict[str, Any] = {"instances": sorted(common)}
    for solver in SOLVERS:
        both[solver] = _mean([g for n in common if (g := gap(by_inst[n][solver], bks[n])) is not None])
    bp, bo = both["pyvrp"], both["ortools"]
    both["ratio_ortools_over_pyvrp"] = bo / bp if bp and bo and bp > 0 and bo > 0 else None
    summary["both_at_bks_vehicles"] = both
    return summary


def markdown(results: list[dict[str, Any]], bks: dict[str, Bks], summary: dict[str, Any]) -> str:
    by_inst: dict[str, dict[str, dict[str, Any]]] = {}
    for rep in results:
        by_inst.setdefault(rep["instance"].upper(), {})[rep["solver"]] = rep
    lines = [
        "| instance | BKS veh | BKS dist | PyVRP veh | PyVRP dist | PyVRP gap % "
        "| OR-Tools veh | OR-Tools dist | OR-Tools gap % |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    classes = classes_of(list(by_inst))
    for name in sorted(by_inst, key=lambda n: (classes.index(instance_class(n)), n)):
        b = bks[name]
        cells = [name, str(b.vehicles), f"{b.distance:.2f}"]
        for solver in SOLVERS:
            found = by_inst[name].get(solver)
            if found is None or not found["feasible"]:
                cells += ["–", "infeasible" if found else "not run", "–"]
                continue
            diff = found["vehicles"] - b.vehicles
            veh = str(found["vehicles"]) + (f" **({diff:+d})**" if diff else "")
            cells += [veh, f"{found['distance']:.2f}", _fmt(gap(found, b))]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "| class | solver | feasible | mean gap % | vehicles (BKS) | veh = / > / < BKS "
        "| mean gap % where veh = BKS (n) |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for cls in (*classes, "all"):
        for solver in SOLVERS:
            s = summary[solver][cls]
            lines.append(
                f"| {cls} | {LABEL[solver]} | {s['feasible']}/{s['instances']} | {_fmt(s['mean_gap_pct'])} "
                f"| {s['vehicles']} ({s['bks_vehicles']}) "
                f"| {s['vehicles_equal_bks']} / {s['vehicles_above_bks']} / {s['vehicles_below_bks']} "
                f"| {_fmt(s['mean_gap_pct_same_vehicles'])} ({s['same_vehicle_instances']}) |"
            )
    ratio = summary["ratio_mean_gap_ortools_over_pyvrp"]
    both = summary["both_at_bks_vehicles"]
    lines += [
        "",
        "Ratio of overall mean gaps, OR-Tools / PyVRP: "
        + (f"**{_fmt(ratio)}**" if ratio is not None else "undefined (a mean gap is not positive)"),
        "",
        f"Instances where both solvers match the BKS vehicle count ({len(both['instances'])}: "
        f"{', '.join(both['instances'])}): mean gap PyVRP {_fmt(both['pyvrp'])} %, "
        f"OR-Tools {_fmt(both['ortools'])} %, "
        f"ratio OR-Tools / PyVRP {_fmt(both['ratio_ortools_over_pyvrp'])}.",
    ]
    return "\n".join(lines) + "\n"


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pyvrp": _version("pyvrp"),
        "ortools": _version("ortools"),  # None: not installed (pip install -e '.[bench]')
    }


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Solomon VRPTW: PyVRP vs OR-Tools on every instance.")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per run (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--solvers", nargs="+", choices=SOLVERS, default=list(SOLVERS))
    parser.add_argument("--classes", nargs="*", default=None, help="classes, e.g. C2 R2 (default: all)")
    parser.add_argument("--only", nargs="*", default=None, help="instance names to run (default: all)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/vrptw-results.json"), help="JSON results file")
    parser.add_argument("--md", type=Path, default=None, help="markdown table file (default: --out with .md)")
    parser.add_argument(
        "--from-json", type=Path, default=None, help="rebuild summary and table from an earlier --out file"
    )
    args = parser.parse_args(argv)

    if args.from_json:
        doc = json.loads(args.from_json.read_text())
        bks = load_bks(args.data_dir / "bks.csv")
        doc["summary"] = summarise(doc["results"], bks)
        table = markdown(doc["results"], bks, doc["summary"])
        args.out.write_text(json.dumps(doc, indent=1))
        (args.md or args.out.with_suffix(".md")).write_text(table)
        print(table)
        return 0

    bks = load_bks(args.data_dir / "bks.csv")
    files = sorted(
        (p for p in args.data_dir.glob("*.txt") if p.stem.upper() in bks),
        key=lambda p: (class_order(instance_class(p.stem)), p.stem.upper()),
    )
    if args.classes:
        files = [p for p in files if instance_class(p.stem) in {c.upper() for c in args.classes}]
    if args.only:
        wanted = {n.upper() for n in args.only}
        files = [p for p in files if p.stem.upper() in wanted]

    started = time.time()
    results: list[dict[str, Any]] = []
    for path in files:
        for solver in args.solvers:
            rep: Report = run(path, solver, args.time_limit, args.seed)
            results.append(asdict(rep))
            b = bks[rep.instance.upper()]
            print(
                f"{rep.instance:6} {solver:8} veh {rep.vehicles:2} (BKS {b.vehicles:2}) "
                f"dist {rep.distance:9.2f} (BKS {b.distance:8.2f}) {rep.seconds:6.1f} s "
                f"{'ok' if rep.feasible else 'INFEASIBLE ' + '; '.join(rep.problems)[:200]}",
                file=sys.stderr,
                flush=True,
            )

    summary = summarise(results, bks)
    table = markdown(results, bks, summary)
    doc = {
        "command": " ".join([sys.executable, *sys.argv]),
        "machine": machine(),
        "time_limit": args.time_limit,
        "seed": args.seed,
        "wall_seconds": round(time.time() - started, 1),
        "summary": summary,
        "results": results,
    }
    args.out.write_text(json.dumps(doc, indent=1))
    md_path = args.md or args.out.with_suffix(".md")
    md_path.write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
