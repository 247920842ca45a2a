"""catlint links: check each row's link over the network, through the link cache.

Also home of `--links` for `catlint check`: the options and `check_links_if_asked`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from catlint.check import check_document, selected_rules
from catlint.commands.common import add_output_arguments, has_findings, add_file_arguments, add_selection_arguments, config_for, files_of, load, report_error, report_run, write_output
from catlint.errors import CatlintError
from catlint.escaping import visible
from catlint.links import attach, link_cells
from catlint.links.cache import LinkCache, default_path, parse_age
from catlint.reporters import Checked, render

HELP = "check each row's link over the network (results cached; --offline reads the cache only)"
FAMILY = "CAT5"
OTHER_FAMILIES = ("CAT0", "CAT1", "CAT2", "CAT3", "CAT4")


def add_arguments(parser) -> None:
    add_file_arguments(parser)
    add_selection_arguments(parser)
    add_output_arguments(parser)
    parser.add_argument("--fix", action="store_true", help="apply the safe URL fixes (http to https) to the files")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also replace permanently moved URLs (implies --fix)")
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
    diagnostics, failed, rules, checked = [], 0, {}, {}
    files = files_of(arguments)
    for path in files:
        try:
            config = config_for(path, arguments)
            document = load(path, config)
            check_links(document, arguments, config)
            # Only the link rules: the offline rules are `catlint check`'s, and running them here is wasted work.
            links_only = replace(config, ignore=config.ignore + OTHER_FAMILIES)
            if arguments.fix or arguments.unsafe_fixes:
                document = _apply_fixes(document, links_only, arguments)
            diagnostics += check_document(document, links_only)
            rules.update({rule.code: rule for rule in selected_rules(config) if rule.code.startswith(FAMILY)})
            checked[path] = Checked(document, config)
        except CatlintError as error:
            report_error(error)
            failed += 1
    run = report_run(arguments, files, rules.values(), failed, checked, diagnostics)
    write_output(render(arguments.output_format, diagnostics, run), arguments.output_file)
    if failed:
        return 2
    return 1 if has_findings(diagnostics) else 0


def check_links_if_asked(document, arguments, config) -> None:
    """For `catlint check`: the network (or the cache) only with --links or --offline."""
    if arguments.links or arguments.offline:
        check_links(document, arguments, config)


def check_links(document, arguments, config) -> None:
    """Check the document's link cells and attach the results for the CAT5xx rules."""
    from catlint.links.guard import loopback_allowed
    from catlint.links.probe import Options
    from catlint.links.runner import check_urls

    urls = [link.url for link in link_cells(document)]
    cache = LinkCache(cache_path(arguments, config))
    options = Options(timeout=_positive(arguments.timeout, "--timeout"), cafile=_cafile(arguments.cafile),
                      allow_loopback=not arguments.offline and bool(urls) and loopback_allowed())
    attach(document, check_urls(urls, cache, parse_age(arguments.max_age), arguments.offline, options))


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


def _apply_fixes(document, config, arguments):
    """Write the wanted URL fixes into the file through the fixer, as `catlint fix` writes its own
    (one finding's edits each, checked on the raw text); return the document as written."""
    from catlint.document import parse_document
    from catlint.fixer import fix_document
    from catlint.links import link_results
    from catlint.source import encode
    from catlint.writer import write_atomically

    result = fix_document(document, config, unsafe=arguments.unsafe_fixes)
    if not result.converged:
        raise CatlintError(f"{document.path}: link fixes did not settle after several rounds; nothing written")
    if result.text == document.text:
        return document
    write_atomically(document.path, encode(document.source, result.text))
    print(visible(f"{document.path}: fixed {result.fixed} link{'s' if result.fixed != 1 else ''}"), file=sys.stderr)
    fixed = parse_document(document.source, document.schema, result.text, document.config)
    attach(fixed, link_results(document))
    return fixed
