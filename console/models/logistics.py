"""Deliveries of medicine and supplies to the home (R-SUPPLY, R-IVBOX)."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.admission import Admission
from console.models.base import Base, Versioned, str_enum
from console.vocabulary import DeliveryStatus


class Delivery(Versioned, Base):
    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(
        ForeignKey("admission.id", ondelete="CASCADE"), index=True
    )
    due_by: Mapped[datetime]
    status: Mapped[DeliveryStatus] = mapped_column(str_enum(DeliveryStatus, "delivery_status"))
    contents: Mapped[str] = mapped_column(Text, default="")  # human-readable packing list
    days_covered: Mapped[int] = mapped_column(Integer, default=0)
    courier: Mapped[str | None] = mapped_column(String(128))
    delivered_at: Mapped[datetime | None]
    failed_reason: Mapped[str | None] = mapped_column(Text)
    needs_review: Mapped[bool] = mapped_column(default=False)
    # Handed to an MBE car: the visit that carries it, a stop on that car's route (issue 6).
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"))

    admission: Mapped[Admission] = relationship()
    items: Mapped[list["DeliveryItem"]] = relationship(
        back_populates="delivery", cascade="all, delete-orphan", order_by="DeliveryItem.id"
    )


class DeliveryItem(Base):
    """One line of a delivery's packing list: doses of a regimen line, or an IV box item
    (R-IVBOX: infusion sets, 10 ml NaCl flushes, sharps box, IV access supplies…)."""

    __tablename__ = "delivery_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("delivery.id", ondelete="CASCADE"), index=True
    )
    regimen_id: Mapped[int | None] = mapped_column(ForeignKey("regimen.id", ondelete="SET NULL"))
    item: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(Integer)

    delivery: Mapped[Delivery] = relationship(back_populates="items")
