"""The rules that read what a question asks for, on the shipped knowledge base.

Each case pairs a question the rule must decline (or route) with one it must keep answering,
so a rule that simply declines more, or answers more, fails one side.
"""

from __future__ import annotations

import dataclasses

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.asks import asks_for_a_list, numbers_in_dates
from bot.matching.clauses import context_clauses
from bot.matching.matcher import Matcher
from bot.matching.settings import MatchSettings
from bot.matching.words import stem


@pytest.mark.parametrize(
    ("declined", "answered", "entry_id"),
    [
        # A subject the source never speaks of, next to words it does.
        (
            "does the 3.0 policy come with a housing allowance",
            "what is policy 3.0 about",
            "policy-3-0",
        ),
        ("人才新政3.0有没有租房补贴", "人才新政3.0讲的是什么", "policy-3-0"),
        # Money is a subject: only the entry that speaks of money answers it.
        (
            "what subsidy does policy 3.0 offer",
            "total subsidy for talent projects",
            "talent-projects-funding",
        ),
        # The organiser is never named; the district hosting events is.
        ("who hosted the overseas phd event", "does tongzhou host talent events", "talent-events"),
        ("海外博士活动是谁组织的", "通州举办过引才活动吗", "talent-events"),
        (
            "which org hosted the british academics visit",
            "does tongzhou host events",
            "talent-events",
        ),
        # A request for names, answered only where an answer names people.
        ("which ten chains are they", "how many key industrial chains", "industrial-chains"),
        # A date or count the entry does not state.
        (
            "what year was alphaess founded",
            "which year was alphaess introduced as a talent project",
            "alphaess-talent-project",
        ),
        # The option after "or" is the asker's alternative, not the subject of the question ...
        (
            "does policy 3.0 cover housing or visas",
            "are the talent hubs in companies or in govt offices",
            "talent-hubs",
        ),
        # A product offered for checking is the asker's guess, which the right entry corrects;
        # a subject is still a subject.
        (
            "alphaess makes phones and gives staff housing, right?",
            "alphaess makes solar panels, right?",
            "alphaess-business",
        ),
        # A stock market listing is a subject only the outcomes entry speaks of.
        (
            "is alphaess listed on the stock market",
            "how many are seeking to go public",
            "talent-projects-outcomes",
        ),
        # A comparison is a subject the article never takes up.
        (
            "how is 3.0 different from the previous version of the policy",
            "which version is the talent policy on now",
            "policy-3-0",
        ),
        # Asking whether the money will go up asks about the future.
        ("通州人才政策會唔會加錢", "通州给人才项目投了多少钱", "talent-projects-funding"),
        # ... and "what kind of organisation is it" asks what something is, which only an entry
        # saying what a body does can answer.
        (
            "what kind of organisation is the outstanding young scholars society",
            "alphaess is what kind of company",
            "alphaess-business",
        ),
    ],
)
def test_a_rule_declines_one_question_and_keeps_answering_its_neighbour(
    rules_only: FaqEngine, declined: str, answered: str, entry_id: str
) -> None:
    assert outcome(rules_only, declined)[0] != "answer"
    assert outcome(rules_only, answered) == ("answer", entry_id)


def test_a_request_for_names_is_answered_where_the_answer_names_them(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "names of the academicians at the doctoral event") == (
        "answer",
        "doctoral-event-guests",
    )
    assert outcome(rules_only, "names of the five companies going public")[0] != "answer"


def test_the_question_word_tells_purpose_from_date(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "why did the british academics visit tongzhou") == (
        "answer",
        "doctoral-event-purpose",
    )
    assert outcome(rules_only, "when did the british academics visit tongzhou") == (
        "answer",
        "doctoral-event-date",
    )


@pytest.mark.parametrize("question", ["why?", "who", "where", "为什么", "谁啊"])
def test_a_question_word_alone_asks_nothing(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question) == ("decline", None)


def test_when_as_a_conjunction_does_not_ask_for_a_date(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "what did the uk academics talk over when they met in tongzhou") == (
        "answer",
        "doctoral-event-purpose",
    )


def test_another_place_is_a_subject_except_in_a_question_about_where_tongzhou_is(
    rules_only: FaqEngine,
) -> None:
    assert outcome(rules_only, "rugao district talent policy")[0] != "answer"
    assert outcome(rules_only, "coming over from rugao, which province is tongzhou in") == (
        "answer",
        "tongzhou-location",
    )


