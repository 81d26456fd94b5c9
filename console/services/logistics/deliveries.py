"""Deliveries of medicine and supplies: creation (from the record, an escalation or an automatic
proposal, R-SUPPLY), the status flow, and the logistics screen's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.models import Admission, Delivery, DeliveryItem, Municipality, Patient
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, RuleViolation
from console.services.core.uow import check_version, get_existing
from console.services.logistics.packing import PackLine, describe, packing_list
from console.services.logistics.stock import LineStock, project_stock
from console.timeutil import now_utc, ward_day_bounds
from console.vocabulary import AdmissionStatus, DeliveryStatus, Role

LOGISTICS_ROLES = {Role.LOGISTICS, Role.E_NURSE, Role.E_DOCTOR}
LEAD_HOURS = 12  # a proposed delivery arrives this long before the stock runs out

# requested → packed → out for delivery → delivered; failed (with a reason) from packed or out;
# cancelled before it leaves. Nothing moves back from delivered, failed or cancelled.
TRANSITIONS: dict[DeliveryStatus, frozenset[DeliveryStatus]] = {
    DeliveryStatus.REQUESTED: frozenset({DeliveryStatus.PACKED, DeliveryStatus.CANCELLED}),
    DeliveryStatus.PACKED: frozenset({DeliveryStatus.OUT, DeliveryStatus.REQUESTED,
                                      DeliveryStatus.FAILED, DeliveryStatus.CANCELLED}),
    DeliveryStatus.OUT: frozenset({DeliveryStatus.DELIVERED, DeliveryStatus.FAILED}),
    DeliveryStatus.DELIVERED: frozenset(),
    DeliveryStatus.FAILED: frozenset(),
    DeliveryStatus.CANCELLED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    admission_id: int
    patient: str
    address: str
    phone: str | None
    municipality: str
    due_by: datetime
    status: str
    items: tuple[PackLine, ...]
    contents: str
    courier: str | None
    delivered_at: datetime | None
    failed_reason: str | None
    needs_review: bool
    lat: float
    lon: float
    version: int
    visit_id: int | None = None  # handed to an MBE car: the visit that carries it


def doses_to_pack(stock: list[LineStock], until: datetime | None) -> list[tuple[int | None, str, int]]:
    """Doses from the run-out up to the planned end or the next delivery, whichever is sooner."""
    out: list[tuple[int | None, str, int]] = []
    for line in stock:
        need = line.doses_remaining - max(line.on_hand, 0)
        if until is not None and line.runs_out_at is not None and line.doses_per_day:
            days = max(0.0, (until - line.runs_out_at) / timedelta(days=1))
            need = min(need, int(days * line.doses_per_day + 0.999))
        out.append((line.regimen_id, f"{line.drug} {line.dose}", max(need, 0)))
    return out


def create_delivery(session: Session, admission_id: int, *, due_by: datetime | None = None,
                    items: list[PackLine] | None = None) -> int:
    """A delivery for an admitted patient; the packing list is proposed from the stock unless
    given (R-SUPPLY, R-IVBOX)."""
    require_role(session, LOGISTICS_ROLES, "order a delivery")
    adm = get_existing(session, Admission, admission_id, "admission")
    if adm.status is not AdmissionStatus.ADMITTED:
        raise InvalidInput("admission_id", "Deliveries are for admitted patients only.")
    stock = project_stock(session, [admission_id])
    if items is None:
        items = packing_list(doses_to_pack(stock, None))
        if not items:
            raise RuleViolation("R-SUPPLY", "items", "The stock at home covers every remaining "
                                "dose: nothing to deliver. Give the items to send anyway.")
    if due_by is None:
        runs_out = min((s.runs_out_at for s in stock if s.runs_out_at), default=None)
        due_by = max(now_utc() + timedelta(hours=2),
                     (runs_out - timedelta(hours=LEAD_HOURS)) if runs_out else now_utc())
    delivery = Delivery(admission_id=admission_id, due_by=due_by, status=DeliveryStatus.REQUESTED,
                        contents=describe(items),
                        items=[DeliveryItem(regimen_id=i.regimen_id, item=i.item,
                                            quantity=i.quantity) for i in items])
    session.add(delivery)
    session.flush()
    return delivery.id


def set_status(session: Session, delivery_id: int, status: DeliveryStatus, *,
               reason: str | None = None, courier: str | None = None,
               expected_version: int | None = None) -> tuple[DeliveryRow, int | None]:
    """Move a delivery on. A failed delivery needs a reason and creates its follow-up (returned)."""
    user = require_role(session, LOGISTICS_ROLES, "change a delivery")
    d = get_existing(session, Delivery, delivery_id, "delivery", lock=True)
    check_version(d, expected_version, "delivery")
    if status not in TRANSITIONS[d.status]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[d.status])) or "nothing"
        raise RuleViolation("R-DELIVERY-FLOW", "status",
                            f"A {d.status.value} delivery cannot become {status.value} "
                            f"(allowed: {allowed}).")
    follow_up = None
    if status is DeliveryStatus.FAILED:
        if not (reason or "").strip():
            raise RuleViolation("R-DELIVERY-FLOW", "reason", "Say why the delivery failed.")
        d.failed_reason = (reason or "").strip()
        follow_up = create_follow_up(session, d)
    if status is DeliveryStatus.DELIVERED:
        d.delivered_at = now_utc()
    if status in (DeliveryStatus.PACKED, DeliveryStatus.OUT):
        d.courier = courier or d.courier or user
        d.needs_review = False
    d.status = status
    session.flush()
    return list_deliveries(session, Delivery.id == d.id)[0], follow_up


def create_follow_up(session: Session, failed: Delivery) -> int:
    """A failed delivery is tried again: the same contents, due within 4 hours."""
    follow = Delivery(admission_id=failed.admission_id, due_by=now_utc() + timedelta(hours=4),
                      status=DeliveryStatus.REQUESTED, contents=failed.contents,
                      days_covered=failed.days_covered,
                      items=[DeliveryItem(regimen_id=i.regimen_id, item=i.item,
                                          quantity=i.quantity) for i in failed.items])
    session.add(follow)
    session.flush()
    return follow.id


def list_deliveries(session: Session, *where: object) -> list[DeliveryRow]:
    stmt = (select(Delivery, Patient, Municipality.name)
            .join(Admission, Delivery.admission_id == Admission.id)
            .join(Patient, Admission.patient_id == Patient.id)
            .join(Municipality, Patient.municipality_id == Municipality.id)
            .where(*where)  # type: ignore[arg-type]
            .options(selectinload(Delivery.items))
            .order_by(Delivery.due_by, Delivery.id))
    return [DeliveryRow(
        id=d.id, admission_id=d.admission_id, patient=p.name, address=p.address, phone=p.phone,
        municipality=muni, due_by=d.due_by, status=d.status.value,
        items=tuple(PackLine(i.regimen_id, i.item, i.quantity) for i in d.items),
        contents=d.contents, courier=d.courier, delivered_at=d.delivered_at,
        failed_reason=d.failed_reason, needs_review=d.needs_review, lat=p.lat, lon=p.lon,
        version=d.version, visit_id=d.visit_id) for d, p, muni in session.execute(stmt)]


def deliveries_for_day(session: Session, day: date) -> list[DeliveryRow]:
    """Due that day, plus anything still open from before (so nothing falls off the list)."""
    start, end = ward_day_bounds(day)
    from sqlalchemy import and_, or_

    return list_deliveries(session, or_(
        and_(Delivery.due_by >= start, Delivery.due_by < end),
        and_(Delivery.due_by < start, Delivery.status.in_(
            (DeliveryStatus.REQUESTED, DeliveryStatus.PACKED, DeliveryStatus.OUT)))))


@dataclass(frozen=True, slots=True)
class Proposal:
    admission_id: int
    patient: str
    runs_out_at: datetime
    due_by: datetime
    items: tuple[PackLine, ...]


def propose_deliveries(session: Session, now: datetime | None = None) -> list[Proposal]:
    """R-SUPPLY: every admitted course whose stock runs out before its last planned dose and has
    no open delivery gets a proposal (not saved)."""
    now = now or now_utc()
    admissions = dict(session.execute(
        select(Admission.id, Patient.name).join(Patient, Admission.patient_id == Patient.id)
        .where(Admission.status == AdmissionStatus.ADMITTED)).all())
    by_adm: dict[int, list[LineStock]] = {}
    for line in project_stock(session, admissions):
        by_adm.setdefault(line.admission_id, []).append(line)
    proposals = []
    for adm_id, lines in sorted(by_adm.items()):
        runs_out = min((s.runs_out_at for s in lines if s.runs_out_at), default=None)
        if runs_out is None or any(s.next_delivery_at is not None for s in lines):
            continue
        items = packing_list(doses_to_pack(lines, None))
        if not items:
            continue
        due = max(now + timedelta(hours=2), runs_out - timedelta(hours=LEAD_HOURS))
        proposals.append(Proposal(adm_id, admissions[adm_id], runs_out, due, tuple(items)))
    return proposals


@dataclass(frozen=True, slots=True)
class AcceptedProposals:
    created: tuple[int, ...]  # the delivery ids requested
    skipped: int  # chosen courses that no longer need one (another desk planned it meanwhile)


def accept_proposals_for(session: Session, admission_ids: list[int]) -> AcceptedProposals:
    """Accept the proposals for these courses as they stand now (another desk may have planned
    some meanwhile: those are skipped and counted)."""
    wanted = set(admission_ids)
    fresh = [p for p in propose_deliveries(session) if p.admission_id in wanted]
    return AcceptedProposals(tuple(accept_proposals(session, fresh)), len(wanted) - len(fresh))


def accept_proposals(session: Session, proposals: list[Proposal]) -> list[int]:
    return [create_delivery(session, p.admission_id, due_by=p.due_by, items=list(p.items))
            for p in proposals]


@dataclass(frozen=True, slots=True)
class AtRiskRow:
    """An admitted patient whose medicine runs out within 48 h with no delivery planned before
    the run-out (R-SUPPLY): the logistics screen's red list."""

    admission_id: int
    patient: str
    municipality: str
    address: str
    phone: str | None
    medicine: tuple[str, ...]  # "drug dose" of each line that runs out in time
    runs_out_at: datetime
    hours_left: float  # negative: already run out
    next_delivery_at: datetime | None  # an open delivery due only after the run-out, or None


