"""Round 38's readings, from the misses of holdout91-94 and a tester's messages: figures in
words, the group a list is asked of, what a body named in an answer is, and goodbyes, each next
to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_for_a_list


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # A figure in words is checked as the same figure in digits: "twenty" had gone to the
        # date, "a dozen" and "twelve ... named" had been read as asking which chains.
        ("about twenty UK scholars showed up, correct?", "doctoral-event-guests"),
        ("about 20 UK scholars showed up, correct?", "doctoral-event-guests"),
        ("someone told me Tongzhou named a dozen key chains, true?", "industrial-chains"),
        ("was it twelve key chains that tongzhou named, or fewer", "industrial-chains"),
        ("tongzhou named 12 key chains right", "industrial-chains"),
    ],
)
def test_a_figure_in_words_is_checked(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("someone told me tongzhou named a dozen key chains, true?", False),
        ("was it 12 key chains that tongzhou named, or fewer", False),
        # ... but a figure does not stop a request for the names
        ("what are the 10 chains tongzhou named", True),
        ("which chains did tongzhou name", True),
        ("give me the 10 chains tongzhou named", True),
        ("tell me the ten key chains tongzhou named", True),
    ],
)
def test_named_with_a_figure_is_what_the_district_did(
    shipped: FaqEngine, question: str, expected: bool
) -> None:
    surface = shipped.matcher.analyse(question).surface
    assert asks_for_a_list(surface) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("give me the 10 chains tongzhou named", ("decline", None)),
        ("did tongzhou name about ten chains", ("answer", "industrial-chains")),
        # a number word is a figure where a figure is checked, and nowhere else
        ("thanks a dozen", ("smalltalk", "thanks")),
        ("fivee startups are going public, right?", ("answer", "talent-projects-outcomes")),
        # a figure in words offered for checking is corrected by the entry counting it
        ("does alphaess have fifty subsidiaries?", ("answer", "alphaess-global-reach")),
        # "what are the other ..." after "besides" asks for more of what an entry may give
        (
            "besides energy storage what are the other businesses of alphaess",
            ("answer", "alphaess-business"),
        ),
    ],
)
def test_what_the_readings_leave_alone(
    rules_only: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        # The one entry naming members names people: asked for other groups' names, it had
        # answered with the guests.
        "list the events tongzhou held",
        "besides the doctoral event what other events were there",
        "besides the doctoral event, which other events did tongzhou hold",
    ],
)
def test_a_list_of_another_group_is_not_the_guests(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[1] != "doctoral-event-guests"


@pytest.mark.parametrize(
    "question",
    [
        # people of any kind are the guests' members
        "which guests came to tongzhou for the march event for overseas phds",
        "guest list of the uk event",
        "which experts came to the doctoral event",
        "海外博士活动都有哪些嘉宾",
        "博士活动上都有哪些人",
        "name the academicians who came",
        # of several group words in a row, the last names the members
        "name the event guests",
        "names of the uk event guests",
        "list the event's academicians",
        "which event guests were academicians",
        # "list" as a verb after the event named
        "who were the guests at the event, list them",
    ],
)
def test_a_list_of_people_is_still_the_guests(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question) == ("answer", "doctoral-event-guests")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # what the body is, which the article does not say
        ("what is the royal academy of engineering", ("decline", None)),
        ("what's the royal academy of engineering", ("decline", None)),
        # ... but its name, and who came from it, it does
        ("what is the name of the scholars society", ("answer", "doctoral-event-guests")),
        ("what is the academy gu sai is from", ("answer", "doctoral-event-guests")),
        (
            "what is the royal academy of engineering gu sai is from",
            ("answer", "doctoral-event-guests"),
        ),
        ("which academy were the academicians from", ("answer", "doctoral-event-guests")),
    ],
)
def test_what_a_body_named_in_an_answer_is(
    rules_only: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize("message", ["下回聊", "我去吃饭了，下回聊哈", "回头聊吧"])
def test_chinese_goodbyes(rules_only: FaqEngine, message: str) -> None:
    assert outcome(rules_only, message) == ("smalltalk", "goodbye")


@pytest.mark.parametrize(
    "question",
    [
        # words after the body's name that tell nothing of another body
        "what is the outstanding young scholars society in the uk?",
        "what's the uk's outstanding young scholars society all about",
    ],
)
def test_what_a_body_is_with_words_after_it(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"
