"""The language a printed or exported document is written in, without Qt (issue 20).

The services that write files (the settlement and monitoring workbooks) and the matplotlib report
take a ``DocumentLanguage``: its ``translate(context, source)`` has ``QCoreApplication.translate``'s
shape, so the caller that runs Qt (``console.i18n.runtime``) hands the installed Danish catalogue
in; the default is the English source text. Amounts read the Danish way in Danish
("1.209.407 kr.").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str, str], str]  # (context, source) → the text in the document's language


def _source(context: str, source: str) -> str:
    del context
    return source


@dataclass(frozen=True, slots=True)
class DocumentLanguage:
    translate: Translate = _source
    code: str = "en"

    @property
    def danish(self) -> bool:
        return self.code == "da"

    def number(self, value: float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        if self.danish:  # 1.209.407,50: a point groups thousands, a comma marks decimals
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def kroner(self, value: float, decimals: int = 0) -> str:
        return f"{self.number(value, decimals)} kr." if self.danish \
            else f"{self.number(value, decimals)} kr"


ENGLISH = DocumentLanguage()
