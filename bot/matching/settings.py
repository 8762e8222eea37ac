"""The matcher's thresholds and weights, in one documented place.

Every number the decision depends on lives here, so it can be tuned (``benchmarks/accuracy.py``
shows how each default was chosen on the tuning sets, now ``knowledge/examples/``: dev to dev9
and holdout to holdout4) or overridden by a caller without touching the matching code.
The defaults sit on a plateau, not on a single best point: with plain_word_weight 0.35,
answer_threshold 39-41 gives the same in-scope accuracy on the tuning sets together (95.9%)
and 40-42 the same rejection (97.7%); 0.4 with 42 declines as much but answers 0.9 points
fewer in-scope questions.

Scores are on a 0..100 scale throughout.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchSettings:
    # --- the decision -----------------------------------------------------------------------
    # Answer when the best entry's confidence reaches this and it leads the runner-up by
    # ``min_margin``, or when it reaches ``sure_threshold`` whatever the runner-up scores.
    answer_threshold: float = 40.0
    min_margin: float = 4.0
    sure_threshold: float = 60.0
    # Below ``answer_threshold`` but at least this: offer the top entries as "did you mean?".
    suggest_threshold: float = 30.0
    # A message asking two or three things ("..., and what is the deadline?") that no entry
    # answers as a whole is answered by the one part an entry answers this surely, when the
    # others are declined (bot/matching/messages.py). A part read alone has lost what the rest
    # said, so ``sure_threshold`` is too lax for it ("通州房价多少，还有AlphaESS美国分公司在哪"
    # gave the subsidiaries at 64); 70 keeps every part answered on the tuning sets.
    part_answer_threshold: float = 70.0
    # How many "did you mean?" candidates to offer, and the least confidence a candidate needs
    # to be offered at all (the first is always offered).
    max_suggestions: int = 3
    suggestion_floor: float = 22.5

    # --- the second opinion of the labelled examples (bot/matching/second_opinion.py) -------
    # Where the matcher would suggest or decline, the entry the examples point to is answered
    # when naive Bayes gives it at least ``example_probability``; that entry is at least
    # ``example_entry_over_declined`` nats likelier than "decline"; the two-class model's
    # log-odds of "answerable" reach ``example_answerable_per_piece`` per piece of the question;
    # and the question comes no nearer to a declined example than to that entry's
    # (``example_margin`` rapidfuzz ratio points; 0, since a margin of 3 or 5 lost more
    # answers than it saved declines on the tuning sets). A question asking what no entry
    # states (who organised, a price, how to apply: ``Match.asks_beyond``) needs the entry to
    # lead "decline" by ``example_entry_over_declined_asking_beyond`` instead: such asks share
    # the words of the entry they are near. Where the examples say small talk with
    # ``example_smalltalk_probability``, and the small talk's own phrasings say which one with
    # ``example_smalltalk_kind_probability``, it is small talk. Where the matcher answers
    # (below a full score, and not a question asking beyond the entries), the first of these
    # acts: the answer is declined when the examples say "decline" with
    # ``example_decline_probability`` and the question comes no nearer to an example of the
    # entry than to every declined one (rapidfuzz ratio; a tie counts as no nearer); declined
    # when it scores below
    # ``example_near_declined_below``, a declined example scores ``example_near_declined_ratio``
    # or more against the question (rapidfuzz ratio) and no example of that entry scores more,
    # unless some entry leads "decline" among the examples by ``example_near_declined_lead``;
    # offered as a "did you mean?" suggestion when it scores below ``example_doubted_below``
    # and no entry leads "decline" by ``example_doubted_entry_over_declined`` (a near miss the
    # rules half match: "通州十条产业链都涉及什么领域"); replaced by the runner-up when the
    # examples give it ``example_swap_probability``. Chosen by
    # leaving each example file out in turn and on held-out sets whose misses were read, then
    # checked once on a fresh pair (benchmarks/README.md).
    use_examples: bool = True
    example_probability: float = 0.99
    example_entry_over_declined: float = 30.0
    example_entry_over_declined_asking_beyond: float = 45.0
    example_answerable_per_piece: float = -0.2
    example_margin: float = 0.0
    example_smalltalk_probability: float = 0.99
    example_smalltalk_kind_probability: float = 0.8
    example_decline_probability: float = 0.9
    example_doubted_below: float = 70.0
    example_doubted_entry_over_declined: float = 20.0
    example_near_declined_below: float = 80.0
    example_near_declined_ratio: float = 80.0
    example_near_declined_lead: float = 70.0
    example_swap_probability: float = 0.999

    # --- the confidence -----------------------------------------------------------------------
    # The rapidfuzz scorer comparing a question with each phrasing (see phrasing_scores.SCORERS).
    fuzzy_scorer: str = "token_set_ratio"
    # Relative weights of the three signals (see bot/matching/matcher.py): the best rapidfuzz
    # score against one phrasing, the best IDF-weighted overlap with one phrasing, and the
    # entry's coverage of the question's words. They are normalised to sum to 1.
    fuzzy_weight: float = 1.0
    overlap_weight: float = 1.0
    coverage_weight: float = 1.0
    # How strongly what an entry cannot answer pulls its confidence down: the confidence is
    # multiplied by (1 - unseen / (known + unseen)) ** unknown_penalty, where unseen is the
    # weight of the words the knowledge base has never seen plus, for that entry, what the
    # question asks that it does not state (a count, a time, names, a subject, a number).
    unknown_penalty: float = 2.5
    # Weight of a word the knowledge base has never seen, as a multiple of the highest IDF of a
    # word it has seen (an unseen word is at least as informative as the rarest known word).
    unknown_word_weight: float = 1.0
    # An unseen word that is neither generic nor a subject of its own ("roughly", "nephew")
    # counts this fraction of that.
    plain_word_weight: float = 0.35
    # ... and a generic unseen word (words.WEAK_WORDS: "happen", "care", "态度") or a lone
    # unseen Chinese character counts this fraction of that.
    weak_word_weight: float = 0.25
    # ... and an unseen word naming a subject of its own (words.SUBJECT_WORDS: "housing",
    # "visa", "申请", "海门") this many: the question is about that subject.
    subject_word_weight: float = 2.0
    # ... and an unseen word only in a clause about the asker ("I have a job interview with
    # AlphaESS, where is their head office") this fraction of its weight: it tells why the
    # asker asks, not what.
    context_word_factor: float = 0.0
    # ... and an unseen plain word in a fact offered for checking ("AlphaESS makes solar panels,
    # right?") this many: it is likely the asker's guess, which the right entry corrects.
    guess_word_weight: float = 0.15
    # ... and a request for a list of names ("which five companies", "具体是哪些") this many
    # unseen words: the knowledge base gives counts, not lists. A question about the asker's
    # own case ("my startup", "我的") or about one item's share ("each project", "每个") counts
    # ``personal_weight`` unseen words.
    list_request_weight: float = 2.0
    # ... and a number the knowledge base never states ("2023", "50") this many: it names a
    # year or a quantity the source does not speak of. A number the knowledge base states but
    # an entry does not counts as this many unseen words for that entry.
    unknown_number_weight: float = 1.5
    personal_weight: float = 1.0
    # ... and a question asking how many ("how many people", "几个") this many, for the entries
    # whose answer states no number at all; likewise a question asking when ("when", "哪一年")
    # for the entries whose answer states no time.
    uncounted_weight: float = 1.5
    # ... and, for an entry whose numbers count fewer of the things the question counts than
    # another entry's ("how many talent projects": one entry counts talent projects, another
    # supported projects), this many for each share of those words it lacks.
    count_shortfall_weight: float = 1.0

    # --- small talk -----------------------------------------------------------------------------
    # A question is small talk when it is this close (rapidfuzz ratio) to a small-talk phrasing,
    # or when it says nothing about the knowledge base and either holds a small-talk word or
    # is most of a small-talk phrasing, or holds one (bot/matching/smalltalk.py).
    smalltalk_threshold: float = 85.0

    # --- typo tolerance -------------------------------------------------------------------------
    # An English word the knowledge base has never seen is read as a known word within this many
    # edits (optimal string alignment; same first letter). Words shorter than
    # ``typo_min_length`` are never corrected: "rent" must not become "went".
    typo_min_length: int = 5
    typo_long_word: int = 9  # words this long may carry two edits
    # --- cost bounds ---------------------------------------------------------------------------
    # The normalised question is cut to this many characters: a 10,000-character paste costs
    # no more than a long question.
    max_query_chars: int = 300
    # At most this many entries (the best by word overlap) are scored with rapidfuzz, so the
    # cost follows the candidates, not the size of the knowledge base.
    max_candidates: int = 40
