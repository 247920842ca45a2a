"""The body of GitHub's "create a review for a pull request" request.

`{"event": "COMMENT", "body": summary, "comments": [{path, line, side, body}]}`;
post it with `gh api repos/OWNER/REPO/pulls/N/reviews --input review.json`.
One comment per line with problems lists them; where they have fixes it
carries one ```suggestion block: that line with those fixes only (see
`catlint.engine.suggestions`), never another line. Paths count from the git
repository's root, as the API wants. GitHub rejects a whole review when one
comment lies outside the pull request's diff, so with --changed-since the
problems on unchanged lines are listed in the review's body instead.

Comment bodies are Markdown and quote cells: every message and fix text is
a code span (`escaping.code_span`), so a cell can neither ping anyone with
@name nor render a link, an image or HTML. GitHub rejects a review whose
body or any comment is over 65,536 characters, so a body that would be is
cut to fit: quotes shortened with an ellipsis, a suggestion too long to fit
left out with a note (a suggestion is whole or not at all), a long list
counted at its end.
"""

from __future__ import annotations

import re

from catlint.escaping import code_span, json_text
from catlint.reporting import fix_command, relative_path
from catlint.reporting.text import summary

NEEDS = ("line_suggestions", "review_paths")
# GitHub rejects a comment or review body over 65,536 characters, and with it the whole review.
MAX_BODY = 60_000
QUOTE = 1_000  # characters of a message or fix text quoted, once a body is too long


def render(diagnostics, run) -> str:
    on_lines: dict[tuple[str, int], list] = {}
    elsewhere = []
    for diagnostic in diagnostics:
        line = _anchor(diagnostic, run)
        if line is None:
            elsewhere.append(diagnostic)
        else:
            on_lines.setdefault((diagnostic.filename, line), []).append(diagnostic)
    comments = []
    for (filename, line), found in on_lines.items():
        suggestion = run.line_suggestions.get((filename, line))
        if suggestion is not None and (suggestion.line != line or not all(d in found for d in suggestion.findings)):
            suggestion = None  # the suggestion belongs to findings anchored elsewhere: a plain comment then
        comments.append({"path": _path(run, filename), "line": line, "side": "RIGHT", "body": _comment_body(found, suggestion, run)})
    review = {"event": "COMMENT", "body": _body(diagnostics, run, elsewhere), "comments": comments}
    return json_text(review, indent=2) + "\n"


def _anchor(diagnostic, run) -> int | None:
    """The line to comment on: the finding's first line, or with --changed-since its first changed
    line (a finding on changed lines is always commented inline); None when it touches none."""
    if run.changed_lines is None:
        return diagnostic.location.row
    changed = run.changed_lines.get(diagnostic.filename, frozenset())
    return next((line for line in range(diagnostic.location.row, diagnostic.last_row + 1) if line in changed), None)


def _path(run, filename: str) -> str:
    return run.review_paths.get(filename) or relative_path(filename)


def _comment_body(found: list, suggestion, run) -> str:
    """The comment, under GitHub's size limit: when it is too long, quotes are shortened and the
    problems that do not fit are counted instead of listed; a suggestion that still does not fit
    is left out with a note (a suggestion is whole or not at all)."""
    body = _comment(found, suggestion, run)
    if _fits(body):
        return body
    body = _comment(found, suggestion, run, quote=QUOTE, budget=MAX_BODY)
    if _fits(body) or suggestion is None:
        return body
    commands, fixes = _commands(suggestion, run), "the fix" if len(suggestion.findings) == 1 else "the fixes"
    note = (f"A suggestion would make this comment longer than GitHub allows (65,536 characters), so there is none: "
            f"{' and '.join(commands)} {'applies' if len(commands) == 1 else 'apply'} {fixes}.")
    return _comment(found, None, run, quote=QUOTE, budget=MAX_BODY, note=note)


