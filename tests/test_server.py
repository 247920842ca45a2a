"""`catlint server` end to end: a real server process driven by pytest-lsp's client over stdio.

One server per position encoding, shared by the tests of this module (they open
documents of their own): UTF-16 with VS Code's capabilities, UTF-8 offered by a
Neovim client. UTF-32, the same negotiation with code points, is tested on the
conversions themselves (test_server_positions.py).
"""

import asyncio
import copy
import json
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.uris import to_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import GOOD_ROW, SEED, run_catlint, table

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.xdist_group("language-server")]
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "catlint", "server"])
SEED_TEXT = SEED.read_text(encoding="utf-8")
# Astral characters (one code point, two UTF-16 units, four UTF-8 bytes) and CJK (one, one, three) before a count.
WIDE_ROW = "| 🩻😀 胸部 X-ray 数据 | XR | Chest | 2620 | 30 | Open | CC BY 4.0 | https://wide.example.org |"


async def start(client: LanguageClient, capabilities: types.ClientCapabilities, folder: Path):
    client.registrations, client.published = [], []
    keep = client.protocol.fm.features[PUBLISH]  # pytest-lsp's, which keeps the latest per document

    def record(params: types.PublishDiagnosticsParams):  # every one, in order: a burst loses none
        client.published.append(params)
        return keep(params)

    client.protocol.fm.features[PUBLISH] = record

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        client.registrations.extend(params.registrations)

    await client.initialize_session(types.InitializeParams(capabilities=capabilities, root_uri=folder.as_uri()))
    yield
    await client.shutdown_session()


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory):
    async for _ in start(lsp_client, client_capabilities("visual-studio-code"), tmp_path_factory.mktemp("utf16")):
        yield


def offering(encoding: str) -> types.ClientCapabilities:
    capabilities = copy.deepcopy(client_capabilities("neovim"))
    capabilities.general = types.GeneralClientCapabilities(position_encodings=[encoding])
    return capabilities


@pytest_lsp.fixture(config=SERVER, scope="module")
async def utf8_client(lsp_client: LanguageClient, tmp_path_factory):
    async for _ in start(lsp_client, offering(types.PositionEncodingKind.Utf8), tmp_path_factory.mktemp("utf8")):
        yield


async def published(client: LanguageClient, uri: str, version: int, send) -> list[types.Diagnostic]:
    """Send, then wait for the diagnostics of `uri` at `version`."""
    return (await publications(client, uri, version, send))[-1].diagnostics


async def publications(client: LanguageClient, uri: str, version: int, send) -> list[types.PublishDiagnosticsParams]:
    """Send, then wait for the diagnostics of `uri` at `version`: every publication of `uri` until then."""
    seen = len(client.published)
    send()
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        mine = [params for params in client.published[seen:] if params.uri == uri]
        if mine and mine[-1].version == version:
            return mine
        await asyncio.sleep(0.005)
    raise AssertionError(f"no diagnostics for {uri} at version {version}")


async def registered(client: LanguageClient, method: str) -> list[types.Registration]:
    """Wait for the server to register `method` (it asks after `initialized`, in its own time)."""
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        found = [registration for registration in client.registrations if registration.method == method]
        if found:
            return found
        await asyncio.sleep(0.005)
    raise AssertionError(f"the server never registered {method}")


async def opened(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    path.write_text(text, encoding="utf-8")
    item = types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text=text)
    return await published(client, item.uri, 1, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item)))


