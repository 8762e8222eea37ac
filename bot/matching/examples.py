"""What the labelled example questions say about a new question: a second opinion.

The matcher reads a question through its phrasings and rules, and words it has never seen
count against an answer (so "does the policy cover housing?" is declined). Fresh wording of
an answerable question ("老外来的那个博士活动是几号": what day was the foreigners' PhD event)
then reads as out of scope too, or goes to a neighbouring entry ("艾罗总部落户哪" to the year
AlphaESS came, not to where its headquarters are). People who asked before used such words,
and staff (or the project's labelled sets) said which entry answered them or that none did.
Those examples (``knowledge/examples/*.yaml``) give three readings of a new question:

- **which entry** it is most like: naive Bayes over its pieces (English words, their letter
  triples and quadruples, word pairs; Chinese characters, pairs and triples), one class per
  label. It is rarely wrong about the entry, even for wording no phrasing has;
- **whether it is answerable at all**: the same over two classes, in scope and declined;
- **how near it comes** to the nearest example of that entry and to the nearest declined
  example (rapidfuzz ``ratio`` on the normalised text): a question close to a near miss asked
  before ("which ten chains?") is held back.

The matcher (``Matcher.match_and_rank``) asks for this opinion only when it would not answer
on its own, or to choose between its two best entries; ``MatchSettings`` holds how sure each
reading must be.
"""

from __future__ import annotations

import gc
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from bot.knowledge.examples import LABELS_WITHOUT_ENTRY
from bot.knowledge.model import Example, KnowledgeBase
from bot.matching.evaluation import DECLINE, SMALLTALK
from bot.matching.normalise import normalise
from bot.matching.outcome import Candidate, Match
from bot.matching.settings import MatchSettings

_IN_SCOPE = "in scope"
_FULL_SCORE = 100.0
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
    in_scope: float  # the probability that some entry answers the question, 0..1


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


class ExampleModel:
    """The examples, read for a new question. Built once per knowledge base."""

    def __init__(self, examples: Sequence[Example]) -> None:
        self.examples = tuple(examples)
        self._texts = [normalise(example.question) for example in self.examples]
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
            if label not in (DECLINE, SMALLTALK):
                scope[_IN_SCOPE].update(counted)
        scope = {name: counted for name, counted in scope.items() if counted}
        sizes = Counter(example.label for example in self.examples)
        scope_sizes = {
            DECLINE: sizes[DECLINE],
            _IN_SCOPE: sum(n for label, n in sizes.items() if label not in (DECLINE, SMALLTALK)),
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
        self._texts_of = dict(by_label)

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
        model._build()
        return model

    def opinion(self, question: str) -> Opinion | None:
        """The most likely label and how sure both readings are; None without examples."""
        if not self.examples:
            return None
        found = pieces(normalise(question), self._word_pieces, learn=False)
        lift = self._lift
        # Sorted, so the sums are the same in every process (a set's order is not).
        rows = [lift[piece] for piece in sorted(found) if piece in lift]
        lifted = list(map(sum, zip(*rows, strict=True))) if rows else [0.0] * self._width
        names = self._labels.names
        scores = self._labels.scores(len(found), lifted[: len(names)], priors=True)
        top = max(scores)
        best = max(range(len(names)), key=lambda at: (scores[at], -at))
        probability = 1.0 / math.fsum(math.exp(score - top) for score in scores)
        in_scope = 1.0 if self._scope.names == (_IN_SCOPE,) else 0.0
        if len(self._scope.names) == 2:  # (decline, in scope), with no prior
            declined, answered = self._scope.scores(len(found), lifted[len(names) :], priors=False)
            in_scope = 1.0 / (1.0 + math.exp(min(700.0, declined - answered)))
        return Opinion(names[best], probability, in_scope)

    def nearer_than_declined(self, question: str, label: str, margin: float) -> bool:
        """Whether the question comes nearer to an example of ``label`` than to every declined
        example, by ``margin`` or more (best rapidfuzz ``ratio`` of the normalised texts)."""
        text = normalise(question)
        found = process.extractOne(
            text, self._texts_of.get(label, ()), scorer=fuzz.ratio, processor=None
        )
        nearest = 0.0 if found is None else found[1]
        # Only whether some declined example comes closer than that matters: the cutoff lets
        # rapidfuzz pass over most of them without scoring them in full.
        floor = nearest - margin
        declined = process.extractOne(
            text,
            self._texts_of.get(DECLINE, ()),
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=max(floor, 0.0),
        )
        return declined is None or declined[1] <= floor


def learnable(knowledge: KnowledgeBase) -> list[Example]:
    """The examples whose label names an entry of ``knowledge``, or decline, or small talk: one
    naming an entry that was renamed or removed would teach the model a label it cannot
    answer with (``talent-bot check`` warns of it)."""
    labels = {entry.id for entry in knowledge.entries} | LABELS_WITHOUT_ENTRY
    return [example for example in knowledge.examples if example.label in labels]


def second_opinion(
    model: ExampleModel,
    question: str,
    match: Match,
    ranked: Sequence[Candidate],
    settings: MatchSettings,
) -> Match:
    """``match``, or the entry the examples point to where they are sure enough of it.

    Never an entry that cannot say what the question asks, whatever the examples say: not
    where it asks what no entry states (``Match.asks_beyond``), nor an entry the matcher
    objects to (``Candidate.objected``: a count, a date or names it does not give, ...)."""
    if match.kind == "smalltalk" or match.partial or match.asks_beyond or not ranked:
        return match
    if match.kind == "answer":
        # Only the runner-up may replace an answer, and never one given with a full score: the
        # question then reads as one of the entry's own phrasings, which staff wrote for it,
        # whatever askers before meant by such words. Checked first: most answers stop here,
        # without the cost of an opinion.
        if len(ranked) < 2 or ranked[1].objected or (match.score or 0.0) >= _FULL_SCORE:
            return match
        opinion = model.opinion(question)
        runner_up = ranked[1]
        if (
            opinion is not None
            and opinion.label == runner_up.entry_id
            and opinion.probability >= settings.example_swap_probability
        ):
            return replace(match, entry_id=runner_up.entry_id, score=runner_up.score)
        return match
    least = settings.example_least_score
    if all(c.objected or c.score < least for c in ranked):
        return match  # no entry the examples could pick: spare the opinion
    opinion = model.opinion(question)
    if opinion is None or opinion.label in (DECLINE, SMALLTALK):
        return match
    candidate = next((c for c in ranked if c.entry_id == opinion.label), None)
    if candidate is None or candidate.objected:
        return match
    if (
        opinion.probability >= settings.example_probability
        and opinion.in_scope >= settings.example_scope_probability
        and candidate.score >= least
        and model.nearer_than_declined(question, opinion.label, settings.example_margin)
    ):
        top = tuple(ranked[: settings.max_suggestions])
        return Match(
            "answer", match.lang, entry_id=opinion.label, score=candidate.score, candidates=top
        )
    return match