def test_who_is_asking_is_not_the_askers_own_case(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "my colleague asked what alphaess makes") == (
        "answer",
        "alphaess-business",
    )
    assert outcome(rules_only, "can my company get alphaess batteries cheaper")[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        (
            "how many subsidiaries does alphaess have, thirty?",
            "alphaess-global-reach",
        ),  # number word
        ("alphaessheadquarters", "alphaess-headquarters"),  # two words typed together
        ("talenthubs where", "talent-hubs"),
        ("policyyy 3.0", "policy-3-0"),  # a letter held down
    ],
)
def test_typing_slips_are_read_as_meant(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", ["heyyy", "ok thanks, that helped a lot", "好嘞 谢谢啦"])
def test_greetings_with_a_little_chatter_are_small_talk(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] == "smalltalk"


def test_plain_unseen_words_weigh_less_than_subject_words(rules_only: FaqEngine) -> None:
    matcher = rules_only.matcher
    chatter = matcher.query_units(matcher.analyse("alphaess subsidiaries colourful"))
    subject = matcher.query_units(matcher.analyse("alphaess subsidiaries salary"))
    assert sum(chatter.unknown.values()) < sum(subject.unknown.values())
    assert outcome(rules_only, "alphaess subsidiaries colourful")[0] == "answer"
    assert outcome(rules_only, "alphaess subsidiaries salary")[0] != "answer"


def test_the_weights_of_unseen_words_are_settings(rules_only: FaqEngine) -> None:
    heavy = Matcher(
        rules_only.knowledge, dataclasses.replace(MatchSettings(), plain_word_weight=1.0)
    )
    question = "alphaess subsidiaries colourful"
    light_units = rules_only.matcher.query_units(rules_only.matcher.analyse(question))
    heavy_units = heavy.query_units(heavy.analyse(question))
    assert sum(heavy_units.unknown.values()) > sum(light_units.unknown.values())


def test_words_that_only_look_inflected_keep_their_meaning() -> None:
    assert stem("news") != stem("new")
    assert stem("evening") == "evening"
    assert stem("funded") != stem("funding")


@pytest.mark.parametrize(
    ("question", "context", "asked"),
    [
        (
            "I have a job interview with alphaess next week, where is their head office?",
            ("i have a job interview with alphaess next week",),
            ("where is their head office",),
        ),
        ("我老公在看艾罗的岗位，他们总部在哪", ("我老公在看艾罗的岗位",), ("他们总部在哪",)),
        # Chinese drops the pronoun: "(I) want to go to AlphaESS for an interview".
        ("想去alphaess面试 他们总部在哪", ("想去alphaess面试",), ("他们总部在哪",)),
        # A clause about the asker that asks something is not context; nor is a lone clause.
        (
            "i wonder where the hq is, could you tell me",
            (),
            ("i wonder where the hq is", "could you tell me"),
        ),
        ("i need housing", (), ("i need housing",)),
        # A clause going on about the asker without naming them again is context too ...
        (
            "I'm an HR manager and may send staff to visit AlphaESS. Which zone is their hq in?",
            ("i'm an hr manager", "may send staff to visit alphaess"),
            ("which zone is their hq in",),
        ),
        # ... also after the question, once a clause has named the asker ...
        (
            "I got an offer there. Which zone is their hq in? want to look for flats nearby",
            ("i got an offer there", "want to look for flats nearby"),
            ("which zone is their hq in",),
        ),
        # ... unless it turns into a question of its own.
        (
            "I'm a postdoc and can I apply for the policy",
            ("i'm a postdoc",),
            ("can i apply for the policy",),
        ),
    ],
)
def test_clauses_about_the_asker_are_told_apart_from_the_question(
    question: str, context: tuple[str, ...], asked: tuple[str, ...]
) -> None:
    assert context_clauses(question) == (context, asked)


@pytest.mark.parametrize(
    "question",
    [
        "I'm a postdoc in Leeds, does the district run any events for people like me?",
        "job fair type events in tongzhou for ppl like me with a phd??",
    ],
)
def test_events_for_people_like_the_asker_are_the_talent_events(
    rules_only: FaqEngine, question: str
) -> None:
    # "for people": whom the events are for, not who attended the doctoral event.
    assert outcome(rules_only, question) == ("answer", "talent-events")


@pytest.mark.parametrize(
    "question",
    [
        "how to become a Royal Academy of Engineering fellow",
        "how can I become a member of the UK outstanding young scholars society",
        "how do we get AlphaESS to supply our factory",
        "南通高新区怎么去",  # directions, not where AlphaESS is
        "怎么成为英国皇家工程院院士",
        "how were the 372 projects selected",  # a selection method: never described
        "how did tongzhou pick its 10 key chains",
    ],
)
def test_a_procedure_for_the_asker_is_not_answered(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("how can i find out more about alphaess", "alphaess-business"),  # what the bot knows
        ("how would you sum up tongzhou's stance on talent", "talent-priority"),  # asks the bot
        ("how does tongzhou attract talent", "talent-events"),  # what the district does
        ("key chains, how many did they pick", "industrial-chains"),  # a count, not a method
        ("通州在哪 怎么去", "tongzhou-location"),  # the way there follows from where it is
        ("where is alphaess hq, how to get there", "alphaess-headquarters"),
        ("where is tongzhou and how do I get there", "tongzhou-location"),  # no asker's gain
        ("how can I get to tongzhou, which province is it in?", "tongzhou-location"),
    ],
)
def test_how_questions_that_ask_no_procedure_are_answered(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "TONGZHOU CITY PROVINCE NAME PLS",  # one place's name, not a list of names
        "where the heck is tongzhou tho",  # filler, not a subject
        "儿子要去通州工作，那边属于哪个省啊",  # the son's plans tell why the asker asks
    ],
)
def test_where_tongzhou_is_in_everyday_words(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question) == ("answer", "tongzhou-location")


