"""Round 35's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # who the asker is, told with "my", does not make the question about the asker's case
        (
            "I'm a retired chemist and my nephew is weighing an offer. Where is AlphaESS's "
            "global head office, if I may ask?",
            "alphaess-headquarters",
        ),
        (
            "Forgive my curiosity, I am writing notes for my book club: in which year did "
            "AlphaESS come to the region as a talent project?",
            "alphaess-talent-project",
        ),
        # formal written Chinese: 本人/敝人 telling who asks, 之, 何以, 此处, 是否
        ("敝人研究锂电池多年，想请教艾罗能源之主营业务是否与储能有关？", "alphaess-business"),
        ("本人久居海外，敢问此处之通州归哪个省管？", "tongzhou-location"),
        ("通州何以如此看重创新人才？", "talent-priority"),
        ("通州把创新人才放在重要位置的原因是什么", "talent-priority"),
        # ... while what a company provides is still its business
        ("AlphaESS主要提供哪些产品", "alphaess-business"),
        ("what do you sell?", "alphaess-business"),
        # the told clause is the request: thanks after it is no small talk alone
        ("I'm looking for AlphaESS's head office address, thanks!", "alphaess-headquarters"),
        # a close one's need for a fact is no benefit wanted
        (
            "my daughter needs to write a report about AlphaESS, what does it do?",
            "alphaess-business",
        ),
        ("my son needs help with homework: where is Tongzhou?", "tongzhou-location"),
        # 1.0 as an amount is no policy version
        ("the funding was 1.0 billion yuan, correct?", "talent-projects-funding"),
        # a count offered for checking asks how many of what it counts
        ("heard 200 british academics turned up, is that figure right?", "doctoral-event-guests"),
        ("I read 500 talent projects were supported, correct?", "talent-projects-funding"),
        # ... while the day of what the article dates to the day is answered
        ("海外博士人才活动具体是哪天", "doctoral-event-date"),
        ("which day was the source article updated", "about-source"),
        # texting's 4 and 2 between words
        ("any events 4 recruiting phds in tongzhou", "talent-events"),
        ("which province does tongzhou belong 2", "tongzhou-location"),
        ("there were 372 projects supported, right?", "talent-projects-funding"),
        # ... but a span of days is no count
        ("the doctoral event ran 26-27 march, right?", "doctoral-event-date"),
    ],
)
def test_round35_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # once the asker has told of themselves, what they ask can be small talk
        ("I just got back from london, who are you?", ("smalltalk", "who-are-you")),
        ("刚从英国回来，你是谁", ("smalltalk", "who-are-you")),
        ("I am a postdoc in Leeds. what can you do?", ("smalltalk", "what-can-you-do")),
        # what help the bot gives, asked formally
        ("请问阁下能提供什么协助", ("smalltalk", "what-can-you-do")),
        ("您能提供哪些帮助呀", ("smalltalk", "what-can-you-do")),
    ],
)
def test_round35_small_talk(
    rules_only: FaqEngine, question: str, expected: tuple[str, str]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        # an earlier version of the policy, named by its number
        "the 2.0 policy came out in 2020 ya?",
        "人才新政2.0是哪年出的",
        # the asker's own case, asked in formal Chinese
        "本人能否申请人才新政3.0的补贴",
        # a close one's need, told and then asked about
        "my son needs a kindergarten place, does the talent policy help",
        # ... and a question about the asker's own case after their story
        "I'm a postdoc in Leeds. Can I get funding if I move to Tongzhou?",
        # what the asker wants for themselves or their own, told before a general question
        "If I move to Tongzhou, what subsidies are there?",
        "I need a grant for my lab. What's available in Tongzhou?",
        "My startup is looking for a home. Does policy 3.0 help?",
        "我的公司想落户通州，有什么补贴",
        "敝人之女欲往通州就业，可获何种补贴？",
        # whether the policy applies to the asker
        "我在英国读博，人才新政3.0对我适用吗",
        # what each of a counted group makes
        "那42家高新技术企业都生产什么",
        # the day asked of what the article dates only to a year's end
        "人才新政3.0是哪一天正式发布的",
        "what exact day did policy 3.0 come out",
        # a count that is no texting ("the 4 leading enterprises", "the coming 2 years")
        "what are the 4 leading enterprises",
        "in the coming 2 years will more academicians come",
        # a figure offered of what no entry counts is no count
        "I have 3 talent awards, so I qualify, right?",
        # a tag only checks the told clause, which is then what is asked: the asker's own case
        "my 2 kids are moving, right?",
        # 之 and 此 only as function words of formal Chinese, not inside other words
        "通州在一带一路中的作用是什么",
    ],
)
def test_round35_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["events", "4", "attracting", "talent"], ["events", "for", "attracting", "talent"]),
        (["need", "it", "4", "my", "notes"], ["need", "it", "for", "my", "notes"]),
        (["moving", "2", "tongzhou"], ["moving", "to", "tongzhou"]),
        # a count stays a count
        (["top", "4", "chains"], ["top", "4", "chains"]),
        (["the", "2", "academicians"], ["the", "2", "academicians"]),
        (["4", "my", "notes"], ["4", "my", "notes"]),
        (["the", "4", "leading"], ["the", "4", "leading"]),
        (["came", "2", "weeks"], ["came", "2", "weeks"]),
    ],
)
def test_texted_digits(rules_only: FaqEngine, tokens: list[str], expected: list[str]) -> None:
    assert rules_only.matcher.speller.corrected(tokens)[: len(expected)] == expected
