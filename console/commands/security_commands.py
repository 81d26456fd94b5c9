"""``eward db roles``, ``eward user add``, ``eward audit``, ``eward access-log`` (issue 8)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from console.commands.context import UsageError
from console.services.core.uow import read_only, unit_of_work
from console.services.course.referral import parse_datetime

ROLE_CODES = ("e_doctor", "e_nurse", "dispatcher", "logistics", "admin")


def register(add: Callable[..., Any]) -> None:
    p = add("user", _user, help="add a staff member (and, on PostgreSQL, their own login)")
    p.add_argument("action", choices=["add"])
    p.add_argument("initials")
    p.add_argument("--name", required=True)
    p.add_argument("--role", action="append", choices=ROLE_CODES, required=True,
                   help="a role; repeat for several")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the login's password from standard input (PostgreSQL)")

    p = add("audit", _audit, help="the audit trail (admin): who changed what, when")
    p.add_argument("--patient", type=int, metavar="ADMISSION_ID")
    p.add_argument("--user-filter", "--by", dest="by", metavar="INITIALS",
                   help="only changes by this person")
    p.add_argument("--table")
    p.add_argument("--since", help="ISO date-time with offset")
    p.add_argument("--limit", type=int, default=200)

    p = add("access-log", _access_log, help="who opened, printed or exported a patient's record")
    p.add_argument("--patient", type=int, metavar="ADMISSION_ID", required=True)


def roles_command(ctx: Any) -> int:
    """``eward db roles``: create/update the PostgreSQL roles and grants (idempotent)."""
    from console.dbroles import RolesError, apply_roles

    database = ctx.database(migrate=True)
    if database.backend != "postgresql":
        raise UsageError("Roles and grants exist on PostgreSQL only; point --database at the "
                         "shared server.", "--database")
    try:
        with database.engine.begin() as conn:
            report = apply_roles(conn)
    except RolesError as exc:
        raise UsageError(str(exc), "--database") from None
    moved = ""
    if report.moved_logins:
        moved = f" Moved {len(report.moved_logins)} earlier login(s) to this ward's names."
    if report.without_password:
        moved += (f" Without their password (not a superuser): "
                  f"{', '.join(report.without_password)}; set one with "
                  "'eward user add … --password-stdin'.")
    ctx.emit({"roles": list(report.roles), "grants": report.grants,
              "audited_tables": list(report.audited_tables),
              "moved_logins": list(report.moved_logins),
              "without_password": list(report.without_password)},
             f"Roles {', '.join(report.roles)}: {report.grants} grants, audited by the "
             f"database on {len(report.audited_tables)} tables.{moved}")
    return 0


def _user(args: argparse.Namespace, ctx: Any) -> int:
    from console.dbroles import RolesError, ensure_login
    from console.models import Role
    from console.services.core.staff import save_staff

    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise UsageError("The password read from standard input is empty.", "--password-stdin")
    roles = [Role(r) for r in args.role]
    database = ctx.database()
    login = None
    with unit_of_work(database, ctx.user) as session:
        row = save_staff(session, args.initials, name=args.name, roles=roles)
        if database.backend == "postgresql":
            try:
                login = ensure_login(session.connection(), row.initials, roles, password)
            except RolesError as exc:
                raise UsageError(str(exc), "initials") from None
        elif password is not None:
            raise UsageError("Passwords are for PostgreSQL logins; the embedded database has "
                             "none.", "--password-stdin")
    payload = {**asdict(row), "login": login}
    ctx.emit(payload, f"{row.initials} ({row.name}): {', '.join(row.roles)}"
             + (f"; database login {login}" if login else ""))
    return 0


def _audit(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.core.audit_log import list_audit

    since = parse_datetime(args.since, "--since") if args.since else None
    with read_only(ctx.database(), ctx.user) as session:
        rows = list_audit(session, admission_id=args.patient, user=args.by, table=args.table,
                          since=since, limit=args.limit)
    ctx.emit([asdict(r) for r in rows], "\n".join(
        f"{r.at:%Y-%m-%d %H:%M:%S} {r.user or '?':6} {r.action:6} {r.table_name}#{r.row_id}"
        for r in rows) or "No audit events match.")
    return 0


def _access_log(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.core.audit_log import access_report

    with read_only(ctx.database(), ctx.user) as session:
        rows = access_report(session, args.patient)
    ctx.emit([asdict(r) for r in rows], "\n".join(
        f"{r.at:%Y-%m-%d %H:%M} {r.user or '?':6} {r.purpose:7} {r.patient}" for r in rows)
        or "Nobody has opened this record.")
    return 0
