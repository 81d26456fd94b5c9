"""Change feed, audit trail and access log. Append-only: never updated, never deleted."""

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a bigint.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ChangeLog(Base):
    """One row per changed row, written by the database's audit trigger; other desks watch it."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime]
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(8))  # insert / update / delete
    user: Mapped[str | None] = mapped_column(String(16))
    # The admission the changed row belongs to (None: not a patient's row), so a screen can
    # reload only the rows of that admission.
    admission_id: Mapped[int | None] = mapped_column(Integer)


class AuditEvent(Base):
    __tablename__ = "audit_event"
    # The PostgreSQL audit backstop looks up "did the console audit this row in this
    # transaction?" at every commit (console/dbroles.py): by table and row.
    __table_args__ = (Index("ix_audit_event_table_name_row_id", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user: Mapped[str | None] = mapped_column(String(16), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(8))
    admission_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[str | None] = mapped_column(Text)  # JSON of the changed columns
    after: Mapped[str | None] = mapped_column(Text)


class AccessEvent(Base):
    """Who opened, printed or exported which patient's record, and when (sundhedsloven § 42 a)."""

    __tablename__ = "access_event"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user: Mapped[str | None] = mapped_column(String(16))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    admission_id: Mapped[int | None] = mapped_column(ForeignKey("admission.id"))
    purpose: Mapped[str] = mapped_column(String(32), default="view")
    # Issue 21: the roles the person held at the time (MinLog's "role"), the purpose they
    # typed when they had no current role for the patient (break-the-glass), whether the
    # access is flagged for an admin's review, and until when a break-the-glass access lasts.
    roles: Mapped[str | None] = mapped_column(String(80))
    reason: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    until: Mapped[datetime | None]


class AccessReview(Base):
    """An admin's review of a flagged access (the access log itself is never changed)."""

    __tablename__ = "access_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    access_event_id: Mapped[int] = mapped_column(
        ForeignKey("access_event.id", ondelete="CASCADE"), unique=True)
    reviewed_by: Mapped[str] = mapped_column(String(16))
    reviewed_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(16))  # justified / questioned
    note: Mapped[str | None] = mapped_column(Text)
