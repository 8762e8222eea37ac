"""Round 26's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.clauses import context_clauses
from bot.matching.guesses import appends_a_guess, figures_offered


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a clause that asks nothing and names no subject, beside one that asks, is an aside
        ("quick one from a curious student - when was the doctoral event?", "doctoral-event-date"),
        (
            "fact-checking a feature on chinese districts - how many talent projects did "
            "tongzhou support?",
            "talent-projects-funding",
        ),
        ("thinking about a move back, what's policy 3.0 mainly about?", "policy-3-0"),
        ("forgive the basic question, what does alphaess do?", "alphaess-business"),
        ("battery engineer, thinking about a move - what does alphaess make?", "alphaess-business"),
        ("big fan of the district, why does tongzhou prioritise talent?", "talent-priority"),
        ("sorry to bother, where does your info come from?", "about-source"),
        # a clause asking yes or no, or whether, keeps the story beside it as context
        (
            "im a phd in leeds and was wondering whether tongzhou runs events for people abroad",
            "talent-events",
        ),
    ],
)
def test_round26_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # an aside naming a subject, or a number, is asked about
        "housing subsidies, does policy 3.0 have them?",
        "salary wise, what does alphaess pay?",
        "before 3.0 there was a 2.0 version, what was in it",
        # "roughly?" alone asks too little to make the rest an aside
        "tongzhou district pop. roughly?",
    ],
)
def test_round26_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


def test_a_decimal_point_is_no_clause_break() -> None:
    context, asked = context_clauses("before 3.0 there was a 2.0 version, what was in it")
    assert asked == ("before 3.0 there was a 2.0 version", "what was in it")
    assert context == ()


def test_an_aside_is_context_only_beside_a_plain_question() -> None:
    assert context_clauses("curious student here - when was the event?")[0] == (
        "curious student here",
    )
    assert context_clauses("long day, lots of reading about tongzhou")[0] == ()


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a figure offered in a yes-or-no question is corrected by the entry counting the same
        ("did tongzhou fund 500 projects?", "talent-projects-funding"),
        ("does alphaess have 50 subsidiaries worldwide", "alphaess-global-reach"),
        ("were 60 startups in mass production", "talent-projects-outcomes"),
        ("was the total funding around 1 billion yuan?", "talent-projects-funding"),
    ],
)
def test_round26_offered_figures(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # ... but it still weighs against entries counting something else, or nothing
        "does each phd get 500000 yuan",
        "is the policy worth 500 million yuan",
        "did 20 projects fail",
        "did 100 projects get funding in 2025",
    ],
)
def test_round26_offered_figures_declined(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


def test_figures_offered_skip_multipliers_and_years() -> None:
    words = "was the total funding around 1 billion yuan in 2023"
    surface = tuple(words.split())
    assert figures_offered(surface) == (("1", "yuan"),)
    assert figures_offered(("how", "many", "of", "the", "372", "projects")) == ()


@pytest.mark.parametrize(
    ("message", "talk"),
    [
        # small talk first, then something said about the message, the asker or the bot
        ("thanks, that helps a lot with my slides", "thanks"),
        ("ok thanks, that goes into my slides", "thanks"),
        ("谢谢你 这下我心里有数了", "thanks"),
        ("hey bot, hello from a chemist", "greeting"),
        ("好的 回头见", "goodbye"),
    ],
)
def test_round26_opened_by_talk(rules_only: FaqEngine, message: str, talk: str) -> None:
    assert outcome(rules_only, message) == ("smalltalk", talk)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # ... but a subject named after the greeting, or a wish to know, is asked about
        ("hi, policy 3.0", "policy-3-0"),
        ("hi, i want to know about policy 3.0", "policy-3-0"),
        ("你好，我想了解人才政策", "policy-3-0"),
        ("谢谢 那AlphaESS总部在哪", "alphaess-headquarters"),
        ("thanks! now tell me where alphaess is", "alphaess-headquarters"),
    ],
)
def test_round26_asked_after_talk(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # 还是 offers options, as "or" does: the entry stating the fact picks one
        ("通州的重点产业链是12条还是10条", ("answer", "industrial-chains")),
        ("AlphaESS子公司是30多家还是50多家", ("answer", "alphaess-global-reach")),
        # options the knowledge base knows nothing of still ask about them
        ("人才公寓是免费还是要交租", ("decline", None)),
        ("申请3.0要线上还是线下办", ("decline", None)),
    ],
)
def test_round26_options_in_chinese(
    rules_only: FaqEngine, question: str, expected: tuple[str, str | None]
) -> None:
    assert outcome(rules_only, question) == expected


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # round 27: pinyin typed for the knowledge base's Chinese terms, and everyday words
        ("rencai zhengce 3.0 是啥", "policy-3-0"),
        ("通州的chanyelian有几条", "industrial-chains"),
        ("AlphaESS的zongbu在哪", "alphaess-headquarters"),
        ("AlphaESS业务铺得广吗", "alphaess-global-reach"),
    ],
)
def test_round27_words(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # round 28: what will happen this season, or again, is beyond the article
        "will the uk scholars come back this spring",
        "will the doctoral gathering be repeated this autumn?",
        # a guest's discipline, as his field
        "董洪标是哪个学科的院士",
    ],
)
def test_round28_declines(rules_only: FaqEngine, question: str) -> None:
    assert rules_only.matcher.match(question).kind != "answer"


def test_round28_asking_again_is_no_future(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "will you tell me again when the doctoral event was") == (
        "answer",
        "doctoral-event-date",
    )


@pytest.mark.parametrize(
    ("message", "talk"),
    [
        # round 28: the person asked about is the bot; what "this account" can be asked
        ("you a real person or some AI?", "who-are-you"),
        ("这个号都能问些什么", "what-can-you-do"),
        ("你能回答哪方面的问题", "what-can-you-do"),
    ],
)
def test_round28_about_the_bot(rules_only: FaqEngine, message: str, talk: str) -> None:
    assert outcome(rules_only, message) == ("smalltalk", talk)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # round 28: figures alone after a question are the asker's guesses at its answer
        ("how many subsidiaries does alphaess have? 20? 40?", "alphaess-global-reach"),
        ("when was the doctoral event, april?", "doctoral-event-date"),
        # ... which do not make another subject answerable
        ("what salary does alphaess pay, 20k?", None),
        ("how much funding per project, 1 million?", None),
    ],
)
def test_round28_appended_guesses(
    rules_only: FaqEngine, question: str, expected: str | None
) -> None:
    assert answers_or_not(rules_only, question, expected)


def test_appends_a_guess_needs_a_question_before_the_figures() -> None:
    assert appends_a_guess("how many chains, 5? 8?")
    assert not appends_a_guess("5? 8?")
    assert not appends_a_guess("how many projects got funding in 2025")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # round 28: the year or the date asked for "is how much": a date, not a count
        ("艾罗引进年份是多少", "alphaess-talent-project"),
        ("博士活动日期是多少", "doctoral-event-date"),
        # a count stays a count
        ("人才项目数量是多少", "talent-projects-funding"),
    ],
)
def test_round28_year_asked_as_how_much(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a review of round 26-28: small talk opening a request is no small talk
        ("hi, i need the address of alphaess headquarters", "alphaess-headquarters"),
        ("thanks, now i need the funding total", "talent-projects-funding"),
        ("hi, i'm interested in the talent hubs", "talent-hubs"),
        ("hey, the doctoral event date for my article", "doctoral-event-date"),
        ("你好，我要艾罗总部地址", "alphaess-headquarters"),
        ("谢谢你，那活动日期", "doctoral-event-date"),
        # ... nor a request the sources do not cover; 你好像 is no greeting
        ("hi, i need housing for my family", None),
        ("你好，我是博士，想找房子", None),
        ("你好像没回答我", None),
    ],
)
def test_review_requests_after_talk(
    rules_only: FaqEngine, question: str, expected: str | None
) -> None:
    match = rules_only.matcher.match(question)
    if expected is None:
        assert match.kind not in ("answer", "smalltalk")
    else:
        assert (match.kind, match.entry_id) == ("answer", expected)


@pytest.mark.parametrize(
    "question",
    [
        # a review of rounds 26-28: a question pointing back at a thing named before it asks
        # about that thing, which is no aside
        "tesla, how many subsidiaries does it have?",
        "the old policy, what did it cover?",
        "the december event, when was it?",
        "the autumn one, when will it be held?",
        # and an interview at another company is no context for "the head office"
        "interviewing at tesla next month, where is the head office?",
    ],
)
def test_review_things_named_before_the_question(rules_only: FaqEngine, question: str) -> None:
    assert rules_only.matcher.match(question).kind != "answer"


@pytest.mark.parametrize(
    "question",
    [
        # a review of rounds 26-28: a year after a question is a guess only at "when", and a
        # year in the question itself is asked about
        "any talent events in tongzhou, 2026?",
        "how many projects were supported, 2019?",
        "how many projects were funded in 2025? 400?",
        "how many startups went public in 2019? 5?",
    ],
)
def test_review_years_after_a_question(rules_only: FaqEngine, question: str) -> None:
    assert rules_only.matcher.match(question).kind != "answer"


@pytest.mark.parametrize(
    "question",
    [
        # a review of rounds 26-28: 还是 as "rather" offers no options; "this place" can be
        # asked about subjects the sources lack; a subsidy in pinyin is still a per-person one
        "那还是问一下宁德时代的总部在哪",
        "这儿能帮我做什么签证",
        "fangzi butie",
        # options between amounts of money ask what one person gets
        "博士补贴是50万还是100万？",
    ],
)
def test_review_words_read_too_widely(rules_only: FaqEngine, question: str) -> None:
    assert rules_only.matcher.match(question).kind not in ("answer", "smalltalk")
