"""The services' messages as templates (context ``Service``): the English sentence as it reads
at run time with ``{0}``, ``{1}`` … where a value goes in. See ``console.i18n_catalog``."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from pathlib import Path

from console.i18n.catalogue import SERVICE_CONTEXT, Catalogue
from console.i18n.error_calls import (
    MESSAGE_ARG,
    callee,
    calls_in,
    message_arg,
    raising,
    raising_helpers,
)

# -- the services' messages (context "Service") ---------------------------------------------
#
# The services stay Qt-free and keep their English sentences (the CLI, the JSON output and the
# tests read them); the views translate them as they show them (``translate_service_message``).
# Each message becomes a template: the literal text as it reads at run time, with ``{0}``,
# ``{1}`` … where an expression goes in. A small evaluator follows the strings: implicit
# concatenation (joined by the parser), f-strings, ``+``, ``x if c else y``, ``a or "b"`` and the
# function's local text variables (``by = who or "another desk"``) give every form the sentence
# can take; what only run time knows is a hole (adjacent holes are one).

# errors whose sentence their class builds from the arguments (errors.py): inlined per call
_BUILT = ("NotFound", "Conflict", "Unexpected")
# functions whose returned texts the views show as they are (R-CAPACITY, the database's refusal)
_TEXT_FUNCTIONS = ("_warnings", "_refusal", "why_unservable", "why_not_placed")
MIN_TEMPLATE_LETTERS = 4  # "{0}." is no template: it would match any sentence
_MAX_VARIANTS = 32


class _Hole:
    def __repr__(self) -> str:
        return "HOLE"


HOLE = _Hole()
Part = str | _Hole
Variant = tuple[Part, ...] | None  # None: the value None (``who`` not given)
Env = dict[str, list[Variant]]
_UNKNOWN: list[Variant] = [(HOLE,)]


def _normal(parts: Iterable[Part]) -> tuple[Part, ...]:
    out: list[Part] = []
    for part in parts:
        if part == "":
            continue
        if out and isinstance(part, str) and isinstance(out[-1], str):
            out[-1] += part
        elif out and part is HOLE and out[-1] is HOLE:
            continue
        else:
            out.append(part)
    return tuple(out)


def _unique(variants: Iterable[Variant]) -> list[Variant]:
    out: list[Variant] = []
    for v in variants:
        if v not in out:
            out.append(v)
    return out if len(out) <= _MAX_VARIANTS else list(_UNKNOWN)


def _concat(*groups: list[Variant]) -> list[Variant]:
    out: list[Variant] = [()]
    for group in groups:
        out = [_normal((*(a or ()), *(("None",) if b is None else b)))
               for a in out for b in group]
    return _unique(out)


def _truth(variants: list[Variant]) -> bool | None:
    """True/False when every variant is truthy/falsy, None when run time decides."""
    def one(v: Variant) -> bool | None:
        if v is None or v == ():
            return False
        return True if any(isinstance(p, str) for p in v) else None
    answers = {one(v) for v in variants}
    return answers.pop() if len(answers) == 1 else None


def template_text(variant: Variant) -> str | None:
    """``("No ", HOLE, " with id ", HOLE, ".")`` → ``"No {0} with id {1}."`` (None: no template)."""
    if variant is None:
        return None
    literal = "".join(p for p in variant if isinstance(p, str))
    if sum(c.isalpha() for c in literal) < MIN_TEMPLATE_LETTERS or "{" in literal \
            or "}" in literal:
        return None
    holes = iter(range(len(variant)))
    return "".join(p if isinstance(p, str) else f"{{{next(holes)}}}" for p in variant)


Visit = Callable[[ast.Call, Env], None]
Returns = list[tuple[Variant, int]]  # what a function returns, and the line


class _Strings:
    """The texts an expression or a function can produce, statement by statement."""

    def __init__(self, functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> None:
        self.functions = functions  # the module's own functions (a message helper)
        self._returns: dict[str, list[Variant]] = {}

    def expr(self, node: ast.expr, env: Env) -> list[Variant]:
        if isinstance(node, ast.Constant):
            if node.value is None:
                return [None]
            return [_normal((node.value,))] if isinstance(node.value, str) else list(_UNKNOWN)
        if isinstance(node, ast.JoinedStr):
            groups: list[list[Variant]] = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    groups.append([(value.value,)])
                elif isinstance(value, ast.FormattedValue) and value.conversion == -1 \
                        and value.format_spec is None:  # a None that may be is no text
                    shown = self.expr(value.value, env)
                    groups.append([v for v in shown if v is not None] or [("None",)])
                else:
                    groups.append(list(_UNKNOWN))
            return _concat(*groups)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return _concat(self.expr(node.left, env), self.expr(node.right, env))
        if isinstance(node, ast.IfExp):
            truth = _truth(self.expr(node.test, env)) if isinstance(node.test, ast.Name) \
                else None
            if truth is True:
                return self.expr(node.body, env)
            if truth is False:
                return self.expr(node.orelse, env)
            return _unique([*self.expr(node.body, env), *self.expr(node.orelse, env)])
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            out: list[Variant] = []
            for value in node.values[:-1]:
                variants = self.expr(value, env)
                out += [v for v in variants if _truth([v]) is not False]
                if _truth(variants) is True:
                    return _unique(out)
            return _unique([*out, *self.expr(node.values[-1], env)])
        if isinstance(node, ast.Name):
            return env.get(node.id, list(_UNKNOWN))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in self.functions:
            return self.returns(node.func.id)
        return list(_UNKNOWN)

    def returns(self, name: str) -> list[Variant]:
        """What the module's function ``name`` can return (its parameters unknown)."""
        if name not in self._returns:
            self._returns[name] = list(_UNKNOWN)  # a recursive helper: unknown
            out: Returns = []
            self.run(self.functions[name], lambda call, env: None, out)
            self._returns[name] = _unique(v for v, _ in out) or list(_UNKNOWN)
        return self._returns[name]

    def run(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, visit: Visit,
            returns: Returns | None = None, env: Env | None = None) -> None:
        args = fn.args
        params = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
        start: Env = {p: list(_UNKNOWN) for p in params}
        start.update(env or {})
        self.block(fn.body, start, visit, [] if returns is None else returns)

    def block(self, body: list[ast.stmt], env: Env, visit: Visit,
              returns: Returns) -> Env:
        for stmt in body:
            env = self.stmt(stmt, env, visit, returns)
        return env

    def stmt(self, stmt: ast.stmt, env: Env, visit: Visit, returns: Returns) -> Env:
        def seen(*nodes: ast.AST | None) -> None:
            for node in nodes:
                if node is not None:
                    for call in calls_in(node):
                        visit(call, env)

        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            return env
        if isinstance(stmt, ast.If):
            seen(stmt.test)
            return _merge(self.block(stmt.body, dict(env), visit, returns),
                          self.block(stmt.orelse, dict(env), visit, returns))
        if isinstance(stmt, ast.For | ast.AsyncFor | ast.While):
            seen(stmt.iter if isinstance(stmt, ast.For | ast.AsyncFor) else stmt.test)
            looped = self.block(stmt.body, dict(env), visit, returns)
            return self.block(stmt.orelse, _merge(env, looped), visit, returns)
        if isinstance(stmt, ast.With | ast.AsyncWith):
            seen(*(item.context_expr for item in stmt.items))
            return self.block(stmt.body, env, visit, returns)
        if isinstance(stmt, ast.Try):
            tried = self.block(stmt.body, dict(env), visit, returns)
            merged = _merge(env, self.block(stmt.orelse, tried, visit, returns))
            for handler in stmt.handlers:
                merged = _merge(merged, self.block(handler.body, dict(env), visit, returns))
            return self.block(stmt.finalbody, merged, visit, returns)
        seen(stmt)
        env = dict(env)
        if isinstance(stmt, ast.Assign):
            value = self.expr(stmt.value, env)
            for target in stmt.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        env[name.id] = value if isinstance(target, ast.Name) else list(_UNKNOWN)
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) \
                and stmt.value is not None:
            env[stmt.target.id] = self.expr(stmt.value, env)
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            before = env.get(stmt.target.id, list(_UNKNOWN))
            env[stmt.target.id] = _concat(before, self.expr(stmt.value, env)) \
                if isinstance(stmt.op, ast.Add) else list(_UNKNOWN)
        elif isinstance(stmt, ast.Return) and stmt.value is not None:
            # a returned list of texts (``…_warnings``) gives each of its elements
            values = stmt.value.elts if isinstance(stmt.value, ast.List | ast.Tuple) \
                else [stmt.value]
            returns += [(v, stmt.lineno) for value in values for v in self.expr(value, env)]
        return env