@pytest.mark.parametrize(
    "question",
    [
        "what do they mean by talent hubs? the wording is confusing",  # not unseen subjects
        "人才工作站跟产业链啥关系",
    ],
)
def test_what_talent_hubs_are(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question) == ("answer", "talent-hubs")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # A known subject ("subsidies": the funding entry's word) on one side of "or" does not
        # count against the entry that speaks of the other side.
        ("does the talent policy focus on cash or on services", "policy-3-0"),
        ("what is policy 3.0 mainly about, subsidies or services?", "policy-3-0"),
        ("人才项目里有几家规模量产了", "talent-projects-outcomes"),  # 规模量产 is mass production
        ("高层次人才项目资助规模有多大", "talent-projects-funding"),  # 资助规模: the funding
        ("有几家后来评上了高新企业", "talent-projects-outcomes"),  # 高新: high-tech
    ],
)
def test_options_and_compounds_with_a_known_subject(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


def test_the_askers_reasons_do_not_count_against_the_answer(rules_only: FaqEngine) -> None:
    assert outcome(
        rules_only, "I have a job interview at alphaess next week, where is their head office?"
    ) == ("answer", "alphaess-headquarters")
    # Typed in full-width letters, the clauses are the same.
    assert outcome(
        rules_only,
        "Ｉ　ｈａｖｅ　ａ　ｊｏｂ　ｉｎｔｅｒｖｉｅｗ　ａｔ　ａｌｐｈａｅｓｓ　ｎｅｘｔ　ｗｅｅｋ，"
        "　ｗｈｅｒｅ　ｉｓ　ｔｈｅｉｒ　ｈｅａｄ　ｏｆｆｉｃｅ？",
    ) == ("answer", "alphaess-headquarters")
    assert outcome(
        rules_only, "my nephew wants to join alphaess as a technician, what field are they in?"
    ) == ("answer", "alphaess-business")
    # ... but a subject in the question itself still does, and so does the asker's own case.
    assert (
        outcome(rules_only, "I have a job interview at alphaess next week, what is the salary")[0]
        != "answer"
    )
    assert (
        outcome(rules_only, "I'm a PhD in Manchester, can I get a grant if I move to Tongzhou?")[0]
        != "answer"
    )
    assert outcome(rules_only, "nearly 400 million yuan in total, did I get that right?")[0] == (
        "answer"
    )
    assert outcome(
        rules_only,
        "Hi, I'm an HR manager and may send staff to visit AlphaESS. "
        "Which zone in Nantong is their headquarters in?",
    ) == ("answer", "alphaess-headquarters")
    assert (
        outcome(rules_only, "I'm an HR manager and may send staff. What salary do postdocs get?")[0]
        != "answer"
    )
    # A yes/no question after the asker's introduction is still the question ...
    assert outcome(
        rules_only, "I'm a master's student at Leeds. Was the doctoral event in March?"
    ) == (
        "answer",
        "doctoral-event-date",
    )
    # ... and one ending in a question mark is never the asker's background.
    assert (
        outcome(
            rules_only, "I'm a phd student. Where is AlphaESS HQ? Would alphaess pay for housing?"
        )[0]
        != "answer"
    )
    # Chinese characters run on across the comma: the interview stays the asker's reason.
    assert outcome(rules_only, "我下个月要去AlphaESS总部面试，想问一下它具体在南通哪个开发区") == (
        "answer",
        "alphaess-headquarters",
    )
    assert outcome(rules_only, "我下个月要去AlphaESS面试，想问一下面试要带什么材料")[0] != "answer"


def test_the_other_tongzhou_is_told_apart_but_its_policy_is_not_answered(
    rules_only: FaqEngine,
) -> None:
    assert outcome(rules_only, "is this the tongzhou in beijing") == ("answer", "tongzhou-location")
    assert outcome(rules_only, "talent policy of tongzhou in beijing")[0] != "answer"
    assert outcome(rules_only, "北京通州的人才政策")[0] != "answer"


def test_a_question_asking_where_goes_to_an_entry_that_says_where(rules_only: FaqEngine) -> None:
    # The business entry shares more words ("battery", "company") but says nothing of a place.
    assert outcome(rules_only, "where's the battery firm's main office") == (
        "answer",
        "alphaess-headquarters",
    )
    assert outcome(rules_only, "what does the battery firm alphaess sell") == (
        "answer",
        "alphaess-business",
    )
    # A figurative 在哪 ("where does the focus lie") asks for the focus, not a place.
    assert outcome(rules_only, "人才新政3.0的侧重点在哪") == ("answer", "policy-3-0")


def test_a_company_settles_where_a_person_registers(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "艾罗能源哪年落户通州的") == ("answer", "alphaess-talent-project")
    assert outcome(rules_only, "博士来通州怎么落户")[0] != "answer"


@pytest.mark.parametrize(
    ("declined", "answered", "entry_id"),
    [
        # One item's share, where the article gives a total.
        (
            "how much does one talent project get",
            "how much did the talent projects get in total",
            "talent-projects-funding",
        ),
        # Names asked for after a count.
        ("the 5 going ipo, which ones", "how many are going ipo", "talent-projects-outcomes"),
        # A subject word with one slip is still that subject.
        (
            "who is elegible for the 3.0 talent policy",
            "what is the 3.0 talent policy",
            "policy-3-0",
        ),
    ],
)
def test_shares_names_and_misspelt_subjects_are_not_answered_with_totals(
    rules_only: FaqEngine, declined: str, answered: str, entry_id: str
) -> None:
    assert outcome(rules_only, declined)[0] != "answer"
    assert outcome(rules_only, answered) == ("answer", entry_id)


def test_a_different_ending_is_another_word_not_a_slip(rules_only: FaqEngine) -> None:
    matcher = rules_only.matcher
    assert matcher.speller.misspelt_subject("elegibl")
    assert not matcher.speller.misspelt_subject("founder")  # "founded" is a subject word


def test_a_question_asking_why_goes_to_an_entry_that_says_why(rules_only: FaqEngine) -> None:
    assert outcome(
        rules_only, "why did tongzhou host the event for doctoral talent from abroad?"
    ) == (
        "answer",
        "doctoral-event-purpose",
    )
    assert outcome(rules_only, "办海外博士人才活动图个啥") == ("answer", "doctoral-event-purpose")
    assert outcome(rules_only, "when was the event for doctoral talent from abroad") == (
        "answer",
        "doctoral-event-date",
    )


def test_a_fact_offered_for_checking_is_the_askers_guess(rules_only: FaqEngine) -> None:
    matcher = rules_only.matcher
    guess = matcher.query_units(
        matcher.analyse("so the district backed 500 talent projects, right?")
    )
    assert guess.confirming
    asked = matcher.query_units(matcher.analyse("what happened to the 500 talent projects"))
    # An unstated number weighs as a plain word in a guess, as a number of its own otherwise.
    assert sum(guess.unknown.values()) < sum(asked.unknown.values())
    place = matcher.query_units(matcher.analyse("AlphaESS is in Suzhou, right?"))
    assert place.confirming
    assert place.locating
    # A subject of its own still declines, guess or not.
    assert outcome(rules_only, "policy 3.0 is valid until 2025, right?")[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("alphaess arrived in 2016 i think?", "alphaess-talent-project"),
        ("pretty sure alphaess makes wind turbines, correct me if wrong", "alphaess-business"),
        ("Is AlphaESS based in Hangzhou? I read that in a blog", "alphaess-headquarters"),
        ("is it correct that policy 3.0 started in summer 2022?", "policy-3-0"),
        ("聽講AlphaESS係做電動車嘅，啱唔啱", "alphaess-business"),
        ("AlphaESS是不是做风电设备的", "alphaess-business"),  # the guess is Chinese words too
        ("was alphaess brought in as a talent project in 2016?", "alphaess-talent-project"),
        ("was the doctoral event held in 2019?", "doctoral-event-date"),  # it corrects the year
        ("policy 3.0 came out in 2022 didn't it", "policy-3-0"),  # a tag question
        ("what is a talent hub exactly, like a government office?", "talent-hubs"),  # a guess
    ],
)
def test_a_hedged_fact_is_offered_for_checking(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "someone told me there is a housing subsidy, how do I apply",
        "i heard alphaess has 5000 employees",
        "correct me if wrong but the policy covers visas",
        "听说通州人才政策是骗人的",  # a judgement the article does not make
        "is the talent policy a scam",
        "is tongzhou's talent policy any good?",  # an opinion the article does not give
        "is there anything like a visa service for phds",  # asked for, not guessed
        "were there any talent events in 2022?",  # what happened that year: not stated
    ],
)
def test_a_hedge_does_not_excuse_a_subject_of_its_own(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("how many days did the overseas doctoral event run", "doctoral-event-date"),
        ("was the PhD event in 2024 or 2023", "doctoral-event-date"),  # the asker's options
        ("英国那帮专家跑来通州是想干啥", "doctoral-event-purpose"),
    ],
)
def test_how_long_options_and_colloquial_why(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("wht does alphaess actually do lol", "alphaess-business"),
        ("艾罗是干嘛的", "alphaess-business"),  # what it does for a living, not why
        ("英国专家来通州干嘛", "doctoral-event-purpose"),
        ("what sort of stuff does the alphaess company sell", "alphaess-business"),
    ],
)
def test_what_a_company_does_is_told_from_why_someone_came(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


def test_a_count_is_answered_only_by_an_entry_whose_numbers_count_that_thing(
    rules_only: FaqEngine,
) -> None:
    # The hubs entry states a number, but its 10 counts the chains the hubs sit along.
    assert outcome(rules_only, "how many talent hubs are there")[0] != "answer"
    assert outcome(rules_only, "how many key industrial chains") == ("answer", "industrial-chains")
    assert outcome(rules_only, "tongzhou, how many chains") == ("answer", "industrial-chains")
    assert outcome(rules_only, "how many people came to the phd event") == (
        "answer",
        "doctoral-event-guests",
    )


def test_a_count_goes_to_the_entry_counting_more_of_what_is_asked(rules_only: FaqEngine) -> None:
    # Both project entries count projects; only the funding entry counts talent projects, and
    # only the outcomes entry counts start-ups.
    ranked = rules_only.matcher.match_and_rank(
        "how many high level talent projects were supported"
    )[1]
    assert [c.entry_id for c in ranked[:2]] == [
        "talent-projects-funding",
        "talent-projects-outcomes",
    ]
    assert ranked[0].score - ranked[1].score > 20
    assert outcome(rules_only, "how many startups reached mass production") == (
        "answer",
        "talent-projects-outcomes",
    )


@pytest.mark.parametrize(
    ("declined", "answered", "entry_id"),
    [
        ("42家高新技术企业有哪些", "有多少家成了高新技术企业", "talent-projects-outcomes"),
        (
            "what sectors do tongzhou's ten key chains cover",
            "how many key industrial chains has tongzhou identified",
            "industrial-chains",
        ),
        (
            "how much money can one person get under the talent policy",
            "how much money went to talent projects in total",
            "talent-projects-funding",
        ),
    ],
)
def test_names_and_one_persons_share_are_declined_next_to_the_totals(
    rules_only: FaqEngine, declined: str, answered: str, entry_id: str
) -> None:
    assert outcome(rules_only, declined)[0] != "answer"
    assert outcome(rules_only, answered) == ("answer", entry_id)


def test_an_opinion_is_a_subject_of_its_own(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "do you think the 3.0 policy will work")[0] != "answer"
    assert outcome(rules_only, "你觉得人才新政3.0怎么样")[0] != "answer"
    assert outcome(rules_only, "what does the 3.0 policy focus on") == ("answer", "policy-3-0")


def test_what_for_at_the_end_asks_why(rules_only: FaqEngine) -> None:
    analysed = rules_only.matcher.analyse("those brit academics, what were they there for")
    assert "?why" in analysed.words
    assert outcome(rules_only, "those brit academics, what were they there for") == (
        "answer",
        "doctoral-event-purpose",
    )


def test_a_date_that_names_the_event_is_not_the_question(rules_only: FaqEngine) -> None:
    assert numbers_in_dates(("the", "march", "26", "27", "event")) == {"26", "27"}
    assert numbers_in_dates(("3", "月", "26", "日")) == {"3", "26"}
    assert numbers_in_dates(("in", "march", "2024")) == frozenset()
    assert numbers_in_dates(("372", "projects")) == frozenset()
    assert outcome(rules_only, "purpose of the march 26 event??") == (
        "answer",
        "doctoral-event-purpose",
    )
    assert outcome(rules_only, "was the overseas doctoral gathering in march 2024?") == (
        "answer",
        "doctoral-event-date",
    )


def test_a_dropped_letter_explains_a_typo_before_a_wrong_one(rules_only: FaqEngine) -> None:
    # "provice" is one wrong letter from "provide" and one dropped letter from "province".
    assert rules_only.matcher.speller.correct("provice") == "province"
    assert outcome(rules_only, "tongzhou wich provice") == ("answer", "tongzhou-location")


def test_what_they_do_is_asked_before_an_aside(rules_only: FaqEngine) -> None:
    assert (
        "?do" in rules_only.matcher.analyse("what does alphaess even do?? never heard of em").words
    )
    # "what do I do to apply" asks how to apply, not what anyone does for a living.
    assert "?do" not in rules_only.matcher.analyse("what do i do to apply").words


def test_where_the_hubs_are_is_not_a_request_for_names(rules_only: FaqEngine) -> None:
    assert asks_for_a_list(("which", "companies", "host", "the", "hubs"))
    assert not asks_for_a_list(("hubs", "inside", "which", "companies"))
    assert not asks_for_a_list(("which", "kinda", "companies", "host", "them"))
    # "which one" after "X or Y" is one of the two; alone it may be "which ones".
    assert asks_for_a_list(("the", "10", "chains", "which", "one"))
    assert not asks_for_a_list(("jiangsu", "or", "beijing", "which", "one", "are", "we"))
    assert outcome(rules_only, "人才驿站设在哪些企业") == ("answer", "talent-hubs")
    # The names of the countries or of the five companies are still not in the article.
    assert outcome(rules_only, "艾罗能源的子公司都设在哪些国家")[0] == "decline"
    assert outcome(rules_only, "那5家要上市的公司叫什么")[0] == "decline"
    assert outcome(rules_only, "那10条产业链都是啥行业，能列一下不")[0] == "decline"


def test_a_fee_is_not_funding(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "参加海外博士活动要交钱吗")[0] == "decline"
    assert outcome(rules_only, "how much is the entry fee for the phd event")[0] == "decline"
    assert outcome(rules_only, "投了差不多4个亿？") == ("answer", "talent-projects-funding")


def test_the_askers_memory_and_surprise_are_not_subjects(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "where on earth is tongzhou, never heard of it") == (
        "answer",
        "tongzhou-location",
    )
    assert outcome(rules_only, "我没记错的话通州是南通底下的区吧") == (
        "answer",
        "tongzhou-location",
    )


@pytest.mark.parametrize(
    "question",
    [
        "whats the address of the talent service center",
        "通州人才服务中心具体在哪条路",
        "which stock exchange will those startups list on",
        "资助的钱要还吗",
        "AlphaESS的子公司都叫啥",
    ],
)
def test_subjects_the_article_never_speaks_of_are_declined(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] == "decline"


def test_going_public_is_still_answered_without_naming_the_exchange(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "will the 5 startups list on the stock exchange") == (
        "answer",
        "talent-projects-outcomes",
    )


@pytest.mark.parametrize(
    "question",
    [
        "AlphaESS是谁创办的公司",
        "who is the founder of alpha ess",
        "南通市長係邊個",
        "通州有哪些博士后工作站",
        "in ur opinion is the 3.0 policy any good",
    ],
)
def test_founders_officials_postdoc_stations_and_opinions_are_declined(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] == "decline"


def test_a_founder_asking_is_an_entrepreneur_not_a_question_about_founding(
    rules_only: FaqEngine,
) -> None:
    assert outcome(
        rules_only, "as a founder i wonder: how many high level talent projects has tongzhou funded"
    ) == ("answer", "talent-projects-funding")


@pytest.mark.parametrize("question", ["先这样，拜了", "alright gotta go, catch u later"])
def test_more_ways_of_saying_goodbye(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question) == ("smalltalk", "goodbye")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("hold on, is this tongzhou the beijing one or another one", "tongzhou-location"),
        ("alphaess几几年落户的啊", "alphaess-talent-project"),
        ("y is tongzhou so focused on attracting talent", "talent-priority"),
        ("通州为什么把人才看得这么重", "talent-priority"),
    ],
)
def test_chat_fillers_and_spellings_of_question_words(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("alphaess does business in how many countries these days", "alphaess-global-reach"),
        ("tongzhou has a bunch of industry chains rite? how many exactly", "industrial-chains"),
        # "daughter" alone is the asker's child, not a "daughter company".
        (
            "my daughter went to a doctoral talent thing in Tongzhou, was that 26-27 march?",
            "doctoral-event-date",
        ),
    ],
)
def test_nowadays_a_bunch_and_family_are_not_subjects(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


def test_the_first_of_two_offered_options_is_a_guess_when_the_other_is_known(
    rules_only: FaqEngine,
) -> None:
    assert outcome(rules_only, "where do the talent hubs sit, in universities or companies?") == (
        "answer",
        "talent-hubs",
    )
    # Neither option known: both are asked about.
    assert outcome(rules_only, "is there housing or a visa for phds")[0] == "decline"
    # "which X or Y" asks for a name, whichever word it uses.
    assert outcome(rules_only, "which hotel or building hosted the phd event")[0] == "decline"


def test_a_month_before_the_event_only_says_which_event_is_meant(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "were there any academicians at the march event?") == (
        "answer",
        "doctoral-event-guests",
    )
    assert outcome(rules_only, "when was the march event") == ("answer", "doctoral-event-date")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("tz的高层次人才项目到现在一共扶持了几个", "talent-projects-funding"),  # tz: Tongzhou
        ("通州區係邊個市嘅區", "tongzhou-location"),  # 边个 before a noun asks which
    ],
)
def test_abbreviations_and_cantonese_which(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "how much money would one talent project get individually",
        "我博士毕业去通州，补贴能有多少钱",
    ],
)
def test_one_persons_or_projects_share_is_not_the_total(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("那次英国过来的专家学者大概有几十位", "doctoral-event-guests"),  # 几十 asks how many
        ("is attracting talent a big deal for the tongzhou govt", "talent-priority"),
    ],
)
def test_rough_counts_and_big_deals(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "is gu sai going to work in tongzhou full time",
        "is alphaess itself a listed company",
        "what did the first version of the talent policy include",
    ],
)
def test_full_time_work_listings_and_old_versions_are_declined(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] == "decline"


