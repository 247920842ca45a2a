"""GitHub Actions workflow commands: one annotation per problem.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`.
GitHub shows at most ten annotations of each level in a step and drops the
rest silently, so those are printed as plain log lines and a last notice
says how many there are and where to see them.

The runner reads workflow commands in every line of the log (`::` at the start
of a line, `##[` anywhere), and those plain lines quote cells: each is escaped
(`escaping.log_line`), and the block is printed between `stop-commands` and
its resume token, GitHub's own guard for untrusted output. The token is a hash
of the block, so no text in the block can know it in advance.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from catlint.escaping import log_line, visible
from catlint.reporting import relative_path

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_LEVEL = 10


def escape_data(text: str) -> str:
    text = visible(text, keep="\r\n")  # line breaks have GitHub's escapes; other controls are shown
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic) -> str:
    start, last = diagnostic.location, diagnostic.last_row
    properties = {"file": relative_path(diagnostic.filename), "line": start.row}
    if last == start.row:  # GitHub takes columns only for a one-line annotation
        properties.update(col=start.column, endLine=last, endColumn=diagnostic.end_location.column)
    else:
        properties["endLine"] = last
    properties["title"] = diagnostic.code
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{LEVELS[diagnostic.severity]} {listed}::{escape_data(diagnostic.message)}"


def plain(diagnostic) -> str:
    start = diagnostic.location
    return log_line(f"{relative_path(diagnostic.filename)}:{start.row}:{start.column}: {diagnostic.code} {diagnostic.message}")


def without_commands(lines: list[str]) -> list[str]:
    """Escaped lines between `::stop-commands::TOKEN` and `::TOKEN::`: the runner obeys nothing in between."""
    if not lines:
        return []
    token = "catlint-" + hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return [f"::stop-commands::{token}", *lines, f"::{token}::"]


def render(diagnostics, run) -> str:
    limits = dict.fromkeys(LEVELS.values(), SHOWN_PER_LEVEL)
    if any(count > SHOWN_PER_LEVEL for count in Counter(LEVELS[d.severity] for d in diagnostics).values()):
        limits["notice"] -= 1  # room for the notice that says what is missing
    seen, annotated, hidden = Counter(), [], []
    for diagnostic in diagnostics:
        level = LEVELS[diagnostic.severity]
        seen[level] += 1
        (annotated if seen[level] <= limits[level] else hidden).append(diagnostic)
    out = [command(d) for d in annotated] + without_commands([plain(d) for d in hidden])
    if hidden:
        out.append(_overflow_notice(hidden, len(diagnostics)))
    return "".join(line + "\n" for line in out)


def _overflow_notice(hidden, total: int) -> str:
    per_level = Counter(LEVELS[diagnostic.severity] for diagnostic in hidden)
    counted = ", ".join(f"{count} {level}{'s' if count != 1 else ''}" for level, count in per_level.items())
    message = (f"{len(hidden)} of {total} problems are not shown as annotations ({counted}): GitHub shows "
               f"{SHOWN_PER_LEVEL} per level in a step. This step's log lists all of them, "
               "and `catlint check` prints them locally.")
    return f"::notice title=catlint::{escape_data(message)}"
