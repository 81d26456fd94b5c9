"""Why the planner left a visit in the tray, in words a dispatcher can act on.

Either no car of the plan could serve it even on an empty route (the rule that stops it: R-SHIFT,
R-VISIT-LEN, no car in service), or the cars that could reach it had no room beside their other
visits (then put it on a car by hand to see what it would break, or add a car).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from console.models import Shift
from console.services.dispatch import skills
from console.services.dispatch.board import MAX_VISIT_MINUTES
from console.services.dispatch.routing import schedule_route
from console.services.dispatch.rules import fits_shift
from console.services.dispatch.solver import Car, Job
from console.timeutil import format_local


def hhmm(at: datetime) -> str:
    return format_local(at, "%H:%M")


def why_unservable(job: Job, shifts: Sequence[Shift], cars: Sequence[Car],
                    minutes: Sequence[Sequence[int]], t0: datetime, base: str | None,
                    shift: str | None) -> str | None:
    """Why no car of the plan can serve this visit even on an empty route, or None."""
    window = f"{hhmm(job.window_start)}–{hhmm(job.window_end)}"
    if job.service >= MAX_VISIT_MINUTES:
        return (f"planned for {job.service} min; a visit must be under {MAX_VISIT_MINUTES} min "
                "(R-VISIT-LEN)")
    candidates = [c for c in cars if job.pinned_to in (None, c.shift_car_id)]
    skilled = [c for c in candidates if job.needs <= c.skills]
    if not shifts:
        return "there is no MBE shift on this day" + ("" if base is None and shift is None
                                                        else " for the chosen base/shift")
    fitting = [s for s in shifts if fits_shift(job.window_start, job.window_end, job.service,
                                               s.starts_at, s.ends_at)]
    if not fitting:
        hours = sorted({(s.kind.value, hhmm(s.starts_at), hhmm(s.ends_at)) for s in shifts})
        listed = ", ".join(f"{k} {a}–{b}" for k, a, b in hours)
        return f"window {window} ({job.service} min) is outside every shift ({listed}) (R-SHIFT)"
    kinds = {s.kind.value for s in fitting}
    fitting_ids = {s.id for s in fitting}
    usable = [c for c in skilled if c.shift_id in fitting_ids]
    if not usable:
        where = f"at {fitting[0].base.name}" if base is not None else "at any base"
        if any(c.shift_id in fitting_ids for c in candidates):
            return (f"needs {skills.listed(job.needs)} and no crew in service in the "
                    f"{' or '.join(sorted(kinds))} shift {where} has it (R-CREW-SKILL): write a "
                    f"crew's competences in brackets after its names, e.g. [{skills.listed(job.needs)}]")
        return f"no car in service in the {' or '.join(sorted(kinds))} shift {where} (R-SHIFT)"
    alone = [(schedule_route([job.stop()], minutes, depot=c.node, start=c.start, end=c.end), c)
             for c in usable]
    if any(s.feasible for s, _ in alone):
        return None
    sched, car = min(alone, key=lambda sc: sc[0].lateness)
    need = minutes[car.node][job.node]
    breach = sched.breaches[0]
    at = hhmm(t0 + timedelta(minutes=breach.at))
    if breach.visit_id is not None:
        return (f"not reachable within its window from any base: needs {need} min travel from "
                f"{car.base}, so it would start at {at} at best, {breach.minutes} min after the "
                f"window closes at {hhmm(job.window_end)}")
    return (f"not reachable within its window and shift from any base: needs {need} min travel "
            f"each way from {car.base}, so the car would be back at {at} at best, {breach.minutes} "
            f"min after the {car.kind} shift ends at {hhmm(car.ends_at)} (R-SHIFT)")


# Visit id -> the cars (indices) that could serve it on an otherwise empty route, for one plan's
# cars and travel times: the reasons of one plan share it (on the over-full 250-visit day the
# 30-45 visits left out each looked at all 250 again, about a second in all).
Reaches = dict[int, frozenset[int]]


def _reach(job: Job, cars: Sequence[Car], minutes: Sequence[Sequence[int]],
           known: Reaches) -> frozenset[int]:
    """The cars (indices) that could serve ``job`` on an otherwise empty route (kept in ``known``)."""
    if job.visit_id not in known:
        known[job.visit_id] = frozenset(
            n for n, c in enumerate(cars) if job.allowed(c)
            and schedule_route([job.stop()], minutes, depot=c.node, start=c.start, end=c.end).feasible)
    return known[job.visit_id]


def _earliest(job: Job, cars: Sequence[Car], reach: frozenset[int],
              minutes: Sequence[Sequence[int]]) -> int:
    """The earliest minute any car reaching ``job`` can start it (leaving at its shift start)."""
    return max(job.early, min(cars[n].start + minutes[cars[n].node][job.node] for n in reach))


def _clash(a: Job, b: Job, earliest: dict[int, int], minutes: Sequence[Sequence[int]]) -> bool:
    """No car can serve both: whichever goes first, the other's window has closed."""
    return (earliest[a.visit_id] + a.service + minutes[a.node][b.node] > b.late
            and earliest[b.visit_id] + b.service + minutes[b.node][a.node] > a.late)


