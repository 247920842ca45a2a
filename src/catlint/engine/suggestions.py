"""Suggested changes: a finding's own edits applied to its own line, laid out as the table's rows are.

A suggestion replaces exactly one line of the file, the line its finding is
on, and holds only the edits of the findings it names: accepting it changes
those cells and nothing else, however many other fixes the file has. A table
row that was laid out like the table (or whose finding is the layout itself)
is laid out again after the edits, with the table's column widths, so it
stays aligned. A fix that spans several lines (sorting rows) gets no
suggestion; nor does a safe fix that would change the row's values (a rule's
mistake, which the fixer refuses too).

Per line, the safe fixes are combined into one suggestion (what `catlint fix`
does to that line); a line whose fixes are all unsafe gets one of those. Each
suggestion takes time proportional to its line, so a review is linear in the
number of findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from catlint.reading.tables import split_row
from catlint.rules import find_rule
from catlint.reading.layout import RowLayout, line_prefix, resolve_style

_LINE_BREAKS = ("\r\n", "\r")
_INVALID = object()  # what an unreadable cell holds: unreadable before and after is no change


@dataclass(frozen=True)
class Suggestion:
    line: int  # the one line replaced (1-based)
    lines: tuple[str, ...]  # what replaces it: one line, or two when a blank line is inserted before it
    unsafe: bool
    findings: tuple  # the diagnostics whose fixes it applies


def suggestions(checked: dict, diagnostics, own: bool = True, per_line: bool = True) -> tuple[dict, dict]:
    """({diagnostic: its own suggestion}, {(filename, line): the suggestion for that line}) for the
    diagnostics with fixes, in the files as checked (`checked`: filename -> Checked); each half
    only when asked for."""
    suggesters: dict[str, LineSuggester] = {}
    by_line: dict[tuple[str, int], list] = {}
    mine = {}
    for diagnostic in diagnostics:
        if diagnostic.fix is None or not diagnostic.fix.edits or diagnostic.filename not in checked:
            continue
        if diagnostic.filename not in suggesters:
            found = checked[diagnostic.filename]
            suggesters[diagnostic.filename] = LineSuggester(found.document, found.config)
        if own:
            suggestion = suggesters[diagnostic.filename].suggest(diagnostic.location.row, [diagnostic])
            if suggestion is not None:
                mine[diagnostic] = suggestion
        by_line.setdefault((diagnostic.filename, diagnostic.location.row), []).append(diagnostic)
    combined = {}
    for (filename, line), found in by_line.items() if per_line else ():
        suggestion = suggesters[filename].for_line(line, found)
        if suggestion is not None:
            combined[(filename, line)] = suggestion
    return mine, combined


class LineSuggester:
    """One catalogue's suggestions: its table layout, made once."""

    def __init__(self, catalogue, config):
        self.catalogue = catalogue
        style = resolve_style(catalogue, config.table_style if config is not None else "keep")
        self.layout = RowLayout(catalogue, style)
        self.width = catalogue.table.width
        self.delimiter = catalogue.table.delimiter.line

    def for_line(self, line: int, diagnostics) -> Suggestion | None:
        """The line's safe fixes combined, or its unsafe ones when it has no safe fix that changes it."""
        safe = [d for d in diagnostics if d.fix.applicability == "safe"]
        unsafe = [d for d in diagnostics if d.fix.applicability != "safe"]
        return (self.suggest(line, safe) if safe else None) or (self.suggest(line, unsafe) if unsafe else None)

    def _cells(self, line: int):
        """The header's or a body row's cells on `line`; None for any other line."""
        catalogue = self.catalogue
        if line == catalogue.table.header.line:
            return catalogue.table.header.cells
        row = catalogue.row_at(line)
        return catalogue.body.cells(row) if row is not None else None

    def suggest(self, line: int, diagnostics) -> Suggestion | None:
        """The line with these diagnostics' fixes (those that fit together on it), or None when nothing changes."""
        original = self.catalogue.lines[line - 1]
        cells = self._cells(line)
        complete = cells is not None and len(cells) == self.width
        chosen, edits = [], []
        for diagnostic in sorted(diagnostics, key=lambda d: (min(e.location for e in d.fix.edits), d.code)):
            if not diagnostic.fix.edits:
                continue  # a fix that is the write itself (UTF-8): nothing to suggest on a line
            if complete and _lays_out(diagnostic.code):
                chosen.append(diagnostic)  # realised below, by laying out the edited row
                continue
            own = diagnostic.fix.edits
            if not _on_line(own, line, allow_breaks=cells is None and line != self.delimiter) or _collide(own, edits):
                continue
            chosen.append(diagnostic)
            edits.extend(own)
        if not chosen:
            return None
        text = _applied(original, edits)
        if cells is not None and "\n" not in text:  # a ragged row that the edits make whole is laid out too
            text = self._laid_out(original, line, text, not complete or any(_lays_out(d.code) for d in chosen))
        lines = tuple(text.split("\n"))
        if lines == (original,) or (cells is not None and not text.strip()):
            return None  # nothing changes, or a table row would be emptied
        safe = all(d.fix.applicability == "safe" for d in chosen)
        if safe and cells is not None and line != self.catalogue.table.header.line and not self._values_kept(line, cells, text, chosen):
            return None
        return Suggestion(line, lines, not safe, tuple(chosen))

    def _laid_out(self, original: str, line: int, text: str, layout_asked: bool) -> str:
        """The edited row laid out like the table, when the row was (or the layout is the finding)."""
        table = self.catalogue.table
        cells = split_row(text, line, table.row_start(line, text))
        if len(cells) != self.width:
            return text
        start = table.row_start(line, original)
        prefix = line_prefix(table, original, start)
        before = [cell.text for cell in split_row(original, line, start)]
        if not (layout_asked or (len(before) == self.width and self.layout.line(before, prefix) == original)):
            return text
        return self.layout.line([cell.text for cell in cells], prefix)

    def _values_kept(self, line: int, cells, text: str, chosen) -> bool:
        """A safe suggestion must not change the row's values (unless its rule repairs values, as the
        encoding repair does): each field read again from the edited row's cells must be the same."""
        if all(_lays_out(d.code) for d in chosen) or any(_repairs_values(d.code) for d in chosen):
            return True  # layout writes the cells as they are; a value repair is meant to change them
        new = split_row(text, line, self.catalogue.table.row_start(line, text))
        if len(new) != len(cells):
            return False
        for column in self.catalogue.fields.values():
            if column.index < len(cells) and _value(column.read(cells[column.index].text)) != _value(column.read(new[column.index].text)):
                return False
        return True


