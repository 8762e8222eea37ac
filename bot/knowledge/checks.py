"""Integrity checks on a loaded knowledge base: what YAML syntax and types cannot catch.

Each check returns Problems positioned at the value to fix. Reference checks consult the
``Declarations`` from loading when given, so a record that failed to load is not reported
again as "missing" everywhere it is used.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from bot.knowledge.examples import check_example_labels
from bot.knowledge.model import (
    LANGS,
    Entry,
    KnowledgeBase,
    Lang,
    Position,
    SmallTalk,
    Source,
    SynonymGroup,
    Topic,
)
from bot.knowledge.nearduplicates import near_earlier
from bot.knowledge.numbers import numbers_in, values_in
from bot.knowledge.problems import Problem, Severity
from bot.knowledge.records import Declarations, Incomplete
from bot.knowledge.substrings import Haystack

MAX_ANSWER_CHARS = 1000
NEAR_DUPLICATE_SCORE = 95.0
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def check_knowledge(
    kb: KnowledgeBase,
    today: dt.date | None = None,
    *,
    declarations: Declarations | None = None,
    incomplete: Incomplete | None = None,
    warnings: bool = True,
) -> list[Problem]:
    """Every integrity problem in ``kb``, sorted by place. Review dates use ``today``.

    ``declarations`` and ``incomplete`` come from loading (see ``loader.load_folder``): with
    them, references to records that failed to load are not reported again, and the sound
    fields of those records are checked too. With ``warnings=False`` only errors are looked
    for: what can only be a warning is not checked, and none is returned.
    """
    declared = declarations or _declarations_of(kb)
    scope = _Scope.of(kb, incomplete or Incomplete(), warnings)
    problems = [
        *check_quotes(scope),
        *check_references(scope, declared),
        *check_numbers(scope),
        *check_derivations(scope),
        *check_answers(scope),
        *check_phrasings(scope),
        *check_shown_phrasings(scope),
        *check_synonyms(scope),
    ]
    if warnings:
        problems.extend(check_review_dates(scope, today or dt.date.today()))
        # An entry whose id could not be read may be the one a label names.
        if "entry" not in declared.unreadable:
            problems.extend(check_example_labels(kb.examples, set(declared.ids["entry"])))
    else:
        problems = [problem for problem in problems if problem.severity is Severity.ERROR]
    return sorted(set(problems))


@dataclass(frozen=True)
class _Scope:
    """What the checks look at: the knowledge base, plus records that loaded with problems.

    A record with problems is checked on its sound fields only, so staff see every problem
    in one run; ``usable`` tells a check whether the fields it needs were read. Checks skip
    the work that can only lead to a warning when ``warnings`` is False.
    """

    entries: tuple[Entry, ...]
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    smalltalk: tuple[SmallTalk, ...]
    synonyms: tuple[SynonymGroup, ...]
    broken: dict[int, frozenset[str]]  # id() of an incomplete entry -> its unreadable fields
    warnings: bool = True  # are warnings wanted, or only errors?

    @classmethod
    def of(cls, kb: KnowledgeBase, incomplete: Incomplete, warnings: bool = True) -> _Scope:
        return cls(
            entries=(*kb.entries, *(entry for entry, _ in incomplete.entries)),
            sources=(*kb.sources, *incomplete.sources),
            topics=kb.topics,
            smalltalk=kb.smalltalk,
            synonyms=kb.synonyms,
            broken={id(entry): broken for entry, broken in incomplete.entries},
            warnings=warnings,
        )

    def usable(self, entry: Entry, *fields: str) -> bool:
        return not self.broken.get(id(entry), frozenset()).intersection(fields)


def _problem(at: Position, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(at.file, at.line, at.column, message, severity)


def _declarations_of(kb: KnowledgeBase) -> Declarations:
    return Declarations(
        ids={
            "source": frozenset(s.id for s in kb.sources),
            "topic": frozenset(t.id for t in kb.topics),
            "entry": frozenset(e.id for e in kb.entries),
            "small talk": frozenset(s.id for s in kb.smalltalk),
        }
    )


# --- quotes -------------------------------------------------------------------------------


def normalise_whitespace(text: str) -> str:
    return " ".join(text.split())


def check_quotes(scope: _Scope) -> Iterator[Problem]:
    """Every quote appears word for word in its source text (runs of whitespace count as one)."""
    cited = [entry for entry in scope.entries if scope.usable(entry, "citations")]
    quotes = Counter(citation.source_id for entry in cited for citation in entry.citations)
    texts = {
        source.id: Haystack(normalise_whitespace(source.text), quotes[source.id])
        for source in scope.sources
    }
    for entry in cited:
        for citation in entry.citations:
            text = texts.get(citation.source_id)
            if text is None:
                continue  # reported by check_references
            quote = normalise_whitespace(citation.quote)
            if quote not in text:
                message = f"quote is not word for word in source '{citation.source_id}'"
                yield _problem(citation.position, message + _difference(quote, text.text))


def _difference(quote: str, text: str) -> str:
    """Where the quote departs from the closest passage of the source, in plain words."""
    alignment = fuzz.partial_ratio_alignment(quote, text)
    if alignment is None or alignment.score < 60:
        return "; no similar passage found: copy the words exactly from the source text"
    # A margin of context on each side, so a shifted alignment cannot cut a word in two.
    margin = 40
    start, end = max(0, alignment.dest_start - margin), alignment.dest_end + margin
    quoted, source = quote.split(), _whole_words(text, start, min(end, len(text))).split()
    matcher = difflib.SequenceMatcher(a=quoted, b=source, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    # Source words before the quote's first word or after its last are context, not changes.
    if changes and changes[0][0] == "insert" and changes[0][1] == 0:
        changes.pop(0)
    if changes and changes[-1][0] == "insert" and changes[-1][1] == len(quoted):
        changes.pop()
    if not changes:
        return "; copy it again from the source text"
    tag, a1, a2, b1, b2 = changes[0]
    said, written = " ".join(quoted[a1:a2]), " ".join(source[b1:b2])
    if tag == "replace" and (a1 == 0 or a2 == len(quoted)):
        written = _closest_edge(said, source[b1:b2], at_start=a1 == 0)
    if tag == "replace":
        return f": it has '{said}' where the source has '{written}'"
    if tag == "delete":
        return f": it has '{said}', which the source does not have there"
    after = f" after '{quoted[a1 - 1]}'" if a1 > 0 else ""
    return f": it leaves out '{written}'{after}"


def _closest_edge(said: str, words: list[str], at_start: bool) -> str:
    """At the quote's edge the source side runs on into context: keep what matches best."""
    spans = [words[-k:] if at_start else words[:k] for k in range(1, len(words) + 1)]
    return max((" ".join(span) for span in spans), key=lambda text: fuzz.ratio(said, text))


