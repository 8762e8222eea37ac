"""What the matcher does with the labelled examples' reading of a question.

The rules (``Matcher``) decide first; ``bot/matching/examples.py`` reads the question against
the examples. Where the rules would suggest or decline, the examples may answer with an entry
or make small talk; where the rules answer below a full score, they may decline, offer the
answer as a suggestion, or pick the rules' runner-up (in that order of precedence).
``MatchSettings`` holds how sure each reading must be (chosen as ``benchmarks/README.md``
describes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.matching.evaluation import DECLINE, SMALLTALK
from bot.matching.examples import ExampleModel, Opinion
from bot.matching.outcome import Candidate, Match, worth_suggesting
from bot.matching.settings import MatchSettings

_FULL_SCORE = 100.0


def second_opinion(
    model: ExampleModel,
    question: str,
    match: Match,
    ranked: Sequence[Candidate],
    settings: MatchSettings,
) -> Match:
    """``match``, or what the examples say instead where they are sure enough of it.

    Never an entry the matcher objects to (``Candidate.objected``: names it does not give,
    ...). A question asking what no entry states (``Match.asks_beyond``) needs a surer opinion
    to be answered, is never made small talk, and where the matcher answers it, that answer
    stands: the matcher has weighed that ask already. One asking plainly for a gathering
    still to come (``Match.asks_the_future``) is left to the matcher altogether.
    """
    if match.kind == "smalltalk" or match.partial or not model.weighs_scope:
        return match
    if match.asks_the_future:
        return match
    if match.kind == "answer":
        return _declined_or_swapped(model, question, match, ranked, settings)
    opinion = model.opinion(question)
    if opinion is None or opinion.label == DECLINE:
        return match
    if opinion.label == SMALLTALK:
        return _as_small_talk(model, question, match, opinion, settings)
    candidate = next((c for c in ranked if c.entry_id == opinion.label), None)
    if candidate is not None and candidate.objected:
        return match
    # Where the rules found no entry at all to weigh ("where's this from"), none objects
    # either; where they found some, the examples' entry must be among them.
    if candidate is None and ranked:
        return match
    lead = (
        settings.example_entry_over_declined_asking_beyond
        if match.asks_beyond
        else settings.example_entry_over_declined
    )
    if (
        opinion.probability >= settings.example_probability
        and opinion.entry_over_declined >= lead
        and opinion.answerable_per_piece >= settings.example_answerable_per_piece
        and model.nearer_than_declined(question, opinion.label, settings.example_margin)
    ):
        return Match(
            "answer",
            match.lang,
            entry_id=opinion.label,
            score=0.0 if candidate is None else candidate.score,
            candidates=tuple(ranked[: settings.max_suggestions]),
        )
    return match


def _as_small_talk(
    model: ExampleModel, question: str, match: Match, opinion: Opinion, settings: MatchSettings
) -> Match:
    """Small talk where the examples are sure of it and of which small talk it is: thanks with
    a real question in it ("thanks! how do I apply?") is no small talk to answer."""
    if match.asks_beyond or opinion.probability < settings.example_smalltalk_probability:
        return match
    # Letters alone are no small talk: "Nguyen Van Thanh" shares most of those of "thanks".
    if not model.shares_a_word(question, SMALLTALK):
        return match
    talk = model.small_talk_kind(question)
    if talk is None or talk[1] < settings.example_smalltalk_kind_probability:
        return match
    # The score of small talk the rules find is how well the message matches its phrasing;
    # here it is how sure the small-talk model is of which small talk it is, on the same scale.
    return Match("smalltalk", match.lang, entry_id=talk[0], score=100.0 * talk[1])


def _declined_or_swapped(
    model: ExampleModel,
    question: str,
    match: Match,
    ranked: Sequence[Candidate],
    settings: MatchSettings,
) -> Match:
    """The matcher's answer; declined where the examples are sure such questions were
    declined (unless it reads nearer to one of the entry's examples than to every declined
    one, a tie counting as nearer to the declined one as below: "通州人才项目取得了哪些成果"
    shares more pieces with declined questions about the projects than with the outcomes'
    examples, but reads nearest "通州人才项目的成果如何"), or one of them reads almost as the
    question; a suggestion where the matcher is only half sure and the examples do not find it
    clearly in scope; or its runner-up where they are surer still that it answers."""
    # Never against an answer the matcher is fully sure of (a confidence of 100, which most
    # questions reading as one of the entry's phrasings get): staff wrote those phrasings for
    # it, whatever askers before meant by such words.
    score = match.score or 0.0
    if score >= _FULL_SCORE or match.asks_beyond:
        return match
    opinion = model.opinion(question)
    if opinion is None:
        return match
    if (
        opinion.label == DECLINE
        and opinion.probability >= settings.example_decline_probability
        and model.reads_as_declined(question, match.entry_id or "", 0.0)
    ):
        return _declined(match)
    # A question reading almost word for word as one staff labelled "decline", and no nearer
    # to any of the entry's own examples, is that near miss asked again ("how many
    # subsidiaries does AlphaESS have in Europe" after "... in Africa"); unless the examples
    # find some entry far ahead of "decline" (which also spares most answers the comparing).
    # A tie with the entry's nearest example counts as nearer to the declined one.
    if (
        score < settings.example_near_declined_below
        and opinion.entry_over_declined < settings.example_near_declined_lead
        and model.reads_as_declined(
            question, match.entry_id or "", settings.example_near_declined_ratio
        )
    ):
        return _declined(match)
    # A half-sure answer also needs the examples to find it in scope: near misses share the
    # entry's words, so the rules score them like the entry's own questions. It is offered as
    # a suggestion instead: one tap answers an asker who did mean it, and no fact is stated to
    # one who did not.
    if (
        score < settings.example_doubted_below
        and opinion.entry_over_declined < settings.example_doubted_entry_over_declined
    ):
        return _doubted(match, settings)
    if (
        len(ranked) >= 2
        and not ranked[1].objected
        and opinion.label == ranked[1].entry_id
        and opinion.probability >= settings.example_swap_probability
    ):
        return replace(match, entry_id=ranked[1].entry_id, score=ranked[1].score)
    return match


def _doubted(match: Match, settings: MatchSettings) -> Match:
    """The answer offered as a "did you mean?" suggestion, with the candidates the matcher
    would suggest; a decline when none is near enough to suggest."""
    offered = worth_suggesting(match.candidates, settings.suggestion_floor)
    if not offered:
        return _declined(match)
    return Match("suggest", match.lang, score=match.score, candidates=offered)


def _declined(match: Match) -> Match:
    """The answer declined, keeping its score and candidates (for the question log)."""
    return Match("decline", match.lang, score=match.score, candidates=match.candidates)
