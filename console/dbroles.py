"""PostgreSQL roles, grants and row-level security (issue 8).

Who may do what must hold even for someone who bypasses the console and connects with ``psql``,
so on PostgreSQL every person signs in with their own login (``ew_<initials>``) that is a member
of ``eward_staff`` and of one group role per console role. The grants below are the database's
copy of the service layer's role checks (``console.services.core.access.require_role``):

- everyone on the staff reads the ward (not the audit trail or the access log, which only an
  admin reads), writes its own access-log rows, and nothing else (the audit trail and the
  change feed are written by the database's audit trigger, ``console.db_triggers``);
- only an e-doctor admits, changes regimens, writes the round note and signs, and discharges;
- an e-nurse registers visits (status and observations only), prepares rounds, logs and answers
  escalations and orders deliveries;
- a dispatcher changes a visit's car, order, ETA and pin, registers what the crews phone in
  (status and observations, not the visit's plan or the regimen) and staffs shifts;
- a logistics assistant changes deliveries and what they hold;
- an admin edits reference data, staff and settings, and reads audit and access log.

Nobody may UPDATE or DELETE ``audit_event`` or ``access_event``: no grant, and a trigger that
refuses it even for the owner. Row-level security makes a login write access rows only in its
own name. Every change to a ward table, ``psql`` included, is audited by the trigger with the
database login as the person.

``apply_roles`` is idempotent: it creates what is missing and resets every grant to the matrix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from console.models import Role
from console.models.base import Base

STAFF_ROLE = "eward_staff"
GROUP_ROLES: Mapping[Role, str] = {
    Role.E_DOCTOR: "eward_e_doctor",
    Role.E_NURSE: "eward_e_nurse",
    Role.DISPATCHER: "eward_dispatcher",
    Role.LOGISTICS: "eward_logistics",
    Role.ADMIN: "eward_admin",
}
LOGIN_PREFIX = "ew_"
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,11}$")

APPEND_ONLY = ("audit_event", "access_event")
FEED_TABLES = ("change_log", *APPEND_ONLY)
_STAMP = ("version", "updated_at", "updated_by")

# table -> privileges; "UPDATE(a, b)" is a column grant. The version/stamp columns are added to
# every column-restricted UPDATE on a versioned table (the ORM bumps them on every edit).
Grants = Mapping[str, tuple[str, ...]]
GRANTS: Mapping[str, Grants] = {
    GROUP_ROLES[Role.E_DOCTOR]: {
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
    },
    GROUP_ROLES[Role.E_NURSE]: {
        "visit": ("INSERT", "UPDATE(status, performed_by, performed_at, minutes_spent, "
                            "observations, missed_reason, note)"),
        "lab_result": ("INSERT",),
        "ward_round": ("INSERT", "UPDATE(status, sort_order, planned_at, nurse, participants, "
                                 "prep_notes)"),
        "round_addendum": ("INSERT",),
        "delivery": ("INSERT", "UPDATE"),
        "delivery_item": ("INSERT", "UPDATE", "DELETE"),
        "escalation": ("INSERT", "UPDATE"),
    },
    GROUP_ROLES[Role.DISPATCHER]: {
        # The car's route, and the registration the crews phone in (R-REGISTER).
        "visit": ("UPDATE(shift_car_id, route_order, eta, pinned, status, performed_by, "
                  "performed_at, minutes_spent, observations, missed_reason)",),
        "lab_result": ("INSERT",),
        "shift": ("INSERT", "UPDATE"),
        "shift_car": ("INSERT", "UPDATE"),
        # A delivery an MBE car carried follows its visit (delivered / failed + follow-up).
        "delivery": ("INSERT", "UPDATE(status, delivered_at, failed_reason)"),
        "delivery_item": ("INSERT",),
    },
    GROUP_ROLES[Role.LOGISTICS]: {
        "delivery": ("INSERT", "UPDATE"),
        "delivery_item": ("INSERT", "UPDATE", "DELETE"),
    },
    GROUP_ROLES[Role.ADMIN]: {
        "municipality": ("INSERT", "UPDATE"),
        "municipal_contact": ("INSERT", "UPDATE"),
        "base": ("INSERT", "UPDATE"),
        "car": ("INSERT", "UPDATE"),
        "tariff_type": ("INSERT", "UPDATE"),
        "setting": ("INSERT", "UPDATE"),
        "staff": ("INSERT", "UPDATE"),
        "staff_role": ("INSERT", "DELETE"),
        "audit_event": ("SELECT",),
        "access_event": ("SELECT",),
    },
}


class RolesError(Exception):
    """A role or login request that cannot be carried out (said in one sentence)."""


@dataclass(frozen=True)
class RolesReport:
    roles: tuple[str, ...]
    grants: int
    audited_tables: tuple[str, ...]


def login_name(initials: str) -> str:
    """The PostgreSQL login of the person with these initials (``ABE`` → ``ew_abe``)."""
    if not _INITIALS.match(initials):
        raise RolesError(f"'{initials}' cannot be a login: initials are 1-12 letters or digits, "
                         "starting with a letter.")
    return LOGIN_PREFIX + initials.lower()


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


def _ensure_role(conn: Connection, role: str) -> None:
    _ddl(conn,
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {_quote_literal(role)}) "
        f"THEN CREATE ROLE {_ident(role)} NOLOGIN; END IF; END $$")


_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION eward_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
"""


