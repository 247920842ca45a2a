"""Evidence knowledge: which words, acronyms and links imply which data types and body parts.

The knowledge is data (`schema/knowledge.json`, described by
`schema/knowledge.schema.json`), validated when it is loaded, loaded once
per process and only when a consistency rule asks for it. The configuration
key `knowledge` names another file.
"""

from __future__ import annotations

from typing import NamedTuple
import json
import re
from functools import cached_property, lru_cache
from urllib.parse import unquote, urlsplit

from catlint.errors import CatlintError
from catlint.nesting import check_json_depth, too_deep
from catlint.reading.host_names import normal_host
from catlint.reading.schema import data_dir

KNOWLEDGE_FILE = "knowledge.json"
KNOWLEDGE_SCHEMA_FILE = "knowledge.schema.json"
FIELDS = ("data_types", "body_parts")


class Entry(NamedTuple):
    """One piece of knowledge: what it says about each field (empty tuple: nothing), and whether
    it describes a multi-purpose collection (an archive, a teaching file)."""

    data_types: tuple[str, ...]
    body_parts: tuple[str, ...]
    general: bool = False

    def expects(self, field: str) -> tuple[str, ...]:
        return getattr(self, field)


def _entry(item: dict) -> Entry:
    return Entry(tuple(item.get("data_types", ())), tuple(item.get("body_parts", ())), item.get("multi-purpose", False))


class Knowledge:
    def __init__(self, document: dict, path: str):
        self.path = path
        self.document = document  # as written, for `catlint knowledge`
        purpose = document["multi-purpose"]
        self.all_body_parts = frozenset(purpose["body-parts"])
        self.min_data_types = purpose["min-data-types"]
        self.min_body_parts = purpose["min-body-parts"]
        self.function_words = frozenset(document["function-words"])
        self.word_entries = _unique(((_word_key(word), _entry(item)) for item in document["words"] for word in item["words"]), "word", path)
        self.acronyms = _unique(((item["acronym"], (item["expansion"], _entry(item))) for item in document["acronyms"]), "acronym", path)
        self.links = [(item["host"], item.get("path", "/").casefold(), _entry(item)) for item in document["links"]]
        self._checked_schemas: set[str] = set()

    @cached_property
    def has_digits(self) -> bool:
        """Whether a known word or acronym has a digit (else a name's digits never decide a match)."""
        return any(char.isdigit() for key in (*self.word_entries, *self.acronyms) for char in key)

    @cached_property
    def _word_pattern(self) -> re.Pattern:
        words = sorted(self.word_entries, key=len, reverse=True)
        alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    @cached_property
    def _first_tokens(self) -> frozenset[str] | None:
        """The first word-character run of every known word; None if one starts otherwise."""
        firsts = set()
        for word in self.word_entries:
            match = _WORD_RUN.match(word)
            if match is None:
                return None
            firsts.add(match.group())
        return frozenset(firsts)

    def _matches(self, text: str):
        """The word pattern's matches, as finditer finds them, but tried only where a word run
        starts with a known first token: a match starts a run, and its first run is such a token."""
        firsts = self._first_tokens
        if firsts is None:
            yield from self._word_pattern.finditer(text)
            return
        if firsts.isdisjoint(_WORD_RUN.findall(text.casefold())):  # most names: no known word at all
            return
        end = 0
        for run in _WORD_RUN.finditer(text):
            if run.start() >= end and run.group().casefold() in firsts:
                match = self._word_pattern.match(text, run.start())
                if match is not None:
                    end = match.end()
                    yield match

    def words_in(self, text: str) -> list[tuple[str, Entry]]:
        """(word as written, entry) for each known word in `text`, whole words, case-insensitive."""
        found = []
        for match in self._matches(text):
            entry = self.word_entries.get(_word_key(match.group()))
            if entry is not None:
                found.append((match.group(), entry))
        return found

    def link_entries(self, link: str) -> list[tuple[str, Entry]]:
        """(host and path as matched, entry) for each link entry the URL falls under."""
        host, path, _ = split_link(link)
        return self._link_entries(host, path.casefold() or "/")

    @lru_cache(maxsize=4096)  # noqa: B019 (one Knowledge per file, kept for the process)
    def _link_entries(self, host: str, path: str) -> list[tuple[str, Entry]]:
        return [
            (known_host + (known_path if known_path != "/" else ""), entry)
            for known_host, known_path, entry in self.links
            if (host == known_host or host.endswith("." + known_host)) and path.startswith(known_path)
        ]

    def check_vocabulary(self, schema) -> None:
        """Every expected value must be a term the catalogue schema knows, or it could never match."""
        if schema.path in self._checked_schemas:
            return
        entries = [*self.word_entries.values(), *(entry for _, entry in self.acronyms.values()), *(entry for *_, entry in self.links)]
        for field in FIELDS:
            vocabulary = set(schema.vocabulary(field))
            terms = {term for entry in entries for term in entry.expects(field)}
            if field == "body_parts":
                terms |= self.all_body_parts
            unknown = sorted(terms - vocabulary)
            if unknown:
                raise CatlintError(f"{self.path}: invalid knowledge file: {field} term {unknown[0]!r} is not in the schema's vocabulary ({', '.join(sorted(vocabulary))})")
        self._checked_schemas.add(schema.path)


