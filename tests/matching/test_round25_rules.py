"""Round 25's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_when
from bot.matching.clauses import context_clauses
from bot.matching.people import about_the_asker, only_naming_the_bot, words_naming_the_bot


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a purpose asked of the talent drive, not of the event
        ("what's the goal of tongzhou's talent push", "talent-priority"),
        ("通州引进人才的意义是什么", "talent-priority"),
        ("tongzhou talent drive, end goal?", "talent-priority"),
        # neighbours: the event's purpose stays the event's, a policy's aim is its focus, and
        # "at what point" asks when
        ("what was the goal of the uk scholars' visit", "doctoral-event-purpose"),
        ("what is the aim of the new talent policy", "policy-3-0"),
        ("at what point did tongzhou launch policy 3.0", "policy-3-0"),
        # "if I may ask" is politeness; a writer's piece says who asks
        ("which article are you citing, if I may ask", "about-source"),
        ("before I quote you in my column, which site is this from?", "about-source"),
        # facts are information
        ("where do you get your facts from", "about-source"),
        # everyday words: a line of business, who went, a count, "please tell"
        ("艾罗是干哪个行当的", "alphaess-business"),
        ("海外博士活动去了哪些人", "doctoral-event-guests"),
        ("产业链个数 求告知", "industrial-chains"),
        # a rough figure the knowledge base also uses (10 chains) is still only a guess
        ("does alphaess have like 10 subsidiaries", "alphaess-global-reach"),
        ("are there like 10 key chains?", "industrial-chains"),
        ("did like 30 experts come?", "doctoral-event-guests"),
        # whom the answer is for is context
        ("please summarise for our hr team what policy 3.0 is about", "policy-3-0"),
        ("can you explain for my readers where alphaess is based", "alphaess-headquarters"),
        # everyday words: spending money (砸钱), obsessed; how much talent matters
        ("通州砸了多少钱在人才项目上", "talent-projects-funding"),
        ("why is tongzhou obsessed with talent", "talent-priority"),
        ("人才对通州有多重要", "talent-priority"),
        # neighbours of the bot as the subject: the asker's check, the source, a company
        ("are you sure alphaess has 30 subsidiaries", "alphaess-global-reach"),
        ("did you get this from the article", "about-source"),
        ("where is alphaess from", "alphaess-headquarters"),
        # neighbours: the guests' purpose, a guest named, the asker's field, how many will
        ("what did the uk experts discuss in tongzhou", "doctoral-event-purpose"),
        ("was dong hongbiao at the doctoral event", "doctoral-event-guests"),
        ("did gu sai come? he is famous in my field", "doctoral-event-guests"),
        ("how many companies will go public", "talent-projects-outcomes"),
        ("how much funding have the talent projects had", "talent-projects-funding"),
        # neighbours a review found: "run me through", "you made", "thank you from", the
        # article on a guest, a guest at the talks, "will you tell me"
        ("can you run me through policy 3.0", "policy-3-0"),
        ("you made a mistake, alphaess has 30 subsidiaries right?", "alphaess-global-reach"),
        ("thank you from bristol! one more: when was the doctoral event", "doctoral-event-date"),
        ("这个机器人是从哪里得到这些信息的", "about-source"),
        ("what does the article say about gu sai", "doctoral-event-guests"),
        ("did gu sai attend the talks in tongzhou?", "doctoral-event-guests"),
        ("will you tell me when alphaess first came to tongzhou", "alphaess-talent-project"),
        ("who were the big names at the event", "doctoral-event-guests"),
        ("这个人才项目多少钱", "talent-projects-funding"),
        ("sooo where is alphaess hq", "alphaess-headquarters"),  # a drawn-out word, a question
        # which Tongzhou is meant: "talking about" asks what the bot means
        ("tongzhou beijing or tongzhou jiangsu, which are you talking about", "tongzhou-location"),
        ("which tongzhou do u mean", "tongzhou-location"),
        ("人才枢纽一般放在啥单位", "talent-hubs"),
        # brackets after "me" say who asks; a cover letter is the asker's task, not their case
        ("does tongzhou hold events for people like me (postdoc in leeds)?", "talent-events"),
        ("what industry is alphaess in? need it for my cv", "alphaess-business"),
        # events put on or thrown are hosted; knowledge is information; plain words are weak
        ("what sort of events did the district throw to lure brains", "talent-events"),
        ("what events has the district put on to attract people", "talent-events"),
        ("where does your knowledge come from", "about-source"),
        ("explain policy 3.0 in plain words", "policy-3-0"),
        ("talent bot, in which companies are the talent hubs set up", "talent-hubs"),
        ("tongzhou talent bot, where is tongzhou?", "tongzhou-location"),  # named, then asked
        ("tongzhou helper, where is tongzhou", "tongzhou-location"),
        ("通州小助手，通州在哪个省", "tongzhou-location"),
        ("通州小助手，通州", "tongzhou-location"),  # the name, then the place alone
        ("通州小助手，艾罗能源总部在哪", "alphaess-headquarters"),
        # "the chains tongzhou named" is what the district did, not a request for names
        ("how many key chains has tongzhou named?", "industrial-chains"),
    ],
)
def test_round_25_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "if I move to tongzhou, is there housing?",  # still the asker's own case
        "if I may ask, what salary does a postdoc get?",
        "for our team: what does the policy cover for housing?",
        # names asked for again ("which specific"), a street, who runs something
        "the talent hubs are in which particular companies",
        "what street is the alphaess hq on",
        "街道门牌号是多少",
        "who runs the talent events",
        "who ran the doctoral event",
        # a question about the bot naming a subject asks about the subject
        "what can you do about housing",
        "你能帮我找房子吗",
        # a guest's talk or field of work; the form the money takes; an IPO still to come
        "what did dong hongbiao talk about",
        "顾赛院士在活动上讲了什么",
        "which field is dong hongbiao in",
        "gu sai's area of expertise?",
        "is the 400 million a loan or a subsidy",
        "通州的人才项目资金是股权投资吗",
        "does the district take equity in funded startups",
        "will the five companies go public this year",
        # ... but not a guess about who a policy or events are for, nor an organiser
        "is there a talent policy at universities?",
        "is policy 3.0 in universities, right?",
        "博士活动是什么单位主办的",
        "what do you mean",  # asks nothing of the knowledge base's subjects
        "does the policy (3.0) cover housing?",  # brackets alone say nothing of the asker
        # found by a red team: a guessed count of what an entry does not count, a filler
        # before a count the article does not give, a guest's age, a company's founder, a
        # WeChat account the article does not name, something else put first
        "tongzhou has like 5 talent hubs?",
        "前前后后博士活动办了几届",
        "if I may ask, how old is gu sai",
        "who is alphaess's founder",
        "summarise for my readers alphaess's financial results",
        "通州的公众号有多少粉丝",
        "通州把环保当回事吗",
        "哪类单位能获得资助",
        "what are the ten chains named",  # still a request for names
        # found by a review: the chains named, how others fared, people placed somewhere, a
        # guess with a qualifier, an organiser's kind, 前后, an example alone, spending on
        # something else, what an offer gives our staff
        "what are the chains tongzhou named?",
        "how did the experts fare",
        "are the uk scholars at universities?",
        "alphaess has like 5 subsidiaries in the uk?",
        "has alphaess got like 3 subsidiaries in africa?",
        "博士活动是哪类单位主办的",
        "政策3.0前后有什么变化",
        "举个例子吧",
        "通州在基建上砸了多少",
        "what does policy 3.0 offer for our staff",
        # after the round: who owns or heads something, the price of a thing
        "who owns alphaess",
        "who led the uk delegation",
        "这个储能系统多少钱",
        "艾罗的电池一台卖多少钱",
        "which of the five will go public first",
    ],
)
def test_round_25_declines(rules_only: FaqEngine, question: str) -> None:
    # Declined or suggested: neither answered nor taken for small talk.
    assert outcome(rules_only, question)[0] in ("decline", "suggest")


@pytest.mark.parametrize(
    ("question", "smalltalk_id"),
    [
        # a person or a machine; what the bot can help with, in wordings no phrasing holds
        ("is this a human typing or an ai", "who-are-you"),
        ("你是机器人还是真人", "who-are-you"),
        ("what sort of stuff can you handle", "what-can-you-do"),
        ("你都能帮我干点啥", "what-can-you-do"),
        # leaving, and the bot's two-word name
        ("ok have to run, bye", "goodbye"),
        ("evening tongzhou talent bot", "greeting"),
        # ... or its helper or assistant, in English or Chinese
        ("hello tongzhou helper", "greeting"),
        ("hi tongzhou assistant", "greeting"),
        ("yo tongzhou helper, knock knock, you awake in there?", "greeting"),
        ("通州小助手你好", "greeting"),
        # the bot as the subject: where it comes from, who runs it, what it costs
        ("is this bot run by alphaess?", "who-are-you"),
        ("r u from tongzhou?", "who-are-you"),
        ("这个机器人多少钱啊", "who-are-you"),
        ("你是哪家单位的", "who-are-you"),
        ("who created you", "who-are-you"),
        ("were you built by alphaess", "who-are-you"),
        # letters drawn out in chat
        ("hiii", "greeting"),
        ("heyyy there", "greeting"),
        ("byeee", "goodbye"),
        ("thxxx", "thanks"),
        ("hellooo", "greeting"),
    ],
)
def test_round_25_small_talk(rules_only: FaqEngine, question: str, smalltalk_id: str) -> None:
    assert outcome(rules_only, question) == ("smalltalk", smalltalk_id)


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def test_politeness_is_not_the_askers_case() -> None:
    assert not about_the_asker(words("which article is it if i may ask"))
    assert about_the_asker(words("if i move there is there housing"))


def test_brackets_after_me_are_context() -> None:
    context, asked = context_clauses("any events for ppl like me (phd in germany)?")
    assert context == ("phd in germany",)
    assert asked == ("any events for ppl like me",)


def test_when_followed_by_exactly_asks_when() -> None:
    assert asks_when(("since", "when", "exactly"))
    assert not asks_when(("what", "did", "they", "discuss", "when", "they", "met"))


def test_the_bot_named_is_no_subject() -> None:
    assert words_naming_the_bot(("hello", "tongzhou", "helper")) == ["tongzhou", "helper"]
    assert words_naming_the_bot(("morning", "tongzhou", "talent", "bot")) == ["talent", "tongzhou"]
    assert words_naming_the_bot(tuple("通州人才机器人你好")) == ["tongzhou", "talent"]
    # a helper or assistant not named after the place may be a job; one not addressed, a person
    assert words_naming_the_bot(("hire", "a", "talent", "assistant")) == []
    assert words_naming_the_bot(("does", "alphaess", "have", "a", "tongzhou", "helper")) == []
    # the place named again is asked about
    assert only_naming_the_bot(tuple("通州小助手你好")) == {"tongzhou"}
    assert only_naming_the_bot(tuple("通州小助手，通州在哪")) == set()


@pytest.mark.parametrize(
    "question",
    [
        # a tongzhou helper or assistant spoken of, not addressed: a person the sources never name
        "how much funding does a tongzhou talent assistant get",
        "which tongzhou assistant organised the doctoral event",
        "does alphaess have a tongzhou helper",
        "is the tongzhou helper part of policy 3.0",
    ],
)
def test_a_helper_spoken_of_is_not_the_bot(shipped: FaqEngine, question: str) -> None:
    # The engine as served (the rules alone answer some of these, as they did before the bot
    # could be called a helper).
    assert outcome(shipped, question)[0] != "answer"
