"""The dashboard's numbers as tables (the same numbers the charts draw) and its labels.

A ``Table`` is plain data: translated headers, raw cell values and a format per column; the
``FigureTableModel`` (``dashboard_model``) shows it. One builder per chart, keyed like the charts
in ``dashboard_charts``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from console.services.monitoring.dashboard import DashboardFigures
from console.services.monitoring.periods import GroupedSeries
from console.views.common import labels as patient_labels
from console.views.common.i18n import QT_TRANSLATE_NOOP, decimal_text
from console.views.common.labels import code_label, condition_label, tidy, treatment_label
from console.views.referrals.model import SOURCES, STATUSES, word

_CTX = "Dashboard"

TEXT, INT, NUM1, PCT, DATE, MONTH, HOURS = "text", "int", "num1", "pct", "date", "month", "hours"

BASE_SHIFT = {
    "day": QT_TRANSLATE_NOOP(_CTX, "day"),
    "evening": QT_TRANSLATE_NOOP(_CTX, "evening"),
    "unassigned": QT_TRANSLATE_NOOP(_CTX, "No car yet"),
}
DELIVERY_GROUPS = {
    "on_time": QT_TRANSLATE_NOOP(_CTX, "On time"),
    "late": QT_TRANSLATE_NOOP(_CTX, "Late"),
    "failed": QT_TRANSLATE_NOOP(_CTX, "Failed"),
    "overdue": QT_TRANSLATE_NOOP(_CTX, "Overdue (still open)"),
    "open": QT_TRANSLATE_NOOP(_CTX, "Not due yet"),
}
OUTCOMES = {**patient_labels.DISCHARGE_OUTCOMES,
            "not_recorded": QT_TRANSLATE_NOOP(_CTX, "Outcome not recorded")}
SUPPLY_SOURCES = {
    "missed_dose": QT_TRANSLATE_NOOP(_CTX, "Dose missed"),
    "escalation": QT_TRANSLATE_NOOP(_CTX, "Escalation"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _from(table: dict[str, str], code: str) -> str:
    """A dashboard word for ``code``, an unknown code tidied (as every vocabulary is looked up)."""
    return code_label(_CTX, table, code, tidy)


def group_label(kind: str, code: str) -> str:
    """The translated label of a group code of one of the figures."""
    if kind == "condition":
        return condition_label(code)
    if kind == "treatment":
        return treatment_label(code)
    if kind == "provider":
        return patient_labels.label(patient_labels.PROVIDERS, code)
    if kind == "outcome":
        return patient_labels.label(OUTCOMES, code) if code != "not_recorded" \
            else _from(OUTCOMES, code)
    if kind == "category":
        return patient_labels.label(patient_labels.ESCALATION_CATEGORIES, code)
    if kind == "severity":
        return _from({"urgent": QT_TRANSLATE_NOOP(_CTX, "Urgent"),
                      "today": QT_TRANSLATE_NOOP(_CTX, "Today"),
                      "routine": QT_TRANSLATE_NOOP(_CTX, "Routine")}, code)
    if kind == "base_shift":
        if "/" not in code:
            return _from(BASE_SHIFT, code)
        base, shift = code.split("/", 1)
        return f"{base} {_from(BASE_SHIFT, shift)}"
    if kind == "delivery":
        return _from(DELIVERY_GROUPS, code)
    if kind == "supply":
        return _from(SUPPLY_SOURCES, code)
    if kind == "decision":
        return word(STATUSES, code)
    if kind == "source":
        return word(SOURCES, code)
    return code


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    formats: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def wide(series: GroupedSeries, key_header: str, key_format: str, kind: str) -> Table:
    """One row per key (day or week), a column per group, and a total."""
    headers = (key_header, *(group_label(kind, g) for g in series.names), _t("Total"))
    rows = tuple((key, *(counts[i] for _, counts in series.groups), series.totals[i])
                 for i, key in enumerate(series.keys))
    return Table(headers, (key_format, *(INT for _ in series.groups), INT), rows)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def capacity_table(f: DashboardFigures, _option: str) -> Table:
    c = f.capacity
    return Table((_t("Date"), _t("Admitted"), _t("Capacity"), _t("Over capacity")),
                 (DATE, INT, INT, TEXT),
                 tuple((d, n, c.capacity, _t("yes") if n > c.capacity else "")
                       for d, n in zip(c.days, c.admitted, strict=True)))


def bed_days_table(f: DashboardFigures, _option: str) -> Table:
    return Table((_t("Month"), _t("Bed days")), (MONTH, INT), f.bed_days)


def courses_table(f: DashboardFigures, option: str) -> Table:
    started = f.courses.started_by_condition if option == "condition" \
        else f.courses.started_by_treatment
    ended = f.courses.ended_by_condition if option == "condition" \
        else f.courses.ended_by_treatment
    names = list(dict.fromkeys((*started.names, *ended.names)))
    rows = []
    for i, week in enumerate(started.keys):
        for name in names:
            s, e = started.series(name)[i], ended.series(name)[i]
            if s or e:
                rows.append((week, group_label(option, name), s, e))
    head = _t("Condition") if option == "condition" else _t("Treatment")
    return Table((_t("Week starting"), head, _t("Started"), _t("Ended")), (DATE, TEXT, INT, INT),
                 tuple(rows))


def length_table(f: DashboardFigures, _option: str) -> Table:
    return Table((_t("Days"), _t("Courses")), (INT, INT), f.length.counts)


def outcomes_table(f: DashboardFigures, _option: str) -> Table:
    ended = sum(n for _, n in f.outcomes)
    rows: list[tuple[object, ...]] = [(group_label("outcome", k), n, share(n, ended))
                                      for k, n in f.outcomes]
    crp = f.crp
    rows += [(_t("CRP decision on the CRP day"), crp.on_day, share(crp.on_day, crp.due)),
             (_t("CRP decision later"), crp.later, share(crp.later, crp.due)),
             (_t("CRP decision missing"), crp.missing, share(crp.missing, crp.due)),
             (_t("CRP day today, not decided yet"), crp.pending, None)]
    return Table((_t("Measure"), _t("Courses"), _t("Share")), (TEXT, INT, PCT), tuple(rows))


def visits_table(f: DashboardFigures, option: str) -> Table:
    if option == "base_shift":
        return wide(f.visits.by_base_shift, _t("Date"), DATE, "base_shift")
    return wide(f.visits.by_provider, _t("Date"), DATE, "provider")


def missed_table(f: DashboardFigures, option: str) -> Table:
    if option == "reasons":
        return Table((_t("Reason given"), _t("Visits")), (TEXT, INT), f.visits.missed_reasons)
    return wide(f.visits.missed_by_provider, _t("Date"), DATE, "provider")


def cars_table(f: DashboardFigures, _option: str) -> Table:
    return Table(
        (_t("Base"), _t("Shift"), _t("Cars"), _t("Stops"), _t("Shift h"), _t("Treating h"),
         _t("Driving h"), _t("Idle h"), _t("Busy")),
        (TEXT, TEXT, INT, INT, HOURS, HOURS, HOURS, HOURS, PCT),
        tuple((t.base, _from(BASE_SHIFT, t.kind).capitalize(), t.car_shifts, t.stops, t.shift_minutes,
               t.treating_minutes, t.driving_minutes, t.idle_minutes, t.busy_share)
              for t in f.cars.by_base_shift))


def escalations_table(f: DashboardFigures, option: str) -> Table:
    if option == "municipality":
        return wide(f.escalations.by_municipality, _t("Week starting"), DATE, "municipality")
    return wide(f.escalations.by_category, _t("Week starting"), DATE, "category")


def response_table(f: DashboardFigures, _option: str) -> Table:
    return Table(
        (_t("Severity"), _t("Calls"), _t("Acknowledge target (min)"), _t("Median (min)"),
         _t("Within target"), _t("Pending"), _t("Resolve target (min)"), _t("Median (min)"),
         _t("Within target"), _t("Pending")),
        (TEXT, INT, INT, NUM1, PCT, INT, INT, NUM1, PCT, INT),
        tuple((group_label("severity", r.severity), r.calls, r.acknowledge.target_minutes,
               r.acknowledge.median_minutes, r.acknowledge.share_within, r.acknowledge.pending,
               r.resolve.target_minutes, r.resolve.median_minutes, r.resolve.share_within,
               r.resolve.pending) for r in f.response))


def deliveries_table(f: DashboardFigures, _option: str) -> Table:
    return wide(f.deliveries.per_week, _t("Week starting"), DATE, "delivery")


def supplies_table(f: DashboardFigures, _option: str) -> Table:
    rows = tuple((e.day, e.patient, e.cpr_masked, e.municipality, group_label("supply", e.source),
                  group_label("category", e.detail) if e.source == "escalation" else e.detail)
                 for e in f.supplies.events)
    return Table((_t("Date"), _t("Patient"), _t("CPR"), _t("Municipality"), _t("How it showed"),
                  _t("Detail")), (DATE, TEXT, TEXT, TEXT, TEXT, TEXT), rows)


def referrals_table(f: DashboardFigures, option: str) -> Table:
    if option == "source":
        return wide(f.referrals.by_source, _t("Week starting"), DATE, "source")
    return wide(f.referrals.by_decision, _t("Week starting"), DATE, "decision")


def decision_time_table(f: DashboardFigures, _option: str) -> Table:
    """Hours from referral to decision per decision, and the referrals still waiting."""
    from console.services.monitoring.periods import median
    from console.services.monitoring.referral_flow import percentile_90

    flow = f.referrals
    rows: list[tuple[object, ...]] = []
    for decision in ("admitted", "declined"):
        hours = [h for d, h in flow.hours_to_decision if d == decision]
        rows.append((group_label("decision", decision), len(hours), median(hours),
                     percentile_90(hours)))
    rows.append((_t("All decided"), len(flow.hours_to_decision), flow.median_hours,
                 flow.p90_hours))
    rows.append((_t("Still waiting (oldest)"), flow.waiting, flow.oldest_waiting_hours, None))
    return Table((_t("Decision"), _t("Referrals"), _t("Median (h)"), _t("9 of 10 within (h)")),
                 (TEXT, INT, NUM1, NUM1), tuple(rows))


TABLES: dict[str, Callable[[DashboardFigures, str], Table]] = {
    "capacity": capacity_table, "bed_days": bed_days_table, "courses": courses_table,
    "length": length_table, "outcomes": outcomes_table, "visits": visits_table,
    "missed": missed_table, "cars": cars_table, "escalations": escalations_table,
    "response": response_table, "deliveries": deliveries_table, "supplies": supplies_table,
    "referrals": referrals_table, "decision_time": decision_time_table,
}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def format_cell(value: object, fmt: str) -> str:
    """Display text of a table cell."""
    if value is None:
        return "—" if fmt != TEXT else ""
    if fmt == PCT and isinstance(value, float):
        return percent(value)
    if fmt == NUM1 and isinstance(value, int | float):
        return decimal_text(f"{value:.1f}".rstrip("0").rstrip("."))
    if fmt == HOURS and isinstance(value, int | float):
        return decimal_text(f"{value / 60:.1f}")
    if fmt == MONTH and isinstance(value, date):
        return value.strftime("%m/%Y")
    if fmt == DATE and isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if fmt == INT and isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    return str(value)


# --- one line under each chart's title -------------------------------------------------------

def number_text(value: float | None, digits: int = 1) -> str:
    """"4,3", "12": a figure with at most ``digits`` decimals, "—" when there is none."""
    return "—" if value is None else decimal_text(f"{value:.{digits}f}".rstrip("0").rstrip("."))


def summary(key: str, f: DashboardFigures) -> str:
    """The headline of a chart in words."""
    if key == "capacity":
        c = f.capacity
        return _t("Peak {peak}, mean {mean} · over capacity on {over} of {days} days").format(
            peak=c.peak, mean=number_text(c.mean), over=c.days_over, days=len(c.days))
    if key == "bed_days":
        return _t("{n} bed days").format(n=format_cell(sum(n for _, n in f.bed_days), INT))
    if key == "courses":
        return _t("{started} started · {ended} ended").format(
            started=f.courses.started_by_treatment.total, ended=f.courses.ended_by_treatment.total)
    if key == "length":
        los = f.length
        return _t("{n} ended courses · mean {mean} · median {median} days").format(
            n=los.courses, mean=number_text(los.mean), median=number_text(los.median))
    if key == "outcomes":
        crp = f.crp
        return _t("{ended} ended · CRP decided on the day for {on} of {due} ({share})").format(
            ended=sum(n for _, n in f.outcomes), on=crp.on_day, due=crp.due,
            share=percent(crp.share_on_day))
    if key == "visits":
        v = f.visits.by_provider
        return _t("{total} visits · {mbe} by the MBE").format(total=v.total,
                                                              mbe=sum(v.series("mbe")))
    if key == "missed":
        figures = f.visits
        return _t("{missed} missed of {registered} registered ({share})").format(
            missed=figures.missed, registered=figures.done + figures.missed,
            share=percent(figures.missed_share))
    if key == "cars":
        shift = sum(t.shift_minutes for t in f.cars.by_base_shift)
        busy = sum(t.treating_minutes + t.driving_minutes for t in f.cars.by_base_shift)
        return _t("{cars} car shifts · busy {share} of their time").format(
            cars=sum(t.car_shifts for t in f.cars.by_base_shift), share=percent(share(busy, shift)))
    if key == "escalations":
        return _t("{n} escalations").format(n=f.escalations.by_category.total)
    if key == "response":
        ack_met = sum(r.acknowledge.met for r in f.response)
        ack = ack_met + sum(r.acknowledge.late for r in f.response)
        res_met = sum(r.resolve.met for r in f.response)
        res = res_met + sum(r.resolve.late for r in f.response)
        return _t("Within target: acknowledged {ack} · resolved {res}").format(
            ack=percent(share(ack_met, ack)), res=percent(share(res_met, res)))
    if key == "deliveries":
        d = f.deliveries
        return _t("{share} on time · {failed} failed · {overdue} overdue").format(
            share=percent(d.on_time_share), failed=d.count("failed"), overdue=d.count("overdue"))
    if key == "supplies":
        return _t("{n} patients ran out").format(n=f.supplies.patients)
    if key == "referrals":
        r = f.referrals
        return _t("{n} referrals · {admitted} admitted · {declined} declined · {waiting} "
                  "waiting").format(n=r.received, admitted=r.count("admitted"),
                                    declined=r.count("declined"), waiting=r.waiting)
    if key == "decision_time":
        r = f.referrals
        text = _t("Median {median} h to decision · 9 of 10 within {p90} h").format(
            median=number_text(r.median_hours), p90=number_text(r.p90_hours))
        if r.oldest_waiting_hours is not None:
            text += " · " + _t("oldest waiting {h} h").format(h=number_text(r.oldest_waiting_hours))
        return text
    return ""
