"""Round 33's readings, each next to a neighbour the change must leave alone."""

from __future__ import annotations

import pytest
from outcomes import answers_or_not, outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_for_a_list, asks_for_one_share
from bot.matching.subjects_guessed import member_guessed


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # what the district settled on, as a phrasal verb: no zero to look for
        ("how many key chains did tongzhou zero in on", "industrial-chains"),
        # a member the entry about the group names
        (
            "is alphaess one of the talent projects the district brought in?",
            "alphaess-talent-project",
        ),
        ("is gu sai one of the academicians who came", "doctoral-event-guests"),
        ("does alphaess count as one of the talent projects", "alphaess-talent-project"),
        ("were any FREng fellows among the visitors", "doctoral-event-guests"),
        # the totals themselves, not how they are shared out
        ("人才项目一共给了多少钱", "talent-projects-funding"),
        ("how much funding went into the talent projects in total", "talent-projects-funding"),
        # the total asked for, however it was allocated; "how much of a" is no part of a total
        ("how much funding was allocated to the talent projects", "talent-projects-funding"),
        ("how much of a priority is talent for tongzhou", "talent-priority"),
        # a place's events, not which of a counted group; 分布 is no share
        ("通州区里有哪些人才活动", "talent-events"),
        ("人才驿站如何分布", "talent-hubs"),
        # "asking as an investor" is one clause, about the asker
        ("where is tongzhou? asking as an investor", "tongzhou-location"),
        # the group's head after its owner and describing words
        (
            "alpha ess counts as one of the district's introduced talent projects",
            "alphaess-talent-project",
        ),
        # a year is no group's size
        ("which of the 2024 events brought experts from the uk", "doctoral-event-date"),
        # one of two places to choose between is no member of a group the sources never name
        ("which of the two tongzhous is this", "tongzhou-location"),
        # "am i wrong" tags a check, and a place told with its tag is checked
        ("the talent hubs are set up in universities, am i wrong?", "talent-hubs"),
        # 简单说下, "briefly": how to answer, not what
        ("alphaess是做啥的 简单说下", "alphaess-business"),
        # what the answer is for, and who asks, told beside the question
        (
            "when did alphaess come to the region? (for a class presentation)",
            "alphaess-talent-project",
        ),
        ("quick school essay q: what events does tongzhou run to attract talent", "talent-events"),
        ("which province is tongzhou in, need it for a visa letter", "tongzhou-location"),
        ("For investor due diligence: what does AlphaESS do?", "alphaess-business"),
        ("phd student in lyon. what is policy 3.0 about", "policy-3-0"),
        ("做电池采购的 想问AlphaESS总部在哪个园区", "alphaess-headquarters"),
        # where something fits asks what part it plays, not a place
        ("where does talent fit into tongzhou's growth plans", "talent-priority"),
        # a rough figure offered is a guess the entry's figure corrects
        ("alphaess has 40-odd subsidiaries right", "alphaess-global-reach"),
        # 通洲, a common slip for 通州
        ("通洲在哪个省", "tongzhou-location"),
        # two options ending a question asking where: the asker's guesses
        ("where do the talent hubs sit, government agencies or companies?", "talent-hubs"),
        ("人才驿站是设在企业里吗 还是政府部门", "talent-hubs"),
    ],
)
def test_round33_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # how a total is shared out, which the sources never say
        "how was the 400 million yuan divided among the projects",
        "资金在各个项目之间怎么分配",
        "那4亿里给了新能源项目多少",
        "how much of the funding went to foreign founders",
        # members of a counted group, which the sources never name
        "which of the 42 high-tech enterprises make batteries",
        # a member guessed for a group whose entry names none
        "is biotech one of the ten key chains?",
        "is energy storage one of the key industrial chains tongzhou picked",
        "the 10 chains - is new energy storage one of them",
        "is alphaess one of the 5 companies going public?",
        "does textiles count as one of the key chains tongzhou picked",
        "textiles count as one of the key chains?",
        "one of my colleagues asked, is biotech one of the key chains",
        "is alphaess one of the 5 companies the district supported",
        "which of the district's 72 start-ups are in new energy",
        "is semiconductors among tongzhou's 10 key industrial chains?",
        # which of a counted group, in Chinese and after a possessive
        "72家量产的企业里哪些是做电池的",
        "which of alphaess's 30-plus subsidiaries are in asia",
        # what followed the event, which the sources cannot know
        "what came out of the march gathering in the end",
        "what happened after the doctoral event, did anyone sign up",
        "海外博士活动之后有人留在通州了吗",
        "any follow-up after the overseas phd event?",
        "what came out of the get-together with the uk scholars",
        # a role beside a question the sources cannot answer still asks it
        "postdoc in singapore. what salary would I get in tongzhou",
        "for my thesis: how many phds moved to tongzhou last year?",
        # a question's heading naming what it asks about
        "visa question: does policy 3.0 help with it?",
    ],
)
def test_round33_declines(rules_only: FaqEngine, question: str) -> None:
    assert answers_or_not(rules_only, question, None)


def test_a_member_is_read_with_the_head_of_its_group() -> None:
    surface = _words("is new energy storage one of the 10 key chains")
    assert member_guessed(surface) == (("new", "energy", "storage"), ("chains",))
    surface = _words("is alphaess actually one of the talent projects the district chose")
    assert member_guessed(surface) == (("alphaess",), ("projects",))
    # "one of them" points back: the group is the rest of the question
    assert member_guessed(_words("is biotech one of them")) == (("biotech",), ())
    assert member_guessed(_words("is it one of the chains")) == ((), ())
    # the head after the owner and describing words, before a clause about the group
    surface = _words("is x one of the district introduced talent projects")
    assert member_guessed(surface) == (("x",), ("projects",))
    assert member_guessed(_words("is x one of the chains tongzhou identified"))[1] == ("chains",)
    assert member_guessed(_words("so what counts as one of the chains")) == ((), ())


def test_shares_and_members_asked_for() -> None:
    assert asks_for_one_share(_words("how is the 400 million yuan split"))
    assert asks_for_one_share(_words("how much of it went to founders"))
    # a split that is no share of money
    assert not asks_for_one_share(_words("did the guests split into groups"))
    assert not asks_for_one_share(_words("how much money was allocated in total"))
    assert not asks_for_one_share(_words("how much of a role does talent play"))
    assert asks_for_a_list(_words("which of the 72 startups are in energy"))
    assert not asks_for_a_list(_words("which of the 2 tongzhous"))
