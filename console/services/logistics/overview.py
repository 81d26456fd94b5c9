"""The logistics screen's day in one read: the deliveries and the run that drives them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from console.services.logistics.deliveries import LogisticsDay, load_logistics_day
from console.services.logistics.delivery_runs import DeliveryRun, plan_delivery_run


@dataclass(frozen=True, slots=True)
class LogisticsView:
    day: LogisticsDay
    run: DeliveryRun


def logistics_view(session: Session, day: date) -> LogisticsView:
    snapshot = load_logistics_day(session, day)
    run = plan_delivery_run(session, day, deliveries=snapshot.deliveries)
    return LogisticsView(snapshot, run)