def _merge(a: Env, b: Env) -> Env:
    return {name: _unique([*a.get(name, _UNKNOWN), *b.get(name, _UNKNOWN)])
            for name in (*a, *(n for n in b if n not in a))}


def _functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def _is_super_init(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr == "__init__"
            and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super")


def _built_inits(trees: Iterable[ast.Module]) -> dict[str, ast.FunctionDef]:
    """``NotFound.__init__`` and ``Conflict.__init__``, wherever the services define them."""
    out: dict[str, ast.FunctionDef] = {}
    for tree in trees:
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name in _BUILT:
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        out[node.name] = item
    return out


def _bind(fn: ast.FunctionDef, call: ast.Call, strings: _Strings, env: Env) -> Env | None:
    """The constructor's parameters as the call gives them (None: a call we cannot follow)."""
    params = [a.arg for a in fn.args.args][1:]  # without self
    defaults = dict(zip(reversed(params), reversed(fn.args.defaults), strict=False))
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None
                                                                 for k in call.keywords):
        return None
    given: dict[str, ast.expr] = dict(zip(params, call.args, strict=False))
    given.update({k.arg: k.value for k in call.keywords if k.arg is not None})
    bound: Env = {}
    for name in params:
        node = given.get(name, defaults.get(name))
        bound[name] = strings.expr(node, env) if node is not None else list(_UNKNOWN)
    return bound


