"""Daily virtual ward rounds (one per admitted patient per ward day) and their addenda."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.admission import Admission
from console.models.base import Base, Versioned, str_enum
from console.vocabulary import RoundDecision, RoundStatus


class WardRound(Versioned, Base):
    __tablename__ = "ward_round"
    __table_args__ = (UniqueConstraint("admission_id", "round_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(ForeignKey("admission.id", ondelete="CASCADE"))
    round_date: Mapped[date] = mapped_column(Date, index=True)
    planned_at: Mapped[datetime | None]
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[RoundStatus] = mapped_column(str_enum(RoundStatus, "round_status"))
    doctor: Mapped[str | None] = mapped_column(String(16))
    nurse: Mapped[str | None] = mapped_column(String(16))
    participants: Mapped[str | None] = mapped_column(String(200))
    prep_notes: Mapped[str | None] = mapped_column(Text)
    subjective: Mapped[str | None] = mapped_column(Text)
    objective: Mapped[str | None] = mapped_column(Text)
    assessment: Mapped[str | None] = mapped_column(Text)
    plan: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[RoundDecision | None] = mapped_column(str_enum(RoundDecision, "round_decision"))
    crp_other_day_reason: Mapped[str | None] = mapped_column(Text)
    signed_by: Mapped[str | None] = mapped_column(String(16))
    signed_at: Mapped[datetime | None]

    admission: Mapped[Admission] = relationship()


class RoundAddendum(Base):
    __tablename__ = "round_addendum"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("ward_round.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str] = mapped_column(String(16))
    written_at: Mapped[datetime]