def _whole_words(text: str, start: int, end: int) -> str:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


# --- references ---------------------------------------------------------------------------


def check_references(scope: _Scope, declared: Declarations) -> Iterator[Problem]:
    """Topics, citation sources and related entries all name something that exists."""
    for entry in scope.entries:
        if scope.usable(entry, "topic") and declared.is_missing("topic", entry.topic):
            yield _problem(
                entry.where("topic"),
                f"topic '{entry.topic}' does not exist; use an id from topics.yaml",
            )
        for index, citation in enumerate(entry.citations):
            if scope.usable(entry, "citations") and declared.is_missing(
                "source", citation.source_id
            ):
                yield _problem(
                    entry.where(f"citations.{index}.source"),
                    f"source '{citation.source_id}' does not exist; use an id from sources.yaml",
                )
        seen: set[str] = set()
        for index, related in enumerate(entry.related):
            at = entry.where(f"related.{index}")
            if related == entry.id:
                yield _problem(at, f"entry '{entry.id}' lists itself as related")
            elif related in seen:
                yield _problem(at, f"related entry '{related}' is listed twice")
            elif declared.is_missing("entry", related):
                message = f"related entry '{related}' does not exist"
                close = difflib.get_close_matches(
                    related, sorted(declared.ids.get("entry", ())), n=1
                )
                yield _problem(at, message + (f" — did you mean '{close[0]}'?" if close else ""))
            seen.add(related)
    if not scope.warnings:
        return
    used = {entry.topic for entry in scope.entries}
    topics_known = all(scope.usable(entry, "topic") for entry in scope.entries)
    for topic in scope.topics:
        if topic.id not in used and topics_known and "entry" not in declared.unreadable:
            yield _problem(
                topic.position,
                f"topic '{topic.id}' has no entries; its button would lead nowhere",
                Severity.WARNING,
            )