def test_trading_across_countries_is_not_a_stock_listing(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "across how many nations and regions does alphaess trade") == (
        "answer",
        "alphaess-global-reach",
    )


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("通州主要还是重视什么人才", "talent-priority"),  # 主要还是 is "mainly", not repaying
        ("is there funding for the founders of startups", "talent-projects-funding"),
        ("创办初创企业有补贴吗", "talent-projects-funding"),
        ("who set up the talent hubs", "talent-hubs"),
        ("where can I read the article online", "about-source"),
        ("我投了简历给艾罗能源，总部在哪里", "alphaess-headquarters"),  # 投了 a CV, not money
        ("这两年有哪些引才活动", "talent-events"),  # 这两年 is "these years", not a count
        ("is tongzhou part of nantong? y or n", "tongzhou-location"),  # y or n: yes or no
    ],
)
def test_ordinary_phrases_that_look_like_the_new_rules_keep_their_answers(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "what about visas or funding for foreign phds",  # two topics wanted, not a choice
        "tell me about housing or talent events",
        "通州下辖哪些镇",  # what lies under Tongzhou, not what Tongzhou lies under
    ],
)
def test_a_second_topic_after_or_and_what_lies_under_tongzhou_are_not_answered(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # 具体是哪个 asks for one name, not a list.
        ("听说AlphaESS全球总部在南通某个开发区里面 具体是哪个", "alphaess-headquarters"),
        ("how many brits came to the phd event", "doctoral-event-guests"),
        ("通州點睇人才㗎", "talent-priority"),  # 點睇: what view
        ("通州引才活动举个栗子", "talent-events"),  # 举个栗子: give an example
    ],
)
def test_which_one_nationals_counted_and_cantonese_views(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


def test_finding_a_job_is_a_subject_of_its_own(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "talent hub 可以帮我介绍工作吗")[0] == "decline"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # "how many ... on the list" asks for a count, not for the list
        ("how many chains are on tongzhou's priority list", "industrial-chains"),
        ("number of industrial chains on the district's key list", "industrial-chains"),
        # "if I recall correctly" hedges the asker's guess; it says nothing about their case
        ("the hq is in the high-tech zone if i recall correctly", "alphaess-headquarters"),
        # two months offered as options ask when
        ("were the uk academicians here in march or april", "doctoral-event-date"),
        ("AlphaESS做邊樣嘢", "alphaess-business"),  # Cantonese 边样 (which) and 嘢 (things)
        ("都投了几个亿在人才项目上", "talent-projects-funding"),
    ],
)
def test_counts_on_a_list_recalled_guesses_and_month_options(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


def test_cantonese_renting_a_home_is_housing(rules_only: FaqEngine) -> None:
    # 租屋 is renting a home: housing, which the source never covers
    assert outcome(rules_only, "有冇租屋補貼")[0] == "decline"


def test_hows_it_going_is_a_greeting(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "how's it going") == ("smalltalk", "greeting")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # "the reason" asks why; the purpose of the doctoral event needs the event named
        ("what's the reason tongzhou cares so much about talent", "talent-priority"),
        ("通州看重人才的原因是什么", "talent-priority"),
        ("what's the reason the uk scholars came", "doctoral-event-purpose"),
        ("the talent hubs you mentioned, what are they", "talent-hubs"),
        ("嗰個博士活動係邊日㗎", "doctoral-event-date"),  # 嗰 after simplification, 边日: which day
    ],
)
def test_reasons_one_name_mentions_and_cantonese_days(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "give me the count of talent hubs",  # "count" is no misspelt "county"
        "which cities do alphaess subsidiaries operate in",  # the article names no cities
    ],
)
def test_a_count_of_hubs_and_the_cities_of_subsidiaries_are_declined(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] == "decline"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("what field is alphaess a leader in", "alphaess-business"),
        ("通州人才政策最新一版叫什么名字", "policy-3-0"),  # 叫什么名字 asks for one name
        ("an example of a talent event please", "talent-events"),
    ],
)
def test_leaders_one_name_and_an_example_event(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "the eight specialised firms - which ones are they",  # names the article never gives
        "AlphaESS那30多家子公司叫什么名字",
    ],
)
def test_which_ones_are_they_asks_for_names(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] == "decline"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # "my PhD" is the asker's background, not their own case
        ("I did my PhD in chemistry in Leeds - what does alphaess do", "alphaess-business"),
        ("explain the talent hubs like im 5", "talent-hubs"),  # an age, not a count of five
        ("英国优青会来人了吗", "doctoral-event-guests"),  # 优青会: the young scholars society
        ("tongzhou dist is in which prov", "tongzhou-location"),
        ("篇文章張相係邊個影㗎", "about-source"),  # Cantonese: who took the article's photo
    ],
)
def test_backgrounds_ages_abbreviations_and_cantonese_photos(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


def test_thanx_is_thanks(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "thanx a bunch") == ("smalltalk", "thanks")


# Ordinary questions that rounds 17 to 20's first rules misread (found by a review with
# questions of its own); each rule was narrowed or dropped.
@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("does Tongzhou count as a district of Nantong", "tongzhou-location"),  # "count as"
        ("does AlphaESS count as a talent project", "alphaess-talent-project"),
        (
            "my boss wants to know how many industrial chains Tongzhou identified",
            "industrial-chains",
        ),
        ("my boss asked me when the doctoral event was", "doctoral-event-date"),
    ],
)
def test_counting_as_and_the_askers_boss_keep_their_answers(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "will my PhD help me get funding in Tongzhou",  # "my PhD" as the asker's own case
        "is there funding for my field",
        "would Tongzhou fund my postdoc",
        "how many start-ups are going public and what are their names",  # a count and names
        "how many companies are seeking to go public, list them",
        "name one of the five start-ups that want to go public",
        "AlphaESS的子公司叫什么名字",  # a group's names
        "准备上市的公司叫啥名字",
        "can I see the agenda of the doctoral event",
        "how many multinationals are there in Tongzhou",
        "is Tongzhou a melting pot of talent",
        "If I remember correctly, if I start a company in Tongzhou I get funding?",
        "我想去AlphaESS做嘢",  # Cantonese: I want to work at AlphaESS
        "英国专家仲会唔会返嚟通州",  # Cantonese 仲会: will they come again
    ],
)
def test_the_askers_case_names_and_other_subjects_are_still_declined(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] == "decline"


