"""PostgreSQL roles, grants and row-level security of one ward's database (issues 8 and 21).

Who may do what must hold even for someone who bypasses the console and connects with ``psql``,
so on PostgreSQL every person signs in with their own login, a member of the ward's staff group
and of one group role per console role. Roles belong to the whole server, so every name is
qualified by the ward's database (``console.dbnames``: ``ew_<ward>_<initials>``,
``eward_<ward>_staff``, ``eward_<ward>_e_doctor`` …) and carries a comment naming that database;
nobody but the ward's staff group may connect to it (``REVOKE CONNECT … FROM PUBLIC``). The
grants below are the database's copy of the service layer's role checks
(``console.services.core.access.require_role``):

- everyone on the staff reads the ward (not the audit trail or the access log, which only an
  admin reads; a person reads their own access rows), and writes neither (the database's own
  functions do: ``console.db_triggers``, ``console.db_guards``);
- only an e-doctor admits, changes regimens, writes the round note and signs, and discharges;
- an e-nurse registers visits (status and observations only), prepares rounds, logs and answers
  escalations and orders deliveries;
- a dispatcher changes a visit's car, order, ETA and pin, registers what the crews phone in
  (status and observations, not the visit's plan or the regimen) and staffs shifts;
- a logistics assistant changes deliveries and what they hold;
- an admin edits reference data, staff and settings, and reads audit and access log.

Nobody may write ``audit_event`` or ``access_event``: no grant; the database's own functions
write them (``console.db_triggers``, ``console.db_guards``), and a trigger refuses any UPDATE or
DELETE even for the owner (the retention purge excepted). Every change to a ward table,
``psql`` included, is audited by the trigger with the database login as the person.

``apply_roles`` is idempotent: it creates what is missing, resets every grant to the matrix and
retires the cluster-wide names of earlier versions (``eward_staff``, ``ew_<initials>``) in this
database, moving their logins to the qualified names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from console.dbnames import RolesError, group_role, login_name
from console.models.base import Base
from console.scram import scram_verifier
from console.vocabulary import Role

__all__ = ["RolesError", "RolesReport", "apply_roles", "drop_ward_roles", "ensure_login",
           "group_roles", "login_name", "roles_installed", "ward_role_names"]

STAFF = "staff"
# The cluster-wide names of earlier versions, retired database by database.
LEGACY_GROUPS = ("eward_staff", "eward_e_doctor", "eward_e_nurse", "eward_dispatcher",
                 "eward_logistics", "eward_admin")
LEGACY_LOGIN = re.compile(r"^ew_([a-z][a-z0-9]{0,11})$")

ADMIN_ONLY = ("audit_event", "access_event", "access_review")
FEED_TABLES = ("change_log", "audit_event", "access_event")
_STAMP = ("version", "updated_at", "updated_by")

# table -> privileges; "UPDATE(a, b)" is a column grant. The version/stamp columns are added to
# every column-restricted UPDATE on a versioned table (the ORM bumps them on every edit).
Grants = Mapping[str, tuple[str, ...]]
GRANTS: Mapping[Role, Grants] = {
    Role.E_DOCTOR: {
        "patient": ("INSERT", "UPDATE"),
        "relative": ("INSERT", "UPDATE", "DELETE"),
        "admission": ("INSERT", "UPDATE"),
        "regimen": ("INSERT", "UPDATE", "DELETE"),
        "visit": ("INSERT", "UPDATE", "DELETE"),
        "lab_result": ("INSERT",),
        "ward_round": ("INSERT", "UPDATE"),
        "round_addendum": ("INSERT",),
        "delivery": ("INSERT", "UPDATE"),
        "delivery_item": ("INSERT", "UPDATE", "DELETE"),
        "escalation": ("INSERT", "UPDATE"),
        # MedCom messages and what the course agreed (issue 16: R-MESSAGE, R-ACCEPT, R-EPIKRISE).
        "message": ("INSERT", "UPDATE", "DELETE"),  # DELETE: a draft discarded or replaced
        "message_envelope": ("INSERT",),
        "message_attachment": ("INSERT", "DELETE"),
        "course_agreement": ("INSERT", "UPDATE"),
        "referral": ("INSERT", "UPDATE"),  # R-ELIGIBLE: the e-doctor assesses and decides
        "iv_access": ("INSERT", "UPDATE"),  # R-ACCESS: a new access ends the current one
    },
    Role.E_NURSE: {
        "visit": ("INSERT", "UPDATE(status, performed_by, performed_at, minutes_spent, "
                            "observations, missed_reason, note, place)"),
        "lab_result": ("INSERT",),
        "ward_round": ("INSERT", "UPDATE(status, sort_order, planned_at, nurse, participants, "
                                 "prep_notes)"),
        "round_addendum": ("INSERT",),
        "delivery": ("INSERT", "UPDATE"),
        "delivery_item": ("INSERT", "UPDATE", "DELETE"),
        "escalation": ("INSERT", "UPDATE"),
        "message": ("INSERT", "UPDATE", "DELETE"),
        "message_envelope": ("INSERT",),
        "message_attachment": ("INSERT", "DELETE"),
        "course_agreement": ("INSERT", "UPDATE"),
        "referral": ("INSERT",),  # takes a referral in; reads the queue, never decides
        # R-ACCESS: a new access registered ends the current one and is carried into the
        # running regimen lines (the handover's current access), nothing else of the regimen
        "iv_access": ("INSERT", "UPDATE"),
        "regimen": ("UPDATE(iv_access, iv_access_remove_by)",),
    },
    Role.DISPATCHER: {
        # The car's route, and the registration the crews phone in (R-REGISTER).
        "visit": ("UPDATE(shift_car_id, route_order, eta, pinned, status, performed_by, "
                  "performed_at, minutes_spent, observations, missed_reason, place)",),
        "lab_result": ("INSERT",),
        "shift": ("INSERT", "UPDATE"),
        "shift_car": ("INSERT", "UPDATE"),
        "route_plan": ("INSERT",),  # an accepted plan's seed and iterations (issue 18)
        # A delivery an MBE car carried follows its visit (delivered / failed + follow-up).
        "delivery": ("INSERT", "UPDATE(status, delivered_at, failed_reason)"),
        "delivery_item": ("INSERT",),
    },
    Role.LOGISTICS: {
        "delivery": ("INSERT", "UPDATE"),
        "delivery_item": ("INSERT", "UPDATE", "DELETE"),
    },
    Role.ADMIN: {
        "municipality": ("INSERT", "UPDATE"),
        "municipal_contact": ("INSERT", "UPDATE"),
        "message_party": ("INSERT", "UPDATE"),  # SOR/EAN addresses of municipal units and GPs
        "base": ("INSERT", "UPDATE"),
        "car": ("INSERT", "UPDATE"),
        "rota": ("INSERT", "UPDATE"),  # the normal cars per base and shift (R-SHIFT, issue 14)
        "tariff_type": ("INSERT", "UPDATE"),
        "setting": ("INSERT", "UPDATE"),
        "staff": ("INSERT", "UPDATE"),
        "staff_role": ("INSERT", "DELETE"),
        "audit_event": ("SELECT",),
        "access_event": ("SELECT",),
        "access_review": ("SELECT", "INSERT"),
    },
}



@dataclass(frozen=True)
class RolesReport:
    roles: tuple[str, ...]
    grants: int
    audited_tables: tuple[str, ...]
    moved_logins: tuple[str, ...] = ()  # earlier cluster-wide logins moved to this ward's names
    without_password: tuple[str, ...] = ()  # moved, but their password could not be carried


def group_roles(database: str) -> dict[Role | None, str]:
    """The ward's group roles: ``None`` → the staff group, each console role → its group."""
    groups: dict[Role | None, str] = {None: group_role(database, STAFF)}
    groups.update({role: group_role(database, role.value) for role in Role})
    return groups