# --- numbers ------------------------------------------------------------------------------


def check_numbers(scope: _Scope) -> Iterator[Problem]:
    """Every number an answer states is backed by the same value in a quote, or declared."""
    for entry in scope.entries:
        if not scope.usable(entry, "answer", "citations", "derived"):
            continue
        stated = {lang: numbers_in(entry.answer[lang]) for lang in LANGS}
        if not any(stated.values()):
            continue  # nothing to back (most answers): the quotes' numbers need not be read
        backed = _quoted_values(entry) | _declared_values(entry)
        for lang in LANGS:
            reported: set[str] = set()
            for mention in stated[lang]:
                if mention.values & backed or mention.text in reported:
                    continue
                reported.add(mention.text)
                at = entry.locations.get(f"answer.{lang}@{mention.start}")
                yield _problem(
                    at or entry.where(f"answer.{lang}"),
                    f"answer.{lang} states {mention.describe()}, which no quote of this entry "
                    "backs; quote the source or declare it under 'derived'",
                )
    for item in scope.smalltalk:
        for lang in LANGS:
            for mention in numbers_in(item.answer[lang])[:1]:
                yield _problem(
                    item.where(f"answer.{lang}"),
                    f"answer.{lang} states {mention.describe()}, but small talk has no quotes "
                    "to back a number; move the fact into an entry with a citation",
                )


def _quoted_values(entry: Entry) -> set[object]:
    # Read as check_quotes reads them: a quote it accepts with two spaces ("400  million")
    # must back the same numbers as the source's "400 million".
    return {
        value
        for citation in entry.citations
        for value in values_in(normalise_whitespace(citation.quote))
    }


def _declared_values(entry: Entry) -> set[object]:
    return {value for derivation in entry.derived for value in values_in(derivation.value)}


def check_derivations(scope: _Scope) -> Iterator[Problem]:
    """A derived value names a number, rests on words in a quote, and is used by an answer."""
    for entry in scope.entries:
        if not entry.derived or not scope.usable(entry, "answer", "citations", "derived"):
            continue
        quotes = [_folded(citation.quote) for citation in entry.citations]
        answers = {value for lang in LANGS for value in values_in(entry.answer[lang])}
        for index, derivation in enumerate(entry.derived):
            values = values_in(derivation.value)
            if not values:
                yield _problem(
                    entry.where(f"derived.{index}.value"),
                    f"derived value '{derivation.value}' holds no number; write the number "
                    "as the answer states it",
                )
            elif scope.warnings and not values & answers:
                yield _problem(
                    entry.where(f"derived.{index}.value"),
                    f"derived value '{derivation.value}' is not stated in either answer; "
                    "remove it or use it",
                    Severity.WARNING,
                )
            basis = _folded(derivation.basis)
            if not any(basis in quote for quote in quotes):
                yield _problem(
                    entry.where(f"derived.{index}.basis"),
                    f"basis '{derivation.basis}' is not in any quote of this entry; "
                    "copy the words it rests on from one of its quotes",
                )