def _comment(found: list, suggestion, run, quote: int | None = None, budget: int | None = None, note: str = "") -> str:
    carried = set(suggestion.findings) if suggestion else set()
    tail = f"\n\n{note}" if note else ""
    if suggestion is not None:
        fixes = "the fix" if len(suggestion.findings) == 1 else "the fixes"
        fixes += " marked *in the suggestion*" if len(found) > 1 else ""
        commands = _commands(suggestion, run)
        how = f"The suggestion applies {fixes} to this line only, as {' and '.join(commands)} {'does' if len(commands) == 1 else 'do'}."
        if suggestion.unsafe:
            how = f"This suggestion is **unsafe**: it changes a value, so review it. {how}"
        tail = f"\n\n{how}\n\n{suggestion_block(suggestion.lines)}"
    findings = [_finding(d, carried, run, quote) for d in found]
    if len(found) == 1:
        return findings[0] + tail
    listed = _listed(findings, None if budget is None else budget - _size(tail))
    return f"catlint found {len(found)} problems on this line:\n\n{listed}{tail}"


def _commands(suggestion, run) -> list[str]:
    return list(dict.fromkeys(f"`{fix_command(d, run, unsafe=suggestion.unsafe)}`" for d in suggestion.findings))


def _listed(items: list[str], budget: int | None) -> str:
    """`- item` lines; with a budget, those that fit in it and a last line counting the others."""
    if budget is None:
        return "\n".join(f"- {item}" for item in items)
    lines, used = [], 200  # room for the count and the heading
    for index, item in enumerate(items):
        used += _size(item) + 3
        if used > budget:
            lines.append(f"- and {len(items) - index} more (`catlint check` lists them all)")
            break
        lines.append(f"- {item}")
    return "\n".join(lines)


def _fits(body: str) -> bool:
    return _size(body) <= MAX_BODY


def _size(text: str) -> int:
    """Characters as UTF-16 counts them (never fewer than code points)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _shortened(text: str, quote: int | None) -> str:
    return text if quote is None or len(text) <= quote else text[:quote] + "\N{HORIZONTAL ELLIPSIS}"


def _finding(diagnostic, carried: set, run, quote: int | None = None) -> str:
    """One problem: code, name, level, the message as code; its fix, and where that fix is."""
    text = f"**{diagnostic.code}** `{diagnostic.name}` ({diagnostic.severity}): {code_span(_shortened(diagnostic.message, quote))}"
    fix = diagnostic.fix
    if fix is None:
        return text
    if diagnostic in carried:
        where = "*in the suggestion*"
    elif len({edit.location.row for edit in fix.edits} | {edit.end_location.row for edit in fix.edits}) > 1:
        where = f"it rewrites several lines, so there is no suggestion; `{fix_command(diagnostic, run)}` applies it"
    else:
        where = f"`{fix_command(diagnostic, run)}` applies it"
    kind = "unsafe fix" if fix.applicability == "unsafe" else "fix"
    return f"{text} \N{EM DASH} {kind}: {code_span(_shortened(fix.message, quote))} ({where})"


def suggestion_block(lines) -> str:
    """A ```suggestion fence longer than any run of backticks inside."""
    fence = "`" * max(3, 1 + max((len(ticks) for line in lines for ticks in re.findall(r"`+", line)), default=0))
    return "".join([f"{fence}suggestion\n", *(line + "\n" for line in lines), fence])


def _body(diagnostics, run, elsewhere) -> str:
    body = _review_body(diagnostics, run, elsewhere)
    return body if _fits(body) else _review_body(diagnostics, run, elsewhere, quote=QUOTE, budget=MAX_BODY - 1000)


def _review_body(diagnostics, run, elsewhere, quote: int | None = None, budget: int | None = None) -> str:
    body = f"**catlint**: {summary(diagnostics, len(run.files) - run.unreadable, run)}"
    if elsewhere:
        listed = _listed([f"{code_span(f'{_path(run, d.filename)}:{d.location.row}')} **{d.code}** "
                          f"{code_span(_shortened(d.message, quote))}" for d in elsewhere], budget)
        body += f"\n\nOutside the changed lines:\n\n{listed}"
    return body