@pytest.mark.parametrize("question", ["人才枢纽怎么进去", "who is the GM of AlphaESS"])
def test_getting_in_and_a_general_manager_are_not_answered(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("what is alphaess known for", "alphaess-business"),  # "known for" is no "what for"
        ("why is tongzhou putting talent first", "talent-priority"),  # putting: put
        ("通州人才政策现在是几点零版本", "policy-3-0"),  # 几点零: which point-zero version
        # Ordinary questions that round 21-22 rules, since dropped, misread (found by a review)
        ("I'm going to join AlphaESS, where is their headquarters?", "alphaess-headquarters"),
        ("what kind of talent does tongzhou want to hire", "talent-priority"),
    ],
)
def test_known_for_putting_versions_and_the_askers_plans(
    rules_only: FaqEngine, question: str, entry_id: str
) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        "杭州还是在办海外博士人才活动",  # 还是 ("still") about another city
        "rugao hosted talent events too, didn't they",
    ],
)
def test_another_citys_events_are_declined(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] == "decline"


def test_what_an_academy_is_exactly_is_not_answered(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "the royal academy of engineering - what exactly is that")[0] != (
        "answer"
    )


def test_take_care_is_goodbye(rules_only: FaqEngine) -> None:
    assert outcome(rules_only, "bye, take care") == ("smalltalk", "goodbye")