def _folded(text: str) -> str:
    return normalise_whitespace(text).casefold()


# --- answers ------------------------------------------------------------------------------


def check_answers(scope: _Scope) -> Iterator[Problem]:
    """Answers fit on a phone screen and are written in the language they are filed under."""
    entries = [entry for entry in scope.entries if scope.usable(entry, "answer")]
    items: list[Entry | SmallTalk] = [*entries, *scope.smalltalk]
    for item in items:
        for lang in LANGS:
            text = item.answer[lang]
            at = item.where(f"answer.{lang}")
            if len(text) > MAX_ANSWER_CHARS:
                over = len(text) - MAX_ANSWER_CHARS
                yield _problem(
                    at,
                    f"answer.{lang} is {len(text)} characters long; the limit is "
                    f"{MAX_ANSWER_CHARS}, so shorten it by {over}",
                )
            wrong = _not_written_in(lang, text)
            if wrong:
                write_in = "Chinese" if lang == "zh" else "English"
                yield _problem(at, f"answer.{lang} {wrong}; write it in {write_in}")
            elif lang == "zh" and scope.warnings and (traditional := _traditional_characters(text)):
                yield _problem(
                    at,
                    f"answer.zh uses Traditional characters ({traditional}); the bot answers "
                    "in Simplified Chinese",
                    Severity.WARNING,
                )


def _not_written_in(lang: Lang, text: str) -> str:
    """How ``text`` is not written in ``lang`` ("has no Chinese characters"), or ""."""
    if lang == "zh" and not _CJK.search(text):
        return "has no Chinese characters"
    if lang == "en" and _CJK.search(text) and not re.search(r"[A-Za-z]", text):
        return "is not in English"
    return ""


@functools.cache
def _to_simplified() -> Callable[[str], str]:
    import opencc  # loaded on first use: building the converter takes a moment

    converter = opencc.OpenCC("t2s")
    return lambda text: str(converter.convert(text))


def _traditional_characters(text: str) -> str:
    """The Traditional characters in ``text`` and their Simplified forms, e.g. "區→区"."""
    simplified = _to_simplified()(text)
    if simplified == text or len(simplified) != len(text):
        return ""
    pairs = dict.fromkeys(f"{a}→{b}" for a, b in zip(text, simplified, strict=True) if a != b)
    return ", ".join(list(pairs)[:5])


# --- phrasings ----------------------------------------------------------------------------


class _Phrasing(NamedTuple):
    """One phrasing and where it is written; its position is only looked up when reported."""

    item: Entry | SmallTalk
    lang: Lang
    number: int  # its place in the list of the language's questions
    text: str

    @property
    def owner(self) -> str:
        return self.item.id

    @property
    def position(self) -> Position:
        return self.item.where(f"questions.{self.lang}.{self.number}")


