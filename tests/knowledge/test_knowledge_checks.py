"""The integrity checks beyond the headline rules: references, languages, synonyms, small talk."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge import checks, validate_folder
from bot.knowledge.checks import check_knowledge, normalise_phrasing
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import Severity

FUNDING = "id: talent-projects-funding"
EVENT_DATE = "id: doctoral-event-date"


def test_an_entry_related_to_itself(folder):
    folder.replace("projects.yaml", "related: [", "related: [talent-projects-funding, ")
    line, column = folder.position("projects.yaml", "talent-projects-funding", after="related: [")

    problem = folder.only(folder.check().errors, "itself")

    assert (problem.line, problem.column) == (line, column)
    assert problem.message == "entry 'talent-projects-funding' lists itself as related"


def test_a_related_entry_listed_twice(folder):
    folder.replace(
        "projects.yaml",
        "related: [talent-projects-outcomes",
        "related: [talent-projects-outcomes, talent-projects-outcomes",
    )

    problem = folder.only(folder.check().errors, "twice")

    assert problem.message == "related entry 'talent-projects-outcomes' is listed twice"


def test_a_topic_that_does_not_exist(folder):
    folder.replace("projects.yaml", "topic: projects", "topic: funding")
    line, column = folder.value_position("projects.yaml", "topic")

    problem = folder.only(folder.check().errors, "topic")

    assert problem.format() == (
        f"projects.yaml:{line}:{column}: topic 'funding' does not exist; use an id from topics.yaml"
    )


def test_a_citation_source_that_does_not_exist(folder):
    folder.replace("about.yaml", "source: tongzhou-talent-2024", "source: tongzhou-2024")
    line, column = folder.value_position("about.yaml", "source")

    problem = folder.only(folder.check().errors, "source")

    assert problem.format() == (
        f"about.yaml:{line}:{column}: source 'tongzhou-2024' does not exist; "
        "use an id from sources.yaml"
    )


def test_a_topic_without_entries_is_a_warning(folder):
    folder.write(
        "topics.yaml",
        folder.text("topics.yaml") + "  - id: housing\n    name:\n      en: Housing\n"
        "      zh: 住房\n",
    )

    result = folder.check()

    assert result.errors == []
    assert [p.message for p in result.warnings] == [
        "topic 'housing' has no entries; its button would lead nowhere"
    ]


def test_a_chinese_answer_in_english(folder):
    text = folder.text("about.yaml")
    start = text.index("zh: >-", text.index("answer:"))
    end = text.index("    citations:", start)
    folder.write("about.yaml", text[:start] + "zh: The source article.\n" + text[end:])

    problem = folder.only(folder.check().errors, "answer.zh")

    assert problem.message == "answer.zh has no Chinese characters; write it in Chinese"


def test_a_first_phrasing_in_the_wrong_language_is_a_warning(folder):
    # The first phrasing is what readers see on buttons; the others only help matching.
    folder.replace("about.yaml", "你的信息来源是什么？", "Where is your info from?")
    folder.replace("about.yaml", "Where does your information come from?", "你的信息从哪里来？")
    folder.replace("about.yaml", "信息出处", "source of the info")  # not first: fine

    result = folder.check()

    assert result.errors == []
    assert [(p.line, p.column, p.message) for p in result.warnings] == [
        (
            *folder.position("about.yaml", "你的信息从哪里来？"),
            "the first phrasing in questions.en, '你的信息从哪里来？', is not in English; "
            "readers of that language see it on the buttons that lead to 'about-source', so "
            "put a phrasing in that language first",
        ),
        (
            *folder.position("about.yaml", "Where is your info from?"),
            "the first phrasing in questions.zh, 'Where is your info from?', has no Chinese "
            "characters; readers of that language see it on the buttons that lead to "
            "'about-source', so put a phrasing in that language first",
        ),
    ]


def test_traditional_characters_in_a_chinese_answer_are_a_warning(folder):
    folder.replace("tongzhou.yaml", "通州区", "通州區", after=("answer:", "zh:"))

    result = folder.check()

    assert result.errors == []
    assert [p.message for p in result.warnings] == [
        "answer.zh uses Traditional characters (區→区); the bot answers in Simplified Chinese"
    ]


def test_small_talk_may_not_state_numbers(folder):
    folder.replace("smalltalk.yaml", "You're welcome!", "You're welcome! We fund 372 projects.")

    problem = folder.only(folder.check().errors, "small talk")

    assert problem.file == "smalltalk.yaml"
    assert problem.message == (
        "answer.en states 372, but small talk has no quotes to back a number; "
        "move the fact into an entry with a citation"
    )


def test_small_talk_phrasings_count_as_duplicates_too(folder):
    folder.replace("smalltalk.yaml", "en: [", "en: ['policy 3.0?', ")
    folder.replace("policy.yaml", "      en:\n", "      en:\n        - Policy 3.0\n")

    problem = folder.only(folder.check().errors, "phrasing")

    assert "is the same as" in problem.message
    assert problem.file == "smalltalk.yaml"


def test_a_phrasing_repeated_in_its_own_entry_is_a_warning(folder):
    folder.replace("policy.yaml", "      en:\n", "      en:\n        - WHAT is policy 3.0\n")
    folder.replace("policy.yaml", "      zh:\n", "        - what is policy 3.0?\n      zh:\n")

    result = folder.check()

    assert result.errors == []
    assert len(result.warnings) == 1
    assert "repeats 'WHAT is policy 3.0' of the same entry" in result.warnings[0].message


def test_a_synonym_in_two_groups(folder):
    folder.write("synonyms.yaml", folder.text("synonyms.yaml") + "  - [money, dosh]\n")
    line = folder.text("synonyms.yaml").count("\n")

    problem = folder.only(folder.check().errors, "synonym")

    assert problem.file == "synonyms.yaml"
    assert problem.line == line
    assert problem.message.startswith("synonym 'money' is already in the group at synonyms.yaml:")


def test_a_synonym_group_of_one_word(folder):
    folder.write("synonyms.yaml", folder.text("synonyms.yaml") + "  - [lonely]\n")

    problem = folder.only(folder.check().errors, "synonyms")

    assert problem.message == "needs at least 2 synonyms in a group, has 1; add 1"


def test_a_derived_value_that_no_answer_uses_is_a_warning(folder):
    folder.replace("events.yaml", 'value: "2024"', 'value: "2025"')

    result = folder.check()

    assert [p.message for p in result.warnings] == [
        "derived value '2025' is not stated in either answer; remove it or use it"
    ]
    assert any("answer.en states 2024" in p.message for p in result.errors)


def test_a_derived_value_without_a_number(folder):
    folder.replace("events.yaml", 'value: "2024"', 'value: "last spring"')

    problem = folder.only(folder.check().errors, "holds no number")

    assert problem.message == (
        "derived value 'last spring' holds no number; write the number as the answer states it"
    )


def test_a_quote_with_other_line_breaks_still_matches(folder):
    folder.replace(
        "projects.yaml",
        'quote: "To date, Tongzhou has supported',
        'quote: "To   date,\\n Tongzhou   has supported',
    )

    assert folder.check().errors == []


def test_a_quote_from_nowhere_says_so(folder):
    folder.replace(
        "projects.yaml",
        'quote: "To date, Tongzhou has supported',
        'quote: "Completely invented words about nothing at all. To date, Tongzhou has supported',
    )

    problem = folder.only(folder.check().errors, "quote")

    assert problem.message.startswith("quote is not word for word in source")


def test_review_dates_use_the_day_given(folder):
    kb, _ = load_knowledge(folder.path)
    latest = max(entry.review_by for entry in kb.entries)

    before = check_knowledge(kb, today=latest)
    after = check_knowledge(kb, today=latest + dt.timedelta(days=1))

    assert [p for p in before if p.severity is Severity.WARNING] == []
    assert len([p for p in after if "review date" in p.message]) == len(kb.entries)


def test_check_knowledge_works_on_a_base_built_in_code(folder):
    kb, _ = load_knowledge(folder.path)
    entry = kb.entry("talent-projects-funding")
    changed = dataclasses.replace(
        entry, answer={**entry.answer, "en": entry.answer["en"].replace("372", "371")}
    )
    kb = dataclasses.replace(
        kb, entries=tuple(changed if e.id == entry.id else e for e in kb.entries)
    )

    problems = check_knowledge(kb, today=dt.date(2026, 1, 1))

    assert [p.message.split(",")[0] for p in problems] == ["answer.en states 371"]


def test_normalise_phrasing():
    assert normalise_phrasing("  What is Policy 3.0？ ") == "what is policy 3 0"
    assert normalise_phrasing("人才新政３.０是什么？") == "人才新政3 0是什么"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_phrasings_are_normalised_as_any_other(text):
    # A final Chinese full stop is blanked, and takes the text off the ASCII-only way.
    assert normalise_phrasing(text) == normalise_phrasing(text + "。")


def test_a_repeated_synonym_group_is_one_error(folder):
    first = folder.text("synonyms.yaml").split("\n  - ", 2)[1].split("\n")[0]
    folder.write("synonyms.yaml", folder.text("synonyms.yaml") + f"  - {first}\n")

    problem = folder.only(folder.check().errors, "already in the group")

    assert problem.message.startswith("synonyms '")
    assert " are already in the group at synonyms.yaml:" in problem.message


def test_a_quote_with_a_word_left_out(folder):
    folder.replace("projects.yaml", "has supported 372", "has 372", after="quote:")

    problem = folder.only(folder.check().errors, "quote")

    assert problem.message.endswith(": it leaves out 'supported' after 'has'")


def test_a_quote_with_a_word_added(folder):
    folder.replace("projects.yaml", "372 high-level", "372 very high-level", after="quote:")

    problem = folder.only(folder.check().errors, "quote")

    assert problem.message.endswith(": it has 'very', which the source does not have there")


def test_a_quote_changed_in_its_last_word(folder):
    folder.replace("projects.yaml", '($55.27 million)."', '($55.27 millions)."', after="quote:")

    problem = folder.only(folder.check().errors, "word for word")

    assert problem.message.endswith(": it has 'millions).' where the source has 'million).'")


def _every_kind_of_warning(folder) -> None:
    """Edits that together draw each warning the checks give, next to a few errors."""
    folder.write(  # a topic with no entries
        "topics.yaml",
        folder.text("topics.yaml") + "  - id: housing\n    name:\n      en: Housing\n"
        "      zh: 住房\n",
    )
    folder.replace("tongzhou.yaml", "通州区", "通州區", after=("answer:", "zh:"))  # Traditional
    folder.replace("events.yaml", 'value: "2024"', 'value: "2025"')  # unused derived value (and
    # the answer's 2024 is then an error)
    folder.replace("policy.yaml", "      en:\n", "      en:\n        - WHAT is policy 3.0\n")
    folder.replace("policy.yaml", "      zh:\n", "        - what is policy 3.0?\n      zh:\n")
    first = folder.text("synonyms.yaml").split("\n  - [", 2)[1].split(",")[0]
    folder.write(  # a synonym listed twice in its group, and a group naming another's word
        "synonyms.yaml", folder.text("synonyms.yaml") + f"  - [{first}, {first}, dosh]\n"
    )
    folder.replace("smalltalk.yaml", "en: [", "en: ['policy 3.0?', ")  # an error: a duplicate


def test_errors_alone_are_exactly_the_errors_of_every_check(folder):
    _every_kind_of_warning(folder)
    after_every_review = dt.date(2100, 1, 1)

    everything = validate_folder(folder.path, today=after_every_review)
    errors_alone = validate_folder(folder.path, today=after_every_review, warnings=False)

    warned = {p.message.split(" ")[0] for p in everything.warnings}
    assert {"topic", "answer.zh", "derived", "phrasing", "synonym", "review"} <= warned
    assert len(everything.errors) >= 3
    assert errors_alone.errors == everything.errors
    assert errors_alone.warnings == []
    assert errors_alone.files == everything.files


def test_errors_alone_skip_the_checks_that_can_only_warn(folder, monkeypatch):
    _every_kind_of_warning(folder)

    def must_not_run(*_args: object) -> object:
        raise AssertionError("a check that can only warn ran")

    monkeypatch.setattr(checks, "_traditional_characters", must_not_run)
    monkeypatch.setattr(checks, "check_review_dates", must_not_run)

    result = validate_folder(folder.path, warnings=False)

    assert result.errors
    assert result.warnings == []
