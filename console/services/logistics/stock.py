"""Home stock per regimen line and its projected run-out (R-SUPPLY).

on hand = doses sent with the patient + doses delivered − doses given (visits registered done).
The run-out time is the window start of the first remaining planned dose the stock cannot
cover. Everything is computed from the visits, so a regimen change, a missed or an extra dose
moves the projection at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from console.models import (
    Delivery,
    DeliveryItem,
    DeliveryStatus,
    Regimen,
    Visit,
    VisitKind,
    VisitStatus,
)
from console.timeutil import now_utc

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
    regimens = list(session.scalars(select(Regimen).where(Regimen.admission_id.in_(ids))
                                    .order_by(Regimen.admission_id, Regimen.id)))
    reg_ids = select(Regimen.id).where(Regimen.admission_id.in_(ids))
    given = dict(session.execute(
        select(Visit.regimen_id, func.count()).where(
            Visit.regimen_id.in_(reg_ids), Visit.status == VisitStatus.DONE,
            Visit.kind.in_(DOSE_KINDS)).group_by(Visit.regimen_id)).all())
    delivered = dict(session.execute(
        select(DeliveryItem.regimen_id, func.sum(DeliveryItem.quantity))
        .join(Delivery, DeliveryItem.delivery_id == Delivery.id)
        .where(DeliveryItem.regimen_id.in_(reg_ids), Delivery.status == DeliveryStatus.DELIVERED)
        .group_by(DeliveryItem.regimen_id)).all())
    remaining: dict[int, list[datetime]] = defaultdict(list)
    for reg_id, start in session.execute(
            select(Visit.regimen_id, Visit.window_start).where(
                Visit.regimen_id.in_(reg_ids), Visit.status == VisitStatus.PLANNED,
                Visit.kind.in_(DOSE_KINDS)).order_by(Visit.regimen_id, Visit.window_start)):
        if reg_id is not None:
            remaining[reg_id].append(start)
    next_delivery = dict(session.execute(
        select(Delivery.admission_id, func.min(Delivery.due_by)).where(
            Delivery.admission_id.in_(ids), Delivery.status.in_(OPEN_DELIVERY))
        .group_by(Delivery.admission_id)).all())
    out = []
    for r in regimens:
        on_hand = r.doses_sent + int(delivered.get(r.id) or 0) - int(given.get(r.id) or 0)
        planned = remaining.get(r.id, [])
        runs_out = planned[max(on_hand, 0)] if len(planned) > max(on_hand, 0) else None
        out.append(LineStock(
            admission_id=r.admission_id, regimen_id=r.id, drug=r.drug, dose=r.dose,
            doses_per_day=r.doses_per_day, on_hand=on_hand, doses_remaining=len(planned),
            runs_out_at=runs_out, next_delivery_at=next_delivery.get(r.admission_id),
            last_dose_at=planned[-1] if planned else None))
    return out


def supply_days_left(lines: list[LineStock], now: datetime | None = None) -> float | None:
    """Days until the first line runs out; None when every line is covered to its end."""
    now = now or now_utc()
    hours = [h for line in lines if (h := line.hours_left(now)) is not None]
    if not hours:
        return None
    return max(0.0, min(hours) / 24)
