"""The body of GitHub's "create a review for a pull request" request.

`{"event": "COMMENT", "body": summary, "comments": [{path, line, side, body}]}`;
post it with `gh api repos/OWNER/REPO/pulls/N/reviews --input review.json`.
A comment whose problem has a fix carries a ```suggestion block with the
lines as `catlint fix` writes them. GitHub rejects a whole review when one
comment lies outside the pull request's diff, so with --changed-since the
problems outside the changed lines are listed in the review's body instead.
"""

from __future__ import annotations

import re

from catlint.escaping import json_text
from catlint.reporters import fix_command, relative_path
from catlint.reporters.suggestions import FixedFile
from catlint.reporters.text import summary


def render(diagnostics, run) -> str:
    fixed = {filename: FixedFile(checked) for filename, checked in run.checked.items()}
    comments, elsewhere = [], []
    for diagnostic in diagnostics:
        fixed_file = fixed.get(diagnostic.filename)
        suggestion = fixed_file.suggestion(diagnostic) if fixed_file else None
        comment = _comment(diagnostic, suggestion)
        if _commentable(comment, diagnostic.filename, run.changed_lines):
            comments.append(comment)
        else:
            elsewhere.append(diagnostic)
    review = {"event": "COMMENT", "body": _body(diagnostics, run, elsewhere), "comments": comments}
    return json_text(review, indent=2) + "\n"


def _comment(diagnostic, suggestion) -> dict:
    first, last = (suggestion.first, suggestion.last) if suggestion else (diagnostic.location.row, diagnostic.location.row)
    comment = {"path": relative_path(diagnostic.filename), "line": last, "side": "RIGHT", "body": _comment_body(diagnostic, suggestion)}
    if first < last:
        comment.update(start_line=first, start_side="RIGHT")
    return comment


def _comment_body(diagnostic, suggestion) -> str:
    text = f"**{diagnostic.code}** `{diagnostic.name}` ({diagnostic.severity}): {diagnostic.message}"
    if diagnostic.fix is None:
        return text
    command = fix_command(diagnostic)
    if suggestion is None:
        return f"{text}\n\nFix: {diagnostic.fix.message.rstrip('.')} (`{command}` applies it)."
    command = fix_command(diagnostic, unsafe=suggestion.unsafe)
    how = f"The suggestion is what `{command}` writes here:"
    if suggestion.unsafe:
        how = f"This fix is **unsafe**: it changes a value, so review it. {how}"
    return f"{text}\n\nFix: {diagnostic.fix.message.rstrip('.')}. {how}\n\n{suggestion_block(suggestion.lines)}"


def suggestion_block(lines) -> str:
    """A ```suggestion fence longer than any run of backticks inside; no lines deletes the lines."""
    fence = "`" * max(3, 1 + max((len(ticks) for line in lines for ticks in re.findall(r"`+", line)), default=0))
    return "".join([f"{fence}suggestion\n", *(line + "\n" for line in lines), fence])


def _commentable(comment: dict, filename: str, changed_lines) -> bool:
    if changed_lines is None:
        return True
    lines = changed_lines.get(filename, frozenset())
    return all(line in lines for line in range(comment.get("start_line", comment["line"]), comment["line"] + 1))


def _body(diagnostics, run, elsewhere) -> str:
    body = f"**catlint**: {summary(diagnostics, len(run.files) - run.unreadable)}"
    if elsewhere:
        listed = "\n".join(f"- `{relative_path(d.filename)}:{d.location.row}` **{d.code}** {d.message}" for d in elsewhere)
        body += f"\n\nOutside the changed lines:\n\n{listed}"
    return body