async def changed(client: LanguageClient, path: Path, version: int, changes) -> list[types.Diagnostic]:
    document = types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version)
    params = types.DidChangeTextDocumentParams(text_document=document, content_changes=changes)
    return await published(client, path.as_uri(), version, lambda: client.text_document_did_change(params))


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply edits as an editor does (UTF-16 positions), last first."""
    lines = text.splitlines(keepends=True) + [""]

    def offset(position):
        line = lines[position.line] if position.line < len(lines) else ""
        before = sum(len(each) for each in lines[: position.line])
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += utf16(char)
        return before + len(line.rstrip("\r\n"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


# The seed in an editor


async def test_the_seed_gets_the_diagnostics_of_catlint_check_at_their_cells(client, tmp_path):
    path = tmp_path / "catalogue.md"
    diagnostics = await opened(client, path, SEED_TEXT)
    expected = json.loads(run_catlint("check", path, "--output-format", "json").stdout)
    got = [(d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.character + 1) for d in diagnostics]
    assert sorted(got) == sorted((d["code"], d["location"]["row"], d["location"]["column"], d["end_location"]["column"]) for d in expected)
    count = next(d for d in diagnostics if d.code == "CAT102")
    assert count.severity == types.DiagnosticSeverity.Error and count.source == "catlint" and "193ยน" in count.message
    assert SEED_TEXT.splitlines()[53][count.range.start.character: count.range.end.character] == "193ยน"
    assert next(d for d in diagnostics if d.code == "CAT309").severity == types.DiagnosticSeverity.Information
    documentation = Path(to_fs_path(count.code_description.href))
    assert documentation.name == "invalid_count.py" and "Fails:" in documentation.read_text(encoding="utf-8")


async def test_fix_all_and_formatting_give_the_text_catlint_fix_writes(client, tmp_path):
    path = tmp_path / "catalogue.md"
    await opened(client, path, SEED_TEXT)
    on_disk = tmp_path / "fixed.md"
    on_disk.write_text(SEED_TEXT, encoding="utf-8")
    run_catlint("fix", on_disk)
    document = types.TextDocumentIdentifier(uri=path.as_uri())
    everything = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=70, character=0))
    offered = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=everything, context=types.CodeActionContext(diagnostics=[])))
    fix_all = [action for action in offered if action.kind == "source.fixAll.catlint"]
    assert len(fix_all) == 1 and fix_all[0].edit is None  # VS Code resolves it when chosen
    resolved = await client.code_action_resolve_async(fix_all[0])
    assert apply(SEED_TEXT, resolved.edit.changes[path.as_uri()]) == on_disk.read_text(encoding="utf-8")
    alone = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=everything, context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    assert [action.kind for action in alone] == ["source.fixAll.catlint"] and alone[0].edit is not None
    assert apply(SEED_TEXT, alone[0].edit.changes[path.as_uri()]) == on_disk.read_text(encoding="utf-8")
    formatted = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=document, options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert apply(SEED_TEXT, formatted) == on_disk.read_text(encoding="utf-8")


async def test_a_quick_fix_per_finding_and_unsafe_ones_say_they_change_a_value(client, tmp_path):
    path = tmp_path / "catalogue.md"
    diagnostics = await opened(client, path, SEED_TEXT)
    document = types.TextDocumentIdentifier(uri=path.as_uri())
    count = next(d for d in diagnostics if d.code == "CAT202")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=count.range, context=types.CodeActionContext(diagnostics=[count], only=["quickfix"])))
    assert [action.title for action in actions] == ["Fix: write '2,620' (CAT202)"] and actions[0].is_preferred
    assert apply(SEED_TEXT, actions[0].edit.changes[path.as_uri()]) == SEED_TEXT.replace("| 2620 ", "| 2,620 ")
    mammography = next(d for d in diagnostics if d.code == "CAT301" and d.range.start.line == 44)
    unsafe = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document, range=mammography.range, context=types.CodeActionContext(diagnostics=[mammography])))
    titles = [action.title for action in unsafe if action.kind == types.CodeActionKind.QuickFix]
    assert titles == ["Change the value (unsafe): replace 'All' with 'Breast' (CAT301)"]


async def test_editing_a_cell_makes_its_diagnostic_go(client, tmp_path):
    path = tmp_path / "catalogue.md"
    diagnostics = await opened(client, path, SEED_TEXT)
    count = next(d for d in diagnostics if d.code == "CAT202")
    after = await changed(client, path, 2, [types.TextDocumentContentChangePartial(range=count.range, text="2,620")])
    where = {(d.code, d.range.start.line) for d in diagnostics}
    # the count's problem is gone; the cell is one character wider now, so the row is out of line
    assert {(d.code, d.range.start.line) for d in after} == (where - {("CAT202", 44)}) | {("CAT208", 44)}
    again = await changed(client, path, 3, [types.TextDocumentContentChangeWholeDocument(text=SEED_TEXT)])
    assert len(again) == len(diagnostics)


async def test_changes_in_a_burst_are_checked_once_and_actions_see_the_latest_text(client, tmp_path):
    path = tmp_path / "catalogue.md"
    diagnostics = await opened(client, path, SEED_TEXT)
    count = next(d for d in diagnostics if d.code == "CAT202")
    actions = []

    def type_and_ask():
        for version, typed in enumerate(("2", "2,", "2,6", "2,620"), start=2):  # typing, one keystroke a message
            document = types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version)
            client.text_document_did_change(types.DidChangeTextDocumentParams(text_document=document, content_changes=[
                types.TextDocumentContentChangeWholeDocument(text=SEED_TEXT.replace("| 2620 ", f"| {typed} "))]))
        # asked before any check ran: the actions are those of the latest text, where the count is fine
        actions.append(asyncio.ensure_future(client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=count.range,
            context=types.CodeActionContext(diagnostics=[], only=["quickfix"])))))

    versions = [params.version for params in await publications(client, path.as_uri(), 5, type_and_ask)]
    assert len(versions) <= 2, versions  # not one check per keystroke
    assert not any("(CAT202)" in action.title or "(CAT102)" in action.title for action in await actions[0] or [])
    assert "CAT202" not in {d.code for d in client.diagnostics[path.as_uri()]}


async def test_lines_end_only_where_the_protocol_says(client, tmp_path):
    """U+2028, NEL and a form feed in cells are not line ends (str.splitlines would take them for
    some): an edit on the row after them lands where the client meant it."""
    path = tmp_path / "catalogue.md"
    odd = GOOD_ROW.replace("OASIS", "OASIS\u2028two\x85three\x0cfour")
    text = table(odd, GOOD_ROW.replace("OASIS", "Second").replace("| 373 |", "| 2620 |").replace("www.oasis", "second.oasis"))
    diagnostics = await opened(client, path, text)
    count = next(d for d in diagnostics if d.code == "CAT202")
    assert count.range.start.line == 3
    after = await changed(client, path, 2, [types.TextDocumentContentChangePartial(range=count.range, text="2,620")])
    path.write_text(text.replace("| 2620 |", "| 2,620 |"), encoding="utf-8")
    expected = json.loads(run_catlint("check", path, "--output-format", "json").stdout)
    assert sorted((d.code, d.range.start.line + 1, d.range.start.character + 1) for d in after) == \
        sorted((d["code"], d["location"]["row"], d["location"]["column"]) for d in expected)


async def test_markdown_without_a_catalogue_gets_no_diagnostics(client, tmp_path):
    assert list(await opened(client, tmp_path / "README.md", "# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText - | -\n")) == []
    assert list(await opened(client, tmp_path / "plain.md", "# Only prose\n\nNo table here.\n")) == []


async def test_hover_shows_the_typed_value_and_the_evidence(client, tmp_path):
    path = tmp_path / "catalogue.md"
    text = table(GOOD_ROW, "| Montgomery County X-ray Set | MRI | Chest | 138¹ | 138 | Open | CC BY 4.0 | https://m.example.org |") + "\n¹ Images per patient\n"
    diagnostics = await opened(client, path, text)
    document = types.TextDocumentIdentifier(uri=path.as_uri())

    async def hover(line: int, needle: str) -> str:
        position = types.Position(line=line, character=text.splitlines()[line].index(needle) + 1)
        found = await client.text_document_hover_async(types.HoverParams(text_document=document, position=position))
        return found.contents.value

    count = await hover(3, "138¹")
    assert count == "**Images**: 138 (exact); footnote ¹: Images per patient"
    modality = await hover(3, "MRI")
    assert modality.startswith("**Data Types**: MR (MRI scan)") and "**CAT301** contradicts-name (error)" in modality
    assert 'contradict the name \\("X\\-ray" → XR\\)' in modality and "unsafe fix, changes a value: replace 'MRI' with 'XR'" in modality
    assert "**CAT203** list-format (warning)" in modality  # MRI is an alias: written MR, safely
    assert (await hover(0, "Body Parts")).startswith("Column **Body Parts** (`body_parts`, list)")
    assert any(d.code == "CAT301" for d in diagnostics)


async def test_configuration_is_read_again_when_it_changes(client, tmp_path):
    await registered(client, types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    path = tmp_path / "catalogue.md"
    before = await opened(client, path, SEED_TEXT)
    assert any(d.code == "CAT403" for d in before)
    configuration = tmp_path / "catlint.toml"
    configuration.write_text('ignore = ["CAT403"]\n', encoding="utf-8")
    event = types.FileEvent(uri=configuration.as_uri(), type=types.FileChangeType.Created)
    after = await published(client, path.as_uri(), 1, lambda: client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[event])))
    assert {d.code for d in after} == {d.code for d in before} - {"CAT403"}
    configuration.write_text('ignore = ["CAT9"]\n', encoding="utf-8")
    broken = await changed(client, path, 2, [types.TextDocumentContentChangeWholeDocument(text=SEED_TEXT)])
    assert len(broken) == 1 and "catlint cannot check this file" in broken[0].message and "'CAT9' matches no rule" in broken[0].message


async def test_saving_checks_again_with_the_configuration_on_disk(client, tmp_path):
    path = tmp_path / "catalogue.md"
    before = await opened(client, path, SEED_TEXT)
    assert any(d.code == "CAT403" for d in before)
    (tmp_path / "catlint.toml").write_text('ignore = ["CAT403"]\n', encoding="utf-8")  # no watched-files event
    saved = types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()))
    after = await published(client, path.as_uri(), 1, lambda: client.text_document_did_save(saved))
    assert {d.code for d in after} == {d.code for d in before} - {"CAT403"}
    (tmp_path / "catlint.toml").write_text('ignore = ["CAT3"]\n', encoding="utf-8")
    configuration = types.TextDocumentIdentifier(uri=(tmp_path / "catlint.toml").as_uri())
    again = await published(client, path.as_uri(), 1, lambda: client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=configuration)))
    assert again and not any(d.code.startswith("CAT3") for d in again)


async def test_network_rules_never_run_in_the_server(client, tmp_path):
    (tmp_path / "catlint.toml").write_text('select = ["CAT5", "CAT3"]\n', encoding="utf-8")
    diagnostics = await opened(client, tmp_path / "catalogue.md", SEED_TEXT)
    codes = {d.code for d in diagnostics}
    assert codes and all(code.startswith("CAT3") for code in codes), codes


# Positions in every encoding


async def test_positions_in_utf16_by_default(client, tmp_path):
    await positions_count_in_the_negotiated_encoding(client, utf16, tmp_path)


async def test_positions_in_utf8_when_offered(utf8_client, tmp_path):
    await positions_count_in_the_negotiated_encoding(utf8_client, lambda text: len(text.encode("utf-8")), tmp_path)


async def positions_count_in_the_negotiated_encoding(client, units, tmp_path):
    path = tmp_path / "catalogue.md"
    text = table(GOOD_ROW, WIDE_ROW)
    diagnostics = await opened(client, path, text)
    line = text.splitlines()[3]
    count = next(d for d in diagnostics if d.code == "CAT202")
    start = line.index("2620")
    assert (count.range.start.line, count.range.start.character, count.range.end.character) == \
        (3, units(line[:start]), units(line[:start + 4]))
    fix = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=count.range,
        context=types.CodeActionContext(diagnostics=[count], only=["quickfix"])))
    assert fix[0].edit.changes[path.as_uri()][0].range == count.range
    # the client's edit, in its own units, lands where it meant: the count is corrected, the emoji kept
    after = await changed(client, path, 2, [types.TextDocumentContentChangePartial(range=count.range, text="2,620")])
    assert "CAT202" not in {d.code for d in after}
    hovered = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=count.range.start))
    assert hovered.contents.value == "**Images**: 2,620 (exact)"
