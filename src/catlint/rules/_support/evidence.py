"""A row's own evidence (its name, its acronyms, its link) and the values it contradicts.

Evidence from the name itself is strong; an acronym's expansion or the
link's host and path are weaker. A field is checked against the strongest
evidence that expects anything of it, and is contradicted only when its values
share nothing with what that evidence expects.

A body part `All`, or a long list of data types, claims a multi-purpose
collection. Specific evidence contradicts the claim (a mammography database
marked `All`, an X-ray set marked CT, MR, US); it stands when the evidence
is general too (an archive, a teaching file, a multimodal collection, many
body parts) or when there is none.
"""

from __future__ import annotations

from typing import NamedTuple
import re

from catlint.reading.knowledge import FIELDS, Entry, split_link
from catlint.reading.unicode import default_ignorable_table
from catlint.rules._support.findings import at_span, cell_span, replace, row_subject
from catlint.rules._support.names import capital_tokens, source_names, source_shapes

KIND_ORDER = ("name", "acronym", "link")
_QUERY_OR_FRAGMENT = re.compile(r"[?#][^\n]*")
FIELD_WORDS = {"data_types": "data types", "body_parts": "body parts"}


class Evidence(NamedTuple):
    kind: str  # "name", "acronym" or "link"
    label: str  # what was seen, as the message shows it
    entry: Entry


class Contradiction(NamedTuple):
    field: str
    values: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    expected: tuple[str, ...]

    @property
    def message(self) -> str:
        kinds = [kind for kind in KIND_ORDER if any(item.kind == kind for item in self.evidence)]
        cited = " and ".join(f"the {kind} ({'; '.join(self._cite(item) for item in self.evidence if item.kind == kind)})" for kind in kinds)
        return f"{FIELD_WORDS[self.field]} {', '.join(self.values)} contradict {cited}"

    def _cite(self, item: Evidence) -> str:
        return f"{item.label} \u2192 {', '.join(item.entry.expects(self.field))}"

    @property
    def suggestion(self) -> str | None:
        """The one value the evidence points to, if it points to exactly one."""
        return self.expected[0] if len(self.expected) == 1 else None


def row_evidence(name: str, link: str, knowledge) -> tuple[Evidence, ...]:
    """Everything the name, its acronyms and the link say."""
    return name_evidence(name, knowledge) + link_evidence(link, knowledge)


def name_evidence(name: str, knowledge) -> tuple[Evidence, ...]:
    """What the name's known words and its known acronyms (and their expansions) say."""
    found: dict[tuple[str, str], Evidence] = {}

    def add(kind: str, label: str, entry: Entry) -> None:
        found.setdefault((kind, label.casefold()), Evidence(kind, label, entry))

    for word, entry in knowledge.words_in(name):
        add("name", f'"{word}"', entry)
    for token in capital_tokens(name):
        if token in knowledge.acronyms:
            expansion, entry = knowledge.acronyms[token]
            if entry.data_types or entry.body_parts or entry.general:
                add("acronym", token, entry)
            for word, word_entry in knowledge.words_in(expansion):
                add("acronym", f'{token} = {expansion}: "{word}"', word_entry)
    return tuple(found.values())


def link_evidence(link: str, knowledge) -> tuple[Evidence, ...]:
    """What the link's host and path say, each known place once."""
    found: dict[str, Evidence] = {}
    for where, entry in knowledge.link_entries(link):
        found.setdefault(where.casefold(), Evidence("link", where, entry))
    return tuple(found.values())


def contradictions(catalogue, evidence: tuple, field_values: dict, knowledge):
    """(strong, contradiction) for a row's evidence and its fields' known values: against its name
    (strong), or against weaker evidence when the name says nothing about the field."""
    for field in FIELDS:
        values = field_values.get(field)
        if not values:
            continue
        from_name = [item for item in evidence if item.kind == "name" and item.entry.expects(field)]
        chosen = from_name or [item for item in evidence if item.kind != "name" and item.entry.expects(field)]
        expected = {term for item in chosen for term in item.entry.expects(field)}
        if not chosen or expected & set(values):
            continue
        if _claims_many(knowledge, field, values):
            as_strong = [item for item in evidence if item.kind == "name"] if from_name else evidence
            if _general(knowledge, field, expected, as_strong):
                continue
        order = catalogue.schema.vocabulary(field)
        yield bool(from_name), Contradiction(field, values, tuple(chosen), tuple(sorted(expected, key=order.index)))