def _ddl(conn: Connection, sql: str) -> Any:
    """Run DDL as it is: psycopg treats % as a placeholder even without parameters."""
    return conn.exec_driver_sql(sql.replace("%", "%%"))


def _ident(name: str) -> str:
    if not re.match(r"^[a-z_][a-z0-9_]*$", name):
        raise RolesError(f"'{name}' is not a safe SQL identifier.")
    return f'"{name}"'


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def audited_tables() -> tuple[str, ...]:
    return tuple(sorted(t for t in Base.metadata.tables if t not in FEED_TABLES))


def _versioned(table: str) -> bool:
    return all(c in Base.metadata.tables[table].columns for c in _STAMP)


def _grant_sql(privilege: str, table: str, role: str) -> str:
    match = re.match(r"^(\w+)\((.*)\)$", privilege)
    if match is None:
        return f"GRANT {privilege} ON {_ident(table)} TO {_ident(role)}"
    kind, columns = match.group(1), [c.strip() for c in match.group(2).split(",")]
    if _versioned(table):
        columns += [c for c in _STAMP if c not in columns]
    cols = ", ".join(_ident(c) for c in columns)
    return f"GRANT {kind} ({cols}) ON {_ident(table)} TO {_ident(role)}"


def _ward_comment(database: str) -> str:
    return f"eWard ward database {database}"