def test_thanks_and_take_care_is_small_talk(rules_only: FaqEngine) -> None:
    # "care" reads as the known term "care about": still a word of the goodbye formula.
    assert outcome(rules_only, "thanks, take care") == ("smalltalk", "goodbye")
    assert outcome(rules_only, "thanks, do you care about talent") == ("answer", "talent-priority")


def test_sharing_only_the_kind_of_question_makes_no_candidate(rules_only: FaqEngine) -> None:
    # AlphaESS's entry is the only one asked "what does ... do", but says nothing of the academy.
    assert outcome(rules_only, "what does the Royal Academy of Engineering do") == ("decline", None)
    assert outcome(rules_only, "what does alphaess do") == ("answer", "alphaess-business")


@pytest.mark.parametrize(
    ("question", "smalltalk_id"),
    [
        ("how are you today", "greeting"),  # holds the phrasing "how are you"
        ("你都知道些什么", "what-can-you-do"),  # holds 你知道什么
        ("see ya", "goodbye"),  # most of the phrasing "see ya later"
        ("ok got it thanks", "thanks"),  # by its words, though spelt more like "who are you"
        ("alright then, bye bye", "goodbye"),
        ("thanks, take care", "goodbye"),  # "take care" covers more of it than "thanks"
        ("how do you work", "what-can-you-do"),  # not talent-priority, for "work"
        ("who built this bot", "who-are-you"),  # not the talent hubs, for "built"
        ("what sort of stuff can i ask u", "what-can-you-do"),  # not talent-priority
        ("are u a real person or a bot??", "who-are-you"),
        ("想问下跟我聊天的是AI吗", "who-are-you"),  # 聊天 is chatting, not 聊 "talk about"
        ("hmm are you a human typing or some sort of bot", "who-are-you"),  # most words
        # "program" is read as the entries' "project", but a person or a program is the bot
        ("so what exactly are you, a person or a program", "who-are-you"),
        ("what are you exactly, a human or programme", "who-are-you"),
        # whom the asker is chatting with, with or without naming a bot
        ("what kind of bot am i chatting with here", "who-are-you"),
        ("so what exactly am I chatting with here", "who-are-you"),
        ("who am i speaking with", "who-are-you"),
    ],
)
def test_small_talk_in_other_words(rules_only: FaqEngine, question: str, smalltalk_id: str) -> None:
    assert outcome(rules_only, question) == ("smalltalk", smalltalk_id)


