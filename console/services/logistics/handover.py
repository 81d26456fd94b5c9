"""A delivery handed to an MBE car (issue 6): it becomes a stop on that car's route.

The logistics assistant (or an e-nurse) hands a delivery over when an MBE car passes the
patient anyway, or the delivery is urgent. The console creates an MBE visit of kind
"delivery" that waits in the dispatcher's tray, linked both ways; when that visit is
registered done the delivery is delivered, and when it is missed the delivery fails with that
reason (which creates the follow-up delivery, as any failed delivery does).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Delivery, Visit
from console.services.core.errors import RuleViolation
from console.services.core.settings_store import get_time
from console.services.core.uow import check_version, get_existing
from console.services.logistics.deliveries import DeliveryRow, list_deliveries
from console.timeutil import local_date, now_utc, utc_at
from console.vocabulary import DeliveryStatus, Provider, VisitKind, VisitStatus

HANDOVER_STATUSES = frozenset({DeliveryStatus.REQUESTED, DeliveryStatus.PACKED})
DELIVERY_STOP_MINUTES = 10
WINDOW_HOURS = 6  # the car may bring it up to this long before it is due
MIN_WINDOW = timedelta(minutes=30)


def delivery_window(session: Session, due_by: datetime,
                    now: datetime | None = None) -> tuple[datetime, datetime]:
    """Inside the MBE's hours (day shift start – evening shift end, R-SHIFT), before it is due.

    A delivery already (nearly) overdue goes on the next stretch the cars are out: the rest of
    today, or tomorrow morning.
    """
    now = now or now_utc()
    first, last = get_time(session, "day_shift_start"), get_time(session, "evening_shift_end")
    day = local_date(due_by)
    start = max(due_by - timedelta(hours=WINDOW_HOURS), utc_at(day, first), now)
    end = min(due_by, utc_at(day, last))
    if end - start >= MIN_WINDOW:
        return start, end
    today = local_date(now)
    start, end = max(now, utc_at(today, first)), utc_at(today, last)
    if end - start >= MIN_WINDOW:
        return start, min(end, start + timedelta(hours=WINDOW_HOURS))
    tomorrow = today + timedelta(days=1)
    start = utc_at(tomorrow, first)
    return start, start + timedelta(hours=WINDOW_HOURS)


def hand_to_mbe(session: Session, delivery_id: int, *,
                expected_version: int | None = None) -> int:
    """Create the MBE visit that carries the delivery; returns the visit id."""
    from console.services.core.access import require_role
    from console.services.logistics.deliveries import LOGISTICS_ROLES

    require_role(session, LOGISTICS_ROLES, "hand a delivery to an MBE car")
    d = get_existing(session, Delivery, delivery_id, "delivery", lock=True)
    check_version(d, expected_version, "delivery")
    if d.status not in HANDOVER_STATUSES:
        raise RuleViolation("R-DELIVERY-FLOW", "status",
                            f"A delivery that is {d.status.value} cannot be handed to an MBE car; "
                            "only a requested or packed one can.")
    if d.visit_id is not None:
        visit = session.get(Visit, d.visit_id)
        if visit is not None and visit.status is VisitStatus.PLANNED:
            raise RuleViolation("R-DELIVERY-FLOW", "delivery",
                                f"This delivery is already with the MBE (visit {visit.id}).")
    start, end = delivery_window(session, d.due_by)
    visit = Visit(admission_id=d.admission_id, kind=VisitKind.DELIVERY, provider=Provider.MBE,
                  window_start=start, window_end=end, service_minutes=DELIVERY_STOP_MINUTES,
                  status=VisitStatus.PLANNED,
                  note=f"Delivery #{d.id}: {d.contents}"[:2000])
    session.add(visit)
    session.flush()
    d.visit_id = visit.id
    d.courier = "MBE"
    session.flush()
    return visit.id


def on_delivery_visit(session: Session, visit: Visit) -> None:
    """Called when a delivery visit is registered: the delivery follows (done / missed)."""
    if visit.kind is not VisitKind.DELIVERY:
        return
    d = session.scalar(select(Delivery).where(Delivery.visit_id == visit.id)
                       .with_for_update())
    if d is None or d.status not in (*HANDOVER_STATUSES, DeliveryStatus.OUT):
        return
    if visit.status is VisitStatus.DONE:
        d.status = DeliveryStatus.DELIVERED
        d.delivered_at = visit.performed_at or now_utc()
        session.flush()
    elif visit.status is VisitStatus.MISSED:
        from console.services.logistics.deliveries import create_follow_up

        d.status = DeliveryStatus.FAILED
        d.failed_reason = f"MBE visit missed: {visit.missed_reason or 'no reason given'}"
        create_follow_up(session, d)


def hand_over_to_mbe(session: Session, delivery_id: int, *,
                     expected_version: int | None = None) -> tuple[DeliveryRow, int | None]:
    """The logistics screen's *Hand to MBE*: the delivery's row as it stands afterwards (no
    follow-up delivery is created, hence None, as ``set_status`` reports one)."""
    hand_to_mbe(session, delivery_id, expected_version=expected_version)
    return list_deliveries(session, Delivery.id == delivery_id)[0], None
