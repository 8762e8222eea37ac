"""What the labelled example questions say about a new question.

The matcher reads a question through its phrasings and rules, and words it has never seen
count against an answer (so "does the policy cover housing?" is declined). Fresh wording of
an answerable question ("老外来的那个博士活动是几号": what day was the foreigners' PhD event)
then reads as out of scope too, or goes to a neighbouring entry ("艾罗总部落户哪" to the year
AlphaESS came, not to where its headquarters are). People who asked before used such words,
and staff (or the project's labelled sets) said which entry answered them, that none did, or
that they were small talk. ``ExampleModel`` reads a new question against those examples
(``knowledge/examples/*.yaml``):

- **which label** it is most like (an entry, ``decline`` or ``smalltalk``): naive Bayes over
  its pieces (English words, their letter triples and quadruples, word pairs; Chinese
  characters, pairs and triples), one class per label. It is rarely wrong about the entry,
  even for wording no phrasing has;
- **how far that entry leads "decline"** among those labels, and **whether it is answerable
  at all**: the same over two classes, in scope and declined, per piece of the question;
- **how near it comes** to the nearest example of that entry and to the nearest declined
  example (rapidfuzz ``ratio`` on the normalised text): a question close to a near miss asked
  before ("which ten chains?") is held back;
- **which small talk** it is, read from the small talk's own phrasings by a small model of
  the same kind.

Only pieces some example has are counted. Naive Bayes would count every other piece against
each label, and most against the labels with the most examples (the smoothing spreads over
more pieces): a question of unknown words would lean to the smallest label, small talk, and
an entry's lead over "decline" would grow with every word no one had asked before.

``bot/matching/second_opinion.py`` decides what to do with these readings.
"""

from __future__ import annotations

import gc
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.knowledge.examples import LABELS_WITHOUT_ENTRY
from bot.knowledge.model import Example, KnowledgeBase
from bot.matching.evaluation import DECLINE
from bot.matching.nearness import TextsByLength
from bot.matching.normalise import normalise

_IN_SCOPE = "in scope"
# Additive smoothing of the counts: a piece no example of a label has still has some chance.
_SMOOTHING = 0.3
_PIECES = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]+")


def pieces(
    normalised: str, known: dict[str, list[str]] | None = None, *, learn: bool = True
) -> frozenset[str]:
    """The pieces naive Bayes counts, each once: a misspelt word still shares most of its
    letter triples with the right one, and Chinese needs no word boundaries. ``known`` holds
    each word's pieces, worked out once (most words recur); with ``learn`` False, words not in
    it are not added (a question's words, which may be anything)."""
    found: list[str] = []
    words: list[str] = []
    for run in _PIECES.findall(normalised):
        if "\u4e00" <= run[0] <= "\u9fff":
            for size in (1, 2, 3):
                found += ["c" + run[at : at + size] for at in range(len(run) - size + 1)]
            continue
        words.append(run)
        of_word = known.get(run) if known is not None else None
        if of_word is None:
            bounded = f"<{run}>"
            of_word = ["w" + run]
            for size in (3, 4):
                of_word += ["e" + bounded[at : at + size] for at in range(len(bounded) - size + 1)]
            if known is not None and learn:
                known[run] = of_word
        found += of_word
    found += [f"b{first}_{second}" for first, second in itertools.pairwise(words)]
    return frozenset(found)


@dataclass(frozen=True)
class Opinion:
    label: str  # the most likely label: an entry id, "decline" or "smalltalk"
    probability: float  # of that label, 0..1
    # How much likelier the likeliest entry is than "decline", in nats (natural log units),
    # among the labels: high when the question's known pieces are much more like some entry's
    # examples than like the declined ones. +inf without declined examples, -inf without
    # entries' examples (``ExampleModel.weighs_scope`` is then False).
    entry_over_declined: float
    # The log-odds of "some entry answers it" against "declined" (the two-class model), per
    # piece of the question that some example has. Per piece, because naive Bayes counts every
    # piece as independent evidence: a long question's log-odds grow with its length, and any
    # fixed threshold on its probability would then hold back long questions only.
    answerable_per_piece: float


class _Classes:
    """One naive Bayes model's classes: each one's score before any piece is counted, and
    what each piece the class has never seen takes from it."""

    def __init__(self, sizes: dict[str, int], totals: dict[str, int], vocabulary: int) -> None:
        self.names = tuple(sorted(sizes))
        examples = sum(sizes.values())
        self.prior = [math.log(sizes[name] / examples) for name in self.names]
        # At least one piece: examples holding none at all (emoji only, scripts other than
        # Latin and Chinese) leave the vocabulary empty, and every count zero.
        known = max(vocabulary, 1)
        self.unseen = [
            math.log(_SMOOTHING / (totals[name] + _SMOOTHING * known)) for name in self.names
        ]

    def scores(self, pieces_count: int, lifted: Sequence[float], priors: bool) -> list[float]:
        return [
            (prior if priors else 0.0) + pieces_count * unseen + lift
            for prior, unseen, lift in zip(self.prior, self.unseen, lifted, strict=True)
        ]


