"""What the subcommands share: options, loading files with their configuration, output."""

from __future__ import annotations

import sys

from catlint.config import Config, load_config
from catlint.document import parse_document
from catlint.errors import CatlintError
from catlint.schema import load_schema
from catlint.source import read_source


def add_file_arguments(parser, many: bool = True) -> None:
    parser.add_argument("files", nargs="*" if many else "?", metavar="FILE", help="catalogue files (default: catalogue.md)")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: nearest catlint.toml or pyproject.toml with [tool.catlint])")


def add_selection_arguments(parser) -> None:
    parser.add_argument("--select", metavar="CODES", action="append", help="only these rule codes, prefixes or names (comma-separated)")
    parser.add_argument("--ignore", metavar="CODES", action="append", help="skip these rule codes, prefixes or names (comma-separated)")


def add_output_arguments(parser) -> None:
    from catlint.reporters import CHOICES

    parser.add_argument("--output-format", default="text", choices=CHOICES,
                        help="report format (default: text; auto: github inside GitHub Actions, else text)")
    parser.add_argument("--output-file", metavar="PATH", help="write the report here instead of standard output")


def has_findings(diagnostics) -> bool:
    """Exit 1 territory: anything at warning level or above (info alone passes)."""
    return any(d.severity in ("error", "warning") for d in diagnostics)


def split_codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    # An option given with nothing in it is an empty selector, which the configuration refuses.
    return [code.strip() for value in values for code in value.split(",") if code.strip()] or [""]


def files_of(arguments) -> list[str]:
    from catlint.cli import DEFAULT_FILE

    files = arguments.files or [DEFAULT_FILE]
    return files if isinstance(files, list) else [files]


def config_for(path: str, arguments) -> Config:
    config = load_config(path, getattr(arguments, "config", None))
    return config.with_cli(split_codes(getattr(arguments, "select", None)), split_codes(getattr(arguments, "ignore", None)))


def load(path: str, config: Config):
    """Bytes to document for one file; raises CatlintError with a one-line reason."""
    source = read_source(path)
    return parse_document(source, load_schema(config.schema), config=config)


def report_error(error: CatlintError) -> None:
    print(f"catlint: error: {error}", file=sys.stderr)


def write_output(text: str, output_file: str | None) -> None:
    if output_file:
        from catlint.writer import write_atomically

        write_atomically(output_file, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
