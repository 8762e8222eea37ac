"""The second opinion of the labelled example questions (bot/matching/examples.py).

Where the matcher's rules would suggest or decline, an entry (or small talk) the examples are
sure of is answered; where the rules answer, the examples may decline or pick the runner-up.
Never an entry the rules object to, nor against a question that reads exactly as one of the
entry's phrasings, nor against an answer to a question asking what no entry states.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.faq import FaqEngine
from bot.knowledge.model import Example, Position
from bot.matching.examples import ExampleModel, pieces, second_opinion
from bot.matching.normalise import normalise
from bot.matching.outcome import Candidate, Match
from bot.matching.settings import MatchSettings

ROOT = Path(__file__).resolve().parents[2]
HERE = Position("examples/asked.yaml", 1, 1)


def _model(*labelled: tuple[str, str]) -> ExampleModel:
    return ExampleModel([Example(question, label, HERE) for question, label in labelled])


FERRY = _model(
    ("where does the ferry leave from", "ferry-pier"),
    ("ferry pier location", "ferry-pier"),
    ("which dock for the boat", "ferry-pier"),
    ("when does the museum open", "museum-hours"),
    ("museum opening times", "museum-hours"),
    ("how much is a ferry ticket", "decline"),
    ("ferry ticket price", "decline"),
    ("hello there", "smalltalk"),
)
# Thresholds a model of eight examples can reach; the shipped defaults need thousands.
LAX = MatchSettings(
    example_probability=0.5,
    example_entry_over_declined=0.0,
    example_entry_over_declined_asking_beyond=0.0,
    example_answerable_per_piece=0.0,
    example_margin=5.0,
    example_smalltalk_probability=0.5,
    example_decline_probability=0.5,
    example_swap_probability=0.5,
)
TALK = [
    Example("hello", "greeting", HERE),
    Example("good morning", "greeting", HERE),
    Example("thanks a lot", "thanks", HERE),
    Example("many thanks", "thanks", HERE),
    Example("谢谢", "thanks", HERE),
]
CHATTY = ExampleModel(
    [
        *FERRY.examples,
        Example("hi there, anyone around", "smalltalk", HERE),
        Example("cheers, thanks so much", "smalltalk", HERE),
    ],
    TALK,
)


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


def _declined(*ranked: Candidate, **flags: bool) -> tuple[Match, list[Candidate]]:
    return Match("decline", "en", score=ranked[0].score, candidates=ranked, **flags), list(ranked)


PIER = Candidate("ferry-pier", 25.0, objected=False)
HOURS = Candidate("museum-hours", 20.0, objected=False)


def test_a_decline_the_examples_are_sure_of_becomes_an_answer() -> None:
    match, ranked = _declined(HOURS, PIER)
    answered = second_opinion(FERRY, "where is the ferry dock", match, ranked, LAX)
    assert (answered.kind, answered.entry_id, answered.score) == ("answer", "ferry-pier", 25.0)


@pytest.mark.parametrize(
    ("question", "settings"),
    [
        ("ferry pier whereabouts", replace(LAX, example_probability=0.99)),  # unsure which
        # the entry is not far enough above "decline", or too many pieces read as declined
        ("where is the ferry dock", replace(LAX, example_entry_over_declined=50.0)),
        ("where is the ferry dock", replace(LAX, example_answerable_per_piece=5.0)),
        ("ferry ticket price please", LAX),  # near a declined example
        ("hello there friend", LAX),  # small talk, but this model knows no small talk's kinds
    ],
)
def test_a_decline_stays_when_the_examples_are_not_sure(
    question: str, settings: MatchSettings
) -> None:
    match, ranked = _declined(HOURS, PIER)
    assert second_opinion(FERRY, question, match, ranked, settings) is match


def test_what_the_rules_object_to_stays_declined() -> None:
    objected = Candidate("ferry-pier", 25.0, objected=True)
    match, ranked = _declined(HOURS, objected)
    assert second_opinion(FERRY, "where is the ferry dock", match, ranked, LAX) is match
    match, ranked = _declined(HOURS)  # the examples' entry is not among the candidates
    assert second_opinion(FERRY, "where is the ferry dock", match, ranked, LAX) is match


def test_a_decline_asking_beyond_the_entries_may_still_be_answered() -> None:
    # The rules read "where" as an ask no entry states; the examples know such questions.
    match, ranked = _declined(HOURS, PIER, asks_beyond=True)
    answered = second_opinion(FERRY, "where is the ferry dock", match, ranked, LAX)
    assert (answered.kind, answered.entry_id) == ("answer", "ferry-pier")
    # ... but it takes a surer opinion than a question asking nothing beyond them
    opinion = FERRY.opinion("where is the ferry dock")
    assert opinion is not None
    surer = replace(LAX, example_entry_over_declined_asking_beyond=opinion.entry_over_declined + 1)
    assert second_opinion(FERRY, "where is the ferry dock", match, ranked, surer) is match
    plain, _ = _declined(HOURS, PIER)
    assert second_opinion(FERRY, "where is the ferry dock", plain, ranked, surer).kind == "answer"


def test_small_talk_the_examples_are_sure_of_gets_its_kind_from_the_small_talk() -> None:
    match, ranked = _declined(HOURS, PIER)
    talk = second_opinion(CHATTY, "thanks so much, cheers", match, ranked, LAX)
    assert (talk.kind, talk.entry_id) == ("smalltalk", "thanks")
    assert talk.score is not None
    assert 50.0 <= talk.score <= 100.0
    hello = second_opinion(CHATTY, "hi there, good morning", Match("decline", "en"), [], LAX)
    assert (hello.kind, hello.entry_id) == ("smalltalk", "greeting")
    unsure = replace(LAX, example_smalltalk_probability=1.1)
    assert second_opinion(CHATTY, "thanks so much, cheers", match, ranked, unsure) is match


def test_the_runner_up_replaces_an_answer_unless_a_phrasing_was_asked() -> None:
    ranked = [Candidate("museum-hours", 70.0, objected=False), PIER]
    answer = Match("answer", "en", entry_id="museum-hours", score=70.0, candidates=tuple(ranked))
    swapped = second_opinion(FERRY, "where is the ferry dock", answer, ranked, LAX)
    assert (swapped.entry_id, swapped.score) == ("ferry-pier", 25.0)
    exact = Match("answer", "en", entry_id="museum-hours", score=100.0, candidates=tuple(ranked))
    assert second_opinion(FERRY, "where is the ferry dock", exact, ranked, LAX) is exact
    partial = Match("answer", "en", entry_id="museum-hours", score=70.0, partial=True)
    assert second_opinion(FERRY, "where is the ferry dock", partial, ranked, LAX) is partial


def test_an_answer_the_examples_say_was_declined_is_declined() -> None:
    ranked = [Candidate("ferry-pier", 70.0, objected=False), HOURS]
    answer = Match("answer", "en", entry_id="ferry-pier", score=70.0, candidates=tuple(ranked))
    declined = second_opinion(FERRY, "ferry ticket price?", answer, ranked, LAX)
    assert (declined.kind, declined.entry_id, declined.score) == ("decline", None, 70.0)
    assert declined.candidates == answer.candidates  # the closest entry, for the question log
    # not against a phrasing asked word for word, nor where the rules weighed an ask beyond
    exact = replace(answer, score=100.0)
    assert second_opinion(FERRY, "ferry ticket price?", exact, ranked, LAX) is exact
    beyond = replace(answer, asks_beyond=True)
    assert second_opinion(FERRY, "ferry ticket price?", beyond, ranked, LAX) is beyond
    unsure = replace(LAX, example_decline_probability=1.1)
    assert second_opinion(FERRY, "ferry ticket price?", answer, ranked, unsure) is answer


@pytest.fixture(scope="module")
def rules_alone() -> FaqEngine:
    return FaqEngine.load(settings=MatchSettings(use_examples=False))


@pytest.mark.parametrize(
    ("question", "rules", "served"),
    [
        # fresh wording the rules decline or answer wrongly
        ("老外来的那个博士活动是几号", ("decline", None), ("answer", "doctoral-event-date")),
        (
            "艾罗总部落户哪",
            ("answer", "alphaess-talent-project"),
            ("answer", "alphaess-headquarters"),
        ),
        # small talk the rules do not know, and an ask the examples know was declined
        ("辛苦你了，这么晚还在回消息", ("decline", None), ("smalltalk", "thanks")),
        (
            "which body was behind the march PhD event, the district or the city",
            ("answer", "doctoral-event-date"),
            ("decline", None),
        ),
        # near misses stay declined
        (
            "the overseas doctoral event: which agency hosted it",
            ("decline", None),
            ("decline", None),  # the examples lean to the date, but not twice as surely
        ),
        ("does the policy cover housing?", ("decline", None), ("decline", None)),
        ("who organised the doctoral event?", ("decline", None), ("decline", None)),
        ("which ten chains are they", ("decline", None), ("decline", None)),
        ("What is the phone number of the talent office?", ("decline", None), ("decline", None)),
        ("what salary does a postdoc get?", ("decline", None), ("decline", None)),
    ],
)
def test_the_shipped_engine_with_and_without_examples(
    shipped: FaqEngine,
    rules_alone: FaqEngine,
    question: str,
    rules: tuple[str, str | None],
    served: tuple[str, str | None],
) -> None:
    alone = rules_alone.ask(question)
    assert (alone.kind, alone.entry_id) == rules
    reply = shipped.ask(question)
    assert (reply.kind, reply.entry_id) == served


def test_inline_search_lists_the_answer_the_examples_chose_first(shipped: FaqEngine) -> None:
    question = "老外来的那个博士活动是几号"
    assert shipped.ask(question).entry_id == "doctoral-event-date"
    found = shipped.search(question)
    assert found
    assert found[0].entry_id == "doctoral-event-date"
    assert len({reply.entry_id for reply in found}) == len(found)


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