@pytest.mark.parametrize(
    "question",
    [
        "how are the talent hubs",
        "what are you doing about housing",
        "thanks, but where is tongzhou",
        "你知道通州在哪吗",
        "who made the talent policy",
        "have a nice day at the event",
        # a programme that is no machine, and someone to talk with who is no bot
        "can you tell me about programmes for people",
        "what can you do about the programme",
        "is the talent program for real people or companies",
        "who do i talk to about the programme",
        "who should I speak with",
        "what language should i speak",
        "who should i talk to about housing",
        "that's not all",  # negated: not "that's all"
        "take care of it",  # "take care" is only half of it
        "有问题",  # inside 没有问题了, but without its 没
        "有人问过吗",  # 有人吗 is not two thirds of it
        "这么多",  # inside 就问这么多, but only three fifths of it
    ],
)
def test_questions_sharing_words_with_small_talk_are_not_small_talk(
    rules_only: FaqEngine, question: str
) -> None:
    assert outcome(rules_only, question)[0] != "smalltalk"


def test_how_many_days_asks_for_a_time_in_chinese_as_in_english(rules_only: FaqEngine) -> None:
    # 多少天 is a duration, like "how many days": the dates answer it, not a count of guests.
    assert outcome(rules_only, "海外博士人才活动持续了多少天") == ("answer", "doctoral-event-date")
    assert outcome(rules_only, "how many days did the doctoral event last") == (
        "answer",
        "doctoral-event-date",
    )


