"""What the subcommands share: options, loading files with their configuration, output."""

from __future__ import annotations

import os
import sys

from catlint.commands.inputs import STDIN, add_stdin_argument, expand, read_input
from catlint.engine.config import Config, load_config
from catlint.errors import CatlintError, NoCatalogue
from catlint.escaping import log_line, no_workflow_commands
from catlint.reading.catalogue import read_catalogue
from catlint.reading.schema import load_schema

DEFAULT_FILE = "catalogue.md"


def add_file_arguments(parser, many: bool = True, stdin: bool = False) -> None:
    if many:
        what = "catalogue files, or directories (their Markdown files that hold a catalogue table; .gitignore respected)"
        parser.add_argument("files", nargs="*", metavar="FILE", help=what + ("; - reads standard input" if stdin else "") + " (default: catalogue.md)")
    else:
        parser.add_argument("files", nargs="?", metavar="FILE", help="catalogue file (default: catalogue.md)")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: nearest catlint.toml or pyproject.toml with [tool.catlint])")
    if stdin:
        add_stdin_argument(parser)
    parser.set_defaults(stdin_allowed=stdin)


def add_selection_arguments(parser) -> None:
    parser.add_argument("--select", metavar="CODES", action="append",
                        help="only these rule codes, prefixes or names (comma-separated); replaces the configuration's select and ignore")
    parser.add_argument("--ignore", metavar="CODES", action="append",
                        help="skip these rule codes, prefixes or names (comma-separated); replaces the configuration's ignore")
    parser.add_argument("--extend-select", metavar="CODES", action="append",
                        help="also run these rules, on top of the configuration (even rules it ignores)")
    parser.add_argument("--extend-ignore", metavar="CODES", action="append",
                        help="also skip these rules, on top of the configuration's ignore")


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
    """The files to work on, each once (a file named twice, `a.md ./a.md`, is checked and fixed once),
    directories expanded to their Markdown files and `-` standing for standard input."""
    if not hasattr(arguments, "expanded_files"):
        files = arguments.files or [DEFAULT_FILE]
        files = files if isinstance(files, list) else [files]
        arguments.expanded_files = expand(files, getattr(arguments, "stdin_filename", None), getattr(arguments, "stdin_allowed", False))
    return arguments.expanded_files


def config_for(path: str, arguments) -> Config:
    config = load_config(path, getattr(arguments, "config", None))
    return config.with_cli(*(split_codes(getattr(arguments, option, None)) for option in ("select", "ignore", "extend_select", "extend_ignore")))


def load(path: str, config: Config):
    """Bytes to catalogue for one file (or standard input); raises CatlintError with a one-line reason."""
    return read_catalogue(read_input(path), load_schema(config.schema))


def each_file(arguments, work) -> tuple[int, list[str]]:
    """Run `work(path, config)` on each file, reporting a file that cannot be read as one line on
    stderr and going on. A file found in a directory that holds no catalogue table is passed over;
    a directory without any is an error. The number of failures and the files worked on."""
    failed, done = 0, []
    for path in files_of(arguments):
        try:
            work(path, config_for(path, arguments))
        except NoCatalogue as error:
            if path.directory is not None:
                continue
            report_error(error)
            failed += 1
        except CatlintError as error:
            report_error(error)
            failed += 1
        done.append(path)
    worked_on = [os.path.realpath(path) for path in done]
    for directory in _directory_arguments(arguments):
        inside = os.path.join(os.path.realpath(directory), "")
        if not any(path.startswith(inside) for path in worked_on):
            report_error(CatlintError(f"{directory}: no Markdown file with a catalogue table under this directory"))
            failed += 1
            done.append(directory)
    return failed, done


def _directory_arguments(arguments) -> list[str]:
    files = arguments.files if isinstance(arguments.files, list) else []
    return [path for path in files if path != STDIN and os.path.isdir(path)]


def report_error(error: CatlintError) -> None:
    print(log_line(f"catlint: error: {error}"), file=sys.stderr)


def write_output(text: str, output_file: str | None, stream=None, as_json: bool = False) -> None:
    """The text to the file (UTF-8), or to the stream; JSON stays valid on a stream that cannot
    carry every character (`output.write_data`)."""
    if output_file:
        from catlint.files import write_atomically

        write_atomically(output_file, text.encode("utf-8"))
    elif as_json:
        from catlint.commands.output import write_data

        write_data([text], stream or sys.stdout, as_json=True)
    else:
        stream = stream or sys.stdout
        stream.write(text)
        stream.flush()


def emit_report(arguments, diagnostics, run, stream=None) -> None:
    """The report in the chosen format (or the statistics), unless --silent keeps standard output quiet."""
    from catlint.reporting import render, resolve

    if getattr(arguments, "silent", False) and not arguments.output_file:
        return
    chosen = resolve(arguments.output_format)
    if getattr(arguments, "statistics", False):
        from catlint.reporting import statistics

        text = statistics.render(diagnostics, run, as_json=chosen == "json")
    else:
        text = render(arguments.output_format, diagnostics, run)
    as_json = chosen not in ("text", "github")
    if stream is sys.stderr and not arguments.output_file and chosen != "github":  # the Actions runner reads stderr too
        text = no_workflow_commands(text, json=as_json)
    write_output(text, arguments.output_file, stream, as_json)


def report_run(arguments, files, rules, unreadable: int, checked: dict, diagnostics, changed_lines=None,
               fixed=(), left_out: int | None = None, stream=None):
    """The Run for the chosen output format, with what that format needs computed here."""
    from catlint.commands.output import report_color
    from catlint.reporting import Run, needs

    wanted = needs(arguments.output_format)
    extra = {"color": report_color(arguments, stream or sys.stdout), "summary": not (arguments.quiet or arguments.silent),
             "show_fixes": arguments.show_fixes, "fixed": tuple(fixed), "left_out": left_out}
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
