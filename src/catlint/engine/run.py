"""catlint in one call, for programs (the language server, the tests): text in, catalogue,
diagnostics or fixed text out, with the configuration given or the default one."""

from __future__ import annotations

from catlint.engine.check import check_catalogue
from catlint.engine.config import Config
from catlint.engine.fixer import FixResult, fix_document
from catlint.reading.catalogue import Catalogue, read_catalogue
from catlint.reading.schema import load_schema
from catlint.reading.source import decode


def read_text(text: str, path: str = "catalogue.md", config: Config | None = None) -> Catalogue:
    config = config or Config()
    return read_catalogue(decode(path, text.encode("utf-8")), load_schema(config.schema))


def check_text(text: str, path: str = "catalogue.md", config: Config | None = None) -> list:
    config = config or Config()
    return check_catalogue(read_text(text, path, config), config)


def fix_text(text: str, path: str = "catalogue.md", config: Config | None = None, unsafe: bool = False) -> FixResult:
    config = config or Config()
    return fix_document(read_text(text, path, config), config, unsafe=unsafe)
