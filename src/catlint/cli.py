"""Command line: check, fix, export, rules, rule. Exit 0 clean, 1 findings, 2 error."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from catlint import __version__
from catlint.errors import CatlintError

DEFAULT_FILE = "catalogue.md"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, as for every other bad input
        raise CatlintError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    from catlint.commands import COMMANDS

    parser = _Parser(prog="catlint", description="Keep the catalogue table honest.")
    parser.add_argument("--version", action="version", version=f"catlint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def entry() -> None:
    """The `catlint` command: run, flush, and leave without tearing down the heap object by
    object, which takes seconds after a large catalogue (the operating system frees it at once)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a closed stream
        pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    # A run allocates many small objects and creates almost no reference cycles: the cycle
    # collector would spend a third of the time walking the table's objects to find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        arguments = build_parser().parse_args(argv)
        return arguments.run(arguments)
    except CatlintError as error:
        print(f"catlint: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # never a traceback for the user; CATLINT_DEBUG=1 shows it
        if os.environ.get("CATLINT_DEBUG"):
            raise
        print(f"catlint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    finally:
        if collecting:
            gc.enable()