def _role_state(conn: Connection, role: str) -> tuple[bool, str | None]:
    """(exists, its comment)."""
    row = conn.execute(text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles "
                            "WHERE rolname = :r"), {"r": role}).first()
    return (row is not None, row[0] if row is not None else None)


def _claim(conn: Connection, role: str, database: str, *, login: bool) -> bool:
    """Create ``role`` for this ward, or check that an existing one is this ward's; True if new."""
    exists, comment = _role_state(conn, role)
    if exists and comment != _ward_comment(database):
        raise RolesError(f"The role {role} exists but belongs to "
                         f"{comment or 'something other than eWard'}, not to the ward database "
                         f"{database}: it is left untouched. Rename one of the databases, or "
                         "drop the role if nobody uses it.")
    if not exists:
        _ddl(conn, f"CREATE ROLE {_ident(role)} {'LOGIN INHERIT' if login else 'NOLOGIN'}")
        _ddl(conn, f"COMMENT ON ROLE {_ident(role)} IS "
                   f"{_quote_literal(_ward_comment(database))}")
    return not exists


def _role_exists(conn: Connection, role: str) -> bool:
    return _role_state(conn, role)[0]


def _current_database(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_database()")).scalar_one())


def _install_policies(conn: Connection, staff: str, admin: str) -> None:
    """Row-level security on the audit trail and the access log: an admin reads them; a person
    reads their own access rows (whether a break-the-glass access is still open); nobody writes
    them (the database's own SECURITY DEFINER functions do)."""
    for table in ("audit_event", "access_event"):
        t = _ident(table)
        _ddl(conn, f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
        for policy in ("eward_own_insert", "eward_own_read", "eward_admin_read"):
            _ddl(conn, f"DROP POLICY IF EXISTS {policy} ON {t}")
        _ddl(conn, f"CREATE POLICY eward_admin_read ON {t} FOR SELECT TO {_ident(admin)} "
                   "USING (true)")
    _ddl(conn, f"GRANT SELECT ON access_event TO {_ident(staff)}")
    _ddl(conn, f"CREATE POLICY eward_own_read ON access_event FOR SELECT TO {_ident(staff)} "
               "USING (\"user\" = eward_login_initials())")


def _functions(conn: Connection, staff: str, admin: str) -> None:
    for name, grantee in (("eward_log_access(integer, integer, text, text, text, boolean, "
                           "timestamptz)", staff),
                          ("eward_purge_access_log(timestamptz)", admin)):
        _ddl(conn, f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
        _ddl(conn, f"GRANT EXECUTE ON FUNCTION {name} TO {_ident(grantee)}")


def apply_roles(conn: Connection) -> RolesReport:
    """Create this ward's group roles and reset every grant to the matrix (PostgreSQL,
    idempotent). Run by the database owner (``eward db roles``) after each upgrade; one
    transaction."""
    if conn.dialect.name != "postgresql":
        raise RolesError("Roles and grants exist on PostgreSQL only; the embedded SQLite "
                         "database has one local user and relies on the console's checks.")
    database = _current_database(conn)
    groups = group_roles(database)
    staff, admin = groups[None], groups[Role.ADMIN]
    for role in groups.values():
        _claim(conn, role, database, login=False)
    db = '"' + database.replace('"', '""') + '"'
    _ddl(conn, f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    legacy = [g for g in LEGACY_GROUPS if _role_exists(conn, g)]
    for role in (*groups.values(), *legacy):
        _ddl(conn, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_ident(role)}")
        _ddl(conn, f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {_ident(role)}")
    for role in legacy:
        _ddl(conn, f"REVOKE ALL ON DATABASE {db} FROM {_ident(role)}")
        _ddl(conn, f"REVOKE ALL ON SCHEMA public FROM {_ident(role)}")
        _ddl(conn, f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {_ident(role)}")
    _ddl(conn, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    _ddl(conn, f"GRANT CONNECT ON DATABASE {db} TO {_ident(staff)}")
    _ddl(conn, f"GRANT USAGE ON SCHEMA public TO {_ident(staff)}")
    granted = 0
    for table in [*sorted(Base.metadata.tables), "alembic_version"]:
        if table not in ADMIN_ONLY:
            _ddl(conn, f"GRANT SELECT ON {_ident(table)} TO {_ident(staff)}")
            granted += 1
    _ddl(conn, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_ident(staff)}")
    for role, grants in GRANTS.items():
        for table, privileges in grants.items():
            for privilege in privileges:
                _ddl(conn, _grant_sql(privilege, table, groups[role]))
                granted += 1
    _functions(conn, staff, admin)
    _install_policies(conn, staff, admin)
    moved, without = _move_legacy_logins(conn, database)
    return RolesReport(roles=tuple(groups.values()), grants=granted,
                       audited_tables=audited_tables(), moved_logins=moved,
                       without_password=without)


def _legacy_verifier(conn: Connection, login: str) -> str | None:
    """The stored SCRAM verifier of an earlier login (readable by a superuser only)."""
    try:
        with conn.begin_nested():
            value = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                                 {"r": login}).scalar()
    except Exception:  # not a superuser: the person sets a new password
        return None
    return str(value) if value and str(value).startswith("SCRAM-SHA-256$") else None


def _move_legacy_logins(conn: Connection, database: str) -> tuple[tuple[str, ...],
                                                                 tuple[str, ...]]:
    """Give each earlier ``ew_<initials>`` login of this ward's staff a qualified login with the
    same roles (from the staff table) and, where it can be read, the same password."""
    if not _role_exists(conn, "eward_staff"):
        return (), ()
    rows = conn.execute(text(
        "SELECT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = 'eward_staff' ORDER BY 1")).all()
    moved, without = [], []
    for (old,) in rows:
        match = LEGACY_LOGIN.match(str(old))
        if match is None:
            continue
        initials = match.group(1).upper()
        roles = [Role(r) for (r,) in conn.execute(text(
            "SELECT r.role FROM staff_role r JOIN staff s ON s.id = r.staff_id "
            "WHERE s.initials = :i AND s.active"), {"i": initials})]
        new = login_name(initials, database)
        if not roles or _role_exists(conn, new):
            continue
        verifier = _legacy_verifier(conn, str(old))
        _set_login(conn, new, database, roles, verifier)
        moved.append(new)
        if verifier is None:
            without.append(new)
    return tuple(moved), tuple(without)


def _set_login(conn: Connection, login: str, database: str, roles: Iterable[Role],
               verifier: str | None) -> None:
    groups = group_roles(database)
    _claim(conn, login, database, login=True)
    _ddl(conn, f"ALTER ROLE {_ident(login)} LOGIN INHERIT")
    if verifier is not None:
        # A pre-hashed SCRAM verifier: the plaintext never reaches the server or its log.
        _ddl(conn, f"ALTER ROLE {_ident(login)} PASSWORD {_quote_literal(verifier)}")
    wanted = {groups[None], *(groups[r] for r in roles)}
    for group in groups.values():
        verb = "GRANT {g} TO {l}" if group in wanted else "REVOKE {g} FROM {l}"
        _ddl(conn, verb.format(g=_ident(group), l=_ident(login)))


def ensure_login(conn: Connection, initials: str, roles: Iterable[Role],
                 password: str | None) -> str:
    """Create or update the person's own login in this ward's database, in exactly ``roles``
    (plus the ward's staff group). A login of the same name that belongs to another database is
    refused, never changed. The password goes to the server as a SCRAM verifier only."""
    if conn.dialect.name != "postgresql":
        raise RolesError("Database logins exist on PostgreSQL only.")
    database = _current_database(conn)
    if not _role_exists(conn, group_roles(database)[None]):
        raise RolesError("Run 'eward db roles' first: this ward's group roles do not exist yet.")
    login = login_name(initials, database)
    verifier = scram_verifier(password) if password is not None else None
    _set_login(conn, login, database, list(roles), verifier)
    return login


def roles_installed(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    return _role_exists(conn, group_roles(_current_database(conn))[None])



def ward_role_names(conn: Connection, database: str) -> list[str]:
    """Every role (groups and logins) that belongs to this ward database, by its comment."""
    return [str(r) for (r,) in conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = :c "
        "ORDER BY rolcanlogin DESC, rolname"), {"c": _ward_comment(database)})]


def drop_ward_roles(conn: Connection, database: str) -> list[str]:
    """Drop the roles of a ward database that no longer exists (run after DROP DATABASE);
    logins first, then the groups."""
    names = ward_role_names(conn, database)
    for name in names:
        _ddl(conn, f"DROP ROLE IF EXISTS {_ident(name)}")
    return names
