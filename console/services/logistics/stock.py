"""Home stock per regimen line and its projected run-out (R-SUPPLY).

on hand = doses sent with the patient + doses delivered − doses given (visits registered done).
The run-out time is the window start of the first remaining planned dose the stock cannot
cover. Everything is computed from the visits, so a regimen change, a missed or an extra dose
moves the projection at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from console.models import Delivery, DeliveryItem, Regimen, Visit, columns
from console.timeutil import now_utc
from console.vocabulary import DeliveryStatus, VisitKind, VisitStatus

DOSE_KINDS = (VisitKind.IV_DOSE, VisitKind.FIRST_VISIT)
OPEN_DELIVERY = (DeliveryStatus.REQUESTED, DeliveryStatus.PACKED, DeliveryStatus.OUT)
RED_HOURS = 48  # "runs out within 48 h and no delivery planned"


@dataclass(frozen=True, slots=True)
class LineStock:
    admission_id: int
    regimen_id: int
    drug: str
    dose: str
    doses_per_day: int
    on_hand: int
    doses_remaining: int
    runs_out_at: datetime | None  # None: the stock covers every remaining planned dose
    next_delivery_at: datetime | None
    last_dose_at: datetime | None

    def hours_left(self, now: datetime) -> float | None:
        if self.runs_out_at is None:
            return None
        return (self.runs_out_at - now) / timedelta(hours=1)

    def at_risk(self, now: datetime) -> bool:
        """Runs out within 48 h and no delivery is planned before then."""
        hours = self.hours_left(now)
        if hours is None or hours > RED_HOURS:
            return False
        assert self.runs_out_at is not None
        return self.next_delivery_at is None or self.next_delivery_at > self.runs_out_at


def project_stock(session: Session,
                  admission_ids: Iterable[int] | Select[Any]) -> list[LineStock]:
    """Each regimen line's stock for the admissions given as ids or as a subquery of ids (the
    census passes its own query rather than a thousand bound parameters)."""
    ids: list[int] | Select[Any] = (
        admission_ids if isinstance(admission_ids, Select) else list(admission_ids))
    if isinstance(ids, list) and not ids:
        return []
    # Core columns: the census projects its stock before the mappers are configured (issue 17)
    regimen, visit = columns(Regimen), columns(Visit)
    item, delivery = columns(DeliveryItem), columns(Delivery)
    reg_ids = select(regimen.id).where(regimen.admission_id.in_(ids))
    given = (select(func.count()).where(
        visit.regimen_id == regimen.id, visit.status == VisitStatus.DONE,
        visit.kind.in_(DOSE_KINDS)).scalar_subquery())
    delivered = (select(func.coalesce(func.sum(item.quantity), 0))
                 .join(Delivery.__table__, item.delivery_id == delivery.id)
                 .where(item.regimen_id == regimen.id,
                        delivery.status == DeliveryStatus.DELIVERED).scalar_subquery())
    on_hand = (regimen.doses_sent + delivered - given).label("on_hand")
    regimens = session.execute(
        select(regimen.id, regimen.admission_id, regimen.drug, regimen.dose,
               regimen.doses_per_day, on_hand).where(regimen.admission_id.in_(ids))
        .order_by(regimen.admission_id, regimen.id)).all()
    # the remaining planned doses counted and the first one the stock cannot cover picked in
    # the database (a window function), instead of fetching every planned dose (issue 17)
    planned = (select(visit.regimen_id, visit.window_start, func.row_number().over(
        partition_by=visit.regimen_id, order_by=(visit.window_start, visit.id)).label("n"))
        .where(visit.regimen_id.in_(reg_ids), visit.status == VisitStatus.PLANNED,
               visit.kind.in_(DOSE_KINDS)).subquery())
    # each line's stock worked out once, not again for every planned dose (SQLite evaluated
    # the correlated sums per dose: 50 ms of a 35-patient census; issue 17)
    covered = select(regimen.id.label("regimen_id"),
                     case((on_hand > 0, on_hand), else_=0).label("doses")).where(
        regimen.admission_id.in_(ids)).cte("covered").prefix_with("MATERIALIZED")
    # per line: the doses still planned, the last one, and the first the stock cannot cover, in
    # one pass over the numbered doses (two passes cost 19 ms each at 1,000 patients on
    # PostgreSQL; issue 17)
    remaining: dict[int, tuple[int, datetime | None]] = {}
    runs_out: dict[int, datetime] = {}
    for reg_id, count, last, out_at in session.execute(
            select(planned.c.regimen_id, func.count(), func.max(planned.c.window_start),
                   func.max(case((planned.c.n == covered.c.doses + 1, planned.c.window_start))))
            .join(covered, covered.c.regimen_id == planned.c.regimen_id)
            .group_by(planned.c.regimen_id)):
        remaining[reg_id] = (int(count), last)
        if out_at is not None:
            runs_out[reg_id] = out_at
    next_delivery = dict(session.execute(
        select(delivery.admission_id, func.min(delivery.due_by)).where(
            delivery.admission_id.in_(ids), delivery.status.in_(OPEN_DELIVERY))
        .group_by(delivery.admission_id)).all())
    out = []
    for r in regimens:
        count, last = remaining.get(r.id, (0, None))
        out.append(LineStock(
            admission_id=r.admission_id, regimen_id=r.id, drug=r.drug, dose=r.dose,
            doses_per_day=r.doses_per_day, on_hand=int(r.on_hand), doses_remaining=count,
            runs_out_at=runs_out.get(r.id), next_delivery_at=next_delivery.get(r.admission_id),
            last_dose_at=last))
    return out


def supply_days_left(lines: list[LineStock], now: datetime | None = None) -> float | None:
    """Days until the first line runs out; None when every line is covered to its end."""
    now = now or now_utc()
    hours = [h for line in lines if (h := line.hours_left(now)) is not None]
    if not hours:
        return None
    return max(0.0, min(hours) / 24)
