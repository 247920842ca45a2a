"""--changed-since REF: keep the problems a change is responsible for.

A problem is kept when it lies on a line added or changed since REF (git's
own diff of the working file against REF), or when REF's version of the
file did not have it (a file-level problem the change introduced, such as a
header renamed or a column dropped). Problems match across versions by their
identity (rule code, source name, field), not by line.
"""

from __future__ import annotations

import os
import re
import subprocess

from catlint.engine.check import check_catalogue
from catlint.reading.catalogue import read_catalogue
from catlint.errors import CatlintError
from catlint.reading.source import decode

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def changed_lines(path: str, ref: str) -> frozenset[int]:
    """Line numbers of the working file that `git diff REF` shows as added or changed."""
    diff = _git(path, ref, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--text", "--unified=0", ref, "--", os.path.basename(path))
    lines = set()
    for start, count in _HUNK.findall(diff):
        first = int(start)
        lines.update(range(first, first + (1 if count == b"" else int(count))))
    return frozenset(lines)


def introduced_by_change(diagnostics, path: str, ref: str, catalogue, config) -> tuple[list, frozenset[int]]:
    """The diagnostics on changed lines or new since REF, and the changed lines."""
    commit = _commit_of(path, ref)
    lines = changed_lines(path, commit)
    before = _identities_at(path, commit, catalogue, config)
    kept = [d for d in diagnostics
            if lines.intersection(range(d.location.row, d.last_row + 1)) or before is None or d.identity not in before]
    return kept, lines


def _identities_at(path: str, ref: str, catalogue, config) -> set | None:
    """What was wrong with the file at REF; None when the file is new since REF."""
    try:
        data = _git(path, ref, "show", f"{ref}:./{os.path.basename(path)}")
    except CatlintError:
        return None  # the file did not exist at REF: everything in it is new
    try:
        old = read_catalogue(decode(path, data), catalogue.schema)
    except CatlintError:
        return set()  # REF's version had no catalogue table: every problem is the change's
    return {d.identity for d in check_catalogue(old, config)}


def _commit_of(path: str, ref: str) -> str:
    try:
        return _git(path, ref, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    except CatlintError as error:
        if "not a git repository" in str(error):
            raise CatlintError(f"{path}: --changed-since needs the file to be inside a git repository") from None
        raise CatlintError(f"{path}: --changed-since {ref}: no such git commit") from None


def _git(path: str, ref: str, *arguments: str) -> bytes:
    directory = os.path.dirname(os.path.abspath(path))
    try:
        done = subprocess.run(["git", *arguments], cwd=directory, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise CatlintError(f"{path}: --changed-since needs git, which was not found") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CatlintError(f"{path}: --changed-since {ref}: {reason[0] if reason else 'git failed'}")
    return done.stdout
