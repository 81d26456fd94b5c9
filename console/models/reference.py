"""Reference data: municipalities, MBE bases and cars, staff and roles, tariffs, settings.

Design rule 9: reference data is data, seeded from ``resources/`` and editable by an admin.
"""

from sqlalchemy import Boolean, Float, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, Versioned, str_enum
from console.vocabulary import ContactTeam, Role


class Municipality(Versioned, Base):
    __tablename__ = "municipality"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    main_town: Mapped[str] = mapped_column(String(64))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    phone: Mapped[str | None] = mapped_column(String(32))
    # R-FREQ: 4 municipal administrations a day only where the municipality has agreed to it.
    four_daily_agreement: Mapped[bool] = mapped_column(Boolean, default=False)

    contacts: Mapped[list["MunicipalContact"]] = relationship(
        back_populates="municipality", order_by="[MunicipalContact.team, MunicipalContact.name]")


class MunicipalContact(Versioned, Base):
    """One number in a municipality's contact directory (issue 7): the escalation intake offers
    it as the caller, an admin keeps it up to date. Never deleted: ``active`` retires it."""

    __tablename__ = "municipal_contact"
    __table_args__ = (UniqueConstraint("municipality_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"), index=True)
    team: Mapped[ContactTeam] = mapped_column(str_enum(ContactTeam, "contact_team"))
    name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str] = mapped_column(String(32))
    hours: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    municipality: Mapped[Municipality] = relationship(back_populates="contacts")


class MbeBase(Versioned, Base):
    """A Mobile Treatment Unit base (Holbæk, Næstved, Nykøbing F.)."""

    __tablename__ = "base"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    town: Mapped[str] = mapped_column(String(64))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)

    cars: Mapped[list["Car"]] = relationship(back_populates="base", order_by="Car.call_sign")


class Car(Versioned, Base):
    __tablename__ = "car"

    id: Mapped[int] = mapped_column(primary_key=True)
    base_id: Mapped[int] = mapped_column(ForeignKey("base.id"), index=True)
    call_sign: Mapped[str] = mapped_column(String(16), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    base: Mapped[MbeBase] = relationship(back_populates="cars")


class Staff(Versioned, Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    initials: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    roles: Mapped[list["StaffRole"]] = relationship(
        back_populates="staff", cascade="all, delete-orphan", order_by="StaffRole.role"
    )


class StaffRole(Base):
    __tablename__ = "staff_role"
    __table_args__ = (UniqueConstraint("staff_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))

    staff: Mapped[Staff] = relationship(back_populates="roles")


class TariffType(Versioned, Base):
    """A course tariff (R-TARIFF): price level year, base price, later per-day/per-month rates, split.

    Amounts are Danish kroner; the split is the region's share in percent (the municipality pays
    the rest).
    """

    __tablename__ = "tariff_type"
    __table_args__ = (UniqueConstraint("code", "price_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    price_year: Mapped[int] = mapped_column(Integer)
    course_price: Mapped[float] = mapped_column(Numeric(12, 2, asdecimal=False))
    per_day_rate: Mapped[float | None] = mapped_column(Numeric(12, 2, asdecimal=False))
    per_day_from_day: Mapped[int | None] = mapped_column(Integer)
    per_month_rate: Mapped[float | None] = mapped_column(Numeric(12, 2, asdecimal=False))
    region_share_pct: Mapped[float] = mapped_column(Numeric(5, 2, asdecimal=False), default=70)
    severity_category: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)


class Setting(Versioned, Base):
    """Shared configuration (capacity, shift hours, supply days…) as typed text values."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
