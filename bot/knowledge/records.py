"""Build each kind of record (source, topic, entry, small talk, synonym group) from its node.

A record comes back only when every one of its fields is sound; otherwise it is None and the
reader holds the reasons. The record's id is returned either way, when it is readable, so a
broken record still counts for duplicate-id checks and is not reported as "missing" elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from yaml.nodes import Node, ScalarNode

from bot.knowledge.fields import PHRASING_HINTS, FieldReader, lang_name
from bot.knowledge.model import (
    LANGS,
    Citation,
    Derivation,
    Entry,
    Lang,
    Places,
    Position,
    SmallTalk,
    Source,
    SynonymGroup,
    Topic,
)
from bot.knowledge.numbers import numbers_in

MIN_PHRASINGS: dict[Lang, int] = {"en": 6, "zh": 3}
# Every related entry becomes a button under the answer. Three, like the most suggestions the
# bot offers at once, still fit on a phone screen below the answer and its quotes.
MAX_RELATED = 3

_V = TypeVar("_V")

# Reads a source text given its path as written and the node it was written in.
TextLoader = Callable[[str, Node], str | None]


@dataclass(frozen=True)
class Declared:
    """An id as declared in a file, kept even when the rest of its record is broken."""

    id: str
    kind: str  # "source", "topic", "entry" or "small talk"
    position: Position


_R = TypeVar("_R")


@dataclass(frozen=True)
class Loaded(Generic[_R]):
    """What reading one record gave: the record if sound, its id, and a stand-in if not."""

    record: _R | None  # complete and without problems: it joins the KnowledgeBase
    declared: Declared | None  # its id, when readable
    # When the record has problems, it is still built with stand-ins for its broken fields,
    # so checks of its sound fields (quotes, numbers...) report in the same run.
    partial: _R | None = None
    broken: frozenset[str] = frozenset()  # the fields that could not be read


class _Record:
    """Tracks whether reading one record added problems, and where its parts were written."""

    def __init__(self, reader: FieldReader) -> None:
        self.reader = reader
        self.start = len(reader.problems)
        self.locations = Places(reader.file)
        self.broken: set[str] = set()

    def at(self, key: str, node: Node) -> Node:
        mark = node.start_mark
        self.locations.spots[key] = (mark.line + 1, mark.column + 1)
        return node

    def field(
        self, name: str, fields: dict[str, Node], read: Callable[[Node], _V | None]
    ) -> _V | None:
        """Read field ``name`` if present; remember it as broken if missing or faulty."""
        before = len(self.reader.problems)
        node = fields.get(name)
        value = None if node is None else read(node)
        if value is None or len(self.reader.problems) > before:
            self.broken.add(name)
        return value

    @property
    def sound(self) -> bool:
        return len(self.reader.problems) == self.start


def _declared(reader: FieldReader, fields: dict[str, Node], kind: str) -> Declared | None:
    node = fields.get("id")
    if node is None:
        return None
    value = reader.ident(node, f"{kind} id")
    return None if value is None else Declared(value, kind, reader.position(node))


def read_source(reader: FieldReader, node: Node, load_text: TextLoader) -> Loaded[Source]:
    record = _Record(reader)
    fields = reader.fields(
        node,
        "a source",
        required=("id", "title", "site", "section", "url", "date", "file"),
        optional=("photo_credit",),
    )
    if fields is None:
        return Loaded(None, None)
    declared = _declared(reader, fields, "source")

    def text_field(name: str) -> str | None:
        return record.field(
            name, fields, lambda n: reader.text(record.at(name, n), f"the source's {name}")
        )

    texts = {name: text_field(name) for name in ("title", "site", "section", "url")}
    url = texts["url"]
    if url is not None and not re.fullmatch(r"https?://\S+", url.strip()):
        reader.error(
            fields["url"], f"url '{url}' must be a web address starting with http:// or https://"
        )
        record.broken.add("url")
    date = record.field(
        "date", fields, lambda n: reader.date(record.at("date", n), "the source's date")
    )
    credit = None
    if "photo_credit" in fields:
        credit = record.field(
            "photo_credit",
            fields,
            lambda n: reader.text(record.at("photo_credit", n), "photo_credit"),
        )
    file = record.field(
        "file", fields, lambda n: reader.text(record.at("file", n), "the source's file")
    )
    text = None
    if file is not None:
        path = file

        def read_text(file_node: Node) -> str | None:
            return load_text(path, file_node)

        text = record.field("file", fields, read_text)
    source = Source(
        id=declared.id if declared else "",
        title=texts["title"] or "",
        site=texts["site"] or "",
        section=texts["section"] or "",
        url=texts["url"] or "",
        date=date or dt.date.min,
        photo_credit=credit,
        file=file or "",
        text=text or "",
        position=reader.position(node),
        locations=record.locations,
    )
    if record.sound and declared is not None and not record.broken:
        return Loaded(source, declared)
    # Quotes can still be checked against a source whose id and text loaded.
    usable = declared is not None and text is not None
    return Loaded(None, declared, source if usable else None, frozenset(record.broken))


def read_topic(reader: FieldReader, node: Node) -> Loaded[Topic]:
    record = _Record(reader)
    fields = reader.fields(node, "a topic", required=("id", "name"))
    if fields is None:
        return Loaded(None, None)
    declared = _declared(reader, fields, "topic")
    names = _texts_per_language(reader, record, fields.get("name"), "name", "the topic's name")
    if not record.sound or declared is None or names is None:
        return Loaded(None, declared)
    return Loaded(Topic(declared.id, names, reader.position(node)), declared)


def read_entry(reader: FieldReader, node: Node) -> Loaded[Entry]:
    record = _Record(reader)
    fields = reader.fields(
        node,
        "an entry",
        required=("id", "topic", "questions", "answer", "citations", "related", "review_by"),
        optional=("derived",),
    )
    if fields is None:
        return Loaded(None, None)
    declared = _declared(reader, fields, "entry")
    if declared is None:
        record.broken.add("id")
    topic = record.field(
        "topic", fields, lambda n: reader.text(record.at("topic", n), "the entry's topic")
    )
    questions = record.field(
        "questions", fields, lambda n: _questions(reader, record, n, MIN_PHRASINGS)
    )
    answer = record.field(
        "answer", fields, lambda n: _texts_per_language(reader, record, n, "answer", "the answer")
    )
    citations = record.field("citations", fields, lambda n: _citations(reader, record, n))
    derived: tuple[Derivation, ...] | None = ()
    if "derived" in fields:
        derived = record.field("derived", fields, lambda n: _derivations(reader, record, n))
    related = record.field("related", fields, lambda n: _related(reader, record, n))
    review_by = record.field(
        "review_by", fields, lambda n: reader.date(record.at("review_by", n), "review_by")
    )
    entry = Entry(
        id=declared.id if declared else _raw_id(fields),
        topic=topic or "",
        questions=questions or {"en": (), "zh": ()},
        answer=answer or {"en": "", "zh": ""},
        citations=citations or (),
        related=related or (),
        review_by=review_by or dt.date.max,
        derived=derived or (),
        position=reader.position(node),
        locations=record.locations,
    )
    if record.sound and not record.broken:
        return Loaded(entry, declared)
    return Loaded(None, declared, entry, frozenset(record.broken))


def _raw_id(fields: dict[str, Node]) -> str:
    """The id as written, even if invalid, so messages about a broken entry can name it."""
    node = fields.get("id")
    return str(node.value) if isinstance(node, ScalarNode) else "?"


def read_smalltalk(reader: FieldReader, node: Node) -> Loaded[SmallTalk]:
    record = _Record(reader)
    fields = reader.fields(node, "a small-talk item", required=("id", "questions", "answer"))
    if fields is None:
        return Loaded(None, None)
    declared = _declared(reader, fields, "small talk")
    questions = _questions(reader, record, fields.get("questions"), {"en": 1, "zh": 1})
    answer = _texts_per_language(reader, record, fields.get("answer"), "answer", "the answer")
    if not record.sound or declared is None or questions is None or answer is None:
        return Loaded(None, declared)
    item = SmallTalk(
        id=declared.id,
        questions=questions,
        answer=answer,
        position=reader.position(node),
        locations=record.locations,
    )
    return Loaded(item, declared)


def read_synonym_group(reader: FieldReader, node: Node) -> SynonymGroup | None:
    terms = reader.text_list(node, "synonyms in a group", minimum=2, item_name="synonym")
    if terms is None:
        return None
    return SynonymGroup(tuple(term for term, _ in terms), reader.position(node))


def _texts_per_language(
    reader: FieldReader, record: _Record, node: Node | None, key: str, what: str
) -> dict[Lang, str] | None:
    if node is None:
        return None
    nodes = reader.per_language(record.at(key, node), what)
    if nodes is None:
        return None
    texts: dict[Lang, str] = {}
    for lang in LANGS:
        value = reader.text(record.at(f"{key}.{lang}", nodes[lang]), f"{what} in {lang_name(lang)}")
        if value is not None:
            texts[lang] = value
            if key == "answer":
                _locate_numbers(reader, record, nodes[lang], f"{key}.{lang}", value)
    return texts if len(texts) == len(LANGS) else None


def _locate_numbers(reader: FieldReader, record: _Record, node: Node, key: str, value: str) -> None:
    """Record where each number of an answer is written, so the numbers rule can point at it.

    The key is "answer.en@12" for the number starting at offset 12 of the answer's text.
    """
    mentions = numbers_in(value)
    places = reader.locate(node, [value[m.start : m.end] for m in mentions])
    for mention, place in zip(mentions, places, strict=True):
        if place is not None:
            record.locations.spots[f"{key}@{mention.start}"] = (place.line, place.column)


def _questions(
    reader: FieldReader, record: _Record, node: Node | None, minimum: dict[Lang, int]
) -> dict[Lang, tuple[str, ...]] | None:
    if node is None:
        return None
    nodes = reader.per_language(record.at("questions", node), "the questions", PHRASING_HINTS)
    if nodes is None:
        return None
    questions: dict[Lang, tuple[str, ...]] = {}
    for lang in LANGS:
        what = f"{lang_name(lang)} questions"
        items = reader.text_list(
            record.at(f"questions.{lang}", nodes[lang]), what, minimum[lang], "phrasing"
        )
        if items is None:
            continue
        for index, (_, item) in enumerate(items):
            record.at(f"questions.{lang}.{index}", item)
        questions[lang] = tuple(text.strip() for text, _ in items)
    return questions if len(questions) == len(LANGS) else None


def _citations(
    reader: FieldReader, record: _Record, node: Node | None
) -> tuple[Citation, ...] | None:
    if node is None:
        return None
    items = reader.sequence(record.at("citations", node), "citations")
    if items is None:
        return None
    if not items:
        reader.error(node, "needs at least one citation (a source and a quote from it)")
        return None
    citations = []
    for index, item in enumerate(items):
        fields = reader.fields(item, "a citation", required=("source", "quote"))
        if fields is None or "source" not in fields or "quote" not in fields:
            continue
        source = reader.text(
            record.at(f"citations.{index}.source", fields["source"]), "the citation's source"
        )
        quote = reader.text(record.at(f"citations.{index}.quote", fields["quote"]), "the quote")
        if source is not None and quote is not None:
            citations.append(Citation(source, quote, reader.position(fields["quote"])))
    return tuple(citations) if len(citations) == len(items) else None


def _derivations(reader: FieldReader, record: _Record, node: Node) -> tuple[Derivation, ...] | None:
    items = reader.sequence(record.at("derived", node), "derived values")
    if items is None:
        return None
    derivations = []
    for index, item in enumerate(items):
        fields = reader.fields(item, "a derived value", required=("value", "basis", "reason"))
        if fields is None or any(name not in fields for name in ("value", "basis", "reason")):
            continue
        value = reader.text(
            record.at(f"derived.{index}.value", fields["value"]), "the derived value"
        )
        basis = reader.text(
            record.at(f"derived.{index}.basis", fields["basis"]), "the derivation's basis"
        )
        reason = reader.text(fields["reason"], "the derivation's reason")
        if value is not None and basis is not None and reason is not None:
            derivations.append(Derivation(value, basis, reason, reader.position(item)))
    return tuple(derivations) if len(derivations) == len(items) else None


def _related(reader: FieldReader, record: _Record, node: Node | None) -> tuple[str, ...] | None:
    if node is None:
        return None
    items = reader.text_list(record.at("related", node), "related entry ids", 0, "entry id")
    if items is None:
        return None
    for index, (_, item) in enumerate(items):
        record.at(f"related.{index}", item)
    if len(items) > MAX_RELATED:
        reader.error(
            items[MAX_RELATED][1],
            f"{len(items)} related entries are listed, and at most {MAX_RELATED} are allowed "
            f"(each is a button under the answer); keep the {MAX_RELATED} a user most likely "
            "wants next",
        )
    return tuple(text.strip() for text, _ in items)


@dataclass(frozen=True)
class Declarations:
    """Every id declared in a folder, including ids of records that failed to load.

    Reference checks use it so that one broken record, or one unreadable file, is reported once
    instead of again at every place that refers to it.
    """

    ids: dict[str, frozenset[str]]  # kind -> ids
    unreadable: frozenset[str] = frozenset()  # kinds with a file that could not be read at all

    def is_missing(self, kind: str, ident: str) -> bool:
        """True when ``ident`` is surely not declared (so a reference to it is an error)."""
        return kind not in self.unreadable and ident not in self.ids.get(kind, frozenset())


@dataclass(frozen=True)
class Incomplete:
    """Records that have problems but whose sound fields can still be checked."""

    entries: tuple[tuple[Entry, frozenset[str]], ...] = ()  # each with its broken fields
    sources: tuple[Source, ...] = ()  # sources whose id and text loaded
