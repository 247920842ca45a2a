"""What the commands read: files, standard input (`-`), and the Markdown files under a directory.

A directory stands for every Markdown file under it that holds a catalogue
table. Inside a git work tree the files are those git lists (tracked, and
untracked but not ignored: `.gitignore` is respected); elsewhere a plain walk
that skips hidden directories (`.git`, `.venv`, ...).
"""

from __future__ import annotations

import os
import sys

from catlint.errors import CatlintError
from catlint.reading.source import Source, decode, read_source

STDIN = "-"
MARKDOWN_SUFFIXES = (".md", ".markdown")


class InputPath(str):
    """A path as reported. `stdin`: read from standard input (the path is the name it is reported
    under); `directory`: the directory argument it was found in (passed over without a catalogue table)."""

    stdin: bool = False
    directory: str | None = None

    @classmethod
    def of(cls, path: str, stdin: bool = False, directory: str | None = None) -> "InputPath":
        made = cls(path)
        made.stdin, made.directory = stdin, directory
        return made


def add_stdin_argument(parser) -> None:
    parser.add_argument("--stdin-filename", metavar="PATH",
                        help="with FILE -: the name to report standard input under, and where its configuration is looked up")


def expand(files: list[str], stdin_filename: str | None, stdin_allowed: bool) -> list[InputPath]:
    """The inputs to work on, each once: `-` as standard input, directories as their Markdown files."""
    if stdin_filename is not None and STDIN not in files:
        raise CatlintError("--stdin-filename names standard input: give it with the file argument -")
    if STDIN in files:
        if not stdin_allowed:
            raise CatlintError("this command does not read standard input (-)")
        if len(files) > 1:
            raise CatlintError("- (standard input) cannot be combined with other files")
        return [InputPath.of(stdin_filename or STDIN, stdin=True)]
    seen, unique = set(), []
    for path in files:
        directory = path if os.path.isdir(path) else None
        for each in markdown_files(path) if directory else [path]:
            key = os.path.realpath(each)
            if key not in seen:
                seen.add(key)
                unique.append(InputPath.of(each, directory=directory))
    return unique


def read_input(path: str) -> Source:
    """The decoded text of a file, or of standard input when `path` stands for it."""
    if not getattr(path, "stdin", False):
        return read_source(path)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise CatlintError("standard input is not available")
    try:
        data = stream.read()
    except (OSError, ValueError) as error:
        raise CatlintError(f"cannot read standard input: {error}") from None
    return decode(str(path), data)


def markdown_files(directory: str) -> list[str]:
    """The Markdown files under `directory` (git's view of them inside a work tree), sorted."""
    listed = _git_files(directory)
    paths = listed if listed is not None else _walk(directory)
    return sorted(path for path in paths if path.lower().endswith(MARKDOWN_SUFFIXES) and os.path.isfile(path))


def _git_files(directory: str) -> list[str] | None:
    """Tracked and untracked-but-not-ignored files, or None outside a git work tree (or without git)."""
    import subprocess  # only for a directory argument

    command = ["git", "-c", "core.fsmonitor=false", "-C", directory, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return [os.path.join(directory, os.fsdecode(name)) for name in done.stdout.split(b"\0") if name]


def _walk(directory: str) -> list[str]:
    paths = []
    for folder, folders, names in os.walk(directory):
        folders[:] = [name for name in folders if not name.startswith(".")]
        paths.extend(os.path.join(folder, name) for name in names)
    return paths
