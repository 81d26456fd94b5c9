"""Finding the services' error calls in their syntax trees (``service_messages`` reads them):
which call raises which error, where its message is, and which helpers raise with their
caller's text."""

from __future__ import annotations

import ast
from collections.abc import Iterable

# the constructor → the position (and keyword) of its message
MESSAGE_ARG = {"RuleViolation": (2, "message"), "InvalidInput": (1, "message"),
               "Forbidden": (0, "message"), "ServiceError": (0, "message"),
               "PurposeRequired": (0, "message"), "SimultaneousWrite": (1, "message"),
               "_unplaced": (1, "reason")}  # the planner's reason a visit was not placed


def calls_in(node: ast.AST) -> Iterable[ast.Call]:
    """The calls in a simple statement or expression, not inside a nested function."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                      | ast.ClassDef):
            continue
        if isinstance(current, ast.Call):
            yield current
        stack.extend(reversed(list(ast.iter_child_nodes(current))))


def callee(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def message_arg(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def raising_helpers(trees: Iterable[ast.Module]) -> dict[str, ast.FunctionDef]:
    """Top-level functions that raise a service error, e.g. ``uow.get_existing`` (``NotFound``)
    or ``errors.required_text`` (``InvalidInput`` with the caller's message): each call that
    passes a text is followed with it. A name two modules define is left out (which
    one a call means is not known here)."""
    found: dict[str, ast.FunctionDef | None] = {}
    for tree in trees:
        for name, node in raising(tree).items():
            found[name] = node if name not in found else None
    return {name: fn for name, fn in found.items() if fn is not None}


def raising(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)
            and any(_raises_callers_text(node, call) for stmt in node.body
                    for call in calls_in(stmt))}


def _raises_callers_text(fn: ast.FunctionDef, call: ast.Call) -> bool:
    """``NotFound(…)``, or an error whose message is one of ``fn``'s parameters as given."""
    name = callee(call)
    if name == "NotFound":
        return True
    if name not in MESSAGE_ARG:
        return False
    node = message_arg(call, *MESSAGE_ARG[name])
    parameters = {a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)}
    return isinstance(node, ast.Name) and node.id in parameters
