"""Gaps: declined questions, "None of these" choices and messages answered only in part,
grouped by similarity.

Grouping compares content tokens (the matcher's normaliser, English stopwords dropped and
words lightly stemmed, Chinese character by character minus filler phrases, the knowledge
base's synonyms folded to one word) with rapidfuzz's ``token_set_ratio``: each distinct
phrasing, most frequent first, joins the most similar existing group at or above the
threshold, or starts a new one. The same log always gives the same groups.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.faq import FaqEngine
from bot.knowledge.model import LANGS, KnowledgeBase
from bot.matching.analysis import SynonymMap, raw_tokens, stop_mask
from bot.matching.normalise import is_han, normalise
from bot.matching.outcome import Candidate
from bot.matching.words import ENGLISH_STOPWORDS, stem
from bot.store import LoggedQuestion

DEFAULT_SIMILARITY = 80.0

_T = TypeVar("_T")


def synonyms_for(kb: KnowledgeBase) -> SynonymMap:
    """The knowledge base's synonym groups, so "subsidy" and "funding" group together."""
    return SynonymMap(group.terms for group in kb.synonyms)


def gap_key(question: str, synonyms: SynonymMap | None = None) -> str:
    """The content of a question as space-separated tokens, for grouping near-duplicates."""
    tokens = [stem(token) for token in raw_tokens(normalise(question))]
    if synonyms is not None:
        tokens = synonyms.replace(tokens)
    kept: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        mask = stop_mask("".join(run))
        kept.extend(char for char, stop in zip(run, mask, strict=True) if not stop)
        run.clear()

    for token in tokens:
        if len(token) == 1 and is_han(token):
            run.append(token)
            continue
        close_run()
        if token not in ENGLISH_STOPWORDS:
            kept.append(token)
    close_run()
    if not kept:  # only filler ("what?", "请问"): keep it as written rather than lose it
        kept = tokens
    return " ".join(kept)


def group_similar(keys: Sequence[str], threshold: float = DEFAULT_SIMILARITY) -> list[list[int]]:
    """Indexes of ``keys`` grouped by similarity; deterministic, biggest groups first."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        by_key[key].append(index)
    # Most frequent phrasing first, so it becomes its group's representative.
    ordered = sorted(by_key, key=lambda key: (-len(by_key[key]), key))
    representatives: list[str] = []
    groups: list[list[int]] = []
    for key in ordered:
        best = None
        if key and representatives:
            best = process.extractOne(
                key,
                representatives,
                scorer=fuzz.token_set_ratio,
                processor=None,  # keys are normalised already
                score_cutoff=threshold,
            )
        if best is None:
            representatives.append(key)
            groups.append(list(by_key[key]))
        else:
            groups[best[2]].extend(by_key[key])
    groups.sort(key=lambda members: (-len(members), min(members)))
    return [sorted(members) for members in groups]


@dataclass(frozen=True)
class GapGroup:
    count: int  # times asked (declines, "none of these" and answers in part)
    people: int  # distinct askers
    declined: int
    none_of_these: int
    examples: dict[str, str]  # language -> its most common phrasing in the group
    closest_entry_id: str | None  # the best candidate any of these questions came to
    closest_score: float | None
    last_asked: dt.datetime
    phrasings: tuple[str, ...]  # distinct phrasings, most common first
    # False when no logged row named a candidate and the closest entry was found by asking
    # today's knowledge base instead.
    closest_from_log: bool = True
    answered_in_part: int = 0  # messages of several questions only one of which was answered


def gap_groups(
    rows: Iterable[LoggedQuestion],
    similarity: float = DEFAULT_SIMILARITY,
    engine: FaqEngine | None = None,
    limit: int | None = None,
) -> list[GapGroup]:
    """Declines, "None of these" choices and answers in part, grouped, biggest group first.

    With an ``engine``, its synonyms help grouping ("subsidy" with "funding"), and a group
    whose rows logged no candidate gets the closest entry in that engine's knowledge base.
    """
    synonyms = None if engine is None else engine.matcher.index.synonyms
    gaps = [row for row in rows if row.unanswered]
    keys = [gap_key(row.question, synonyms) for row in gaps]
    members_list = capped(group_similar(keys, similarity), limit)
    groups = [_gap_group([gaps[i] for i in members]) for members in members_list]
    if engine is not None:
        groups = [_with_closest_now(group, engine) for group in groups]
    return groups


def _with_closest_now(group: GapGroup, engine: FaqEngine) -> GapGroup:
    # (Today's engine would answer a message answered in part the same way: no lead either.)
    if group.closest_entry_id is not None or group.answered_in_part == group.count:
        return group
    # Only rows logged without a candidate get here (logged before declines named their
    # closest entry, or sharing nothing with any entry): ask today's engine.
    best: Candidate | None = None
    for lang, example in group.examples.items():
        match = engine.matcher.match(example, lang if lang in LANGS else None)
        for candidate in match.candidates[:1]:
            if best is None or candidate.score > best.score:
                best = candidate
    if best is None:
        return group
    return replace(
        group, closest_entry_id=best.entry_id, closest_score=best.score, closest_from_log=False
    )


def _gap_group(members: list[LoggedQuestion]) -> GapGroup:
    phrasings = Counter(row.question.strip() for row in members)
    first_seen = {row.question.strip(): row.asked_at for row in reversed(members)}
    ranked = sorted(phrasings, key=lambda text: (-phrasings[text], first_seen[text], text))
    examples: dict[str, str] = {}
    for text in ranked:
        for row in members:
            if row.question.strip() == text:
                examples.setdefault(row.lang, text)
    # An answer in part names the entry that answered the other part: no lead to this gap.
    candidates = [row for row in members if row.entry_id is not None and not row.partial]
    closest = max(candidates, key=lambda row: (row.score or 0.0, row.entry_id or ""), default=None)
    return GapGroup(
        count=len(members),
        people=len({row.user_hash for row in members}),
        declined=sum(1 for row in members if row.outcome == "decline"),
        none_of_these=sum(1 for row in members if row.none_of_these),
        answered_in_part=sum(1 for row in members if row.partial),
        examples=dict(sorted(examples.items())),
        closest_entry_id=None if closest is None else closest.entry_id,
        closest_score=None if closest is None else closest.score,
        last_asked=max(row.asked_at for row in members),
        phrasings=tuple(ranked),
    )


# How many other wordings of a gap a report shows besides its examples: enough to write
# phrasings from, few enough to scan.
OTHER_WORDINGS_SHOWN = 3


def other_wordings(group: GapGroup) -> tuple[list[str], int]:
    """The group's most common wordings besides its examples, and how many more there are."""
    shown = set(group.examples.values())
    others = [text for text in group.phrasings if text not in shown]
    return others[:OTHER_WORDINGS_SHOWN], max(0, len(others) - OTHER_WORDINGS_SHOWN)


def capped(items: list[_T], limit: int | None) -> list[_T]:
    """The first ``limit`` items; all of them when ``limit`` is None or not positive."""
    return items if limit is None or limit <= 0 else items[:limit]
