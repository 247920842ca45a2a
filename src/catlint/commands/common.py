"""What the subcommands share: options, loading files with their configuration, output."""

from __future__ import annotations

import os
import sys

from catlint.engine.config import Config, load_config
from catlint.errors import CatlintError
from catlint.escaping import visible
from catlint.reading.catalogue import read_catalogue
from catlint.reading.schema import load_schema
from catlint.reading.source import read_source

DEFAULT_FILE = "catalogue.md"


def add_file_arguments(parser, many: bool = True) -> None:
    parser.add_argument("files", nargs="*" if many else "?", metavar="FILE", help="catalogue files (default: catalogue.md)")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: nearest catlint.toml or pyproject.toml with [tool.catlint])")


def add_selection_arguments(parser) -> None:
    parser.add_argument("--select", metavar="CODES", action="append", help="only these rule codes, prefixes or names (comma-separated)")
    parser.add_argument("--ignore", metavar="CODES", action="append", help="skip these rule codes, prefixes or names (comma-separated)")


def add_output_arguments(parser) -> None:
    from catlint.reporting import CHOICES

    parser.add_argument("--output-format", default="text", choices=CHOICES,
                        help="report format (default: text; auto: github inside GitHub Actions, else text)")
    parser.add_argument("--output-file", metavar="PATH", help="write the report here instead of standard output")
    parser.add_argument("--review-root", metavar="DIR",
                        help="github-review: paths relative to DIR (default: the root of the git repository holding the file)")


def has_findings(diagnostics) -> bool:
    """Exit 1 territory: anything at warning level or above (info alone passes)."""
    return any(d.severity in ("error", "warning") for d in diagnostics)


def split_codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    # An option given with nothing in it is an empty selector, which the configuration refuses.
    return [code.strip() for value in values for code in value.split(",") if code.strip()] or [""]


def files_of(arguments) -> list[str]:
    """The files to work on, each once: a file named twice (`a.md ./a.md`) is checked and fixed once."""
    files = arguments.files or [DEFAULT_FILE]
    files = files if isinstance(files, list) else [files]
    seen, unique = set(), []
    for path in files:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def config_for(path: str, arguments) -> Config:
    config = load_config(path, getattr(arguments, "config", None))
    return config.with_cli(split_codes(getattr(arguments, "select", None)), split_codes(getattr(arguments, "ignore", None)))


def load(path: str, config: Config):
    """Bytes to catalogue for one file; raises CatlintError with a one-line reason."""
    return read_catalogue(read_source(path), load_schema(config.schema))


def each_file(arguments, work) -> int:
    """Run `work(path, config)` on each file, reporting a file that cannot be read as one line on
    stderr and going on; the number of such files."""
    failed = 0
    for path in files_of(arguments):
        try:
            work(path, config_for(path, arguments))
        except CatlintError as error:
            report_error(error)
            failed += 1
    return failed


def report_error(error: CatlintError) -> None:
    print(visible(f"catlint: error: {error}"), file=sys.stderr)


def write_output(text: str, output_file: str | None) -> None:
    if output_file:
        from catlint.files import write_atomically

        write_atomically(output_file, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def report_run(arguments, files, rules, unreadable: int, checked: dict, diagnostics, changed_lines=None):
    """The Run for the chosen output format, with what that format needs computed here."""
    from catlint.reporting import Run, needs

    wanted = needs(arguments.output_format)
    extra = {}
    if "suggestions" in wanted or "line_suggestions" in wanted:
        from catlint.engine.suggestions import suggestions

        own, by_line = suggestions(checked, diagnostics, own="suggestions" in wanted, per_line="line_suggestions" in wanted)
        extra.update(suggestions=own, line_suggestions=by_line)
    if "review_paths" in wanted:
        extra["review_paths"] = {path: repository_path(path, arguments.review_root) for path in checked}
    return Run(tuple(files), tuple(rules), unreadable=unreadable, checked=checked, changed_lines=changed_lines, **extra)


def repository_path(path: str, root: str | None = None) -> str:
    """The path from `root`, else from the root of the git repository that holds the file (where
    GitHub's review API counts paths from), with forward slashes; from the working directory
    when the file is in no repository."""
    from pathlib import Path

    from catlint.reporting import relative_path

    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(root)) if root else next(
        (folder for folder in absolute.parents if (folder / ".git").exists()), None)
    if base is not None:
        try:
            return absolute.relative_to(base).as_posix()
        except ValueError:
            pass
    return relative_path(path)
