"""Apply the fixes of diagnostics until the text is stable, and prove nothing was lost.

Each round applies the non-overlapping fixes (whole fixes, first by position),
re-parses and re-checks. Every fix offered has passed `fix_scope` on the raw
text (it keeps every cell it does not target, and touches no ragged row).
Fixes from rules that repair values (encoding damage, link fixes) and unsafe
fixes run in rounds of their own; every other round must also leave the
records exactly as they were: a fix that would change them is refused (left
unapplied and reported without a fix) and the others go on. `catlint fix`
and `catlint links --fix` both fix through here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from catlint.check import check_document
from catlint.document import parse_document
from catlint.errors import CatlintError
from catlint.layout import resolve_style
from catlint.links import attach, link_results
from catlint.rules import find_rule

MAX_ROUNDS = 10


@dataclass
class FixResult:
    text: str
    remaining: list
    fixed: int
    converged: bool
    refused: tuple = ()  # fixes left unapplied because they would have changed a value


def fix_document(document, config, unsafe: bool = False) -> FixResult:
    # The table's style is the original's: half-fixed rows must not make an aligned table look compact.
    config = replace(config, table_style=resolve_style(document.table, config.table_style))
    document = _links_kept(document, replace(document, config=config))
    fixed, refused = 0, set()
    for _ in range(MAX_ROUNDS):
        diagnostics = check_document(document, config)
        wanted = [d for d in diagnostics if d.fix and (unsafe or d.fix.applicability == "safe") and d not in refused]
        if not wanted:
            return FixResult(document.text, _without_fixes(diagnostics, refused), fixed, True, tuple(refused))
        round_fixes = _this_round(wanted)
        chosen = _non_overlapping(document, round_fixes)
        text = apply_edits(document.text, document, [edit for d in chosen for edit in d.fix.edits])
        if text == document.text:
            return FixResult(document.text, _without_fixes(diagnostics, refused), fixed, True, tuple(refused))
        fixed_document = _reparsed(document, text)
        if not _changes_values(round_fixes[0]) and _record_values(document) != _record_values(fixed_document):
            refused |= _value_changing(document, chosen)  # left unfixed and reported; the others go on
            continue
        document, fixed = fixed_document, fixed + len(chosen)
    return FixResult(document.text, check_document(document, config), fixed, False, tuple(refused))


def _reparsed(document, text: str):
    return _links_kept(document, parse_document(document.source, document.schema, text, document.config))


def _links_kept(document, new):
    """`new` with what the network said about `document`'s links (for `links --fix`): it still holds."""
    results = link_results(document)
    if results is not None:
        attach(new, results)
    return new


def _without_fixes(diagnostics: list, refused: set) -> list:
    """Refused fixes are not offered again: their problems are reported as having none."""
    return [replace(d, fix=None) if d in refused else d for d in diagnostics] if refused else diagnostics


def _changes_values(diagnostic) -> bool:
    rule = find_rule(diagnostic.code)
    return diagnostic.fix.applicability == "unsafe" or bool(getattr(rule.module, "CHANGES_VALUES", False))


def _this_round(wanted: list) -> list:
    """Value-changing fixes first and alone, so every other round can be checked for equality."""
    changing = [d for d in wanted if _changes_values(d)]
    return changing or wanted


def _non_overlapping(document, diagnostics: list) -> list:
    chosen, taken = [], []
    for diagnostic in sorted(diagnostics, key=lambda d: (min(e.location for e in d.fix.edits), d.code)):
        ranges = [_offsets(document, edit) for edit in diagnostic.fix.edits]
        if any(_overlap(a, b) for a in ranges for b in taken):
            continue
        chosen.append(diagnostic)
        taken.extend(ranges)
    return chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion conflicts with anything touching its point
        return a[0] <= b[1] and b[0] <= a[1]
    return max(a[0], b[0]) < min(a[1], b[1])


def _offsets(document, edit) -> tuple[int, int]:
    starts = document.line_starts
    return (starts[edit.location.row - 1] + edit.location.column - 1, starts[edit.end_location.row - 1] + edit.end_location.column - 1)


def apply_edits(text: str, document, edits) -> str:
    first, last = document.table.first_line, document.table.last_line
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location, e.end_location)):
        if not (first <= edit.location.row and edit.end_location.row <= last + 1):
            raise CatlintError(f"{document.path}: internal error: a fix reaches outside the table (line {edit.location.row}); nothing written")
        start, end = _offsets(document, edit)
        pieces += [text[cursor:start], edit.content]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _value_changing(document, chosen: list) -> set:
    """The fixes that change values when applied alone (all of them, if only their combination does).
    A fix that is not lossless is a rule's mistake on unusual input: it is refused, never written."""
    values = _record_values(document)
    culprits = set()
    for diagnostic in chosen:
        text = apply_edits(document.text, document, diagnostic.fix.edits)
        if _record_values(parse_document(document.source, document.schema, text, document.config)) != values:
            culprits.add(diagnostic)
    return culprits or set(chosen)


def _record_values(document) -> list[str]:
    """The rows as a sorted multiset of values, without line numbers: order and layout do not count."""
    rows = []
    for record in document.exported_records():
        record.pop("line")
        rows.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return sorted(rows)
