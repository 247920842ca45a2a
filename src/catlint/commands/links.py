"""catlint links: check each row's link over the network, through the link cache.

Also home of `--links` for `catlint check`: the options and `links_if_asked`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from catlint.commands.common import (
    add_file_arguments, add_output_arguments, add_selection_arguments, each_file, emit_report, has_findings, load,
    report_run,
)
from catlint.commands.output import add_report_arguments, check_statistics_format, exit_code
from catlint.engine.check import check_catalogue, selected_rules
from catlint.errors import CatlintError
from catlint.escaping import visible
from catlint.network.cache import LinkCache, default_path, parse_age
from catlint.reporting import Checked



def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--fix", action="store_true", help="apply the safe URL fixes (http to https) to the files")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also replace permanently moved URLs (implies --fix)")
    add_report_arguments(parser)
    add_link_options(parser)


def add_link_options(parser, switch: bool = False) -> None:
    group = parser.add_argument_group("link checking" + (" (network only with --links)" if switch else ""))
    if switch:
        group.add_argument("--links", action="store_true", help="also check each row's link over the network (see `catlint links`)")
    group.add_argument("--offline", action="store_true", help="report links from the cache only, no network" + (" (implies --links)" if switch else ""))
    group.add_argument("--max-age", default="1d", metavar="AGE", help="recheck cached results older than this: 90s, 30m, 20h, 1d (default: 1d)")
    group.add_argument("--links-cache", metavar="PATH", help="link cache file (default: config links-cache, else $XDG_CACHE_HOME/catlint/links.json)")
    group.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="network time for one link: resolving, connecting, TLS and headers, all its requests together (default: 10)")
    group.add_argument("--cafile", metavar="PATH", help="trust the certificates in this PEM bundle instead of the system's")


def run(arguments) -> int:
    check_statistics_format(arguments)
    diagnostics, rules, checked = [], {}, {}

    def check(path, config):
        catalogue = load(path, config)
        results = check_links(catalogue, arguments, config)
        if arguments.fix or arguments.unsafe_fixes:
            catalogue = _apply_fixes(catalogue, config, results, arguments)
        # Only the rules that need the network: the offline rules are `catlint check`'s.
        diagnostics.extend(check_catalogue(catalogue, config, results, only_network=True))
        rules.update({rule.code: rule for rule in selected_rules(config, True, only_network=True)})
        checked[path] = Checked(catalogue, config)

    failed, files = each_file(arguments, check)
    emit_report(arguments, diagnostics, report_run(arguments, files, rules.values(), failed, checked, diagnostics))
    return exit_code(arguments, failed, has_findings(diagnostics))


def links_if_asked(catalogue, arguments, config) -> dict | None:
    """For `catlint check`: the network (or the cache) only with --links or --offline."""
    if arguments.links or arguments.offline:
        return check_links(catalogue, arguments, config)
    return None


def check_links(catalogue, arguments, config) -> dict:
    """URL -> LinkResult for the catalogue's link cells (from the cache, or asked)."""
    from catlint.engine.context import build_context
    from catlint.network.guard import loopback_allowed
    from catlint.network.probe import Options
    from catlint.network.runner import check_urls
    from catlint.rules._support.link_results import link_cells

    urls = [link.url for link in link_cells(build_context(catalogue, config))]
    cache = LinkCache(cache_path(arguments, config))
    options = Options(timeout=_positive(arguments.timeout, "--timeout"), cafile=_cafile(arguments.cafile),
                      allow_loopback=not arguments.offline and bool(urls) and loopback_allowed())
    return check_urls(urls, cache, parse_age(arguments.max_age), arguments.offline, options)


def cache_path(arguments, config) -> Path:
    if arguments.links_cache:
        return Path(arguments.links_cache)
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


def _apply_fixes(catalogue, config, results: dict, arguments):
    """Write the wanted URL fixes into the file through the fixer, as `catlint fix` writes its own
    (one finding's edits each, checked on the raw text); return the catalogue as written."""
    from catlint.engine.fixer import fix_document
    from catlint.files import write_atomically
    from catlint.reading.source import encode

    result = fix_document(catalogue, config, unsafe=arguments.unsafe_fixes, link_results=results, only_network=True)
    if not result.converged:
        raise CatlintError(f"{catalogue.path}: link fixes did not settle after several rounds; nothing written")
    if result.text == catalogue.text:
        return catalogue
    write_atomically(catalogue.path, encode(catalogue.source, result.text))
    print(visible(f"{catalogue.path}: fixed {result.fixed} link{'s' if result.fixed != 1 else ''}"), file=sys.stderr)
    return result.catalogue
