"""One document checked as the CLI checks a file: read, every offline rule, fixes on demand.

Network rules never run here (no link results are given to the engine). A text
without a table delimiter row next to a pipe cannot hold a catalogue table, so
most Markdown files cost one regular-expression search and nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catlint.engine.check import check_catalogue
from catlint.engine.config import Config
from catlint.engine.fixer import fix_document
from catlint.engine.run import read_text
from catlint.errors import CatlintError, NoCatalogue

# A catalogue table has at least two columns, so its delimiter row has a pipe next to a run of
# hyphens (spaces and alignment colons between them allowed): `|---|`, `--- | :---:`.
_DELIMITER = re.compile(r"-[ \t:]*\||\|[ \t:]*-")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Analysis:
    """What the server knows about one version of a document."""

    version: int | None
    text: str
    catalogue: object = None  # None: no catalogue table (or the configuration is broken)
    config: Config | None = None
    diagnostics: list = field(default_factory=list)
    problem: str | None = None  # a configuration or schema that cannot be used, in one line
    _fixed: dict = field(default_factory=dict)

    def fixed_text(self) -> str | None:
        """What `catlint fix` would write (the safe fixes, the layout kept as configured), or None
        when that changes nothing or cannot be done."""
        if "safe" not in self._fixed:
            self._fixed["safe"] = _fix(self.catalogue, self.config) if self.catalogue is not None else None
        fixed = self._fixed["safe"]
        return fixed if fixed is not None and fixed != self.text else None


def might_hold_table(text: str) -> bool:
    return "|" in text and _DELIMITER.search(text) is not None


def analyse(text: str, version: int | None, name: str, config: Config | CatlintError) -> Analysis:
    if not might_hold_table(text):
        return Analysis(version, text)
    if isinstance(config, CatlintError):
        return Analysis(version, text, problem=str(config))
    try:
        catalogue = read_text(_encodable(text), name, config)
    except NoCatalogue:
        return Analysis(version, text, config=config)
    except CatlintError as error:  # a schema that cannot be read, a file too deeply nested...
        return Analysis(version, text, config=config, problem=str(error))
    return Analysis(version, text, catalogue, config, check_catalogue(catalogue, config))


def _encodable(text: str) -> str:
    """Unpaired surrogates (a client may send them) as U+FFFD, one code unit for one: positions stay."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def _fix(catalogue, config) -> str | None:
    try:
        result = fix_document(catalogue, config)
    except CatlintError:
        return None
    return result.text if result.converged else None