@pytest.mark.parametrize(
    "question",
    [
        # "I heard ..." is the claim to check, not the asker's story: its words count.
        "I heard alphaess pays PhDs 50k, is that right?",
        "I heard the talent hubs offer free office space, is that right?",
        # A guessed year reaches only an entry stating a date, and not one after the sources.
        "did the 72 startups reach mass production in 2022?",
        "did tongzhou hold a talent event in 2025?",
        "district name of the talent hubs",  # not Tongzhou's place
        "which organisation hosted the doctoral event",
        "the doctoral event was hosted by which organisation?",
        "which association hosted the uk scholars",  # association reads as society
        "闺女要去艾罗能源上班，能落户吗",  # a person registering, not the company settling
        "艾罗能源是不是皮包公司",
        "人才新政对博士后有没有专项补贴",  # a dedicated subsidy: never stated
    ],
)
def test_red_team_round_23_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("I heard alphaess has 30 subsidiaries, is that right?", "alphaess-global-reach"),
        ("name of the province tongzhou is in", "tongzhou-location"),
        ("AlphaESS是哪年落户通州的", "alphaess-talent-project"),
        ("女朋友要去通州工作，通州在哪", "tongzhou-location"),  # 工作 is why she asks
    ],
)
def test_red_team_round_23_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("what did the UK scholars come to do there", "doctoral-event-purpose"),
        ("AlphaESS子公司数量 vs 国家数量", "alphaess-global-reach"),  # vs: no subject
        ("AlphaESS业务覆盖多少个国家，有五十个吗", "alphaess-global-reach"),  # a number to check
        ("is alphaess only domestic", "alphaess-global-reach"),
        ("AlphaESS大本营在哪", "alphaess-headquarters"),
        ("how many offshoots does alphaess have worldwide", "alphaess-global-reach"),
        ("下个月想去AlphaESS面试，总部在哪", "alphaess-headquarters"),  # the plan is context
        ("明天要去通州出差，通州属于哪个省", "tongzhou-location"),
        ("how many ended up as high-tech enterprises", "talent-projects-outcomes"),  # a verb
    ],
)
def test_dev18_wordings(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)


@pytest.mark.parametrize(
    "question",
    [
        # A guessed year excuses only the year; a news event is a subject of its own.
        "was alphaess fined in 2019?",
        "the doctoral event was cancelled wasn't it",
        "AlphaESS是不是被收购了",
        "i'm sure the talent hubs offer free housing, right?",  # "i'm" opens a claim
        "I’m pretty sure the talent hubs offer free office space, is that right?",
        "what about funding or the headquarters of alphaess",  # both asked, not a choice
        "name the city districts near tongzhou",  # a request for names
        "did tongzhou hold a talent fair in 2019?",  # whether it happened: no entry says
        "did alphaess become a high-tech enterprise in 2015?",
        "女儿准备去通州读博，有什么补贴",  # the daughter's benefits: the asker's own case
        "朋友要去通州创业，有什么政策",
        "my son is moving to tongzhou for work, what subsidies are there",  # his own case
        "我听说艾罗能源是国企，对吗",  # ownership: never stated
        "is alphaess a private company",
    ],
)
def test_review_round_23_declines(rules_only: FaqEngine, question: str) -> None:
    assert outcome(rules_only, question)[0] != "answer"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("通州如何去吸引人才", "talent-events"),  # 如何去 + a verb: no directions
        ("怎么去理解人才新政3.0", "policy-3-0"),
        ("AlphaESS是如何走向全球的", "alphaess-global-reach"),
        ("人才项目是怎么成为高新企业的", "talent-projects-outcomes"),  # how it happened
        ("how are the chosen startups doing now", "talent-projects-outcomes"),
        ("艾罗能源要落户通州吗", "alphaess-talent-project"),  # the company settling
        ("what organisations host talent hubs", "talent-hubs"),  # no organiser asked for
        ("my dad asks how much funding tongzhou has given in total", "talent-projects-funding"),
        (
            "别忽悠我，艾罗能源总部到底在哪",
            "alphaess-headquarters",
        ),  # "don't fool me": no judgement
    ],
)
def test_review_round_23_answers(rules_only: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(rules_only, question) == ("answer", entry_id)
