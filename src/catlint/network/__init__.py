"""Link health: what the network said about each row's link, kept apart from the offline rules.

Checking links is the only thing catlint does over the network, and only when
asked (`catlint links`, `catlint check --links`). The results, one per URL,
are given to the rules that need the network (the CAT5xx rules), which run
only when there are results.

This module imports no networking code: every `catlint check` imports it.
"""

from __future__ import annotations

from typing import NamedTuple

# What a URL's check came to; each outcome but "ok" is reported by one CAT5xx rule.
OUTCOMES = ("ok", "redirected", "client-error", "server-error", "timeout", "dns-failure", "tls-error",
            "unreachable", "refused", "not-checked")
PERMANENT = (301, 308)


class Hop(NamedTuple):
    status: int
    location: str  # absolute; without a query or fragment the link itself does not have
    hidden: bool = False  # whether a query or fragment was left out

    @property
    def shown(self) -> str:
        """The location as messages print it: `?…` marks a query or fragment left out."""
        return self.location + ("?\u2026" if self.hidden else "")


class LinkResult(NamedTuple):
    url: str
    outcome: str
    status: int | None = None
    detail: str = ""
    hops: tuple[Hop, ...] = ()
    checked_at: float = 0.0  # seconds since the epoch
    from_cache: bool = False

    @property
    def final_url(self) -> str:
        return self.hops[-1].location if self.hops else self.url

    @property
    def final_shown(self) -> str:
        return self.hops[-1].shown if self.hops else self.url

    def to_json(self) -> dict:
        entry = self._asdict()
        entry.pop("from_cache")
        entry["hops"] = [[hop.status, hop.location, *([True] if hop.hidden else [])] for hop in self.hops]
        return entry

    @classmethod
    def from_json(cls, entry: dict) -> "LinkResult":
        hops = tuple(Hop(int(status), str(location), bool(hidden and hidden[0])) for status, location, *hidden in entry.get("hops", []))
        return cls(str(entry["url"]), str(entry["outcome"]), entry.get("status"), str(entry.get("detail", "")),
                   hops, float(entry.get("checked_at", 0.0)))
