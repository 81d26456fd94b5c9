"""The translation catalogue: every visible source string in the code, and the ``.ts`` file.

``pyside6-lupdate`` finds ``self.tr("…")`` but not the console's other two forms, the
module-level ``translate(_CTX, "…")`` / ``QT_TRANSLATE_NOOP(_CTX, "…")`` helpers and the PDF
writers' ``_t("…")`` (context ``_CTX`` of their module). This reads the Python sources with
``ast`` and finds all of them, with the context Qt looks them up under at run time: the
lexically enclosing class for ``self.tr`` (PySide6 tries the class and then its bases), the
module's ``_CTX`` constant otherwise.

``python -m console.i18n_catalog update resources/translations/eward_da.ts`` refreshes the
``.ts`` (keeping every existing translation, marking new strings unfinished, dropping vanished
ones); ``make translations`` runs it and builds the ``.qm``. The test suite fails when a string
in the code has no Danish translation.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

Key = tuple[str, str]  # (context, source)
_HELPERS = {"translate", "QT_TRANSLATE_NOOP"}


@dataclass
class Catalogue:
    messages: dict[Key, list[str]] = field(default_factory=dict)  # key -> "file:line"

    def add(self, context: str, source: str, where: str) -> None:
        self.messages.setdefault((context, source), []).append(where)


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
    catalogue = Catalogue()
    trees: dict[Path, ast.Module] = {}
    constants: dict[str, dict[str, str]] = {}
    for path in sorted(paths):
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
    root = root or Path(__file__).resolve().parent.parent
    return extract(root, (root / "console").rglob("*.py"))


def read_ts(path: Path) -> dict[Key, str | None]:
    """(context, source) → translation, or None when missing/unfinished."""
    out: dict[Key, str | None] = {}
    if not path.exists():
        return out
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = node.text if node is not None else None
            unfinished = node is not None and node.get("type") in ("unfinished", "obsolete",
                                                                    "vanished")
            out[(name, source)] = None if unfinished or not text else text
    return out


def write_ts(path: Path, catalogue: Catalogue, language: str = "da_DK") -> tuple[int, int]:
    """Rewrite ``path`` for the catalogue, keeping translations; returns (total, missing)."""
    existing = read_ts(path)
    ts = ET.Element("TS", version="2.1", language=language)
    missing = 0
    contexts: dict[str, list[str]] = {}
    for context, source in catalogue.messages:
        contexts.setdefault(context, []).append(source)
    for context in sorted(contexts):
        ctx = ET.SubElement(ts, "context")
        ET.SubElement(ctx, "name").text = context
        for source in sorted(set(contexts[context])):
            message = ET.SubElement(ctx, "message")
            for where in catalogue.messages[(context, source)][:3]:
                file, _, line = where.rpartition(":")
                ET.SubElement(message, "location", filename=f"../../{file}", line=line)
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text = existing.get((context, source))
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(ts)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return len(catalogue.messages), missing


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "update":
        print("usage: python -m console.i18n_catalog update FILE.ts", file=sys.stderr)
        return 2
    total, missing = write_ts(Path(argv[1]), code_catalogue())
    print(f"{argv[1]}: {total} strings, {missing} without a translation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
