"""Staff and their roles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.models import Role, Staff


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    initials: str
    name: str
    roles: tuple[str, ...]
    active: bool


def list_staff(session: Session) -> list[StaffRow]:
    staff = session.scalars(
        select(Staff).options(selectinload(Staff.roles)).order_by(Staff.initials)
    )
    return [
        StaffRow(s.id, s.initials, s.name, tuple(r.role.value for r in s.roles), s.active)
        for s in staff
    ]


def roles_of(session: Session, initials: str) -> set[Role]:
    from console.models import StaffRole

    return set(
        session.scalars(
            select(StaffRole.role).join(Staff).where(Staff.initials == initials, Staff.active)
        )
    )