class _Blanked(dict[int, str]):
    """``str.translate`` table, filled as characters are met: punctuation, symbols, separators
    and control characters become spaces, everything else stays."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kept = " " if unicodedata.category(char)[0] in "PSZC" else char
        if len(self) < 100_000:  # a bound on memory, whatever characters the files hold
            self[code] = kept
        return kept


_BLANKED = _Blanked()
# The same table for ASCII text (most English), applied to its bytes: several times faster.
_ASCII_BLANKED = bytes(ord(_BLANKED[code]) for code in range(128)) + bytes(range(128, 256))


def normalise_phrasing(text: str) -> str:
    """Case, width, punctuation and spacing removed: what a near-duplicate test should compare."""
    if text.isascii():  # NFKC changes nothing in ASCII, and case-folding is lower-casing
        text = text.lower().encode("ascii").translate(_ASCII_BLANKED).decode("ascii")
        return " ".join(text.split())
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.translate(_BLANKED).split())


def _phrasings(scope: _Scope) -> list[_Phrasing]:
    items: list[Entry | SmallTalk] = [*scope.entries, *scope.smalltalk]
    return [
        _Phrasing(item, lang, index, text)
        for item in items
        for lang in LANGS
        for index, text in enumerate(item.questions[lang])
    ]


def check_phrasings(scope: _Scope) -> Iterator[Problem]:
    """No phrasing is the same, or nearly, as one of another entry; none repeats in its own."""
    phrasings = _phrasings(scope)
    normalised = [normalise_phrasing(phrasing.text) for phrasing in phrasings]
    near = near_earlier(normalised, NEAR_DUPLICATE_SCORE)
    for later, phrasing in enumerate(phrasings):
        for earlier in near[later]:
            other = phrasings[earlier]
            if other.owner == phrasing.owner:
                if scope.warnings and normalised[earlier] == normalised[later]:
                    yield _problem(
                        phrasing.position,
                        f"phrasing '{phrasing.text}' repeats '{other.text}' of the same entry "
                        f"at {other.position.place()}; remove one",
                        Severity.WARNING,
                    )
                continue
            identical = normalised[earlier] == normalised[later]
            same = "the same as" if identical else "nearly the same as"
            yield _problem(
                phrasing.position,
                f"phrasing '{phrasing.text}' of '{phrasing.owner}' is {same} '{other.text}' "
                f"of '{other.owner}' at {other.position.place()}; a question must lead to "
                "one entry only",
            )
            break


def check_shown_phrasings(scope: _Scope) -> Iterator[Problem]:
    """The first phrasing of each language is written in that language: it is the one readers
    see, on "did you mean?" and follow-up buttons and in the topic lists."""
    if not scope.warnings:
        return
    for entry in scope.entries:
        if not scope.usable(entry, "questions"):
            continue
        for lang in LANGS:
            shown = entry.questions[lang][:1]
            wrong = _not_written_in(lang, shown[0]) if shown else ""
            if not wrong:
                continue
            yield _problem(
                entry.where(f"questions.{lang}.0"),
                f"the first phrasing in questions.{lang}, '{shown[0]}', {wrong}; readers of "
                f"that language see it on the buttons that lead to '{entry.id}', so put a "
                "phrasing in that language first",
                Severity.WARNING,
            )


# --- synonyms ----------------------------------------------------------------------------


def check_synonyms(scope: _Scope) -> Iterator[Problem]:
    """A term belongs to one group only, or its canonical form would depend on file order."""
    owner: dict[str, Position] = {}
    for group in scope.synonyms:
        seen: set[str] = set()
        elsewhere: dict[Position, list[str]] = {}
        for term in group.terms:
            key = " ".join(unicodedata.normalize("NFKC", term).casefold().split())
            if key in seen:
                if scope.warnings:
                    yield _problem(
                        group.position,
                        f"synonym '{term}' is listed twice in this group; remove one",
                        Severity.WARNING,
                    )
                continue
            seen.add(key)
            first = owner.setdefault(key, group.position)
            if first != group.position:
                elsewhere.setdefault(first, []).append(term)
        for first, terms in elsewhere.items():
            words = ", ".join(f"'{term}'" for term in terms)
            yield _problem(
                group.position,
                f"{'synonym' if len(terms) == 1 else 'synonyms'} {words} "
                f"{'is' if len(terms) == 1 else 'are'} already in the group "
                f"at {first.place()}; a word may belong to one group only (merge the groups "
                "or drop the word from one)",
            )


# --- review dates -------------------------------------------------------------------------


def check_review_dates(scope: _Scope, today: dt.date) -> Iterator[Problem]:
    for entry in scope.entries:
        if scope.usable(entry, "review_by") and entry.review_by < today:
            yield _problem(
                entry.where("review_by"),
                f"review date {entry.review_by.isoformat()} has passed; check '{entry.id}' "
                "against its sources and set a new date",
                Severity.WARNING,
            )
