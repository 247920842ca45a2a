"""A fast yes for the common case: values that certainly satisfy a simple property schema.

jsonschema stays the validator of record: a value this does not accept is sent
to jsonschema, which decides and explains. Only a small keyword subset is
compiled; a property schema using anything else gets no prescreen at all.
"""

from __future__ import annotations

import re
from typing import Callable

_IGNORED = {"description", "title", "$comment", "examples", "default"}
_SUPPORTED = {"type", "minLength", "maxLength", "pattern", "enum", "items", "minItems", "uniqueItems"}
_TYPES = {"string": str, "array": list}


def compile_prescreen(spec: dict) -> Callable[[object], bool] | None:
    """A predicate that is True only for values the schema certainly accepts, or None."""
    keywords = {key for key in spec if not key.startswith("x-") and key not in _IGNORED}
    if not keywords <= _SUPPORTED:
        return None
    checks = []
    if "type" in spec:
        if spec["type"] not in _TYPES:
            return None
        checks.append(lambda value, kind=_TYPES[spec["type"]]: isinstance(value, kind))
    if "enum" in spec:
        allowed = spec["enum"]
        checks.append(lambda value: isinstance(value, str) and value in allowed)
    if "minLength" in spec:
        checks.append(lambda value, low=spec["minLength"]: isinstance(value, str) and len(value) >= low)
    if "maxLength" in spec:
        checks.append(lambda value, high=spec["maxLength"]: isinstance(value, str) and len(value) <= high)
    if "pattern" in spec:
        checks.append(lambda value, search=re.compile(spec["pattern"]).search: isinstance(value, str) and search(value) is not None)
    if "items" in spec:
        item_check = compile_prescreen(spec["items"])
        if item_check is None:
            return None
        checks.append(lambda value: isinstance(value, list) and all(item_check(item) for item in value))
    if "minItems" in spec:
        checks.append(lambda value, low=spec["minItems"]: isinstance(value, list) and len(value) >= low)
    if spec.get("uniqueItems"):
        checks.append(lambda value: isinstance(value, list) and len(set(map(str, value))) == len(value))
    return lambda value: all(check(value) for check in checks)
