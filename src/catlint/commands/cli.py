"""Command line: check, fix, export, rules, rule, server. Exit 0 clean, 1 findings, 2 error."""

from __future__ import annotations

import argparse
import os
import sys

from catlint import __version__
from catlint.errors import CatlintError
from catlint.escaping import log_line

_EPILOG = """habits:
  catlint check catalogue.md docs/        files and directories (their Markdown files holding a catalogue table)
  catlint check - --stdin-filename catalogue.md     standard input; `fix -` writes the fixed text to standard output
  catlint check --fix [--unsafe-fixes]    fix what is safe (or more), then report what is left
  catlint check --statistics | --show-fixes | --quiet | --silent | --exit-zero
  catlint check --extend-select CAT3 --extend-ignore duplicate-link --color auto|always|never (NO_COLOR, FORCE_COLOR)
  catlint rules --output-format json      the rules for programs
  catlint server                          the language server for editors, over stdio
see `catlint COMMAND --help` for the options of each command."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, as for every other bad input
        raise CatlintError(f"{message} (see `{self.prog} --help`)")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; the options of only the command `argv` names are added (its module imported),
    all of them when `argv` is None."""
    from catlint.commands import COMMANDS

    chosen = next((arg for arg in argv if not arg.startswith("-")), None) if argv is not None else None

    parser = _Parser(prog="catlint", description="Keep the catalogue table honest.", epilog=_EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"catlint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, entry in COMMANDS.items():
        sub = commands.add_parser(name, help=entry.help, description=entry.help)
        if argv is None or name == chosen:
            command = entry.load()
            command.add_arguments(sub)
            sub.set_defaults(run=command.run)
    return parser


def entry() -> None:
    """The `catlint` command."""
    code = main()
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a closed stream
        code = code if code else 0
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    _tolerate_unencodable_output()
    try:
        argv = sys.argv[1:] if argv is None else argv
        parser = build_parser(argv)
        if not argv:  # `catlint` alone: how to use it, as an error
            sys.stderr.write(parser.format_help())
            return 2
        arguments = parser.parse_args(argv)
        return arguments.run(arguments)
    except CatlintError as error:
        print(log_line(f"catlint: error: {error}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # never a traceback for the user; CATLINT_DEBUG=1 shows it
        if os.environ.get("CATLINT_DEBUG"):
            raise
        print(log_line(f"catlint: internal error: {type(error).__name__}: {error}"), file=sys.stderr)
        return 2


def _tolerate_unencodable_output() -> None:
    """A stream that cannot carry a character (a Windows pipe in cp1252) shows it as an escape
    (\\u0e22) instead of failing the run with nothing reported."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):  # not a text stream we can change
            pass
