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
@name nor render a link, an image or HTML.
"""

from __future__ import annotations

import re

from catlint.escaping import code_span, json_text
from catlint.reporting import fix_command, relative_path
from catlint.reporting.text import summary

NEEDS = ("line_suggestions", "review_paths")


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
    carried = set(suggestion.findings) if suggestion else set()
    if len(found) == 1:
        text = _finding(found[0], carried, run)
    else:
        text = f"catlint found {len(found)} problems on this line:\n\n" + "\n".join(f"- {_finding(d, carried, run)}" for d in found)
    if suggestion is None:
        return text
    fixes = "the fix" if len(suggestion.findings) == 1 else "the fixes"
    fixes += " marked *in the suggestion*" if len(found) > 1 else ""
    commands = list(dict.fromkeys(f"`{fix_command(d, run, unsafe=suggestion.unsafe)}`" for d in suggestion.findings))
    how = f"The suggestion applies {fixes} to this line only, as {' and '.join(commands)} {'does' if len(commands) == 1 else 'do'}."
    if suggestion.unsafe:
        how = f"This suggestion is **unsafe**: it changes a value, so review it. {how}"
    return f"{text}\n\n{how}\n\n{suggestion_block(suggestion.lines)}"


def _finding(diagnostic, carried: set, run) -> str:
    """One problem: code, name, level, the message as code; its fix, and where that fix is."""
    text = f"**{diagnostic.code}** `{diagnostic.name}` ({diagnostic.severity}): {code_span(diagnostic.message)}"
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
    return f"{text} \N{EM DASH} {kind}: {code_span(fix.message)} ({where})"


def suggestion_block(lines) -> str:
    """A ```suggestion fence longer than any run of backticks inside."""
    fence = "`" * max(3, 1 + max((len(ticks) for line in lines for ticks in re.findall(r"`+", line)), default=0))
    return "".join([f"{fence}suggestion\n", *(line + "\n" for line in lines), fence])


def _body(diagnostics, run, elsewhere) -> str:
    body = f"**catlint**: {summary(diagnostics, len(run.files) - run.unreadable, run)}"
    if elsewhere:
        listed = "\n".join(f"- {code_span(f'{_path(run, d.filename)}:{d.location.row}')} **{d.code}** {code_span(d.message)}"
                           for d in elsewhere)
        body += f"\n\nOutside the changed lines:\n\n{listed}"
    return body
