"""The rule registry.

A rule is a module with `CODE` (CAT + number: 0xx structure, 1xx values,
2xx normal form, 3xx consistency, 4xx security, 5xx links), a kebab-case
`NAME`, a default `SEVERITY`, `FIX` ("never", "safe", "unsafe" or
"sometimes"), a docstring (summary, rationale, failing and passing examples)
and `check(document)`, a generator of Findings. The runner stamps each
Finding with the rule's identity and the configured severity.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from catlint.diagnostics import Edit, Fix, Position
from catlint.table import Span



@dataclass(frozen=True)
class Finding:
    location: Position
    end_location: Position
    message: str
    fix: Fix | None = None
    subject: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    fix: str
    module: ModuleType

    @property
    def summary(self) -> str:
        return (self.module.__doc__ or "").strip().splitlines()[0]

    @property
    def documentation(self) -> str:
        return (self.module.__doc__ or "").strip()

    @property
    def fix_command(self) -> str:
        """The command that applies this rule's fixes (link fixes need the network's answer)."""
        return getattr(self.module, "FIX_COMMAND", "catlint fix")

    def check(self, document):
        return self.module.check(document)


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every module in this package is a rule: adding a rule is adding a file."""
    rules = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.append(Rule(module.CODE, module.NAME, module.SEVERITY, module.FIX, module))
    codes = [rule.code for rule in rules]
    duplicates = {code for code in codes if codes.count(code) > 1}
    if duplicates:
        raise RuntimeError(f"two rules share the code {sorted(duplicates)[0]}")
    return tuple(sorted(rules, key=lambda rule: rule.code))


def find_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    return next((rule for rule in all_rules() if wanted.upper() == rule.code or wanted.lower() == rule.name), None)


def shown(text: str, limit: int = 40) -> str:
    """A cell's text as a message quotes it: repr, cut short when long."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def at_span(span: Span, message: str, fix: Fix | None = None, subject: tuple[str, ...] = ()) -> Finding:
    return Finding(Position(span.line, span.start), Position(span.line, span.end), message, fix, subject)


def replace(span: Span, content: str, message: str, applicability: str = "safe") -> Fix:
    edit = Edit(Position(span.line, span.start), Position(span.line, span.end), content)
    return Fix(applicability, message, (edit,))


def with_comments(text: str, canonical: str) -> str | None:
    """What to write for a cell whose value's canonical form is `canonical`, keeping its HTML
    comments (`1200 <!-- approx -->` becomes `1,200 <!-- approx -->`); None when it is canonical."""
    if "<!--" not in text:
        return None if text == canonical else canonical
    comments = _COMMENT.findall(text)
    if _COMMENT.sub("", text).strip() == canonical:
        return None
    return " ".join([canonical, *comments])


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def rows_with(document, pattern, ascii_markers: tuple[str, ...] = ()) -> list:
    """The header and body rows in which `pattern` finds something. An ASCII row is searched only
    when it holds one of `ascii_markers` (a substring test in C): most rows are skipped without a
    regular expression, which would try every position of every row."""
    found = []
    for row in (document.table.header, *document.table.rows):
        text = row.text
        if text.isascii() and not any(marker in text for marker in ascii_markers):
            continue
        if pattern.search(text):
            found.append(row)
    return found


def line_span(document, line: int) -> Span:
    return Span(line, 1, len(document.lines[line - 1]) + 1)


def row_subject(record) -> tuple[str, ...]:
    """A finding's stable identity: the row's source name rather than its line."""
    found = record.fields.get("source")
    return (str(found.value or found.cell.text),) if found else (record.row.cells[0].text if record.row.cells else "",)


def line_subject(document, line: int) -> tuple[str, ...]:
    """The identity of whatever row is on `line`: the header, or the record's source name."""
    if line == document.table.header.line:
        return ("header",)
    if line == document.table.delimiter.line:
        return ("delimiter",)
    record = document.record_at(line)
    return row_subject(record) if record else ("line", document.lines[line - 1].strip())
