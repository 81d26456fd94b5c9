"""Visits: every planned contact with a patient's home (doses, first visit, blood samples…)."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.admission import Admission, Provider
from console.models.base import Base, Versioned, partial_index, str_enum
from console.vocabulary import PlaceOfTreatment, VisitKind, VisitStatus


class Visit(Versioned, Base):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_window_start_status", "window_start", "status"),
        Index("ix_visit_admission_id_window_start", "admission_id", "window_start"),
        Index("ix_visit_regimen_id_status", "regimen_id", "status"),  # stock per line (0011)
        partial_index("ix_visit_planned_admission_window", "admission_id", "window_end",
                      "window_start", where="status = 'planned'"),  # the census's next visit (0011)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(ForeignKey("admission.id", ondelete="CASCADE"))
    regimen_id: Mapped[int | None] = mapped_column(ForeignKey("regimen.id", ondelete="SET NULL"))
    kind: Mapped[VisitKind] = mapped_column(str_enum(VisitKind, "visit_kind"))
    provider: Mapped[Provider] = mapped_column(str_enum(Provider, "provider"))
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    service_minutes: Mapped[int] = mapped_column(Integer, default=30)  # R-VISIT-LEN: < 60
    status: Mapped[VisitStatus] = mapped_column(str_enum(VisitStatus, "visit_status"))
    shift_car_id: Mapped[int | None] = mapped_column(
        ForeignKey("shift_car.id", ondelete="SET NULL"), index=True
    )
    route_order: Mapped[int | None] = mapped_column(Integer)
    eta: Mapped[datetime | None]
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    task: Mapped[str | None] = mapped_column(String(32))  # the MBE task ordered (R-MBE-TASKS, 0016)
    # R-REGISTER: where this visit took place when it differs from the course's place.
    place: Mapped[PlaceOfTreatment | None] = mapped_column(str_enum(PlaceOfTreatment, "visit_place"))
    # R-REGISTER: who performed it, when, time spent, observations; or why it was missed.
    performed_by: Mapped[str | None] = mapped_column(String(128))
    performed_at: Mapped[datetime | None]
    minutes_spent: Mapped[int | None] = mapped_column(Integer)
    observations: Mapped[str | None] = mapped_column(Text)
    missed_reason: Mapped[str | None] = mapped_column(Text)

    admission: Mapped[Admission] = relationship()
