"""catlint links: check each row's link over the network, through the link cache.

Also home of `--links` for `catlint check`: the options and `check_links_if_asked`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from catlint.check import check_document, selected_rules
from catlint.commands.common import add_output_arguments, has_findings, add_file_arguments, add_selection_arguments, config_for, files_of, load, report_error, write_output
from catlint.errors import CatlintError
from catlint.links import attach, link_cells
from catlint.links.cache import LinkCache, default_path, parse_age
from catlint.reporters import Checked, Run, render

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
            found = check_document(document, replace(config, ignore=config.ignore + OTHER_FAMILIES))
            diagnostics += _apply_fixes(document, found, arguments) if arguments.fix or arguments.unsafe_fixes else found
            rules.update({rule.code: rule for rule in selected_rules(config) if rule.code.startswith(FAMILY)})
            checked[path] = Checked(document, config)
        except CatlintError as error:
            report_error(error)
            failed += 1
    write_output(render(arguments.output_format, diagnostics, Run(tuple(files), tuple(rules.values()), unreadable=failed, checked=checked)), arguments.output_file)
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


def _apply_fixes(document, diagnostics, arguments) -> list:
    """Write the wanted URL fixes into the file; return the diagnostics still standing."""
    from catlint.fixer import apply_edits
    from catlint.source import encode
    from catlint.writer import write_atomically

    wanted = [d for d in diagnostics if d.fix and (arguments.unsafe_fixes or d.fix.applicability == "safe")]
    if not wanted:
        return diagnostics
    text = apply_edits(document.text, document, [edit for d in wanted for edit in d.fix.edits])
    write_atomically(document.path, encode(document.source, text))
    print(f"{document.path}: fixed {len(wanted)} link{'s' if len(wanted) != 1 else ''}", file=sys.stderr)
    return [d for d in diagnostics if d not in wanted]