def _install_triggers(conn: Connection) -> None:
    for stmt in _FUNCTIONS.split("\n\n"):
        if stmt.strip():
            _ddl(conn, stmt)
    for table in APPEND_ONLY:
        _ddl(conn, f"DROP TRIGGER IF EXISTS eward_append_only ON {_ident(table)}")
        _ddl(conn,
            f"CREATE TRIGGER eward_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
            f"ON {_ident(table)} FOR EACH STATEMENT EXECUTE FUNCTION eward_refuse_change()")


def _install_policies(conn: Connection) -> None:
    """Row-level security: a login writes access rows only in its own name; admins read all."""
    staff = _ident(STAFF_ROLE)
    admin = _ident(GROUP_ROLES[Role.ADMIN])
    for table in APPEND_ONLY:
        t = _ident(table)
        _ddl(conn, f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
        if table != "access_event":
            for policy in ("eward_own_insert", "eward_own_read"):
                _ddl(conn, f"DROP POLICY IF EXISTS {policy} ON {t}")
            _ddl(conn, f"DROP POLICY IF EXISTS eward_admin_read ON {t}")
            _ddl(conn, f"CREATE POLICY eward_admin_read ON {t} FOR SELECT TO {admin} "
                                 "USING (true)")
            continue
        for policy in ("eward_own_insert", "eward_own_read", "eward_admin_read"):
            _ddl(conn, f"DROP POLICY IF EXISTS {policy} ON {t}")
        own = '"user" IS NOT DISTINCT FROM eward_login_initials()'
        _ddl(conn, f"CREATE POLICY eward_own_insert ON {t} FOR INSERT TO {staff} "
                             f"WITH CHECK ({own})")
        # INSERT … RETURNING id reads the new row back: allowed for one's own rows only.
        _ddl(conn, f"CREATE POLICY eward_own_read ON {t} FOR SELECT TO {staff} "
                             f"USING ({own})")
        _ddl(conn, f"CREATE POLICY eward_admin_read ON {t} FOR SELECT TO {admin} "
                             "USING (true)")


def apply_roles(conn: Connection) -> RolesReport:
    """Create the group roles and reset every grant to the matrix (PostgreSQL, idempotent).

    Run by the database owner (``eward db roles``) after each upgrade; one transaction.
    """
    if conn.dialect.name != "postgresql":
        raise RolesError("Roles and grants exist on PostgreSQL only; the embedded SQLite "
                         "database has one local user and relies on the console's checks.")
    roles = (STAFF_ROLE, *GROUP_ROLES.values())
    for role in roles:
        _ensure_role(conn, role)
    database = _ddl(conn, "SELECT current_database()").scalar_one()
    tables = [*sorted(Base.metadata.tables), "alembic_version"]
    granted = 0
    for role in roles:
        _ddl(conn, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_ident(role)}")
    _ddl(conn, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    _ddl(conn, f"GRANT CONNECT ON DATABASE {_ident(database)} TO {_ident(STAFF_ROLE)}")
    _ddl(conn, f"GRANT USAGE ON SCHEMA public TO {_ident(STAFF_ROLE)}")
    for table in tables:
        if table in APPEND_ONLY:
            continue
        _ddl(conn, f"GRANT SELECT ON {_ident(table)} TO {_ident(STAFF_ROLE)}")
        granted += 1
    # The audit trail and the change feed are written by the database's own trigger
    # (console.db_triggers, SECURITY DEFINER): no login may insert into them. A login writes
    # its own access-log rows only (row-level security below).
    _ddl(conn, f"GRANT INSERT ON access_event TO {_ident(STAFF_ROLE)}")
    _ddl(conn, f"GRANT SELECT (id) ON access_event TO {_ident(STAFF_ROLE)}")
    granted += 2
    _ddl(conn,
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_ident(STAFF_ROLE)}")
    for role, grants in GRANTS.items():
        for table, privileges in grants.items():
            for privilege in privileges:
                _ddl(conn, _grant_sql(privilege, table, role))
                granted += 1
    _install_triggers(conn)
    _install_policies(conn)
    return RolesReport(roles=roles, grants=granted, audited_tables=audited_tables())


def ensure_login(conn: Connection, initials: str, roles: Iterable[Role],
                 password: str | None) -> str:
    """Create or update the person's own login in exactly ``roles`` (plus ``eward_staff``).

    The password travels as a quoted literal in the DDL (PostgreSQL takes no parameters in
    ``CREATE ROLE``); a failure is re-raised without the statement, so it never reaches a log.
    """
    if conn.dialect.name != "postgresql":
        raise RolesError("Database logins exist on PostgreSQL only.")
    login = login_name(initials)
    wanted = {STAFF_ROLE, *(GROUP_ROLES[r] for r in roles)}
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first()
    verb = "ALTER" if exists else "CREATE"
    pw = f" PASSWORD {_quote_literal(password)}" if password is not None else ""
    try:
        _ddl(conn, f"{verb} ROLE {_ident(login)} LOGIN INHERIT{pw}")
    except Exception as exc:  # the statement holds the password: never show it
        raise RolesError(f"Could not {verb.lower()} the login {login}: "
                         f"{type(exc).__name__}.") from None
    for group in (STAFF_ROLE, *GROUP_ROLES.values()):
        if group in wanted:
            _ddl(conn, f"GRANT {_ident(group)} TO {_ident(login)}")
        else:
            _ddl(conn, f"REVOKE {_ident(group)} FROM {_ident(login)}")
    return login


def roles_installed(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                        {"r": STAFF_ROLE}).first() is not None
