"""Round 24's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.clauses import context_clauses
from bot.matching.counting import counted_in_chinese


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # "put first" in everyday Chinese
        ("通州为什么把人才摆在第一位", "talent-priority"),
        ("通州凭什么把人才放第一位", "talent-priority"),
        ("how does talent fit in tongzhou's plans for the economy", "talent-priority"),
        # an editor or a fiancée only says who is asking
        ("my editor wants the url of the article you use", "about-source"),
        ("my fiancee works in tongzhou, which city is it part of", "tongzhou-location"),
        ("你的资料截止到什么时候", "about-source"),
        # neighbours: the purpose of the event stays the event's
        ("purpose of the march 26 event", "doctoral-event-purpose"),
        ("am i right that alphaess is in nantong", "alphaess-headquarters"),  # a check, not a case
        ("talent bot, where is alphaess hq", "alphaess-headquarters"),  # named, then asked
        # ... and counts the entries do state, or values that are no count
        ("通州有几条重点产业链", "industrial-chains"),
        ("艾罗能源有多少个子公司", "alphaess-global-reach"),
        ("来了几个英国的专家学者", "doctoral-event-guests"),
        ("原文网址是多少", "about-source"),
        ("扶持资金总额是多少", "talent-projects-funding"),
        ("remind me again, where is alphaess hq", "alphaess-headquarters"),  # no future
        ("was the doctoral event held again", "doctoral-event-date"),
        # neighbours a review found: "again ... be", a plan later this year, "am i" asking
        # something else, information asked for ("can we get a list"), a request to the bot
        ("which province would tongzhou be in again?", "tongzhou-location"),
        ("I'm moving to tongzhou later this year, which province is it in?", "tongzhou-location"),
        ("is tongzhou part of nantong, or am i confused?", "tongzhou-location"),
        ("can we get a list of the guests?", "doctoral-event-guests"),
        ("能给我什么信息？", "about-source"),
        # a rough figure or a month offered for checking is the asker's guess
        ("alphaess sells in like 60 countries?", "alphaess-global-reach"),
        ("was the doctoral event held in june?", "doctoral-event-date"),
        ("alphaess makes solar panels, rite", "alphaess-business"),
        # the asker's task and who someone is to them are context; everyday wording
        ("preparing a market report, what does alphaess do", "alphaess-business"),
        ("was Gu Sai at the event? he is my supervisor in Birmingham", "doctoral-event-guests"),
        ("when did alphaess set up shop in tongzhou", "alphaess-talent-project"),
        ("十大产业链是怎么回事", "industrial-chains"),
        ("does tongzhou run events aimed at people like me", "talent-events"),
        # everyday words for the hubs and the outcomes; "can you confirm" offers a fact
        ("人才枢纽是什么意思", "talent-hubs"),
        ("人才集聚点在哪里", "talent-hubs"),
        ("did the funded startups succeed", "talent-projects-outcomes"),
        ("how did the talent projects turn out", "talent-projects-outcomes"),
        (
            "investor doing research: can you confirm alphaess hq is in the high-tech zone",
            "alphaess-headquarters",
        ),
        # someone close to the asker, in a phrase describing the place; which people is "who"
        ("我老公想去的通州在哪个省", "tongzhou-location"),
        ("参加活动的英国学者有哪些人", "doctoral-event-guests"),
        # "investor question:" signs who asks
        (
            "investor question: what's the aggregate district-level funding across the talent "
            "projects, and how many projects in total?",
            "talent-projects-funding",
        ),
    ],
)
def test_round_24_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "which industrys do the key chains cover",  # a misspelt plural still asks for names
        "which companys are going public",
        "下回的海外博士活动什么时候",  # the next event: the future
        "the five going public, which ones",  # "ones" is still read as "one"
        "who started alphaess originally",  # "originally" is no evidence for the source entry
        "were there events in april",  # what happened then, not whether a date is right
        "alphaess has like 500 staff?",  # a guessed figure of a subject no entry covers
        "what's the success rate of the funded projects",  # a rate the article never gives
        "can you confirm the hotline number of the talent office",
        # the asker's own case, whatever the story before it
        "my startup is moving to tongzhou. what subsidies are there?",
        "my company wants to move to tongzhou, what support is there?",
        "my kid needs a school place, does the talent policy help",
        "can foreigners get startup funding in tongzhou",  # who qualifies: never stated
        "外国人在通州开公司有补贴吗",
        # a rough figure is a guess, but the rest of the question still counts as asked
        "does alphaess make like 10 million a year?",
        "does alphaess own like 3 factories?",
        # a manager's or a client's benefits are asked for the asker's side
        "my manager wants to move his factory to tongzhou. what subsidies are there?",
        "my startup is moving to tongzhou. what help is there?",
        # valuations, market shares and rivals are subjects; "what are X called" asks names
        "investor doing DD: what is alphaess valued at?",
        "investor doing DD: what is alphaess's market share?",
        "writing a memo on alphaess, who are its competitors?",
        "investor question: what are alphaess's subsidiaries called?",
        "did the kunshan talent projects succeed?",  # another place
        # the asker's side: what they would get, their own standing, what they may do
        "我们公司准备搬到通州，能得到什么支持？",
        "我是博士，通州能给我什么？",
        "i have a phd from oxford. am i a high-level talent?",
        "can we get funding",
        # a count of a thing no entry counts: the hubs (the entry counts chains)
        "人才驿站有几个",
        "人才驿站一共建了多少个",
        "海外博士活动签了多少个合作项目",
        "can I attend the doctoral event online",
        # a greeting, a topic or a company before the question signs nobody
        "hi, is there a visa program for my husband?",
        "sorry, is alphaess stock a good buy for my blog readers?",
        "alphaess doing layoffs, is that true?",
        "housing question: what does the 3.0 policy cover?",
        "researching rent prices in tongzhou, what does the policy cover?",
        # the future: the event again, later this year
        "when is the doctoral event happening again?",
        "is there a talent event later this year?",
    ],
)
def test_round_24_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


def test_a_short_clause_signing_who_asks_is_context() -> None:
    context, asked = context_clauses("where are the talent hubs, recruiter asking")
    assert context == ("recruiter asking",)
    assert asked == ("where are the talent hubs",)


@pytest.mark.parametrize(
    ("question", "smalltalk_id"),
    [
        ("who r u", "who-are-you"),  # texting shorthand spelt out
        ("r u a bot", "who-are-you"),
        ("what can this bot do", "what-can-you-do"),  # "this bot" is "you"
        ("is this bot working", "greeting"),
        ("你是个啥机器人呀", "who-are-you"),  # particles left out
        ("what kind of things can u help me with", "what-can-you-do"),
        ("hiya talent bot", "greeting"),  # the bot's name, not a subject
        ("morning tongzhou bot", "greeting"),
    ],
)
def test_round_24_small_talk(rules_only: FaqEngine, question: str, smalltalk_id: str) -> None:
    assert outcome(rules_only, question) == ("smalltalk", smalltalk_id)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("通州有几条重点产业链", {"industrial_chain"}),  # after the count and its measure word
        ("人才驿站一共建了几个", {"talent_hub"}),  # the question ends there: the words before
        ("有哪几位院士参加", set()),  # which ones, not how many
        ("AlphaESS的生意做到了几十个国家", set()),  # dozens: a guess
        ("原文网址是多少", set()),  # a value
        ("扶持资金总额大概多少", set()),  # an amount of money
    ],
)
def test_what_a_chinese_question_counts(
    rules_only: FaqEngine, question: str, counted: set[str]
) -> None:
    assert counted_in_chinese(rules_only.matcher.analyse(question).tokens) == counted
