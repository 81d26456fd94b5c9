"""The house rules that keep screens thin (design.md rule 0; issue 13), checked in the source.

- A view hands the worker ONE named service function with plain values: the first argument of
  every ``worker.read/write/refresh`` call in ``console/views`` is ``call(<service function>, …)``
  or a service function itself, never a lambda or a function defined in the view.
- Views import no ORM model, no database module and no SQLAlchemy (import-linter checks that in
  ``make lint``; this test repeats the cheap part so a plain ``pytest`` run sees it too).
- Every screen is registered once and the registry's keys are what the shell, the screenshot
  command and ``make screenshots`` use.
- No module in ``console/`` is over 400 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CONSOLE = Path(__file__).resolve().parents[1] / "console"
VIEWS = CONSOLE / "views"
WORKER_METHODS = {"read", "write", "refresh"}
MAX_LINES = 400


def _view_modules() -> list[Path]:
    return sorted(VIEWS.rglob("*.py"))


def _service_names(tree: ast.Module) -> set[str]:
    """Names a view module imported from ``console.services`` (modules and functions)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("console.services"):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _worker_calls(tree: ast.Module) -> list[ast.Call]:
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in WORKER_METHODS
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "worker"):
            found.append(node)
    return found


def _operation_of(call: ast.Call) -> ast.expr | None:
    index = 1 if call.func.attr == "refresh" else 0  # type: ignore[attr-defined]
    return call.args[index] if len(call.args) > index else None


@pytest.mark.parametrize("module", _view_modules(), ids=lambda p: str(p.relative_to(VIEWS)))
def test_views_hand_the_worker_one_named_service_call(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    services = _service_names(tree)
    for call in _worker_calls(tree):
        operation = _operation_of(call)
        where = f"{module.relative_to(CONSOLE.parent)}:{call.lineno}"
        assert operation is not None, where
        assert not isinstance(operation, ast.Lambda), f"{where}: a lambda handed to the worker"
        if isinstance(operation, ast.Call):  # call(service_fn, …)
            assert isinstance(operation.func, ast.Name), where
            assert operation.func.id == "call", f"{where}: hand the worker call(service_fn, …)"
            target = operation.args[0]
        else:
            target = operation  # a request built by a method of the view (LiveQuery)
            if isinstance(target, ast.Name) and target.id in {"request", "action", "fetch"}:
                continue
        root = _root_name(target)
        assert root in services, (f"{where}: the worker runs {ast.unparse(target)}, which is "
                                  "not a function of console.services")


@pytest.mark.parametrize("module", _view_modules(), ids=lambda p: str(p.relative_to(VIEWS)))
def test_every_service_call_a_view_builds_names_a_service_function(module: Path) -> None:
    """``call(fn, …)`` anywhere in a view (a dialog's ``operation``, a screen's ``load_call``)
    names a function of ``console.services``: what the worker runs is always a service."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    services = _service_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "call":
            target = node.args[0]
            assert _root_name(target) in services, (
                f"{module.relative_to(CONSOLE.parent)}:{node.lineno}: call({ast.unparse(target)}"
                ", …) is not a function of console.services")


def test_the_source_has_no_lambda_session_in_views() -> None:
    offenders = [str(p.relative_to(CONSOLE.parent)) for p in _view_modules()
                 if "lambda session" in p.read_text(encoding="utf-8")
                 or "lambda s:" in p.read_text(encoding="utf-8")]
    assert offenders == []


@pytest.mark.parametrize("module", _view_modules(), ids=lambda p: str(p.relative_to(VIEWS)))
def test_views_import_no_models_database_or_sqlalchemy(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported = [node.module or ""]
        elif isinstance(node, ast.Import):
            imported = [alias.name for alias in node.names]
        else:
            continue
        for name in imported:
            assert not name.startswith(("console.models", "sqlalchemy")), (module, name)
            assert name != "console.db", (module, name)


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(CONSOLE.parent)): n for p in CONSOLE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_every_screen_is_registered_once_and_builds() -> None:
    from console.views.common.screen import Screen
    from console.views.registry import SCREEN_KEYS, SCREENS

    assert len(set(SCREEN_KEYS)) == len(SCREEN_KEYS)
    for entry in SCREENS:
        module = __import__(entry.module, fromlist=[entry.class_name])
        assert issubclass(getattr(module, entry.class_name), Screen), entry.key


def test_the_screenshot_command_offers_exactly_the_registered_screens() -> None:
    from console.commands.ward_commands import SCREENS as OFFERED
    from console.views.registry import DIALOGS, SCREEN_KEYS

    assert tuple(OFFERED) == (*SCREEN_KEYS, *DIALOGS)
