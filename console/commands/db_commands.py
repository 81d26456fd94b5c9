"""``eward db upgrade|current``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from console import db as dbmod


def register(add: Callable[..., Any]) -> None:
    p = add("db", _db, help="database schema: upgrade, current revision; PostgreSQL roles")
    p.add_argument("action", choices=["upgrade", "current", "roles"])


def _db(args: argparse.Namespace, ctx: Any) -> int:
    if args.action == "roles":
        from console.commands.security_commands import roles_command

        return roles_command(ctx)
    if args.action == "upgrade":
        database = ctx.database(migrate=True)
        rev = dbmod.current_revision(database)
        ctx.emit({"database": database.display_url, "revision": rev},
                 f"{database.display_url} is at revision {rev} (head).")
        return 0
    database = ctx.database(migrate=False)
    current = dbmod.current_revision(database)
    head = dbmod.head_revision(database)
    ctx.emit({"database": database.display_url, "revision": current, "head": head,
              "up_to_date": current == head},
             f"{database.display_url}: revision {current or '(empty)'}; code head {head}.")
    return 0
