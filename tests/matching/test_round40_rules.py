"""Round 40's readings, from the misses of holdout99-106: a figure of guests checked with an
irregular verb after it, subsidiaries asked of a continent, whom the policy covers asked for
the asker, and a gathering still to come, which the examples never answer; each next to a
neighbour the change must leave alone (a fresh review found several, mended)."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_for_a_gathering_to_come
from bot.matching.counting import what_a_figure_counts
from bot.matching.people import about_the_asker


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def test_a_figure_counts_up_to_an_irregular_verb() -> None:
    # "flew" had been read as part of what ten counts, which no entry's figure then matched
    counted = what_a_figure_counts(
        _words("roughly ten scholars flew in from britain correct"), frozenset()
    )
    assert counted == ("scholars",)
    assert what_a_figure_counts(
        _words("about 30 experts arrived from the uk right"), frozenset()
    ) == ("experts",)


@pytest.mark.parametrize(
    "words",
    [
        "does the talent policy count me",
        "does policy 3.0 cover me",
        "does the policy apply to me",
        "am i covered by the new policy",
        "would i count as talent",
    ],
)
def test_whom_the_policy_covers_asked_for_the_asker(words: str) -> None:
    assert about_the_asker(_words(words))


@pytest.mark.parametrize(
    "words",
    [
        "what does policy 3.0 cover",
        "does the 42 count include alphaess",
        "does the policy apply to companies",
        "i count on you for this",
        # a sum checked, and requests ("include me" for "give me")
        "do i count it right 72 start-ups",
        "so do i count 5 firms going public",
        "count me in when is the event",
        "can you include me the date of the doctoral event",
        "include me on the funding numbers please",
    ],
)
def test_what_the_policy_covers_is_no_personal_case(words: str) -> None:
    assert not about_the_asker(_words(words))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "roughly ten scholars flew in from britain, correct?",
            ("answer", "doctoral-event-guests"),
        ),
        ("how many experts flew in from the uk", ("answer", "doctoral-event-guests")),
        # the article gives no subsidiaries or markets by continent
        ("which alphaess subsidiaries are in europe", ("decline", None)),
        ("艾罗在欧洲有几家子公司", ("decline", None)),
        ("does alphaess sell in africa", ("decline", None)),
        # ... but where the asker is stays the asker's bearings
        ("I'm a postdoc in Europe, when was the doctoral event", ("answer", "doctoral-event-date")),
        ("我在欧洲读博，通州在哪个省", ("answer", "tongzhou-location")),
        ("I only have an MSc, does the talent policy even count me?", ("decline", None)),
        ("am I covered by the new policy", ("decline", None)),
        ("what does policy 3.0 cover", ("answer", "policy-3-0")),
        # 中东部 (central-east) is no Middle East
        ("通州区位于南通市中东部吗", ("answer", "tongzhou-location")),
    ],
)
def test_round40_readings(
    rules_only: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize(
    "words",
    [
        "any upcoming talent fairs",
        "when is the next event for overseas doctoral talent",
        "will there be another overseas phd event this year",
        "is there going to be a talent fair",
    ],
)
def test_a_gathering_to_come_asked_plainly(words: str) -> None:
    assert asks_for_a_gathering_to_come(_words(words))


@pytest.mark.parametrize(
    "words",
    [
        # the future other readings also take in, which the examples may still answer
        "follow up when was policy 3.0 launched",
        "how many projects has tongzhou supported since then",
        "what dates is the doctoral event running again",
        "i will soon finish my phd when was the overseas doctoral event",
        "what happened on the next day of the event",
    ],
)
def test_no_gathering_to_come(words: str) -> None:
    assert not asks_for_a_gathering_to_come(_words(words))


def test_the_examples_never_answer_what_is_still_to_come(shipped: FaqEngine) -> None:
    # The examples hold many "any talent fairs in tongzhou" answered with the events held;
    # the article cannot say what is upcoming.
    assert outcome(shipped, "any upcoming talent fairs")[0] != "answer"
    assert outcome(shipped, "are there talent fairs in tongzhou") == ("answer", "talent-events")
    # Readings of the future that also take in the asker's plans or a follow-up question are
    # left to the examples, as before.
    for question in (
        "通州那个人才新政3.0是啥时候推出来的，今年还是去年",
        "I will soon finish my PhD, when was the overseas doctoral event?",
    ):
        unseen = shipped.without_examples([question])
        assert outcome(unseen, question)[0] == "answer"
