"""A per-row ignore in the configuration no longer suppresses anything.

`[[tool.catlint.per-row-ignores]]` silences named rules on one row, with a
reason. When the row is renamed or removed, or its values are corrected, the
ignore would silently outlive its reason and hide the next real problem on
that row. The runner reports it (only it sees the configuration), naming the
configuration file; an ignore of a rule that did not run is not reported.

Fails:
    [[tool.catlint.per-row-ignores]]
    source = "No Such Data Set"
    codes = ["CAT301"]
    reason = "..."

Passes:
    [[tool.catlint.per-row-ignores]]
    source = "Shenzhen chest X-ray set"
    codes = ["CAT309"]
    reason = "shares its landing page with the Montgomery set"
"""

CODE = "CAT310"
NAME = "unused-row-ignore"
SEVERITY = "warning"
FIX = "never"


def check(document):
    """Nothing to find in the document alone: see catlint.suppression."""
    return ()
