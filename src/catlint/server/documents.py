"""The open documents, as the client has them: their text after each change, and their version.

Kept here rather than in pygls's workspace because catlint's lines must be the
protocol's (CR, LF, CRLF) when an incremental change is applied: a cell may hold
a form feed or U+2028, which `str.splitlines` would take for a line end.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types
from pygls.uris import to_fs_path

from catlint.server.positions import TextPositions

CONFIG_NAMES = ("pyproject.toml", "catlint.toml")


@dataclass
class Document:
    uri: str
    text: str
    version: int | None
    path: str | None  # on disk, when the URI is a file's

    @property
    def name(self) -> str:
        """How catlint names it in messages: its path, or the URI of an unsaved buffer."""
        return self.path or self.uri


class Documents:
    def __init__(self):
        self._open: dict[str, Document] = {}

    def get(self, uri: str) -> Document | None:
        return self._open.get(uri)

    def all(self) -> list[Document]:
        return list(self._open.values())

    def open(self, item: types.TextDocumentItem) -> Document:
        document = self._open[item.uri] = Document(item.uri, item.text, item.version, _path(item.uri))
        return document

    def change(self, params: types.DidChangeTextDocumentParams, encoding: str) -> Document | None:
        document = self._open.get(params.text_document.uri)
        if document is None:
            return None
        text = document.text
        for change in params.content_changes:  # each applies to the text the one before left
            if isinstance(change, types.TextDocumentContentChangePartial):
                positions = TextPositions(text, encoding)
                start, end = positions.offset(change.range.start), positions.offset(change.range.end)
                text = text[:start] + change.text + text[max(start, end):]
            else:
                text = change.text
        document.text, document.version = text, params.text_document.version
        return document

    def close(self, uri: str) -> None:
        self._open.pop(uri, None)


def _path(uri: str) -> str | None:
    return to_fs_path(uri) if uri.startswith("file:") else None


def is_configuration(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES
