"""When documents are checked and their diagnostics published.

All catlint work runs on one background thread, one job at a time, so the
server keeps reading messages while a large catalogue is checked. A change is
checked after a short pause (DEBOUNCE): a burst of keystrokes is checked once,
and while a check runs, further changes wait for it and are then checked once,
on the latest text. A result for a text that has changed since is not
published. Opening and saving are checked at once.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types

from catlint.errors import CatlintError
from catlint.server import convert
from catlint.server.analysis import Analysis, analyse
from catlint.server.documents import Document, Documents
from catlint.server.positions import TextPositions
from catlint.server.settings import Settings

DEBOUNCE = 0.05  # seconds after the last change
logger = logging.getLogger(__name__)


class Linter:
    def __init__(self, documents: Documents, settings: Settings, publish, encoding=lambda: "utf-16"):
        self.documents, self.settings, self.publish, self.encoding = documents, settings, publish, encoding
        self.analyses: dict[str, Analysis] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="catlint")
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: dict[str, asyncio.Task] = {}
        self._again: set[str] = set()

    async def run(self, function, *args):
        """`function(*args)` on the catlint thread."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def schedule(self, uri: str, delay: float = DEBOUNCE) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if delay <= 0:
            self._start(uri)
        else:
            self._timers[uri] = asyncio.get_running_loop().call_later(delay, self._start, uri)

    def schedule_all(self) -> None:
        for document in self.documents.all():
            self.schedule(document.uri, 0)

    def forget(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.analyses.pop(uri, None)
        self._again.discard(uri)
        self.publish(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def _start(self, uri: str) -> None:
        self._timers.pop(uri, None)
        if uri in self._running:
            self._again.add(uri)  # checked once more, on the latest text, when this check ends
            return
        self._running[uri] = asyncio.get_running_loop().create_task(self._check(uri))

    async def _check(self, uri: str) -> None:
        try:
            document = self.documents.get(uri)
            if document is not None:
                version, text = document.version, document.text
                found = await self.run(self._diagnostics, document, version, text)
                if self.documents.get(uri) is document and document.version == version and found is not None:
                    self.publish(types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=found))
        except Exception:  # a rule's mistake on unusual text must not stop the server
            logger.exception("checking %s failed", uri)
        finally:
            del self._running[uri]
            if uri in self._again:
                self._again.discard(uri)
                self._start(uri)

    async def current(self, uri: str) -> Analysis | None:
        """The analysis of the document's text as it is now (checked now if it changed since)."""
        document = self.documents.get(uri)
        if document is None:
            return None
        analysis = self.analyses.get(uri)
        if analysis is not None and analysis.version == document.version and analysis.text == document.text:
            return analysis
        await self.run(self._diagnostics, document, document.version, document.text)
        return self.analyses.get(uri)

    def _diagnostics(self, document: Document, version, text: str) -> list[types.Diagnostic] | None:
        """On the catlint thread: check the text, keep the analysis, convert its findings."""
        try:
            config = self.settings.config_for(document.path)
        except CatlintError as error:
            config = error
        analysis = analyse(text, version, document.name, config)
        self.analyses[document.uri] = analysis
        if analysis.problem:
            return [convert.problem_diagnostic(analysis.problem)]
        if analysis.catalogue is None:
            return []
        positions = TextPositions(analysis.catalogue.text, self.encoding(), analysis.catalogue.lines)
        return [convert.diagnostic(d, positions) for d in analysis.diagnostics]

    def shutdown(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)
