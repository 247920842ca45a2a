"""The configuration for a document: the same `[tool.catlint]` as the CLI's, read again when it changes.

Each lookup stats the configuration files the CLI would consider (catlint.toml
and pyproject.toml in the document's directory and every one above it) and the
schema and knowledge files the configuration names; the configuration is read
again only when one of them was created, changed or removed. That costs a few
stat calls per check, and needs no help from the client (file watchers, when the
client offers them, only make the server check again sooner).
"""

from __future__ import annotations

import os
from pathlib import Path

from catlint.engine.config import Config, Scope, load_config
from catlint.errors import CatlintError
from catlint.reading.knowledge import forget_knowledge
from catlint.reading.schema import forget_schema


class Settings:
    def __init__(self, root: str | None = None):
        self.root = root  # where an unsaved buffer's configuration is looked up
        self._cache: dict[str, tuple[tuple, Config | CatlintError]] = {}

    def config_for(self, path: str | None) -> Config:
        """The configuration in force for the file at `path`; CatlintError when it is broken."""
        start = path or (os.path.join(self.root, "untitled.md") if self.root else None)
        if start is None:
            return Config()
        directory = os.path.dirname(os.path.abspath(start))
        stamp = _stamp(_candidates(directory))
        cached = self._cache.get(directory)
        if cached is None or cached[0][0] != stamp or _stamp(cached[0][1]) != cached[0][2]:
            if cached is not None and isinstance(cached[1], Config):
                _forget_data(cached[1])
            try:
                loaded: Config | CatlintError = load_config(start).with_cli(scope=Scope())  # the rules `check` runs
            except CatlintError as error:
                loaded = error
            data = _data_files(loaded) if isinstance(loaded, Config) else ()
            cached = self._cache[directory] = ((stamp, data, _stamp(data)), loaded)
        if isinstance(cached[1], CatlintError):
            raise cached[1]
        return cached[1]


def _candidates(directory: str) -> tuple[str, ...]:
    folder = Path(directory)
    return tuple(str(each / name) for each in (folder, *folder.parents) for name in ("catlint.toml", "pyproject.toml"))


def _data_files(config: Config) -> tuple[str, ...]:
    return tuple(path for path in (config.schema, config.knowledge) if path)


def _stamp(paths) -> tuple:
    """What identifies each file's content without reading it (None for a missing file)."""
    stamps = []
    for path in paths:
        try:
            info = os.stat(path)
            stamps.append((info.st_mtime_ns, info.st_size, info.st_ino))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _forget_data(config: Config) -> None:
    if config.schema:
        forget_schema(config.schema)
    if config.knowledge:
        forget_knowledge(config.knowledge)