def _lead(entries: Sequence[float], declined: float | None) -> float:
    """The best entry's score less the declined class's: -inf without entries, +inf without
    the declined class."""
    if not entries:
        return -math.inf
    return math.inf if declined is None else max(entries) - declined


class ExampleModel:
    """The examples, read for a new question. Built once per knowledge base."""

    def __init__(self, examples: Sequence[Example], small_talk: Sequence[Example] = ()) -> None:
        self.examples = tuple(examples)
        self._texts = [normalise(example.question) for example in self.examples]
        # The examples say only "smalltalk"; which small talk (a greeting, thanks, ...) is read
        # from the small talk's own phrasings, by the same kind of model.
        self._small_talk = ExampleModel(small_talk) if small_talk else None
        self._build()

    def _build(self) -> None:
        # As for the index (bot/matching/index.py): the model is a million small objects with
        # no cycles, built once and never changed. Built with the cyclic collector paused, then
        # moved out of its sight, so that no question pays for a collection walking them all
        # (a quarter of a millisecond each on a long question).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._count()
        finally:
            if collecting:
                gc.enable()
        gc.freeze()

    def _count(self) -> None:
        self._word_pieces: dict[str, list[str]] = {}
        known = self._word_pieces
        counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for example, text in zip(self.examples, self._texts, strict=True):
            counts[example.label].update(pieces(text, known))
        # Two models over the same pieces: one class per label, and in scope against declined
        # (small talk left out), whose counts are those of every entry's examples together.
        scope: dict[str, Counter[str]] = {
            _IN_SCOPE: Counter(),
            DECLINE: counts.get(DECLINE, Counter()),
        }
        for label, counted in counts.items():
            if label not in LABELS_WITHOUT_ENTRY:
                scope[_IN_SCOPE].update(counted)
        scope = {name: counted for name, counted in scope.items() if counted}
        sizes = Counter(example.label for example in self.examples)
        scope_sizes = {
            DECLINE: sizes[DECLINE],
            _IN_SCOPE: sum(n for label, n in sizes.items() if label not in LABELS_WITHOUT_ENTRY),
        }
        vocabulary = len(set().union(*counts.values())) if counts else 0
        self._labels = _Classes(
            sizes, {label: sum(c.values()) for label, c in counts.items()}, vocabulary
        )
        # Each piece's lift for every class of both models, in one row: a question's pieces
        # are looked up once, and whole rows summed column by column run in C.
        columns = [counts[label] for label in self._labels.names]
        self._scope = _Classes(
            {name: scope_sizes[name] for name in scope},
            {name: sum(c.values()) for name, c in scope.items()},
            len(set().union(*scope.values())),
        )
        columns += [scope[name] for name in self._scope.names]
        self._width = len(columns)
        lift: dict[str, list[float]] = {}
        for at, counted in enumerate(columns):
            for piece, count in counted.items():
                row = lift.get(piece)
                if row is None:
                    row = lift[piece] = [0.0] * self._width
                row[at] = math.log((count + _SMOOTHING) / _SMOOTHING)
        self._lift = lift
        by_label: defaultdict[str, list[str]] = defaultdict(list)
        for example, text in zip(self.examples, self._texts, strict=True):
            by_label[example.label].append(text)
        self._texts_of = {label: TextsByLength(texts) for label, texts in by_label.items()}

    def __len__(self) -> int:
        return len(self.examples)

    def without(self, questions: Iterable[str]) -> ExampleModel:
        """The model of every example but those asking one of ``questions`` (compared
        normalised): what it makes of a question it has not learnt from."""
        # By text, and by pieces too: two wordings with the same pieces ("AlphaESS 跟人才项目"
        # and "AlphaESS跟人才项目") teach the model the same, so both are left out.
        texts = {normalise(question) for question in questions}
        found = {pieces(text) for text in texts} - {frozenset()}
        kept = [
            at
            for at, text in enumerate(self._texts)
            if text not in texts and (not found or pieces(text, self._word_pieces) not in found)
        ]
        model = ExampleModel.__new__(ExampleModel)
        model.examples = tuple(self.examples[at] for at in kept)
        model._texts = [self._texts[at] for at in kept]
        model._small_talk = self._small_talk
        model._build()
        return model

    @property
    def weighs_scope(self) -> bool:
        """Whether the examples hold both declined questions and some entry's, each with some
        piece to count: without either, every question is surely one or the other, and the
        readings of scope mean nothing."""
        return len(self._scope.names) == 2

    def opinion(self, question: str) -> Opinion | None:
        """The most likely label and how sure the readings are; None without examples, or
        when no piece of the question is in any example: the labels' counts alone would
        then speak (with ten declined examples to one answered, "decline" at 0.91)."""
        if not self.examples:
            return None
        lift = self._lift
        found = pieces(normalise(question), self._word_pieces, learn=False)
        # Sorted, so the sums are the same in every process (a set's order is not).
        rows = [lift[piece] for piece in sorted(found) if piece in lift]
        if not rows:
            return None
        lifted = list(map(sum, zip(*rows, strict=True)))
        names = self._labels.names
        scores = self._labels.scores(len(rows), lifted[: len(names)], priors=True)
        top = max(scores)
        best = max(range(len(names)), key=lambda at: (scores[at], -at))
        probability = 1.0 / math.fsum(math.exp(score - top) for score in scores)
        by_label = dict(zip(names, scores, strict=True))
        of_entries = [s for name, s in by_label.items() if name not in LABELS_WITHOUT_ENTRY]
        entry_over_declined = _lead(of_entries, by_label.get(DECLINE))
        if len(self._scope.names) == 2:  # (decline, in scope), with no prior
            declined, answered = self._scope.scores(len(rows), lifted[len(names) :], priors=False)
            answerable = (answered - declined) / max(len(rows), 1)
        else:
            answerable = math.inf if self._scope.names == (_IN_SCOPE,) else -math.inf
        return Opinion(names[best], probability, entry_over_declined, answerable)

    def small_talk_kind(self, question: str) -> tuple[str, float] | None:
        """Which small talk the question is most like, with the probability (0..1); None when
        the knowledge base has fewer than two kinds of small talk (one alone would always be
        sure), or the question shares no piece with their phrasings."""
        kinds = self._small_talk
        if kinds is None or len(kinds.labels) < 2:
            return None
        opinion = kinds.opinion(question)
        return None if opinion is None else (opinion.label, opinion.probability)

    def shares_a_word(self, question: str, label: str) -> bool:
        """Whether a whole word of the question, or two Chinese characters together, is in some
        example labelled ``label``: letters alone ("thanh" shares those of "thanks") are not."""
        if label not in self._labels.names:
            return False
        column = self._labels.names.index(label)
        found = pieces(normalise(question), self._word_pieces, learn=False)
        return any(
            (piece[0] == "w" or (piece[0] == "c" and len(piece) >= 3))
            and piece in self._lift
            and self._lift[piece][column] > 0.0
            for piece in found
        )

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the examples hold, sorted."""
        return self._labels.names

    def nearer_than_declined(self, question: str, label: str, margin: float) -> bool:
        """Whether the question comes nearer to an example of ``label`` than to every declined
        example, by ``margin`` or more (best rapidfuzz ``ratio`` of the normalised texts)."""
        text = normalise(question)
        # Nearer than ``margin`` to none of the label's examples, no declined example can come
        # ``margin`` further away (below 0): then only whether there is any declined example
        # matters (``_texts_of`` holds only labels with examples), and the cutoff lets most of
        # the label's examples be passed over.
        nearest = self._best_ratio(text, label, margin)
        if nearest is None and margin > 0.0:
            return DECLINE not in self._texts_of
        floor = (nearest or 0.0) - margin
        if floor >= 100.0:  # no declined example can score above it (a margin of 0 or less)
            return True
        declined = self._best_ratio(text, DECLINE, max(floor, 0.0))
        return declined is None or declined <= floor

    def reads_as_declined(self, question: str, label: str, floor: float) -> bool:
        """Whether some declined example scores ``floor`` or more against the question
        (rapidfuzz ``ratio`` of the normalised texts), and no example of ``label`` more."""
        text = normalise(question)
        # The label's examples first: they are few beside the declined ones, and a declined
        # example must then reach the higher of the two scores, which lets most be passed over.
        # Only a score above ``floor`` raises that bar, so only those are looked for.
        nearest = self._best_ratio(text, label, floor) or 0.0
        return self._best_ratio(text, DECLINE, max(floor, nearest)) is not None

    def _best_ratio(self, text: str, label: str, cutoff: float = 0.0) -> float | None:
        texts = self._texts_of.get(label)
        return None if texts is None else texts.best_ratio(text, cutoff)


def learnable(knowledge: KnowledgeBase) -> list[Example]:
    """The examples whose label names an entry of ``knowledge``, or decline, or small talk: one
    naming an entry that was renamed or removed would teach the model a label it cannot
    answer with (``talent-bot check`` warns of it)."""
    labels = {entry.id for entry in knowledge.entries} | LABELS_WITHOUT_ENTRY
    return [example for example in knowledge.examples if example.label in labels]


def small_talk_phrasings(knowledge: KnowledgeBase) -> list[Example]:
    """Every small-talk phrasing, labelled with its small talk's id."""
    return [
        Example(question, talk.id, talk.position)
        for talk in knowledge.smalltalk
        for questions in talk.questions.values()
        for question in questions
    ]
