"""The record schema: columns, vocabularies and aliases come from data, not code.

`schema/catalogue.schema.json` is the user-editable contract. catlint reads its
own `x-` keywords from it (column headers and their aliases, value aliases,
unknown-count spellings, footnote markers) and validates records with it.
"""

from __future__ import annotations

from typing import NamedTuple
import json
from functools import cached_property
from pathlib import Path

from catlint.errors import CatlintError
from catlint.nesting import check_json_depth, too_deep

SCHEMA_FILE = "catalogue.schema.json"


def data_dir() -> Path:
    """The packaged schema directory; in a source checkout, the top-level schema/."""
    packaged = Path(__file__).resolve().parents[1] / "schema"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "schema"


def header_key(text: str) -> str:
    return " ".join(text.casefold().split())


class Column(NamedTuple):
    field: str
    header: str
    aliases: tuple[str, ...]
    kind: str
    required: bool


class Schema:
    """A loaded record schema and the lookups built from it."""

    def __init__(self, document: dict, path: str):
        self.document = document
        self.path = path
        _check_catlint_keywords(document, path)
        self.properties: dict = document["properties"]
        self.count_definition: dict = document["$defs"]["count"]
        required = set(document.get("required", []))
        self.columns = [
            Column(name, spec["x-header"], tuple(spec.get("x-header-aliases", [])), spec.get("x-kind", "text"), name in required)
            for name, spec in self.properties.items()
            if "x-header" in spec
        ]
        self.column_by_field = {column.field: column for column in self.columns}
        self._header_index = {}
        for column in self.columns:
            for spelling in (column.header, *column.aliases):
                self._header_index.setdefault(header_key(spelling), column)
        self.unknown_counts = {header_key(text) for text in self.count_definition.get("x-unknown", [])}
        self.footnote_markers = self.count_definition.get("x-footnote-markers", "")
        self._value_cache: dict[tuple[str, str], list] = {}
        self._accepted: set[tuple] = set()  # (field, value) the prescreen accepted
        self._aliases: dict[str, dict[str, str]] = {}
        self._order: dict[str, dict[str, int]] = {}
        self._vocabulary_sets: dict[str, frozenset[str]] = {}

    def column_for_header(self, text: str) -> Column | None:
        return self._header_index.get(header_key(text))

    def vocabulary(self, field: str) -> list[str]:
        spec = self.properties[field]
        return list(spec.get("items", spec).get("enum", []))

    def vocabulary_set(self, field: str) -> frozenset[str]:
        if field not in self._vocabulary_sets:
            self._vocabulary_sets[field] = frozenset(self.vocabulary(field))
        return self._vocabulary_sets[field]

    def value_aliases(self, field: str) -> dict[str, str]:
        """Every accepted spelling (case-folded) to the canonical value, canonical values included."""
        if field not in self._aliases:
            spec = self.properties[field]
            mapping = {header_key(term): term for term in self.vocabulary(field)}
            for alias, canonical in spec.get("x-aliases", {}).items():
                mapping.setdefault(header_key(alias), canonical)
            self._aliases[field] = mapping
        return self._aliases[field]

    def vocabulary_order(self, field: str) -> dict[str, int]:
        if field not in self._order:
            self._order[field] = {term: index for index, term in enumerate(self.vocabulary(field))}
        return self._order[field]

    def error_message(self, field: str) -> str:
        spec = self.properties.get(field, {})
        if spec.get("x-kind") == "count":
            return self.count_definition.get("x-error", "invalid count")
        return spec.get("x-error", f"invalid {field}")

    @cached_property
    def validator(self):
        import jsonschema

        validator_class = jsonschema.validators.validator_for(self.document)
        try:
            validator_class.check_schema(self.document)
        except jsonschema.SchemaError as error:
            raise CatlintError(f"{self.path}: invalid JSON Schema: {error.message}") from None
        return validator_class(self.document)

    @cached_property
    def _field_validator(self):
        """Validates one field at a time: same schema, nothing required."""
        document = dict(self.document, required=[])
        return type(self.validator)(document)

    @cached_property
    def _prescreens(self) -> dict:
        from catlint.reading.prescreen import compile_prescreen

        return {name: compile_prescreen(spec, self.document) for name, spec in self.properties.items()}

    @cached_property
    def _column_prescreens(self) -> dict:
        from catlint.reading.prescreen import compile_column_prescreen

        return {name: compile_column_prescreen(spec) for name, spec in self.properties.items()}

    def column_accepted(self, field: str, values: list) -> bool:
        """True only when every value (none missing) certainly satisfies the field's schema; False
        means each value must be validated on its own."""
        check = self._column_prescreens.get(field)
        return check is not None and None not in values and check(values)

    def field_errors(self, field: str, value) -> list:
        """Schema errors of one field's value, validated once per distinct value."""
        quick = _hashable(field, value)  # strings and lists of strings: remember each accepted one
        if quick is not None and quick in self._accepted:
            return []
        prescreen = self._prescreens.get(field)
        if prescreen is not None and prescreen(value):
            if quick is not None and len(self._accepted) < 10_000:  # vocabularies, not every name
                self._accepted.add(quick)
            return []
        key = (field, json.dumps(value, sort_keys=True, ensure_ascii=False))
        errors = self._value_cache.get(key)
        if errors is None:
            errors = list(self._field_validator.iter_errors({field: value}))
            self._value_cache[key] = errors
        return errors