def split_link(link: str) -> tuple[str, str, str]:
    """(host as a browser looks it up, path, query) of a URL, scheme optional; empty parts when it
    is malformed. The host is normalised (`www.ｃardiacatlas。org.` is www.cardiacatlas.org)."""
    simple = _SIMPLE_URL.match(link)
    if simple is not None:  # what urlsplit would say, without its cost (this runs for every row)
        host = simple.group(1).lower()
        return host[:-1] if host.endswith(".") else host, simple.group(2) or "", simple.group(3) or ""
    try:
        parts = urlsplit(link if "://" in link else "//" + link)
        return normal_host(unquote(parts.hostname or "")), parts.path, parts.query  # browsers decode %2E in a host
    except ValueError:  # e.g. an unclosed IPv6 bracket: the schema rule reports the link
        return "", "", ""


# http(s)://host/path?query#fragment with a plain host and no spaces or control characters;
# anything else (user info, ports, brackets, odd characters) goes through urlsplit.
_SIMPLE_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9.-]+)(/[^?#\x00-\x20\x7f]*)?(?:\?([^#\x00-\x20\x7f]*))?(?:#[^\x00-\x20\x7f]*)?\Z")
_WORD_RUN = re.compile(r"\w+")


def _unique(pairs, what: str, path: str) -> dict:
    """A dict of the pairs; a key listed twice is an error (which of the two would win?)."""
    mapping = {}
    for key, value in pairs:
        if key in mapping:
            raise CatlintError(f"{path}: invalid knowledge file: {what} {key!r} is listed twice")
        mapping[key] = value
    return mapping


def _word_key(text: str) -> str:
    return " ".join(text.casefold().split())


_loaded: dict[str | None, Knowledge] = {}


def load_knowledge(path: str | None = None) -> Knowledge:
    key = str(path) if path else None
    if key not in _loaded:
        location = key or str(data_dir() / KNOWLEDGE_FILE)
        document = _read_json(location, "knowledge file")
        if key is not None:  # the packaged file is validated by the test suite (test_consistency)
            _validate(document, location)
        _loaded[key] = Knowledge(document, location)
    return _loaded[key]


def _read_json(location: str, what: str):
    try:
        with open(location, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise CatlintError(f"{location}: cannot read the {what}: {error.strerror or error}") from None
    except ValueError as error:
        raise CatlintError(f"{location}: the {what} is not valid JSON: {error}") from None
    except RecursionError:
        raise too_deep(location, what) from None
    check_json_depth(document, location, what)
    return document


def _validate(document, location: str) -> None:
    import jsonschema

    schema = _read_json(str(data_dir() / KNOWLEDGE_SCHEMA_FILE), "knowledge schema")
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise CatlintError(f"{location}: invalid knowledge file: at {where}: {' '.join(error.message.split())}")


def forget_knowledge(path: str) -> None:
    """Load the knowledge file at `path` afresh next time (the language server saw the file change)."""
    _loaded.pop(str(path), None)