def _bind_helper(fn: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call, strings: _Strings,
                 env: Env) -> Env | None:
    """A helper's parameters as the call gives them, when it gives at least one text."""
    args = fn.args
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None
                                                                 for k in call.keywords):
        return None
    given: dict[str, ast.expr] = dict(zip([a.arg for a in (*args.posonlyargs, *args.args)],
                                          call.args, strict=False))
    given.update({k.arg: k.value for k in call.keywords if k.arg is not None})
    bound = {name: strings.expr(node, env) for name, node in given.items()}
    gives_text = any(isinstance(part, str) for variants in bound.values()
                     for variant in variants if variant is not None for part in variant)
    return bound if gives_text else None


class _ServiceModule:
    """One services module: the messages of its error calls and its ``…_warnings`` texts."""

    def __init__(self, tree: ast.Module, where: str, inits: dict[str, ast.FunctionDef],
                 catalogue: Catalogue,
                 helpers: dict[str, ast.FunctionDef] | None = None) -> None:
        self.tree, self.where, self.inits, self.catalogue = tree, where, inits, catalogue
        own = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        self.strings = _Strings(own)
        self.helpers = {**(helpers or {}), **raising(tree)}  # a module's own comes first

    def add(self, variants: Iterable[Variant], line: int) -> None:
        for variant in variants:
            text = template_text(variant)
            where = f"{self.where}:{line}"  # a followed helper may say it again
            if text is not None and where not in self.catalogue.messages.get(
                    (SERVICE_CONTEXT, text), ()):
                self.catalogue.add(SERVICE_CONTEXT, text, where)

    def collect(self) -> None:
        functions = _functions(self.tree)
        for init in self.inits.values():  # the class's own sentence, every argument a hole
            if init in functions:
                self.strings.run(init, self._sentence_at(init.lineno))
        for fn in functions:
            returns: Returns = []
            self.strings.run(fn, self._visit, returns)
            if fn.name.endswith(_TEXT_FUNCTIONS):  # the views show what it returns
                for variant, line in returns:
                    self.add([variant], line)

    def _sentence_at(self, line: int) -> Visit:
        """A visitor adding the ``super().__init__(sentence)`` of a built error at ``line``."""
        def visit(call: ast.Call, env: Env) -> None:
            if _is_super_init(call) and call.args:
                self.add(self.strings.expr(call.args[0], env), line)
        return visit

    def _visit(self, call: ast.Call, env: Env) -> None:
        name = callee(call)
        if name in MESSAGE_ARG:
            node = message_arg(call, *MESSAGE_ARG[name])
            if node is not None:
                self.add(self.strings.expr(node, env), call.lineno)
        elif name in self.inits:
            self._built(call, env, call.lineno)
        elif name in self.helpers:
            # get_existing(session, Visit, 12, "visit"): the helper's NotFound with this call's
            # texts, at the line of the call
            helper = self.helpers[name]
            bound = _bind_helper(helper, call, self.strings, env)
            if bound is not None:
                self.strings.run(helper, lambda inner, inner_env: self._in_helper(
                    inner, inner_env, call.lineno), env=bound)

    def _in_helper(self, call: ast.Call, env: Env, line: int) -> None:
        """An error a helper raises, with the texts of the call into the helper, at its line."""
        name = callee(call)
        if name in MESSAGE_ARG:
            node = message_arg(call, *MESSAGE_ARG[name])
            if node is not None:
                self.add(self.strings.expr(node, env), line)
        elif name in self.inits:
            self._built(call, env, line)

    def _built(self, call: ast.Call, env: Env, line: int) -> None:
        """NotFound("visit", 12): "No visit with id {0}." (the class's sentence, inlined)."""
        init = self.inits[callee(call) or ""]
        bound = _bind(init, call, self.strings, env)
        if bound is not None:
            self.strings.run(init, self._sentence_at(line), env=bound)


def extract_service_messages(root: Path, paths: Iterable[Path], catalogue: Catalogue) -> None:
    """Add the services' messages to ``catalogue`` under ``SERVICE_CONTEXT``."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path))
             for path in sorted(paths)}
    inits = _built_inits(trees.values())
    helpers = raising_helpers(trees.values())
    for path, tree in trees.items():
        _ServiceModule(tree, str(path.relative_to(root)), inits, catalogue, helpers).collect()


