"""What the matcher decided about one question, before it is turned into a reply."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from bot.knowledge.model import Lang

Kind = Literal["answer", "suggest", "decline", "smalltalk"]


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    score: float  # 0..100, higher is surer
    # The question asks what this entry cannot say (Damping.objects_to): labelled examples
    # never answer with it. Known for the first few candidates only (True for the rest).
    objected: bool = field(default=True, compare=False)


@dataclass(frozen=True)
class Match:
    kind: Kind
    lang: Lang  # the reply language: the explicit preference, else the detected script
    entry_id: str | None = None  # the entry for "answer", the small-talk id for "smalltalk"
    score: float | None = None  # the best candidate's score, for every kind with a candidate
    candidates: tuple[Candidate, ...] = field(default=())  # best first; up to 3 for "suggest"
    # the answer is to one part of a message asking several; the sources say nothing of the rest
    partial: bool = False
    # it asks something no entry states (who organised, a price, how to apply): the labelled
    # examples need a surer opinion to answer it, and never make it small talk
    asks_beyond: bool = False
    # ... namely a gathering still to come, asked plainly ("any upcoming talent fairs", "when
    # is the next doctoral event"): the article tells only of what had happened, so the
    # examples never answer it, however like the events held it reads
    asks_the_future: bool = False


def worth_suggesting(candidates: Iterable[Candidate], floor: float) -> tuple[Candidate, ...]:
    """The candidates a "did you mean?" offers: those scoring ``floor`` or more
    (``MatchSettings.suggestion_floor``), in order."""
    return tuple(candidate for candidate in candidates if candidate.score >= floor)
