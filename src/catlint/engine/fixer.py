"""Apply the fixes of diagnostics until the text is stable, and prove nothing was lost.

Each round applies the non-overlapping fixes (whole fixes, first by position),
re-parses and re-checks. Every fix offered has passed `fix_scope` on the raw
text (it keeps every cell it does not target, and touches no ragged row).
Every round must leave the text rendering the same tables (in the same
containers, with the same rows): a fix that would not is refused.
Fixes from rules that repair values (encoding damage, link fixes) and unsafe
fixes run in rounds of their own; every other round must also leave the
records exactly as they were: a fix that would change them is refused (left
unapplied and reported without a fix) and the others go on. `catlint fix`
and `catlint links --fix` both fix through here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from catlint.engine.check import check_catalogue
from catlint.errors import CatlintError, NoCatalogue
from catlint.reading.catalogue import read_catalogue
from catlint.rules import find_rule
from catlint.reading.layout import resolve_style

MAX_ROUNDS = 10


@dataclass
class FixResult:
    text: str
    remaining: list
    fixed: int
    converged: bool
    refused: tuple = ()  # fixes left unapplied because they would have changed a value
    catalogue: object = None  # the fixed text, read
    applied: tuple = ()  # the diagnostics whose fixes were applied, in the order of the rounds


def fix_document(catalogue, config, unsafe: bool = False, link_results: dict | None = None, only_network: bool = False) -> FixResult:
    """Fix until nothing more can be fixed. `link_results` (for `links --fix`) hold for every round:
    what the network said about the links does not change when the file does."""
    # The table's style is the original's: half-fixed rows must not make an aligned table look compact.
    style = resolve_style(catalogue, config.table_style)
    catalogue = _as_written(catalogue)

    def check(current):
        return check_catalogue(current, config, link_results, style, only_network)

    fixed, refused, applied = 0, set(), []
    for _ in range(MAX_ROUNDS):
        diagnostics = check(catalogue)
        wanted = [d for d in diagnostics if d.fix and d.fix.edits and (unsafe or d.fix.applicability == "safe") and d not in refused]
        if not wanted:
            return FixResult(catalogue.text, _without_fixes(diagnostics, refused), fixed, True, tuple(refused), catalogue, tuple(applied))
        round_fixes = _this_round(wanted)
        chosen = _non_overlapping(catalogue, round_fixes)
        text = apply_edits(catalogue.text, catalogue, [edit for d in chosen for edit in d.fix.edits])
        if text == catalogue.text:
            return FixResult(catalogue.text, _without_fixes(diagnostics, refused), fixed, True, tuple(refused), catalogue, tuple(applied))
        fixed_catalogue = _fixed(catalogue, text)
        values_kept = not _changes_values(round_fixes[0])
        if not _kept(catalogue, fixed_catalogue, values_kept):
            refused |= _culprits(catalogue, chosen, values_kept)  # left unfixed and reported; the others go on
            continue
        catalogue, fixed = fixed_catalogue, fixed + len(chosen)
        applied += chosen
    return FixResult(catalogue.text, check(catalogue), fixed, False, tuple(refused), catalogue, tuple(applied))


def _as_written(catalogue):
    """The catalogue as `fix` writes it: in UTF-8, whatever it was read in."""
    source = catalogue.source
    if source.is_utf8:
        return catalogue
    return read_catalogue(source._replace(encoding="utf-8", bom=False), catalogue.schema, catalogue.text)


def _reread(catalogue, text: str):
    return read_catalogue(catalogue.source, catalogue.schema, text)


def _fixed(catalogue, text: str):
    """The fixed text read again; None when a fix left no catalogue table in it."""
    try:
        return _reread(catalogue, text)
    except NoCatalogue:
        return None


def _without_fixes(diagnostics: list, refused: set) -> list:
    """Refused fixes are not offered again: their problems are reported as having none."""
    return [d._replace(fix=None) if d in refused else d for d in diagnostics] if refused else diagnostics


def _changes_values(diagnostic) -> bool:
    rule = find_rule(diagnostic.code)
    return diagnostic.fix.applicability == "unsafe" or bool(rule and rule.changes_values)


def _this_round(wanted: list) -> list:
    """Value-changing fixes first and alone, so every other round can be checked for equality."""
    changing = [d for d in wanted if _changes_values(d)]
    return changing or wanted


def _non_overlapping(catalogue, diagnostics: list) -> list:
    chosen, taken = [], []
    for diagnostic in sorted(diagnostics, key=lambda d: (min(e.location for e in d.fix.edits), d.code)):
        ranges = [_offsets(catalogue, edit) for edit in diagnostic.fix.edits]
        if any(_overlap(a, b) for a in ranges for b in taken):
            continue
        chosen.append(diagnostic)
        taken.extend(ranges)
    return chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion conflicts with anything touching its point
        return a[0] <= b[1] and b[0] <= a[1]
    return max(a[0], b[0]) < min(a[1], b[1])


def _offsets(catalogue, edit) -> tuple[int, int]:
    lines = catalogue.lines
    return (lines.offset(edit.location.row, edit.location.column), _end_offset(catalogue, edit))


def _end_offset(catalogue, edit) -> int:
    """An edit may end at column 1 of the line after the last (an edit that takes a line's ending)."""
    lines = catalogue.lines
    if edit.end_location.row > len(lines):
        return len(catalogue.text)
    return lines.offset(edit.end_location.row, edit.end_location.column)


def apply_edits(text: str, catalogue, edits) -> str:
    first, last = catalogue.table.first_line, catalogue.table.last_line
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location, e.end_location)):
        if not (first <= edit.location.row and edit.end_location.row <= last + 1):
            raise CatlintError(f"{catalogue.path}: internal error: a fix reaches outside the table (line {edit.location.row}); nothing written")
        start, end = _offsets(catalogue, edit)
        pieces += [text[cursor:start], edit.content]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _kept(catalogue, fixed, values: bool) -> bool:
    """The fixed text renders the same tables and, when `values`, holds the same records."""
    return fixed is not None and _table_shapes(catalogue) == _table_shapes(fixed) and (not values or _record_values(catalogue) == _record_values(fixed))


def _culprits(catalogue, chosen: list, values: bool) -> set:
    """The fixes that change the tables (or values) when applied alone (all of them, if only their
    combination does). Such a fix is a rule's mistake on unusual input: it is refused, never written."""
    culprits = set()
    for diagnostic in chosen:
        text = apply_edits(catalogue.text, catalogue, diagnostic.fix.edits)
        if not _kept(catalogue, _fixed(catalogue, text), values):
            culprits.add(diagnostic)
    return culprits or set(chosen)


def _table_shapes(catalogue) -> list[tuple]:
    """What GitHub renders as tables, whatever the fixes: each table's containers (a block quote, a
    list item), its width, and where its delimiter and body rows are from its header (rows may be
    sorted, and lines after a table may move)."""
    shapes = []
    for table in catalogue.tables:
        containers, node = [], table.node.parent
        while node is not None:
            containers.append(node.kind)
            node = node.parent
        first = table.header.line
        shapes.append((tuple(containers), table.width, table.delimiter.line - first, [line - first for line in table.row_lines]))
    return shapes


def _record_values(catalogue) -> list[str]:
    """The rows as a sorted multiset of values, without line numbers: order and layout do not count."""
    rows = []
    for record in catalogue.exported_records():
        record.pop("line")
        rows.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return sorted(rows)