def too_many_at_once(job: Job, offered: Sequence[Job], cars: Sequence[Car],
                     minutes: Sequence[Sequence[int]], known: Reaches | None = None) -> list[Job] | None:
    """Visits (``job`` among them) that only the cars reaching ``job`` can serve and no car can
    serve two of, when there are more of them than those cars: a proof that one of them must be
    left out, whatever the plan (R-SHIFT caps the cars of a shift). ``None`` when not found (a
    greedy search: the visit may still be impossible for a reason this does not see). ``known``
    carries the reaches from one call to the next (the same cars and travel times)."""
    known = {} if known is None else known
    reach = _reach(job, cars, minutes, known)
    if not reach:
        return None
    within = [j for j in offered
              if j is not job and (r := _reach(j, cars, minutes, known)) and r <= reach]
    earliest = {j.visit_id: _earliest(j, cars, _reach(j, cars, minutes, known), minutes)
                for j in [job, *within]}
    same = [j for j in within if _clash(job, j, earliest, minutes)]
    same.sort(key=lambda j: (-sum(_clash(j, k, earliest, minutes) for k in same), j.window_start,
                             j.visit_id))
    group = [job]
    for j in same:
        if all(_clash(j, k, earliest, minutes) for k in group):
            group.append(j)
    return group if len(group) > len(reach) else None


def why_not_placed(job: Job, cars: Sequence[Car], minutes: Sequence[Sequence[int]],
                   offered: Sequence[Job] = (), known: Reaches | None = None) -> str:
    known = {} if known is None else known
    reach = [cars[n].call for n in sorted(_reach(job, cars, minutes, known))]
    window = f"{hhmm(job.window_start)}–{hhmm(job.window_end)}"
    if job.pinned_to is not None:
        return (f"pinned to {', '.join(reach) or 'its car'}, whose route has no room for it in "
                f"{window} alongside its other visits; left as it was: unpin it or move a visit")
    group = too_many_at_once(job, offered, cars, minutes, known)
    if group is not None:
        # named as the dispatcher knows them: the patient and the window, then the visit id
        others = "; ".join(f"{j.patient} {hhmm(j.window_start)}–{hhmm(j.window_end)} "
                           f"(#{j.visit_id})" for j in sorted(group, key=lambda j: j.visit_id)
                           if j is not job)
        return (f"cannot be placed together with {others}: these {len(group)} visits "
                f"can only be served by the {len(reach)} car(s) in service {', '.join(reach)} "
                "(R-SHIFT) and no car can serve two of them within their windows; widen a "
                "window, move one to another shift, or add a car")
    return (f"no room: the {len(reach)} car(s) that could reach it ({', '.join(reach)}) are busy "
            f"with other visits in {window}; put it on a car by hand to see what it would break, "
            "or add a car")
