"""The strings the views mark for translation (``self.tr``, ``translate``, ``QT_TRANSLATE_NOOP``,
``_t``), found by reading the sources with ``ast``, under the context Qt looks them up in."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from console.i18n.catalogue import _HELPERS, Catalogue
from console.i18n.service_messages import extract_service_messages


def _literal(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.JoinedStr):
        return None  # an f-string cannot be translated: never pass one to tr()
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self, catalogue: Catalogue, path: str, constants: dict[str, str]) -> None:
        self.catalogue, self.path, self.constants = catalogue, path, constants
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        where = f"{self.path}:{node.lineno}"
        args = node.args
        if isinstance(func, ast.Attribute) and func.attr == "tr" and args and self.classes:
            source = _literal(args[0], {})
            if source is not None:
                self.catalogue.add(self.classes[-1], source, where)
        elif (isinstance(func, ast.Attribute) and func.attr == "translate"
              and isinstance(func.value, ast.Name) and func.value.id == "QCoreApplication"
              and len(args) >= 2) or (isinstance(func, ast.Name) and func.id in _HELPERS
                                      and len(args) >= 2):
            context, source = _literal(args[0], self.constants), _literal(args[1], {})
            if context is not None and source is not None:
                self.catalogue.add(context, source, where)
        elif isinstance(func, ast.Name) and func.id == "_t" and args and "_CTX" in self.constants:
            source = _literal(args[0], {})
            if source is not None:
                self.catalogue.add(self.constants["_CTX"], source, where)
        self.generic_visit(node)


def _module_constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _imported_contexts(tree: ast.Module, by_module: dict[str, dict[str, str]]) -> dict[str, str]:
    """``from console.views.x import _CTX`` (or ``CONTEXT``) brings that module's constants."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in by_module:
            for alias in node.names:
                value = by_module[node.module].get(alias.name)
                if value is not None:
                    out[alias.asname or alias.name] = value
    return out



def extract(root: Path, paths: Iterable[Path]) -> Catalogue:
    """Every marked string under its context, and the messages of the modules in a
    ``services`` package under ``SERVICE_CONTEXT``."""
    catalogue = Catalogue()
    trees: dict[Path, ast.Module] = {}
    constants: dict[str, dict[str, str]] = {}
    paths = sorted(paths)
    extract_service_messages(root, [p for p in paths if "services" in p.relative_to(root).parts],
                             catalogue)
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        trees[path] = tree
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        constants[module] = _module_constants(tree)
    for path, tree in trees.items():
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        known = {**_imported_contexts(tree, constants), **constants[module]}
        _Visitor(catalogue, str(path.relative_to(root)), known).visit(tree)
    return catalogue


def code_catalogue(root: Path | None = None) -> Catalogue:
    root = root or Path(__file__).resolve().parents[2]
    return extract(root, (root / "console").rglob("*.py"))


