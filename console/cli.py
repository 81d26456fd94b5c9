"""The ``eward`` command: the GUI by default, subcommands for scripts, tests and benchmarks.

Exit codes: 0 ok; 2 bad input or rule violation (nothing written); 3 conflict; 1 unexpected.
With ``--json`` an error prints ``{"error": {"code", "field", "message"}}``.
Global options (``--database``, ``--user``) are accepted before or after the subcommand.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from console import __version__, start_up_done
from console.commands.context import EXIT_INPUT, EXIT_UNEXPECTED, CliContext, UsageError
from console.db import (
    DatabaseError,
    UnsupportedDatabaseUrl,
)
from console.private_files import private_umask
from console.services.core.errors import ServiceError

log = logging.getLogger("eward")



Handler = Callable[[argparse.Namespace, CliContext], int]


class _UsageMistake(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse that hands a usage mistake back to ``main`` (which says it as JSON under
    ``--json``, issue 20) instead of printing and exiting itself."""

    def error(self, message: str) -> NoReturn:
        raise _UsageMistake(self, message)


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--database", metavar="URL", default=default,
                        help="database URL (also EWARD_DATABASE_URL); default: embedded SQLite")
    parser.add_argument("--user", metavar="INITIALS", default=default,
                        help="acting user's initials (also EWARD_USER)")
    parser.add_argument("--json", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    from console.commands import register_all

    parser = _Parser(prog="eward", description="eWard Console")
    parser.add_argument("--version", action="version", version=f"eward {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, **kw: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(name, **kw)
        _global_options(p, suppress=True)
        p.set_defaults(handler=handler)
        return p

    register_all(add)
    return parser


def _printable(text: str | None) -> str | None:
    """What the terminal can be given: a lone surrogate the input carried (a broken UTF-16
    half) is shown as \\udXXX instead of failing the print (issue 15)."""
    return None if text is None else text.encode("utf-8", "backslashreplace").decode("utf-8")


def _error(ctx: CliContext, code: str, field: str | None, message: str, exit_code: int) -> int:
    field, message = _printable(field), _printable(message) or ""
    if ctx.json:
        print(json.dumps({"error": {"code": code, "field": field, "message": message}},
                         ensure_ascii=False))
    else:
        where = f" ({field})" if field else ""
        print(f"eward: {code}{where}: {message}", file=sys.stderr)
    return exit_code


def _desk_start(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The console's window asked for (global options only, no command), told without loading
    the commands: their modules bring services and document schemas the first screen does not
    need (~0.1 s of a desk's start; issue 17). None: anything else, for the full parser."""
    parser = _Parser(prog="eward", add_help=False)
    _global_options(parser, suppress=False)
    try:
        args, rest = parser.parse_known_args(argv)
    except _UsageMistake:
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("EWARD_LOG_LEVEL", "WARNING"),
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        args = _desk_start(argv) or build_parser().parse_args(argv)
    except _UsageMistake as mistake:
        words = list(sys.argv[1:] if argv is None else argv)
        if "--json" in words:
            print(json.dumps({"error": {"code": "USAGE", "field": None,
                                        "message": str(mistake)}}, ensure_ascii=False))
        else:
            mistake.parser.print_usage(sys.stderr)
            print(f"{mistake.parser.prog}: error: {mistake}", file=sys.stderr)
        return EXIT_INPUT
    ctx = CliContext(database_arg=args.database, user_arg=args.user, json=args.json)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        with private_umask():  # every file and folder the console creates is its owner's only
            if handler is None:
                from console.app import run_gui

                return run_gui(ctx.database_url, ctx.user)  # collects as usual once painted
            start_up_done()  # a command: the garbage collector as usual from here on
            return handler(args, ctx)
    except UsageError as exc:
        return _error(ctx, "INPUT", exc.field, str(exc), EXIT_INPUT)
    except ServiceError as exc:
        return _error(ctx, exc.code, exc.field, exc.message, exc.exit_code)
    except UnsupportedDatabaseUrl as exc:
        return _error(ctx, "INPUT", "--database", str(exc), EXIT_INPUT)
    except DatabaseError as exc:
        return _error(ctx, "DATABASE", None, str(exc), EXIT_UNEXPECTED)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # One sentence, never the exception's text (a database's DETAIL carries row values such
        # as a CPR number); an unexpected error is logged as its type and frames only, under a
        # reference the sentence gives (issue 21).
        from console.services.core.operations import explain

        said = explain(exc, write=True)
        if isinstance(said, ServiceError):
            return _error(ctx, said.code, said.field, said.message, said.exit_code)
        return _error(ctx, "UNEXPECTED", None, str(said), EXIT_UNEXPECTED)
    finally:
        ctx.close()


def gui_main() -> int:
    return main([])


if __name__ == "__main__":
    raise SystemExit(main())
