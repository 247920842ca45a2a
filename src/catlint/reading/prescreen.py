"""A fast yes for the common case: values that certainly satisfy a simple property schema.

jsonschema stays the validator of record: a value this does not accept is sent
to jsonschema, which decides and explains. Only a small keyword subset is
compiled; a property schema using anything else gets no prescreen at all.
"""

from __future__ import annotations

import re
from typing import Callable

_IGNORED = {"description", "title", "$comment", "examples", "default"}
_SUPPORTED = {"type", "minLength", "maxLength", "pattern", "enum", "items", "minItems", "uniqueItems",
              "$ref", "oneOf", "minimum", "required", "properties", "additionalProperties"}
# JSON types by Python type; bool is not an integer in JSON Schema, hence exact type tests.
_TYPES = {"string": (str,), "array": (list,), "null": (type(None),), "object": (dict,), "integer": (int,)}

Check = Callable[[object], bool]


def compile_prescreen(spec: dict, root: dict | None = None) -> Check | None:
    """A predicate that is True only for values the schema certainly accepts, or None.
    `root` is the whole schema document, for local references (#/$defs/...)."""
    root = spec if root is None else root
    keywords = {key for key in spec if not key.startswith("x-") and key not in _IGNORED}
    if not keywords <= _SUPPORTED:
        return None
    if "$ref" in spec:
        target = _local_target(spec["$ref"], root)
        return None if target is None or len(keywords) > 1 else compile_prescreen(target, root)
    checks: list[Check] = []
    for keyword in sorted(keywords):
        check = _KEYWORDS[keyword](spec, root)
        if check is None:
            return None
        checks.append(check)
    return lambda value: all(check(value) for check in checks)


def compile_column_prescreen(spec: dict) -> Callable[[list], bool] | None:
    """For a plain string property (type, minLength, maxLength, pattern): a predicate True only
    when every value of a column certainly satisfies it, checked in C-level passes over the
    column; None for any other property schema."""
    keywords = {key for key in spec if not key.startswith("x-") and key not in _IGNORED}
    if spec.get("type") != "string" or not keywords <= {"type", "minLength", "maxLength", "pattern"}:
        return None
    low, high = spec.get("minLength", 0), spec.get("maxLength")
    search = re.compile(spec["pattern"]).search if "pattern" in spec else None

    def check(values: list) -> bool:
        if not values:
            return True
        if set(map(type, values)) != {str}:
            return False
        lengths = list(map(len, values))
        if min(lengths) < low or high is not None and max(lengths) > high:
            return False
        return search is None or all(map(search, values))

    return check


def _local_target(reference: str, root: dict) -> dict | None:
    if not reference.startswith("#/$defs/"):
        return None
    target = root.get("$defs", {}).get(reference[len("#/$defs/"):])
    return target if isinstance(target, dict) else None


def _type(spec, root) -> Check | None:
    kinds = _TYPES.get(spec["type"]) if isinstance(spec["type"], str) else None
    return None if kinds is None else (lambda value: type(value) in kinds)


def _enum(spec, root) -> Check:
    allowed = spec["enum"]
    return lambda value: isinstance(value, str) and value in allowed


def _min_length(spec, root) -> Check:
    return lambda value, low=spec["minLength"]: isinstance(value, str) and len(value) >= low


def _max_length(spec, root) -> Check:
    return lambda value, high=spec["maxLength"]: isinstance(value, str) and len(value) <= high


def _pattern(spec, root) -> Check:
    search = re.compile(spec["pattern"]).search
    return lambda value: isinstance(value, str) and search(value) is not None


def _items(spec, root) -> Check | None:
    item_check = compile_prescreen(spec["items"], root)
    return None if item_check is None else (lambda value: isinstance(value, list) and all(item_check(item) for item in value))


def _min_items(spec, root) -> Check:
    return lambda value, low=spec["minItems"]: isinstance(value, list) and len(value) >= low


def _unique_items(spec, root) -> Check:
    if not spec["uniqueItems"]:
        return lambda value: True
    return lambda value: isinstance(value, list) and len(set(map(str, value))) == len(value)


def _minimum(spec, root) -> Check:
    return lambda value, low=spec["minimum"]: type(value) in (int, float) and value >= low


def _required(spec, root) -> Check:
    return lambda value, names=tuple(spec["required"]): isinstance(value, dict) and all(name in value for name in names)


def _properties(spec, root) -> Check | None:
    checks = {name: compile_prescreen(sub, root) for name, sub in spec["properties"].items()}
    if any(check is None for check in checks.values()):
        return None
    return lambda value: isinstance(value, dict) and all(checks[name](item) for name, item in value.items() if name in checks)


def _additional_properties(spec, root) -> Check | None:
    if spec["additionalProperties"] is not False:
        return None
    known = frozenset(spec.get("properties", {}))
    return lambda value: isinstance(value, dict) and known.issuperset(value)


def _one_of(spec, root) -> Check | None:
    """Exactly one branch accepts: one accepts for certain, and every other one certainly
    rejects because the value is not of its type (so each branch must state a type)."""
    branches = []
    for branch in spec["oneOf"]:
        accepts, kinds = compile_prescreen(branch, root), _TYPES.get(branch.get("type")) if isinstance(branch, dict) else None
        if accepts is None or kinds is None:
            return None
        branches.append((accepts, kinds))

    def check(value) -> bool:
        of_type = [accepts for accepts, kinds in branches if type(value) in kinds]
        return len(of_type) == 1 and of_type[0](value)

    return check


_KEYWORDS = {
    "type": _type, "enum": _enum, "minLength": _min_length, "maxLength": _max_length, "pattern": _pattern,
    "items": _items, "minItems": _min_items, "uniqueItems": _unique_items, "minimum": _minimum,
    "required": _required, "properties": _properties, "additionalProperties": _additional_properties, "oneOf": _one_of,
}
