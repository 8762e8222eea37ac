"""The knowledge base in memory: immutable records built by the loader.

Nothing here knows about YAML or Telegram. ``Position`` keeps where each record came from,
so later checks can still point staff at the right line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")


@dataclass(frozen=True)
class Position:
    file: str  # path relative to the knowledge folder, e.g. "entries/policy.yaml"
    line: int  # 1-based
    column: int  # 1-based

    def place(self) -> str:
        """``file:line:column``, as problems are printed."""
        return f"{self.file}:{self.line}:{self.column}"


# Where each part of a record was written, keyed by a dotted path such as "answer.zh",
# "questions.en.2", "related.0", "citations.1.quote" or "review_by" ("answer.en@12" is the
# number starting at offset 12 of the English answer). The loader fills it so checks that run
# later can point at the exact value, not just at the record.
Locations = Mapping[str, Position]


def _no_locations() -> Locations:
    return {}


class Places(Mapping[str, Position]):
    """Locations in one file, kept as line and column numbers.

    A record has a location for every phrasing, quote and answer, and a check asks for very
    few of them (those it reports), so the Position is only made when asked for.
    """

    __slots__ = ("file", "spots")

    def __init__(self, file: str) -> None:
        self.file = file
        self.spots: dict[str, tuple[int, int]] = {}  # key -> (line, column), 1-based

    def __getitem__(self, key: str) -> Position:
        line, column = self.spots[key]
        return Position(self.file, line, column)

    def __iter__(self) -> Iterator[str]:
        return iter(self.spots)

    def __len__(self) -> int:
        return len(self.spots)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    site: str
    section: str
    url: str
    date: dt.date
    photo_credit: str | None
    file: str  # path of the text, relative to the knowledge folder
    text: str  # the full source text, as stored
    position: Position
    locations: Locations = field(default_factory=_no_locations, compare=False, repr=False)

    def where(self, key: str) -> Position:
        """Where the field ``key`` was written; the record's own place if unknown."""
        return self.locations.get(key, self.position)


@dataclass(frozen=True)
class Citation:
    source_id: str
    quote: str
    position: Position


@dataclass(frozen=True)
class Derivation:
    """A value an answer states that the source implies but does not print, declared openly."""

    value: str  # as written in the answer, e.g. "2023"
    basis: str  # the words in a quote it comes from, e.g. "the end of last year"
    reason: str  # why, in plain words
    position: Position


@dataclass(frozen=True)
class Topic:
    id: str
    names: dict[Lang, str]
    position: Position


@dataclass(frozen=True)
class Entry:
    id: str
    topic: str  # a Topic id
    questions: dict[Lang, tuple[str, ...]]  # phrasings; questions[lang][0] is the canonical one
    answer: dict[Lang, str]
    citations: tuple[Citation, ...]
    related: tuple[str, ...]
    review_by: dt.date
    derived: tuple[Derivation, ...] = ()
    position: Position = field(default=Position("", 0, 0))
    locations: Locations = field(default_factory=_no_locations, compare=False, repr=False)

    def where(self, key: str) -> Position:
        """Where ``key`` (e.g. "answer.zh", "related.0") was written, else the entry's place."""
        return self.locations.get(key, self.position)


@dataclass(frozen=True)
class SmallTalk:
    """A non-fact: greetings, thanks, "who are you". Never mixed with policy entries."""

    id: str
    questions: dict[Lang, tuple[str, ...]]
    answer: dict[Lang, str]
    position: Position
    locations: Locations = field(default_factory=_no_locations, compare=False, repr=False)

    def where(self, key: str) -> Position:
        """Where ``key`` (e.g. "answer.en") was written; the record's own place if unknown."""
        return self.locations.get(key, self.position)


@dataclass(frozen=True)
class Example:
    """A question someone asked, labelled with what answers it (``examples/*.yaml``)."""

    question: str
    label: str  # an entry's id, "decline" (the sources do not say) or "smalltalk"
    position: Position


@dataclass(frozen=True)
class SynonymGroup:
    """Words that mean the same to a user; the first is the canonical form."""

    terms: tuple[str, ...]
    position: Position


@dataclass(frozen=True)
class KnowledgeBase:
    root: str  # the knowledge folder it was loaded from
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    entries: tuple[Entry, ...]
    smalltalk: tuple[SmallTalk, ...]
    synonyms: tuple[SynonymGroup, ...]
    examples: tuple[Example, ...] = ()

    def entry(self, entry_id: str) -> Entry | None:
        return self._entries_by_id.get(entry_id)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def entries_in_topic(self, topic_id: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.topic == topic_id)

    @property
    def _entries_by_id(self) -> dict[str, Entry]:
        cached: dict[str, Entry] | None = self.__dict__.get("_by_id")
        if cached is None:
            cached = {e.id: e for e in self.entries}
            object.__setattr__(self, "_by_id", cached)
        return cached
