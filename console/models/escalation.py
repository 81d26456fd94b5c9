"""Escalations: calls from municipal nurses, routed by R-CONTACT, with response clocks."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.admission import Admission
from console.models.base import Base, Versioned, str_enum
from console.models.reference import Municipality
from console.vocabulary import EscalationCategory, ResolveAction, RoutedTo, Severity


class Escalation(Versioned, Base):
    __tablename__ = "escalation"

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(
        ForeignKey("admission.id", ondelete="CASCADE"), index=True
    )
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"))
    caller_name: Mapped[str] = mapped_column(String(128))
    caller_phone: Mapped[str | None] = mapped_column(String(32))
    category: Mapped[EscalationCategory] = mapped_column(
        str_enum(EscalationCategory, "escalation_category")
    )
    severity: Mapped[Severity] = mapped_column(str_enum(Severity, "severity"))
    text: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime]
    routed_to: Mapped[RoutedTo] = mapped_column(str_enum(RoutedTo, "routed_to"))
    route_override_reason: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(16))
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(16))
    resolution_action: Mapped[ResolveAction | None] = mapped_column(
        str_enum(ResolveAction, "resolve_action")
    )
    resolution_note: Mapped[str | None] = mapped_column(Text)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("delivery.id", ondelete="SET NULL"))

    admission: Mapped[Admission] = relationship()
    municipality: Mapped[Municipality] = relationship()