KINDS = ("text", "link", "list", "term", "count")
# The fields catlint's rules read, and the kind each must have.
REQUIRED_FIELDS = {"source": "text", "data_types": "list", "body_parts": "list", "images": "count",
                   "patients": "count", "availability": "term", "licence": "text", "link": "link"}


def _check_catlint_keywords(document: dict, path: str) -> None:
    """The schema's x- keywords must have the shapes catlint reads; each problem is one line naming the key."""
    def fail(where: str, problem: str):
        raise CatlintError(f"{path}: {where}: {problem}")

    properties = document.get("properties")
    if not isinstance(properties, dict) or not all(isinstance(spec, dict) for spec in properties.values()):
        fail("properties", "must be an object of property schemas")
    count = document.get("$defs", {}).get("count") if isinstance(document.get("$defs"), dict) else None
    if not isinstance(count, dict):
        fail("$defs.count", "is missing: the schema of a count")
    if not isinstance(count.get("x-unknown", []), list) or not isinstance(count.get("x-footnote-markers", ""), str):
        fail("$defs.count", "x-unknown must be a list of strings and x-footnote-markers a string")
    for name, spec in properties.items():
        if "x-header" not in spec:
            continue
        where = f"properties.{name}"
        if not isinstance(spec["x-header"], str) or not _strings(spec.get("x-header-aliases", [])):
            fail(where, "x-header must be a string and x-header-aliases a list of strings")
        if spec.get("x-kind", "text") not in KINDS:
            fail(f"{where}.x-kind", f"{spec.get('x-kind')!r} is not one of {', '.join(KINDS)}")
        aliases = spec.get("x-aliases", {})
        if not isinstance(aliases, dict) or not _strings(list(aliases) + list(aliases.values())):
            fail(f"{where}.x-aliases", "must map strings to strings")
    for name, kind in REQUIRED_FIELDS.items():
        spec = properties.get(name)
        if spec is None or "x-header" not in spec or spec.get("x-kind", "text") != kind:
            fail(f"properties.{name}", f"catlint needs this column (x-header) with x-kind {kind!r}")


def _strings(values) -> bool:
    return isinstance(values, list) and all(isinstance(value, str) for value in values)


def _hashable(field: str, value) -> tuple | None:
    if type(value) is str:
        return (field, value)
    if type(value) is list and all(type(item) is str for item in value):
        return (field, tuple(value))
    return None


_loaded: dict[str, Schema] = {}


def load_schema(path: str | None = None) -> Schema:
    """The schema at `path`, or the packaged one; loaded once per process."""
    location = str(path) if path else str(data_dir() / SCHEMA_FILE)
    if location not in _loaded:
        try:
            with open(location, encoding="utf-8") as handle:
                document = json.load(handle)
        except OSError as error:
            raise CatlintError(f"{location}: cannot read the schema: {error.strerror or error}") from None
        except ValueError as error:
            raise CatlintError(f"{location}: the schema is not valid JSON: {error}") from None
        except RecursionError:
            raise too_deep(location, "schema") from None
        check_json_depth(document, location, "schema")
        if not isinstance(document, dict):
            raise CatlintError(f"{location}: the schema must be a JSON object")
        _loaded[location] = Schema(document, location)
    return _loaded[location]


def forget_schema(path: str) -> None:
    """Load the schema at `path` afresh next time (the language server saw the file change)."""
    _loaded.pop(str(path), None)
