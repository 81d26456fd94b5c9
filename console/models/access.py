"""A course's IV access as a record of its own (R-ACCESS, issue 19): type, placed when and by
whom, planned removal, and when and why it ended (a failed access replaced by a new one)."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, Versioned, str_enum
from console.vocabulary import IvAccess


class IvAccessRecord(Versioned, Base):
    __tablename__ = "iv_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    admission_id: Mapped[int] = mapped_column(
        ForeignKey("admission.id", ondelete="CASCADE"), index=True)
    kind: Mapped[IvAccess] = mapped_column(str_enum(IvAccess, "iv_access_kind"))
    placed_at: Mapped[datetime]
    placed_by: Mapped[str | None] = mapped_column(String(64))  # initials, "MBE Holbæk", a ward
    remove_by: Mapped[date | None] = mapped_column(Date)  # R-HANDOVER: when to remove it
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(Text)  # blocked, lost, removed as planned…
