"""Output formats, one module each, behind one interface: `render(diagnostics, run) -> str`.

`run` is a Run: the files checked, the rules that ran, and what a format may
need beyond the diagnostics (the parsed documents with their configuration,
the lines changed since a git ref, suggested changes, paths from the
repository's root). A format names what it needs beyond the basics in
`NEEDS`, and the command computes exactly that (`needs`): formats only turn
what they are given into text. Modules are imported only when their format
is asked for.
"""

from __future__ import annotations

import importlib
import os
from typing import NamedTuple
from pathlib import Path

FORMATS = {
    "text": "text",
    "json": "json_format",
    "json-lines": "json_lines",
    "github": "github",
    "sarif": "sarif",
    "rdjson": "rdjson",
    "rdjsonl": "rdjsonl",
    "github-review": "github_review",
}
CHOICES = ("auto", *FORMATS)


class Checked(NamedTuple):
    """One file as it was checked: its document and the configuration in force."""

    document: object
    config: object


class Run(NamedTuple):
    """What a report needs besides the findings. The mappings are never changed once made (a
    default is shared between runs)."""

    files: tuple[str, ...]
    rules: tuple
    unreadable: int = 0
    checked: dict[str, Checked] = {}  # by filename, as in Diagnostic.filename
    changed_lines: dict[str, frozenset[int]] | None = None  # with --changed-since: the lines a change touched
    suggestions: dict = {}  # "suggestions": diagnostic -> its own Suggestion
    line_suggestions: dict = {}  # "line_suggestions": (filename, line) -> Suggestion
    review_paths: dict[str, str] = {}  # "review_paths": filename -> path from the repository root
    # How the text is shown (text and statistics): colour, the summary (not with --quiet), each
    # problem's fix (--show-fixes), what `check --fix` fixed, and what --changed-since left out.
    color: bool = False
    summary: bool = True
    show_fixes: bool = False
    fixed: tuple = ()
    left_out: int | None = None


def resolve(format_name: str) -> str:
    """`auto` is `github` inside GitHub Actions, else `text`."""
    if format_name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") else "text"
    return format_name


def fix_command(diagnostic, run: "Run", unsafe: bool | None = None) -> str:
    """The command that applies this diagnostic's fix (its rule says which), with --unsafe-fixes when it needs it."""
    command = next((rule.fix_command for rule in run.rules if rule.code == diagnostic.code), "catlint fix")
    if unsafe if unsafe is not None else (diagnostic.fix is not None and diagnostic.fix.applicability == "unsafe"):
        command += " --unsafe-fixes"
    return command


def render(format_name: str, diagnostics, run: Run) -> str:
    return _module(format_name).render(diagnostics, run)


def needs(format_name: str) -> tuple[str, ...]:
    """What the format needs in its Run beyond files, rules and checked documents."""
    return tuple(getattr(_module(format_name), "NEEDS", ()))


def _module(format_name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[resolve(format_name)]}")


def relative_path(filename: str) -> str:
    """The path from the working directory with forward slashes, or the absolute path outside it."""
    absolute = Path(os.path.abspath(filename))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def line_text(run: Run, filename: str, row: int) -> str:
    checked = run.checked.get(filename)
    lines = checked.document.lines if checked else []
    return lines[row - 1] if 0 < row <= len(lines) else ""
