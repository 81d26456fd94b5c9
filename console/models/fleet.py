"""MBE shifts: each base has a day and an evening shift with at most 4 cars (R-SHIFT)."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, Versioned, str_enum
from console.models.reference import Car, MbeBase
from console.vocabulary import ShiftKind


class Shift(Versioned, Base):
    __tablename__ = "shift"
    __table_args__ = (UniqueConstraint("base_id", "shift_date", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("base.id"), index=True)
    shift_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[ShiftKind] = mapped_column(str_enum(ShiftKind, "shift_kind"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]

    base: Mapped[MbeBase] = relationship()
    cars: Mapped[list["ShiftCar"]] = relationship(
        back_populates="shift", cascade="all, delete-orphan", order_by="ShiftCar.id"
    )


class ShiftCar(Versioned, Base):
    __tablename__ = "shift_car"
    __table_args__ = (UniqueConstraint("shift_id", "car_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"), index=True)
    car_id: Mapped[int] = mapped_column(ForeignKey("car.id"))
    crew: Mapped[str | None] = mapped_column(String(200))
    in_service: Mapped[bool] = mapped_column(Boolean, default=True)
    # Why the car is off the road this shift (R-SHIFT); cleared when it is back in service.
    out_of_service_reason: Mapped[str | None] = mapped_column(Text)

    shift: Mapped[Shift] = relationship(back_populates="cars")
    car: Mapped[Car] = relationship()


class Rota(Versioned, Base):
    """How many cars a base normally staffs on a shift kind (R-SHIFT: at most
    ``max_cars_per_shift``, the agreement's cap; this is the admin's normal count under it).
    The dispatcher's "create the week" reads it; hours come from the shift settings."""

    __tablename__ = "rota"
    __table_args__ = (UniqueConstraint("base_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("base.id"), index=True)
    kind: Mapped[ShiftKind] = mapped_column(str_enum(ShiftKind, "shift_kind"))
    cars: Mapped[int] = mapped_column(Integer)

    base: Mapped[MbeBase] = relationship()


class RoutePlan(Base):
    """An accepted route plan, with what reproduces it (issue 18): the same visits and cars, the
    same ``seed`` and ``iteration_budget`` give the same plan when ``capped`` is false (the
    iterations, not the wall-clock cap ``time_limit``, ended the search)."""

    __tablename__ = "route_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    base: Mapped[str | None] = mapped_column(String(100))
    shift_kind: Mapped[str | None] = mapped_column(String(16))
    seed: Mapped[int] = mapped_column(Integer)
    iteration_budget: Mapped[int] = mapped_column(Integer)
    iterations: Mapped[int] = mapped_column(Integer)  # used
    time_limit: Mapped[float] = mapped_column(Float)
    capped: Mapped[bool] = mapped_column(Boolean)
    placed: Mapped[int] = mapped_column(Integer)
    cars: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime]
    saved_by: Mapped[str | None] = mapped_column(String(16))
