"""Check many URLs: the cache first, then the network with a global and a per-host limit."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from itertools import chain, zip_longest
from urllib.parse import urlsplit

from catlint.network import LinkResult
from catlint.network.cache import LinkCache
from catlint.network.progress import Progress


def check_urls(urls, cache: LinkCache, max_age: float, offline: bool, options, stream=None) -> dict[str, LinkResult]:
    """A result for every URL. Offline: cached results only, the rest "not-checked"."""
    now = time.time()
    results, due = {}, []
    for url in dict.fromkeys(urls):
        if offline:
            cached = cache.known(url, now)
            results[url] = cached._replace(from_cache=True) if cached else LinkResult(url, "not-checked", detail="not in the link cache")
        elif (cached := cache.fresh(url, max_age, now)) is not None:
            results[url] = cached
        else:
            due.append(url)
    if due:
        checked = probe_all(due, options, stream)
        cache.update(checked.values())
        cache.save()
        results.update(checked)
    return results


def probe_all(urls: list[str], options, stream=None) -> dict[str, LinkResult]:
    from catlint.network.probe import HostLimits, probe, tls_context

    context, limits = tls_context(options.cafile), HostLimits(options.per_host)
    progress = Progress(len(urls), stream)
    results = {}
    try:
        # The pool's size is the global limit; hosts interleaved so workers rarely wait on one host.
        with ThreadPoolExecutor(max_workers=max(1, min(options.workers, len(urls)))) as pool:
            futures = {pool.submit(probe, url, options, context, limits): url for url in interleave_hosts(urls)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                progress.advance()
    finally:
        progress.close()
    return results


def interleave_hosts(urls: list[str]) -> list[str]:
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(urlsplit(url).hostname or "", []).append(url)
    return [url for url in chain.from_iterable(zip_longest(*by_host.values())) if url is not None]
