"""Staff and their roles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.models import Staff
from console.services.core.access import require_role
from console.services.core.uow import check_version
from console.vocabulary import Role


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    initials: str
    name: str
    roles: tuple[str, ...]
    active: bool
    version: int = 1


def list_staff(session: Session) -> list[StaffRow]:
    staff = session.scalars(
        select(Staff).options(selectinload(Staff.roles)).order_by(Staff.initials)
    )
    return [
        StaffRow(s.id, s.initials, s.name, tuple(r.role.value for r in s.roles), s.active,
                 s.version)
        for s in staff
    ]


def save_staff(session: Session, initials: str, *, name: str, roles: list[Role],
               expected_version: int | None = None) -> StaffRow:
    """Add a staff member or update their name and roles (admin only; an update may carry the
    version it was based on).

    The very first admin may be added by anyone, so a new ward can be set up; after that only
    an admin changes who holds which role.
    """
    from console.models import StaffRole
    from console.services.core.errors import InvalidInput, required_text

    initials = initials.strip().upper()
    if not initials.isalnum() or not initials[:1].isalpha() or len(initials) > 12:
        raise InvalidInput("initials", "Initials are 1-12 letters or digits, starting with a "
                           "letter (e.g. ABE).")
    name = required_text(name, "name", "Give the person's full name.")
    if not roles:
        raise InvalidInput("role", "Give at least one role: e_doctor, e_nurse, dispatcher, "
                           "logistics or admin.")
    has_admin = session.scalar(select(StaffRole.id).join(Staff).where(
        StaffRole.role == Role.ADMIN, Staff.active).limit(1)) is not None
    if has_admin:
        require_role(session, {Role.ADMIN}, "add staff or change their roles")
    staff = session.scalar(select(Staff).where(Staff.initials == initials))
    if staff is None:
        staff = Staff(initials=initials, name=name, active=True)
        session.add(staff)
    else:
        check_version(staff, expected_version, "staff member")
        staff.name = name
        staff.active = True
    wanted = set(roles)
    if staff.id is not None and wanted != {r.role for r in staff.roles}:
        from sqlalchemy.orm.attributes import flag_modified

        flag_modified(staff, "name")  # a change of roles alone is a new version of the person
    for held in list(staff.roles):
        if held.role not in wanted:
            staff.roles.remove(held)
    for role in sorted(wanted - {r.role for r in staff.roles}):
        staff.roles.append(StaffRole(role=role))
    session.flush()
    return StaffRow(staff.id, staff.initials, staff.name,
                    tuple(sorted(r.role.value for r in staff.roles)), staff.active, staff.version)
