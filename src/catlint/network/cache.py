"""The link cache: each URL's last result and when it was checked, in one JSON file.

It lets a nightly job ask each host at most once per `--max-age`, and
`--offline` report without any network. Written atomically and readable by
its owner only (mode 0600); a file that is not a link cache is an error
rather than silently replaced. An entry dated in the future is never fresh:
a clock or a hand that wrote it cannot keep a result forever.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from catlint.errors import CatlintError
from catlint.network import LinkResult

FORMAT_KEY = "catlint-link-cache"
FORMAT_VERSION = 1
_AGE = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw]?)", re.IGNORECASE)  # on the stripped text: one run of spaces
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def default_path() -> Path:
    """$XDG_CACHE_HOME/catlint/links.json, else ~/.cache/catlint/links.json."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "catlint" / "links.json"


def parse_age(text: str) -> float:
    """`90s`, `30m`, `20h`, `1d`, `1w` or plain seconds, as seconds."""
    found = _AGE.fullmatch(text.strip())
    if not found:
        raise CatlintError(f"--max-age {text!r}: expected a number with an optional unit s, m, h, d or w (e.g. 1d)")
    return float(found.group(1)) * _UNIT_SECONDS[found.group(2).lower()]


class LinkCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.entries: dict[str, LinkResult] = self._load()

    def fresh(self, url: str, max_age: float, now: float) -> LinkResult | None:
        entry = self.known(url, now)
        return entry if entry is not None and now - entry.checked_at < max_age else None

    def known(self, url: str, now: float) -> LinkResult | None:
        """The entry for `url` whatever its age, unless it is dated in the future."""
        entry = self.entries.get(url)
        return entry if entry is not None and entry.checked_at <= now else None

    def update(self, results) -> None:
        for result in results:
            self.entries[result.url] = result

    def save(self) -> None:
        from catlint.files import write_atomically

        links = {url: self.entries[url].to_json() for url in sorted(self.entries)}
        text = json.dumps({FORMAT_KEY: FORMAT_VERSION, "links": links}, ensure_ascii=False, indent=1) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CatlintError(f"{self.path}: cannot create the link cache's directory: {error.strerror or error}") from None
        write_atomically(str(self.path), text.encode("utf-8"), mode=0o600)

    def _load(self) -> dict[str, LinkResult]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise CatlintError(f"{self.path}: cannot read the link cache: {error.strerror or error}") from None
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(data.get("links"), dict):
            raise CatlintError(f"{self.path}: not a catlint link cache (version {FORMAT_VERSION}); delete it to start a new one")
        try:
            return {url: LinkResult.from_json(entry) for url, entry in data["links"].items()}
        except (KeyError, TypeError, ValueError):
            raise CatlintError(f"{self.path}: damaged link cache entry; delete the file to start a new one") from None
