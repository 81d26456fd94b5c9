"""The translation catalogue: every visible source string in the code, and the ``.ts`` file.

``pyside6-lupdate`` finds ``self.tr("…")`` but not the console's other two forms, the
module-level ``translate(_CTX, "…")`` / ``QT_TRANSLATE_NOOP(_CTX, "…")`` helpers and the PDF
writers' ``_t("…")`` (context ``_CTX`` of their module). This reads the Python sources with
``ast`` and finds all of them, with the context Qt looks them up under at run time: the
lexically enclosing class for ``self.tr`` (PySide6 tries the class and then its bases), the
module's ``_CTX`` constant otherwise.

The services' messages (``RuleViolation``, ``InvalidInput``, ``Forbidden``, ``NotFound``,
``Conflict``, the ``…_warnings`` texts) stay English in the Qt-free services; they are
catalogued under the context ``Service`` as templates with ``{0}``, ``{1}`` … where the f-string
puts a value in, and the views translate them as they show them (``views.common.i18n.
translate_service_message``), matching against ``service_templates.json``.

``python -m console.i18n_catalog update resources/translations/eward_da.ts`` refreshes the
``.ts`` (keeping every existing translation, marking new strings unfinished, dropping vanished
ones) and writes ``service_templates.json`` next to it; ``make translations`` runs it and builds
the ``.qm``. The test suite fails when a string
in the code has no Danish translation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from console.i18n.catalogue import (
    SERVICE_CONTEXT,
    SERVICE_TEMPLATES,
    Catalogue,
    Key,
    read_ts,
    service_templates,
    write_service_templates,
    write_ts,
)
from console.i18n.code_strings import code_catalogue, extract

__all__ = ["SERVICE_CONTEXT", "SERVICE_TEMPLATES", "Catalogue", "Key", "code_catalogue", "extract",
           "main", "read_ts", "service_templates", "write_service_templates", "write_ts"]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "update":
        print("usage: python -m console.i18n_catalog update FILE.ts", file=sys.stderr)
        return 2
    catalogue = code_catalogue()
    total, missing = write_ts(Path(argv[1]), catalogue)
    print(f"{argv[1]}: {total} strings, {missing} without a translation")
    json_path = Path(argv[1]).with_name(SERVICE_TEMPLATES)
    print(f"{json_path}: {write_service_templates(json_path, catalogue)} service message templates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
