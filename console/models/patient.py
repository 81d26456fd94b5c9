"""Patients: identity, home, contacts. One patient may have several admissions over time."""

from sqlalchemy import Boolean, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, Versioned
from console.models.reference import Municipality


class Patient(Versioned, Base):
    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(primary_key=True)
    cpr: Mapped[str] = mapped_column(String(11), unique=True)  # DDMMYY-SSSS
    name: Mapped[str] = mapped_column(String(128))
    address: Mapped[str] = mapped_column(String(200))
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"), index=True)
    # Geocoding is not available offline: a point per patient, or the municipality's point
    # with location_approximate set so maps and route sheets can say so.
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    location_approximate: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    gp: Mapped[str | None] = mapped_column(String(200))
    key_notes: Mapped[str | None] = mapped_column(Text)

    municipality: Mapped[Municipality] = relationship()
    relatives: Mapped[list["Relative"]] = relationship(
        back_populates="patient", cascade="all, delete-orphan", order_by="Relative.id"
    )


class Relative(Base):
    __tablename__ = "relative"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    relation: Mapped[str | None] = mapped_column(String(64))

    patient: Mapped[Patient] = relationship(back_populates="relatives")
