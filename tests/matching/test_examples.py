"""The labelled example questions' readings of a question (bot/matching/examples.py)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

from examples_models import CHATTY, FERRY, labelled
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.faq import FaqEngine
from bot.matching.examples import ExampleModel, pieces
from bot.matching.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]


def _model(*pairs: tuple[str, str]) -> ExampleModel:
    return ExampleModel(labelled(*pairs))


def test_pieces_read_words_letters_and_chinese_characters() -> None:
    found = pieces(normalise("Ferry pier 渡轮码头"))
    assert {"wferry", "wpier", "e<fe", "e<fer", "eerr", "ery>", "bferry_pier"} <= found
    assert {"c渡", "c渡轮", "c轮码头"} <= found
    assert pieces(normalise("")) == frozenset()


def test_the_opinion_names_the_label_whose_examples_the_question_is_like() -> None:
    opinion = FERRY.opinion("where is the ferry dock")
    assert opinion is not None
    assert opinion.label == "ferry-pier"
    assert opinion.probability > 0.5
    declined = FERRY.opinion("price of a ferry ticket?")
    assert declined is not None
    assert declined.label == "decline"
    assert declined.entry_over_declined < 0 < opinion.entry_over_declined
    assert declined.answerable_per_piece < 0 < opinion.answerable_per_piece


def test_no_examples_no_opinion() -> None:
    assert ExampleModel([]).opinion("where is the ferry") is None


def test_nearness_to_declined_examples_holds_an_answer_back() -> None:
    assert FERRY.nearer_than_declined("ferry pier location?", "ferry-pier", 5.0)
    assert not FERRY.nearer_than_declined("ferry ticket prices", "ferry-pier", 5.0)
    # A negative margin lets declined examples come nearer by that much (any, at -100).
    assert FERRY.nearer_than_declined("ferry ticket prices", "ferry-pier", -100.0)


def test_a_question_reading_as_a_declined_example_is_read_as_declined() -> None:
    # "ferry ticket prices" scores 97 against "ferry ticket price", far above any pier example
    assert FERRY.reads_as_declined("ferry ticket prices", "ferry-pier", 80.0)
    assert not FERRY.reads_as_declined("ferry ticket prices", "ferry-pier", 98.0)
    # some declined example always reaches a floor of 0, but this pier example comes nearer
    assert not FERRY.reads_as_declined("ferry pier location?", "ferry-pier", 0.0)
    # a label without examples comes nearer to nothing
    assert FERRY.reads_as_declined("ferry pier location?", "no-such-entry", 0.0)


# Few letters, so that texts often come near one another or tie; examples of one entry and
# declined ones, either list possibly empty.
_TEXTS = st.text(alphabet="ab 通州", min_size=1, max_size=12)
_EXAMPLES = st.tuples(st.lists(_TEXTS, max_size=8), st.lists(_TEXTS, max_size=8))


def _ratios(question: str, texts: list[str]) -> list[float]:
    return [fuzz.ratio(normalise(question), normalise(text)) for text in texts]


def _model_of(examples: tuple[list[str], list[str]]) -> ExampleModel:
    ours, declined = examples
    return ExampleModel(labelled(*[(q, "pier") for q in ours], *[(q, "decline") for q in declined]))


@given(examples=_EXAMPLES, question=_TEXTS, margin=st.floats(-150.0, 150.0))
def test_nearer_than_declined_is_what_comparing_every_example_gives(
    examples: tuple[list[str], list[str]], question: str, margin: float
) -> None:
    # (The readings pass over most examples; this is the plain definition.)
    ours, declined = examples
    floor = max(_ratios(question, ours), default=0.0) - margin
    expected = all(score <= floor for score in _ratios(question, declined))
    assert _model_of(examples).nearer_than_declined(question, "pier", margin) == expected


@given(
    examples=_EXAMPLES,
    question=_TEXTS,
    floor=st.one_of(st.floats(0.0, 110.0), st.builds(fuzz.ratio, _TEXTS, _TEXTS)),
)
# The declined example reaches the floor (a tie) but not the entry's example, which is less
# than one point above it.
@example(
    examples=(["aaaaaaab"], ["aaaaa"]),
    question="abababab",
    floor=fuzz.ratio("abababab", "aaaaa"),
)
# ... and the entry's example less than half a point above it.
@example(
    examples=(["aaaaaaaaabab"], ["aaaaaaaab"]),
    question="ababababab",
    floor=fuzz.ratio("ababababab", "aaaaaaaab"),
)
def test_reads_as_declined_is_what_comparing_every_example_gives(
    examples: tuple[list[str], list[str]], question: str, floor: float
) -> None:
    ours, declined = examples
    nearest = max(_ratios(question, ours), default=0.0)
    expected = any(floor <= s and nearest <= s for s in _ratios(question, declined))
    assert _model_of(examples).reads_as_declined(question, "pier", floor) == expected


def test_a_word_is_shared_whole_or_not_at_all() -> None:
    assert CHATTY.shares_a_word("cheers mate", "smalltalk")
    assert not CHATTY.shares_a_word("cheersy thanksgiving", "smalltalk")  # letters only
    assert not CHATTY.shares_a_word("cheers mate", "no-such-label")
    chinese = ExampleModel(labelled(("多谢多谢", "smalltalk"), ("通州在哪", "decline")))
    assert chinese.shares_a_word("太多谢了", "smalltalk")  # two characters together
    assert not chinese.shares_a_word("多个", "smalltalk")  # one character alone


def test_leaving_a_question_out_also_forgets_its_twins() -> None:
    # The same pieces: a space between Latin and Chinese, or punctuation, teaches nothing new.
    twins = _model(
        ("AlphaESS跟人才项目有什么关系", "alphaess-talent-project"),
        ("where does the ferry leave from", "ferry-pier"),
        ("how much is a ferry ticket", "decline"),
    )
    smaller = twins.without(["AlphaESS 跟人才项目有什么关系？"])
    assert [e.question for e in smaller.examples] == [
        "where does the ferry leave from",
        "how much is a ferry ticket",
    ]


def test_leaving_questions_out_forgets_them() -> None:
    smaller = FERRY.without(["Ferry pier location!", "which dock for the boat"])
    assert len(smaller) == len(FERRY) - 2
    assert [e.question for e in smaller.examples if e.label == "ferry-pier"] == [
        "where does the ferry leave from"
    ]
    assert len(FERRY) == 8  # the original is unchanged


def test_the_engine_learns_from_the_shipped_examples(shipped: FaqEngine) -> None:
    assert shipped.matcher.example_count > 19_000
    asked = [e.question for e in shipped.knowledge.examples[:3]]
    unseen = shipped.without_examples(asked)
    assert unseen.matcher.example_count <= shipped.matcher.example_count - 3
    assert shipped.matcher.example_count > 19_000  # the served engine is unchanged


def test_opinions_do_not_depend_on_the_process() -> None:
    # Set order differs between processes (string hashing); the sums must not.
    code = (
        "from bot.faq import FaqEngine\n"
        "m = FaqEngine.load().matcher.examples\n"
        "o = m.opinion('tongzhou talent hubs in which firms, and how many chains?')\n"
        "print(repr(o.probability), repr(o.entry_over_declined), o.label)\n"
        "print(repr(o.answerable_per_piece))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            timeout=120,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1, outputs


def test_words_no_example_has_leave_the_readings_unchanged() -> None:
    # Unknown words would otherwise count against the labels with the most examples: a
    # question of them would lean to small talk, and lift an entry's lead over "decline".
    plain = FERRY.opinion("where is the ferry dock")
    padded = FERRY.opinion("where is the ferry dock qzxv wqpl")
    assert plain == padded
    assert FERRY.opinion("qzxv wqpl") is None  # nothing but the priors to go on


def test_the_readings_of_scope_need_declined_and_answered_examples() -> None:
    assert FERRY.weighs_scope
    only_entries = _model(("ferry pier location", "ferry-pier"), ("museum times", "museum-hours"))
    assert not only_entries.weighs_scope
    opinion = only_entries.opinion("where is the ferry pier")
    assert opinion is not None
    assert opinion.entry_over_declined == math.inf
    assert opinion.answerable_per_piece == math.inf
    only_declined = _model(("ferry ticket price", "decline"), ("hi", "smalltalk"))
    assert not only_declined.weighs_scope
    opinion = only_declined.opinion("ferry ticket price")
    assert opinion is not None
    assert opinion.entry_over_declined == -math.inf
    assert opinion.answerable_per_piece == -math.inf


def _kind(model: ExampleModel, question: str) -> str | None:
    found = model.small_talk_kind(question)
    return None if found is None else found[0]


def test_small_talk_is_read_from_the_small_talks_own_phrasings() -> None:
    assert _kind(CHATTY, "thanks so much") == "thanks"
    assert _kind(CHATTY, "good morning all") == "greeting"
    assert _kind(FERRY, "thanks so much") is None  # no small talk to read from
    # Leaving examples out keeps the small talk's phrasings.
    assert _kind(CHATTY.without(["hello there"]), "many thanks") == "thanks"


def test_the_answerable_reading_is_per_piece_not_per_question() -> None:
    # Raw naive Bayes log-odds grow with the number of pieces; per piece they do not.
    short = FERRY.opinion("ferry pier location")
    wordy = "ferry pier location: where does the ferry leave from, which dock for the boat"
    long = FERRY.opinion(wordy)
    assert short is not None
    assert long is not None
    assert short.answerable_per_piece > 0
    assert long.answerable_per_piece < 4 * short.answerable_per_piece


def test_no_opinion_from_the_label_counts_alone() -> None:
    # Ten declined examples to one answered: a question sharing nothing with them would read
    # "decline" at 0.91 from the counts alone.
    lopsided = _model(
        *((f"如何申请{n}号补贴", "decline") for n in range(10)), ("where is the hq", "hq")
    )
    assert lopsided.opinion("founded today") is None
    assert FERRY.opinion("") is None


def test_examples_without_pieces_neither_raise_nor_weigh_scope() -> None:
    emoji = _model(("🙂🙂", "decline"), ("👍", "ferry-pier"))
    assert emoji.opinion("where is the ferry") is None
    assert not emoji.weighs_scope
    cyrillic_declines = _model(("где паром", "decline"), ("ferry pier location", "ferry-pier"))
    assert not cyrillic_declines.weighs_scope  # the declined class has no piece to count


def test_asking_does_not_grow_the_word_cache() -> None:
    model = _model(("ferry pier location", "ferry-pier"), ("ferry ticket price", "decline"))
    before = len(model._word_pieces)
    model.opinion("an utterly novel sentence with unheardof words")
    assert len(model._word_pieces) == before


def test_one_kind_of_small_talk_says_nothing_of_which() -> None:
    greeting_only = ExampleModel(labelled(("hi", "smalltalk")), labelled(("hello", "greeting")))
    assert greeting_only.small_talk_kind("thanks a lot, bye") is None
    assert _kind(CHATTY, "qzxv wqpl") is None  # nothing shared with any small talk