def _claims_many(knowledge, field: str, values: tuple[str, ...]) -> bool:
    """Whether the cell claims a multi-purpose collection: All, or many data types."""
    if field == "body_parts":
        return bool(knowledge.all_body_parts & set(values))
    return len(values) >= knowledge.min_data_types


def _general(knowledge, field: str, expected: set[str], evidence) -> bool:
    """Whether the evidence backs a multi-purpose claim: an archive, a teaching file or a
    multimodal collection at least as strong as the specific evidence, or many body parts.
    Modalities the list lacks altogether contradict it however many the name gives."""
    if any(item.entry.general for item in evidence):
        return True
    return field == "body_parts" and len(expected) >= knowledge.min_body_parts


def _known_values(catalogue, field: str) -> list:
    """Each row's vocabulary terms in the field (unknown terms are the schema rule's business)."""
    column = catalogue.fields.get(field)
    if column is None:
        return [()] * len(catalogue.body)
    vocabulary = catalogue.schema.vocabulary_set(field)
    known = {text: tuple(term for term in read.value if term in vocabulary) if read.error is None and read.value else ()
             for text in dict.fromkeys(column.texts) if text is not None for read in (column.read(text),)}
    return [known.get(text, ()) for text in column.texts]


def findings(context, strong: bool):
    """One finding per contradicted cell, with an unsafe fix when the evidence points to one value."""
    catalogue = context.catalogue
    for row, is_strong, contradiction in context.shared("contradictions", lambda: _contradictions(context)):
        if is_strong != strong:
            continue
        column = catalogue.fields[contradiction.field]
        cell = catalogue.body.cell(row, column.index)
        span = cell_span(cell)
        fix = None
        if contradiction.suggestion:  # the layout rule re-pads the row afterwards
            fix = replace(span, contradiction.suggestion, f"replace {cell.text!r} with {contradiction.suggestion!r}", "unsafe")
        yield at_span(span, contradiction.message, fix, (*row_subject(catalogue, row), contradiction.field))


def _contradictions(context) -> list:
    """(row, strong, contradiction) for the whole table, computed once for CAT301 and CAT302. Each
    distinct row (its name with digits as one 0: the known words and acronyms have none, its link's
    place and its values) is judged once, as is each distinct evidence with values, and the
    evidence of a name or a place is found once."""
    catalogue, knowledge = context.catalogue, context.knowledge
    knowledge.check_vocabulary(catalogue.schema)
    names = _readable(source_shapes(context) if not knowledge.has_digits else source_names(context))
    links = _texts_or_empty(catalogue, "link")
    places = _places(catalogue, links)
    link_at = dict(zip(reversed(places), reversed(links)))  # each place's first link, as the rows meet it
    known = [_known_values(catalogue, field) for field in FIELDS]
    by_name, by_place, by_evidence, judged = {}, {}, {}, {}
    for case in dict.fromkeys(zip(names, places, *known)):  # no tuple per row is kept
        name, place, *values = case
        from_name = by_name.get(name)
        if from_name is None:
            from_name = by_name[name] = name_evidence(name, knowledge)
        from_link = by_place.get(place)
        if from_link is None:
            from_link = by_place[place] = link_evidence(link_at[place], knowledge)
        if not from_name and not from_link:
            continue
        key = (id(from_name), id(from_link), *values)  # rows of other names with the same evidence and values
        result = by_evidence.get(key)
        if result is None:
            result = by_evidence[key] = list(contradictions(catalogue, from_name + from_link, dict(zip(FIELDS, values)), knowledge))
        if result:
            judged[case] = result
    if not judged:
        return []
    return [(row, *pair) for row, case in enumerate(zip(names, places, *known)) if case in judged for pair in judged[case]]


def _readable(names: list[str]) -> list[str]:
    """The names as a reader reads their words: without default-ignorable characters (the soft
    hyphen of `Mam&shy;mography` still reads as Mammography)."""
    if all(map(str.isascii, names)):
        return names
    table = default_ignorable_table()
    return [name.translate(table) for name in names]


def _places(catalogue, links: list[str]) -> list:
    """What decides each link's evidence: its host and path (a finer key does no harm). Found in
    one pass when every cell of the column is a plain URL: the URL without query or fragment."""
    column = catalogue.fields.get("link")
    if column is not None and column.values() is column.texts:
        return _QUERY_OR_FRAGMENT.sub("", "\n".join(links)).split("\n")
    return [split_link(link)[:2] if link else ("", "") for link in links]


def _texts_or_empty(catalogue, field: str) -> list[str]:
    column = catalogue.fields.get(field)
    if column is None:
        return [""] * len(catalogue.body)
    return [value or "" for value in column.values()]
