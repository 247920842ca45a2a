"""The link-checking options shared by `catlint links` and `catlint check --links`, and the lookup
they drive: each link cell's result from the cache or the network. The network modules load only
when a run asks for links, so a plain `catlint check` never imports them."""

from __future__ import annotations

import os
from pathlib import Path

from catlint.errors import CatlintError


def add_link_options(parser, switch: bool = False) -> None:
    group = parser.add_argument_group("link checking" + (" (network only with --links)" if switch else ""))
    if switch:
        group.add_argument("--links", action="store_true", help="also check each row's link over the network (see `catlint links`)")
    group.add_argument("--offline", action="store_true", help="report links from the cache only, no network" + (" (implies --links)" if switch else ""))
    group.add_argument("--max-age", default="1d", metavar="AGE", help="recheck cached results older than this: 90s, 30m, 20h, 1d (default: 1d)")
    group.add_argument("--links-cache", metavar="PATH", help="link cache file (default: config links-cache, else $XDG_CACHE_HOME/catlint/links.json)")
    group.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="network time for one link: resolving, connecting, TLS and headers, all its requests together (default: 10)")
    group.add_argument("--cafile", metavar="PATH", help="trust the certificates in this PEM bundle instead of the system's")


def links_if_asked(catalogue, arguments, config) -> dict | None:
    """For `catlint check`: the network (or the cache) only with --links or --offline."""
    if arguments.links or arguments.offline:
        return check_links(catalogue, arguments, config)
    return None


def check_links(catalogue, arguments, config) -> dict:
    """URL -> LinkResult for the catalogue's link cells (from the cache, or asked)."""
    from catlint.network.cache import LinkCache, parse_age
    from catlint.network.guard import loopback_allowed
    from catlint.network.probe import Options
    from catlint.network.runner import check_urls

    urls = [url for _, url in catalogue.http_links()]
    cache = LinkCache(cache_path(arguments, config))
    options = Options(timeout=_positive(arguments.timeout, "--timeout"), cafile=_cafile(arguments.cafile),
                      allow_loopback=not arguments.offline and bool(urls) and loopback_allowed())
    return check_urls(urls, cache, parse_age(arguments.max_age), arguments.offline, options)


def cache_path(arguments, config) -> Path:
    if arguments.links_cache:
        return Path(arguments.links_cache)
    from catlint.network.cache import default_path

    return Path(config.links_cache) if config.links_cache else default_path()


def _positive(value: float, flag: str) -> float:
    if not value > 0:
        raise CatlintError(f"{flag} must be more than 0 seconds")
    return value


def _cafile(path: str | None) -> str | None:
    if path is None:
        return None
    import ssl

    if not os.path.isfile(path):
        raise CatlintError(f"--cafile {path}: no such file")
    try:
        ssl.create_default_context(cafile=path)
    except ssl.SSLError as error:
        raise CatlintError(f"--cafile {path}: not a PEM certificate bundle ({error.reason or error})") from None
    return path
