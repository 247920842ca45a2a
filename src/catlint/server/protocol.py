"""The language server: the protocol's messages wired to documents, checks, actions and hover."""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol.language_server import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from catlint import __version__
from catlint.server import actions
from catlint.server.documents import Documents, is_configuration
from catlint.server.hover import hover
from catlint.server.linting import Linter
from catlint.server.positions import TextPositions
from catlint.server.settings import Settings

WATCHED = ("**/pyproject.toml", "**/catlint.toml")
logger = logging.getLogger(__name__)


class _Protocol(LanguageServerProtocol):
    """pygls without its own copy of the open documents: catlint keeps them (documents.py), with
    the protocol's line ends. pygls's copy splits lines where `str.splitlines` does (U+2028, a
    form feed), and clamps a change's positions to those lines, in place, before catlint sees them."""

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params):
        yield from self._handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params):
        yield from self._handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params):
        yield from self._handler(types.TEXT_DOCUMENT_DID_CLOSE, params)

    def _handler(self, method: str, params):
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None


def create_server() -> LanguageServer:
    server = LanguageServer("catlint", __version__, protocol_cls=_Protocol)
    documents, settings = Documents(), Settings()

    def encoding() -> str:
        chosen = server.workspace.position_encoding
        return getattr(chosen, "value", chosen) or "utf-16"

    linter = Linter(documents, settings, server.text_document_publish_diagnostics, encoding)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
        settings.root = to_fs_path(root) if root and root.startswith("file:") else params.root_path

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        watching = server.client_capabilities.workspace and server.client_capabilities.workspace.did_change_watched_files
        if watching and watching.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(id="catlint-configuration", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                              register_options=options)
            try:
                await server.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception:  # noqa: BLE001 - without watchers, a changed configuration is still seen at the next check
                logger.warning("the client did not accept watching the configuration files", exc_info=True)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        documents.open(params.text_document)
        linter.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        if documents.change(params, encoding()) is not None:
            linter.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if is_configuration(params.text_document.uri):
            linter.schedule_all()  # the configuration may have changed under every open document
        elif documents.get(params.text_document.uri) is not None:
            linter.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        documents.close(params.text_document.uri)
        linter.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_configuration(change.uri) for change in params.changes):
            linter.schedule_all()

    kinds = [types.CodeActionKind.QuickFix, actions.FIX_ALL]

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds, resolve_provider=True))
    async def code_action(params: types.CodeActionParams):
        analysis = await linter.current(params.text_document.uri)
        if analysis is None or analysis.catalogue is None:
            return None
        quick, fix_all = actions.wanted_kinds(params.context.only)
        positions = TextPositions(analysis.catalogue.text, encoding(), analysis.catalogue.lines)
        found = actions.quick_fixes(params.text_document.uri, analysis, positions, params.range) if quick else []
        if fix_all:
            lazy = quick and _resolves_edits(server)  # asked for alone (fix on save), it comes with its edit
            action = await linter.run(actions.fix_all, params.text_document.uri, analysis, encoding(), lazy)
            found += [action] if action is not None else []
        return found or None

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve(action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        analysis = await linter.current(data.get("uri", ""))
        if analysis is not None and analysis.catalogue is not None and action.kind == actions.FIX_ALL:
            edits = await linter.run(actions.formatting, analysis, encoding())
            action.edit = types.WorkspaceEdit(changes={data["uri"]: edits})
        return action

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    async def formatting(params: types.DocumentFormattingParams):
        analysis = await linter.current(params.text_document.uri)
        if analysis is None or analysis.catalogue is None:
            return None
        return await linter.run(actions.formatting, analysis, encoding()) or None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(params: types.HoverParams):
        analysis = await linter.current(params.text_document.uri)
        if analysis is None or analysis.catalogue is None:
            return None
        positions = TextPositions(analysis.catalogue.text, encoding(), analysis.catalogue.lines)
        return await linter.run(hover, analysis, positions, params.position)

    @server.feature(types.SHUTDOWN)
    def shutdown(params) -> None:
        linter.shutdown()

    return server


def _resolves_edits(server) -> bool:
    """Whether the client can ask for a code action's edit later (codeAction/resolve)."""
    text_document = server.client_capabilities.text_document
    code_action = text_document.code_action if text_document else None
    support = code_action.resolve_support if code_action else None
    return bool(support and "edit" in support.properties)


def serve() -> None:
    """Run over standard input and output until the client says exit (or goes away)."""
    create_server().start_io()
