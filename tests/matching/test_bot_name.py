"""The bot called by name: its name alone, or asked what or who it is, asks about the bot."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.bot_name import the_bot_as_you


@pytest.mark.parametrize(
    ("tokens", "read"),
    [
        ("what is tongzhou helper", "what is you"),
        ("what the tongzhou talent bot", "what you"),  # "the" goes with the name
        ("hey tongzhou bot", "hey you"),
        ("what is this bot", "what is you"),
        ("who is faq bot", "who is you"),
        # "bot" alone is a greeting's own wording; a helper spoken of is a person
        ("hey bot", "hey bot"),
        ("doe alphaess have a tongzhou helper", "doe alphaess have a tongzhou helper"),
        ("hire a talent assistant", "hire a talent assistant"),
        # a name and the place asked about
        ("tongzhou bot where is tongzhou", "you where is tongzhou"),
    ],
)
def test_english_names_read_as_you(tokens: str, read: str) -> None:
    assert the_bot_as_you(tokens.split(), tuple(tokens.split())) == read.split()


@pytest.mark.parametrize(
    ("tokens", "surface", "read"),
    [
        # "helpers" reads "helper" among the tokens, but people called helpers are not the bot
        (
            ["are", "tongzhou", "helper", "real", "peopl"],
            ("are", "tongzhou", "helpers", "real", "people"),
            ["are", "tongzhou", "helper", "real", "peopl"],
        ),
        # 通州区小助手 reads "tongzhou" and the title, but no name of the bot is typed
        (["tongzhou", *"小助手"], tuple("通州区小助手"), ["tongzhou", *"小助手"]),
        # "this bot" is "you" with no name at all
        (["what", "is", "this", "bot"], ("what", "is", "this", "bot"), ["what", "is", "you"]),
    ],
)
def test_only_a_name_as_typed_is_read_as_you(
    tokens: list[str], surface: tuple[str, ...], read: list[str]
) -> None:
    assert the_bot_as_you(tokens, surface) == read


@pytest.mark.parametrize(
    ("tokens", "read"),
    [
        (["tongzhou", *"小助手是什么"], list("你是什么")),
        (["tongzhou", "talent", *"机器人是谁做的"], list("你是谁做的")),
        (["tongzhou", *"助理"], ["你"]),
        # the place alone, or before something no name is made of
        (["tongzhou", *"在哪"], ["tongzhou", *"在哪"]),
        (["tongzhou", "talent", *"政策"], ["tongzhou", "talent", *"政策"]),
        (["tongzhou", "talent"], ["tongzhou", "talent"]),
    ],
)
def test_chinese_names_read_as_you(tokens: list[str], read: list[str]) -> None:
    typed = "".join(tokens).replace("tongzhou", "通州").replace("talent", "人才")
    assert the_bot_as_you(tokens, tuple(typed)) == read


@pytest.mark.parametrize(
    "question",
    [
        # the name alone: the asker calls the bot
        "tongzhou helper",
        "Tongzhou talent bot?",
        "通州小助手",
        "通州人才机器人",
        "通州小助手呀",
        # what or who the named bot is, and who made it
        "what is tongzhou helper",
        "who is tongzhou assistant",
        "what's the tongzhou talent bot",
        "通州小助手是什么",
        "通州人才机器人是谁做的",
        "who made the tongzhou talent bot",
    ],
)
def test_the_bot_named_alone_or_asked_about(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question) == ("smalltalk", "who-are-you")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the name with a greeting, thanks or a question is still that
        ("hey tongzhou helper", ("smalltalk", "greeting")),
        ("通州小助手你好", ("smalltalk", "greeting")),
        ("thanks tongzhou helper", ("smalltalk", "thanks")),
        ("what can tongzhou helper do", ("smalltalk", "what-can-you-do")),
        ("通州小助手，通州在哪个省", ("answer", "tongzhou-location")),
        ("通州小助手，艾罗能源总部在哪", ("answer", "alphaess-headquarters")),
    ],
)
def test_the_name_with_more_is_read_as_before(
    rules_only: FaqEngine, question: str, expected: tuple[str, str]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize("question", ["you", "u", "你", "tongzhou", "通州", "talent", "人才"])
def test_you_or_a_name_word_alone_is_not_the_bots_name(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question) != ("smalltalk", "who-are-you")


@pytest.mark.parametrize(
    "question",
    [
        "你是干什么的",
        "你是做什么的",
        "你是干啥的",
        # what the bot is, asked bare; the bot's Chinese name as the subject
        "你是啥",
        "what is this",
        "what's this?",
        "通州人才机器人多少钱",
        "通州小助手是哪个公司的",
    ],
)
def test_what_the_bot_does_is_no_companys_business(shipped: FaqEngine, question: str) -> None:
    # "你是干什么的" was answered with AlphaESS's line of business, "通州人才机器人多少钱" with
    # the projects' funding.
    assert outcome(shipped, question) == ("smalltalk", "who-are-you")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "what is this" names a subject after it; 你是啥 goes on to ask what the asker meant
        ("what is this priority", ("answer", "talent-priority")),
        ("what's this priority", ("answer", "talent-priority")),
        ("你是啥意思", ("decline", None)),
        # "helpers" are people; 通州区 before 小助手 is the district
        ("are tongzhou helpers real people", ("decline", None)),
    ],
)
def test_near_readings_of_the_bot_are_not_the_bot(
    shipped: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(shipped, question) == expected
