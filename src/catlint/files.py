"""Write a file atomically: a temporary file in the same directory, then os.replace.

A crash or a failed replace leaves either the old file or the new one, never a
truncated one. Symbolic links are followed, so the link stays and its target
is rewritten; the target's permission bits are kept.
"""

from __future__ import annotations

import os
import stat
import tempfile

from catlint.errors import CatlintError


def write_atomically(path: str, data: bytes, mode: int | None = None) -> None:
    """Replace the file at `path` with `data`; `mode` sets its permission bits (else kept, or the umask's)."""
    write_chunks_atomically(path, (data,), mode)


def write_chunks_atomically(path: str, chunks, mode: int | None = None) -> None:
    """Replace the file at `path` with the bytes `chunks` yields, written as they come (an export
    of any size in little memory); the old file stays whole until the last chunk is written."""
    target = os.path.realpath(path)
    directory = os.path.dirname(target) or "."
    try:
        mode = _mode_of(target) if mode is None else mode
        # A file without write bits is a request not to modify it, even for root.
        if os.path.exists(target) and (not os.access(target, os.W_OK) or not mode & 0o222):
            raise CatlintError(f"{path}: not writable; left unchanged")
        handle, temporary = tempfile.mkstemp(prefix=".catlint-", suffix=".tmp", dir=directory)
    except PermissionError:
        raise CatlintError(f"{path}: cannot write to its directory; left unchanged") from None
    except OSError as error:
        raise CatlintError(f"{path}: cannot write: {error.strerror or error}; left unchanged") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        _remove_quietly(temporary)
        raise CatlintError(f"{path}: cannot write: {error.strerror or error}; left unchanged") from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def _mode_of(path: str) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