def at_risk_without_delivery(session: Session, now: datetime | None = None) -> list[AtRiskRow]:
    """R-SUPPLY: admitted courses with a line that runs out within 48 h of ``now``
    (``stock.RED_HOURS``) and no open delivery due before that run-out; soonest run-out first."""
    now = now or now_utc()
    patients = {adm_id: (name, address, phone, muni) for adm_id, name, address, phone, muni
                in session.execute(
                    select(Admission.id, Patient.name, Patient.address, Patient.phone,
                           Municipality.name)
                    .join(Patient, Admission.patient_id == Patient.id)
                    .join(Municipality, Patient.municipality_id == Municipality.id)
                    .where(Admission.status == AdmissionStatus.ADMITTED))}
    by_adm: dict[int, list[LineStock]] = {}
    for line in project_stock(session, patients):
        if line.at_risk(now):
            by_adm.setdefault(line.admission_id, []).append(line)
    rows = []
    for adm_id, lines in by_adm.items():
        runs_out = min(line.runs_out_at for line in lines if line.runs_out_at is not None)
        name, address, phone, muni = patients[adm_id]
        rows.append(AtRiskRow(
            admission_id=adm_id, patient=name, municipality=muni, address=address, phone=phone,
            medicine=tuple(f"{line.drug} {line.dose}" for line in lines), runs_out_at=runs_out,
            hours_left=(runs_out - now) / timedelta(hours=1),
            next_delivery_at=lines[0].next_delivery_at))
    return sorted(rows, key=lambda r: (r.runs_out_at, r.patient, r.admission_id))


@dataclass(frozen=True, slots=True)
class LogisticsDay:
    """What the logistics screen shows for a ward day, read in one transaction."""

    day: date
    now: datetime
    deliveries: tuple[DeliveryRow, ...]
    runs_out: dict[int, datetime | None]  # admission id → first run-out (None: covered)
    at_risk: tuple[AtRiskRow, ...]


def load_logistics_day(session: Session, day: date, now: datetime | None = None) -> LogisticsDay:
    now = now or now_utc()
    deliveries = tuple(deliveries_for_day(session, day))
    runs_out: dict[int, datetime | None] = {d.admission_id: None for d in deliveries}
    for line in project_stock(session, runs_out):
        current = runs_out[line.admission_id]
        if line.runs_out_at is not None and (current is None or line.runs_out_at < current):
            runs_out[line.admission_id] = line.runs_out_at
    return LogisticsDay(day=day, now=now, deliveries=deliveries, runs_out=runs_out,
                        at_risk=tuple(at_risk_without_delivery(session, now)))

