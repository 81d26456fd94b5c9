"""Who may do what: the service layer checks the acting user's roles on every write.

(Issue #8 adds the database's own GRANTs; this check is the friendly first line.)
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Staff, StaffRole, columns
from console.services.core.errors import Forbidden
from console.services.core.uow import acting_user
from console.vocabulary import Role

ROLE_LABELS = {
    Role.E_DOCTOR: "e-doctor",
    Role.E_NURSE: "e-nurse",
    Role.DISPATCHER: "dispatcher",
    Role.LOGISTICS: "logistics assistant",
    Role.ADMIN: "admin",
}


def require_role(session: Session, allowed: Iterable[Role], action: str) -> str:
    """Return the acting user's initials if they hold one of ``allowed``; else ``Forbidden``."""
    allowed = set(allowed)
    user = acting_user(session)
    names = " or ".join(sorted(ROLE_LABELS[r] for r in allowed))
    if not user:
        raise Forbidden(f"Sign in first: only a {names} may {action}.", "user")
    if not roles_of(session, user) & allowed:
        raise Forbidden(f"{user} may not {action}: that needs the role {names}.", "user")
    return user


def roles_of(session: Session, initials: str) -> set[Role]:
    # Core columns: the shell asks for its user's roles beside the first census, before the
    # mappers are configured (issue 17, the cold start)
    staff, staff_role = columns(Staff), columns(StaffRole)
    return set(session.scalars(
        select(staff_role.role).join(Staff.__table__, staff_role.staff_id == staff.id)
        .where(staff.initials == initials, staff.active)))


def role_names_of(session: Session, initials: str) -> frozenset[str]:
    """The role codes (``e_doctor``, ``admin``…) a person holds: the shell shows only their
    actions (issue 8; the services check again on every write)."""
    return frozenset(role.value for role in roles_of(session, initials))
