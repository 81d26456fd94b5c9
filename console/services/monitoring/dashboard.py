"""Every dashboard figure for a period, gathered in one session (one background operation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from console.services.monitoring import operations as ops
from console.services.monitoring.operations import (
    CarUtilisation,
    DeliveryFigures,
    EscalationFlow,
    ResponseFigures,
    SupplyFigures,
    VisitFigures,
)
from console.services.monitoring.patient_flow import (
    CapacitySeries,
    CourseFlow,
    CrpDecisions,
    LengthOfStay,
    admitted_per_day,
    bed_days_per_month,
    course_flow,
    crp_decisions,
    length_of_stay,
    outcomes,
)
from console.services.monitoring.periods import (
    LabelledCounts,
    Period,
)
from console.services.monitoring.referral_flow import ReferralFlow, referral_flow
from console.timeutil import local_date, now_utc


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    period: Period
    capacity: CapacitySeries
    bed_days: tuple[tuple[date, int], ...]
    courses: CourseFlow
    length: LengthOfStay
    outcomes: LabelledCounts
    crp: CrpDecisions
    visits: VisitFigures
    cars: CarUtilisation
    escalations: EscalationFlow
    response: tuple[ResponseFigures, ...]
    deliveries: DeliveryFigures
    supplies: SupplyFigures
    referrals: ReferralFlow


def dashboard_figures(session: Session, period: Period, *, now: datetime | None = None
                      ) -> DashboardFigures:
    """Every dashboard figure for a period, read in one session (one background operation)."""

    now = now or now_utc()
    today = local_date(now)
    capacity = admitted_per_day(session, period, today=today)
    return DashboardFigures(
        period=period, capacity=capacity, bed_days=bed_days_per_month(capacity),
        courses=course_flow(session, period), length=length_of_stay(session, period),
        outcomes=outcomes(session, period), crp=crp_decisions(session, period, today=today),
        visits=ops.visit_figures(session, period), cars=ops.car_utilisation(session, period),
        escalations=ops.escalation_flow(session, period),
        response=ops.escalation_response(session, period, now=now),
        deliveries=ops.delivery_figures(session, period, now=now),
        supplies=ops.supply_figures(session, period),
        referrals=referral_flow(session, period, now=now))
