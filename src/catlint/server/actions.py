"""Code actions: a quick fix per finding, `source.fixAll.catlint`, and formatting.

A quick fix applies one finding's edits, as a review suggestion does; one that
changes a value is titled so. Fix-all and formatting both give the text `catlint
fix` would write: every safe fix, the table's layout kept as configured. Fix-all
is computed when the client resolves it (or asks for that kind alone), since
editors ask for code actions at every move of the cursor.
"""

from __future__ import annotations

from lsprotocol import types

from catlint.escaping import visible
from catlint.server import convert
from catlint.server.analysis import Analysis
from catlint.server.positions import TextPositions

FIX_ALL = "source.fixAll.catlint"
FIX_ALL_TITLE = "catlint: fix all safe problems (catlint fix)"


def quick_fixes(uri: str, analysis: Analysis, positions: TextPositions, wanted: types.Range) -> list[types.CodeAction]:
    actions = []
    for d in analysis.diagnostics:
        if d.fix is None or not d.fix.edits:
            continue
        found = convert.diagnostic(d, positions)
        if not _overlaps(found.range, wanted):
            continue
        safe = d.fix.applicability == "safe"
        title = f"{'Fix' if safe else 'Change the value (unsafe)'}: {d.fix.message} ({d.code})"
        actions.append(types.CodeAction(
            title=visible(title), kind=types.CodeActionKind.QuickFix, diagnostics=[found], is_preferred=safe,
            edit=types.WorkspaceEdit(changes={uri: convert.fix_edits(d.fix, positions)})))
    return actions


def fix_all(uri: str, analysis: Analysis, encoding: str, lazy: bool) -> types.CodeAction | None:
    """The fix-all action; with `lazy`, without its edit (the client resolves it), offered when some
    finding has a safe fix."""
    if lazy:
        if not any(d.fix is not None and d.fix.applicability == "safe" for d in analysis.diagnostics):
            return None
        return types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL, data={"uri": uri, "version": analysis.version})
    edits = formatting(analysis, encoding)
    if not edits:
        return None
    return types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL, edit=types.WorkspaceEdit(changes={uri: edits}))


def formatting(analysis: Analysis, encoding: str) -> list[types.TextEdit]:
    fixed = analysis.fixed_text()
    return [] if fixed is None else convert.whole_text_edits(analysis.text, fixed, encoding)


def wanted_kinds(only) -> tuple[bool, bool]:
    """(quick fixes, fix-all) as the request's `only` asks: a kind matches its sub-kinds."""
    if not only:
        return True, True
    only = [getattr(each, "value", each) for each in only]

    def asks(kind: str) -> bool:
        return any(kind == each or kind.startswith(each + ".") for each in only)

    return asks(types.CodeActionKind.QuickFix.value), asks(FIX_ALL)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position):
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
