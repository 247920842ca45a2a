"""A per-row ignore in the configuration no longer suppresses anything.

`[[tool.catlint.per-row-ignores]]` silences named rules on one row, with a
reason. When the row is renamed or removed, or its values are corrected, the
ignore would silently outlive its reason and hide the next real problem on
that row. The runner reports it (only it sees the configuration), naming the
configuration file; an ignore of a rule that did not run is not reported.

Fails:
    [[tool.catlint.per-row-ignores]]
    source = "No Such Data Set"
    codes = ["contradicts-name"]
    reason = "renamed since"

    | OASIS | MR | Brain | 373 | 150 | Registration | Non-commercial | https://www.oasis-brains.org |
    (the ignore matches no row)

Passes:
    [[tool.catlint.per-row-ignores]]
    source = "Shenzhen chest X-ray set"
    codes = ["duplicate-link"]
    reason = "shares its landing page with the Montgomery set"

    | Montgomery County X-ray Set | XR | Lungs | 138 | X | Open | Cite on use | https://ceb.nlm.nih.gov/repositories/tuberculosis-chest-x-ray-image-data-sets/ |
    | Shenzhen chest X-ray set | XR | Lungs | 662 | X | Open | Cite on use | https://ceb.nlm.nih.gov/repositories/tuberculosis-chest-x-ray-image-data-sets/ |
"""

import os

from catlint.diagnostics import Finding, Position
from catlint.rules import all_rules
from catlint.reading.values import all_name_keys, name_key
from catlint.rules.contract import Rule, selector_matches


def check(context):
    catalogue = context.catalogue
    if not context.per_row_ignores:
        return
    where = _shown_path(context.config_path)
    column = catalogue.fields.get("source")
    names = {}
    if column is not None:
        for row, key in enumerate(all_name_keys([str(value or "") for value in column.values()])):
            names.setdefault(key, catalogue.body.row_lines[row])
    for index, ignore in enumerate(context.per_row_ignores):
        unused = [selector for selector in ignore.codes if (index, selector) not in context.suppressed and _ran(selector, context)]
        if not unused:
            continue
        line = names.get(name_key(ignore.source))
        problem = "matches no row" if line is None else f"suppresses nothing: no {', '.join(unused)} finding on that row"
        line = line or catalogue.table.first_line
        message = f"per-row ignore for {ignore.source!r} in {where} {problem}; remove it or update it"
        yield Finding(Position(line, 1), Position(line, 2), message, subject=("per-row-ignore", ignore.source, *unused))


def _ran(selector: str, context) -> bool:
    """Only an ignore of a rule that ran can be known to be unused; an unknown code is always unused."""
    matching = [rule for rule in all_rules() if selector_matches(selector, rule.code, rule.name)]
    return not matching or any(context.enabled(rule.code, rule.name) for rule in matching)


def _shown_path(path: str | None) -> str:
    if not path:
        return "the configuration"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith("..") else relative


RULE = Rule("CAT310", "unused-row-ignore", "warning", "never", check, __doc__, needs=frozenset({"suppression"}))