@lru_cache(maxsize=None)
def _repairs_values(code: str) -> bool:
    rule = find_rule(code)
    return bool(rule and rule.changes_values)


@lru_cache(maxsize=None)
def _lays_out(code: str) -> bool:
    rule = find_rule(code)
    return bool(rule and rule.lays_out_rows)


def _value(found):
    return _INVALID if found.error is not None else found.value


def _on_line(edits, line: int, allow_breaks: bool) -> bool:
    """Every edit within `line`; line breaks in the new text only where the line is no table row."""
    return all(edit.location.row == line and edit.end_location.row == line
               and (allow_breaks or not ("\n" in edit.content or "\r" in edit.content)) for edit in edits)


def _collide(new, taken) -> bool:
    """Edits that overlap, an insertion inside another edit, or two insertions at one point."""
    for a in new:
        for b in taken:
            (a1, a2), (b1, b2) = (a.location.column, a.end_location.column), (b.location.column, b.end_location.column)
            if max(a1, b1) < min(a2, b2) or (a1 == a2 and b1 < a1 < b2) or (b1 == b2 and a1 < b1 < a2) or (a1 == a2 == b1 == b2):
                return True
    return False


def _applied(text: str, edits) -> str:
    """The line with the edits, line breaks in inserted text written as \\n (a suggestion is lines)."""
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.location.column, e.end_location.column)):
        start, end = edit.location.column - 1, edit.end_location.column - 1
        content = edit.content
        for ending in _LINE_BREAKS:
            content = content.replace(ending, "\n")
        pieces += [text[cursor:start], content]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
