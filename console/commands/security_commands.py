"""``eward db roles``, ``eward user add``, ``eward audit``, ``eward access-log`` (issue 8)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.context import UsageError
from console.private_files import make_private
from console.services.core.uow import unit_of_work
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
    p.add_argument("--version", type=int,
                   help="changing someone already on the staff: the version it is based on "
                        "(stale: exit 3)")

    p = add("audit", _audit, help="the audit trail (admin): who changed what, when")
    p.add_argument("--patient", type=int, metavar="ADMISSION_ID")
    p.add_argument("--user-filter", "--by", dest="by", metavar="INITIALS",
                   help="only changes by this person")
    p.add_argument("--table")
    p.add_argument("--since", help="ISO date-time with offset")
    p.add_argument("--limit", type=int, default=200)

    p = add("access-log", _access_log,
            help="who opened, printed or exported a patient's record; flagged accesses; purge")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--patient", type=int, metavar="ADMISSION_ID",
                      help="the patient's access log (all their admissions)")
    what.add_argument("--flagged", action="store_true",
                      help="break-the-glass accesses waiting for review (admin)")
    what.add_argument("--review", type=int, metavar="ACCESS_ID",
                      help="mark a flagged access --outcome justified|questioned (admin)")
    what.add_argument("--purge", action="store_true",
                      help="delete entries older than the retention (never under 3 years)")
    p.add_argument("--minlog", type=Path, metavar="FILE.csv",
                   help="with --patient: export it in MinLog's fields (the export is logged)")
    p.add_argument("--outcome", choices=["justified", "questioned"])
    p.add_argument("--note", help="with --review: what is questioned")


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
        row = save_staff(session, args.initials, name=args.name, roles=roles,
                         expected_version=args.version)
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
    rows = ctx.read(list_audit, admission_id=args.patient, user=args.by, table=args.table,
                    since=since, limit=args.limit)
    ctx.emit_rows(rows, lambda r: (
        f"{r.at:%Y-%m-%d %H:%M:%S} {r.user or '?':6} {r.action:6} {r.table_name}#{r.row_id}"),
        "No audit events match.")
    return 0


def _access_log(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.core import access_governance as governance
    from console.services.core.audit_log import access_report

    if args.flagged:
        ctx.emit_rows(ctx.read(governance.flagged_accesses), lambda r: (
            f"#{r.id} {r.at:%Y-%m-%d %H:%M} {r.user or '?':6} {r.patient}: {r.reason or ''}"),
            "No flagged access waits for review.")
        return 0
    if args.review is not None:
        if args.outcome is None:
            raise UsageError("Give --outcome justified or questioned.", "--outcome")
        ctx.write(governance.review_access, args.review, args.outcome, args.note)
        ctx.emit({"access_id": args.review, "outcome": args.outcome},
                 f"Access #{args.review}: {args.outcome}.")
        return 0
    if args.purge:
        deleted = ctx.write(governance.purge_expired_access_log)
        ctx.emit({"deleted": deleted}, f"{deleted} access-log entries older than the "
                 "retention deleted.")
        return 0
    if args.minlog is not None:
        export = ctx.write(governance.minlog_export, args.patient)  # the export is logged
        governance.write_minlog_csv(export, args.minlog)
        make_private(args.minlog)
        ctx.emit({"out": str(args.minlog), "entries": len(export.entries)},
                 f"Wrote {len(export.entries)} entries to {args.minlog}.")
        return 0
    ctx.emit_rows(ctx.read(access_report, args.patient), lambda r: (
        f"{r.at:%Y-%m-%d %H:%M} {r.user or '?':6} {r.purpose:9} {r.patient}"
        + (f" — {r.reason}" if r.reason else "")), "Nobody has opened this record.")
    return 0
