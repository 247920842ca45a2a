"""catlint changed-checks: what a change does to catlint's own checks, for the reviewer of a pull request.

Markdown for a review body (what came from the change in code spans, which
render nothing inside them), or GitHub workflow commands. Exit 0 when the
change leaves the checks alone, 1 when it changes them, 2 on error.
"""

from __future__ import annotations

import re

from catlint.engine.changed_checks import Quoted, changed_checks
from catlint.commands.common import write_output
from catlint.errors import CatlintError

HEADLINE = ("This pull request changes the checks that judge it. This run used catlint, its schema and its "
            "configuration as they are on the base branch; these changes take effect only once merged:")
LIMIT = 200  # characters of one quoted value


def add_arguments(parser) -> None:
    parser.add_argument("--base", required=True, metavar="REF", help="the commit the change is compared with (e.g. the pull request's base)")
    parser.add_argument("--repository", default=".", metavar="DIRECTORY", help="the git checkout of the change (default: .)")
    parser.add_argument("--output-format", default="markdown", choices=("markdown", "github"), help="markdown (a review body) or github (annotations)")
    parser.add_argument("--output-file", metavar="PATH", help="write the report here instead of standard output")


def run(arguments) -> int:
    if arguments.base.startswith("-"):
        raise CatlintError(f"--base {arguments.base!r}: not a commit")
    items = changed_checks(arguments.repository, arguments.base)
    render = markdown if arguments.output_format == "markdown" else github
    write_output(render(items), arguments.output_file)
    return 1 if items else 0


def markdown(items) -> str:
    if not items:
        return ""
    lines = [f"**catlint**: {HEADLINE}", ""]
    lines += [f"- {code_span(item.path)}: " + "".join(code_span(part.text) if isinstance(part, Quoted) else part for part in item.fragments)
              for item in items]
    return "\n".join(lines) + "\n\n"


def github(items) -> str:
    from catlint.reporting.github import escape_data, escape_property

    lines = [f"::warning title=catlint::{escape_data(HEADLINE)}"] if items else []
    for item in items:
        text = "".join(_quoted(part.text) if isinstance(part, Quoted) else part for part in item.fragments)
        lines.append(f"::warning title={escape_property('catlint: ' + _printable(item.path))}::{escape_data(_printable(item.path) + ': ' + text)}")
    return "".join(line + "\n" for line in lines)


def code_span(text: str) -> str:
    """`text` as a Markdown code span: on one line, no control or bidi characters, fenced by more
    backticks than any run inside, so nothing in it is read as Markdown, HTML or a mention."""
    text = _printable(text)
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", text)), default=0))
    padding = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _quoted(text: str) -> str:
    return '"' + _printable(text).replace('"', '\\"') + '"'


def _printable(text: str) -> str:
    shown = "".join(char if char.isprintable() else " " for char in text)
    return shown if len(shown) <= LIMIT else shown[: LIMIT - 3] + "..."
