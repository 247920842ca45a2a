"""How a report reaches its reader: how much of it (--quiet, --silent, --statistics, --show-fixes),
in colour or not (--color, NO_COLOR, FORCE_COLOR), in which encoding (machine-readable output stays
valid on any console), and what the exit code says (--exit-zero)."""

from __future__ import annotations

import os

from catlint.errors import CatlintError

COLOR_CHOICES = ("auto", "always", "never")


def add_report_arguments(parser, statistics: bool = True) -> None:
    group = parser.add_argument_group("report")
    group.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found (errors still exit 2)")
    if statistics:
        group.add_argument("--statistics", action="store_true",
                           help="print how many problems each rule found instead of each problem (text or json)")
    group.add_argument("--show-fixes", action="store_true",
                       help="under each problem, the fix it has; after fixing, what was fixed, by rule")
    quiet = group.add_mutually_exclusive_group()
    quiet.add_argument("-q", "--quiet", action="store_true", help="print the problems and nothing else (no summary)")
    quiet.add_argument("-s", "--silent", action="store_true", help="print nothing on standard output; only the exit code tells")
    group.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colour text output: auto (default) colours a terminal only, unless NO_COLOR or FORCE_COLOR is set")


def wants_color(choice: str, stream) -> bool:
    """--color always/never decide; for auto, NO_COLOR (no-color.org) wins over FORCE_COLOR
    (force-color.org), and otherwise only a terminal that is not `dumb` gets colour."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


def report_color(arguments, stream) -> bool:
    if getattr(arguments, "output_file", None):
        return arguments.color == "always"
    return wants_color(arguments.color, stream)


def check_statistics_format(arguments) -> None:
    from catlint.reporting import resolve

    if getattr(arguments, "statistics", False) and resolve(arguments.output_format) not in ("text", "json"):
        raise CatlintError(f"--statistics prints text or json, not {arguments.output_format}")


def exit_code(arguments, failed: int, problems: bool) -> int:
    if failed:
        return 2
    return 1 if problems and not arguments.exit_zero else 0


def write_data(chunks, stream, as_json: bool) -> None:
    """Machine-readable output (JSON, CSV) on a stream, valid and lossless whatever its encoding.
    Where the stream cannot carry every character (PYTHONIOENCODING=cp1252, a Windows pipe), JSON
    is written in ASCII with its own \\u escapes, and CSV, which has no escapes, as UTF-8 bytes,
    as --output writes it; only a person at a terminal sees CSV with backslash escapes."""
    from catlint.escaping import ascii_json

    if not _carries_unicode(stream):
        if as_json:
            chunks = map(ascii_json, chunks)
        elif hasattr(stream, "buffer") and not _is_terminal(stream):
            stream.flush()
            stream.buffer.writelines(chunk.encode("utf-8") for chunk in chunks)
            stream.buffer.flush()
            return
    stream.writelines(chunks)
    stream.flush()


def _carries_unicode(stream) -> bool:
    import codecs

    encoding = getattr(stream, "encoding", None)
    try:
        return encoding is None or codecs.lookup(encoding).name.startswith("utf-")
    except LookupError:
        return False


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
