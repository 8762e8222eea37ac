"""Each rule, proven by breaking a copy of the shipped knowledge folder in one place.

Every test asserts the file, the line, the column and the message staff would read.
"""

from __future__ import annotations

from bot.knowledge.problems import Severity

FUNDING = "id: talent-projects-funding"
OUTCOMES = "id: talent-projects-outcomes"
EVENT_DATE = "id: doctoral-event-date"


def test_the_unbroken_copy_passes(folder):
    result = folder.check()
    assert result.errors == []
    assert result.kb is not None


def test_a_quote_changed_by_one_word(folder):
    folder.replace(
        "projects.yaml",
        "has supported 372 high-level",
        "has funded 372 high-level",
        after=(FUNDING, "quote:"),
    )
    line, column = folder.value_position("projects.yaml", "quote", after=FUNDING)

    problem = folder.only(folder.check().errors, "quote is not word for word")

    assert (problem.file, problem.line, problem.column) == ("projects.yaml", line, column)
    assert problem.message == (
        "quote is not word for word in source 'tongzhou-talent-2024': "
        "it has 'funded' where the source has 'supported'"
    )


def test_372_changed_to_373_in_an_answer_points_at_the_number(folder):
    folder.replace("projects.yaml", "372", "373", after=(FUNDING, "answer:", "en:"))
    line, column = folder.position("projects.yaml", "373")

    problem = folder.only(folder.check().errors, "373")

    assert (problem.file, problem.line, problem.column) == ("projects.yaml", line, column)
    assert problem.message == (
        "answer.en states 373, which no quote of this entry backs; "
        "quote the source or declare it under 'derived'"
    )


def test_400_million_changed_to_4_yi_5_qian_wan_in_a_chinese_answer(folder):
    folder.replace("projects.yaml", "4亿", "4亿5千万", after=(FUNDING, "answer:", "zh:"))
    line, column = folder.position("projects.yaml", "4亿5千万")

    errors = folder.check().errors

    assert [p.format() for p in errors] == [
        f"projects.yaml:{line}:{column}: answer.zh states 4亿5千万 (450000000), which no quote "
        "of this entry backs; quote the source or declare it under 'derived'"
    ]


def test_a_double_space_in_a_quote_still_backs_its_numbers(folder):
    # The quote check folds whitespace, so this quote passes it; its 400 million must count.
    folder.replace("projects.yaml", "400 million", "400  million", after=(FUNDING, "quote:"))

    result = folder.check()

    assert result.errors == []


def test_a_duplicated_id_is_reported_at_both_places_each_naming_the_other(folder):
    folder.replace("projects.yaml", OUTCOMES, FUNDING)
    first = folder.position("projects.yaml", "talent-projects-funding", after="- id:")
    second_line, second_column = folder.position(
        "projects.yaml", "talent-projects-funding", after=("- id:", "related:", "- id:")
    )

    problem = folder.only(folder.check().errors, "already used")

    assert (problem.file, problem.line, problem.column) == (
        "projects.yaml",
        second_line,
        second_column,
    )
    assert problem.message == (
        f"id 'talent-projects-funding' is already used by the entry at "
        f"projects.yaml:{first[0]}:{first[1]}; ids must be unique"
    )
    # ... and at the first, which may be the one just edited, naming the second.
    other = folder.only(folder.check().errors, "also used")
    assert (other.file, other.line, other.column) == ("projects.yaml", *first)
    assert other.message == (
        f"id 'talent-projects-funding' is also used by the entry at "
        f"projects.yaml:{second_line}:{second_column}; ids must be unique"
    )


def test_an_id_shared_by_an_entry_and_small_talk(folder):
    folder.replace("smalltalk.yaml", "id: thanks", "id: talent-events")

    problem = folder.only(folder.check().errors, "already used")

    assert problem.file == "smalltalk.yaml"
    assert "by the entry at events.yaml:" in problem.message


def test_a_tab_indented_line(folder):
    folder.replace("policy.yaml", "    topic: ", "\ttopic: ")
    line, _ = folder.position("policy.yaml", "\ttopic: ")

    result = folder.check()

    assert [p.format() for p in result.errors if p.file == "policy.yaml"] == [
        f"policy.yaml:{line}:1: a tab character is used for indentation; YAML needs spaces instead"
    ]
    assert result.kb is None


def test_an_unknown_field_suggests_the_right_name(folder):
    folder.replace("events.yaml", "    answer:", "    anser:", after=EVENT_DATE)
    line, column = folder.position("events.yaml", "anser:")
    entry_line, entry_column = folder.position("events.yaml", "id:", after=EVENT_DATE)

    errors = folder.check().errors

    assert [p.format() for p in errors] == [
        f"events.yaml:{entry_line}:{entry_column}: missing field 'answer' ('en:' and 'zh:' texts)",
        f"events.yaml:{line}:{column}: unknown field 'anser' — did you mean 'answer'?",
    ]


def test_a_related_entry_that_does_not_exist(folder):
    folder.replace(
        "projects.yaml", "talent-projects-outcomes", "talent-project-outcome", after="related:"
    )
    line, column = folder.position("projects.yaml", "talent-project-outcome")

    problem = folder.only(folder.check().errors, "related entry")

    assert (problem.file, problem.line, problem.column) == ("projects.yaml", line, column)
    assert problem.message == (
        "related entry 'talent-project-outcome' does not exist — "
        "did you mean 'talent-projects-outcomes'?"
    )


def test_more_than_3_related_entries(folder):
    folder.replace(
        "tongzhou.yaml",
        "related: [talent-priority, about-source]",
        "related: [talent-priority, about-source, policy-3-0, talent-hubs, talent-events]",
    )
    line, column = folder.position("tongzhou.yaml", "talent-hubs", after="related: [")

    errors = folder.check().errors

    assert [p.format() for p in errors] == [
        f"tongzhou.yaml:{line}:{column}: 5 related entries are listed, and at most 3 are "
        "allowed (each is a button under the answer); keep the 3 a user most likely wants next"
    ]


def test_3_related_entries_or_none_are_fine(folder):
    folder.replace(
        "tongzhou.yaml",
        "related: [talent-priority, about-source]",
        "related: [talent-priority, about-source, policy-3-0]",
    )
    text = folder.text("alphaess.yaml")
    start = text.index("related: [") + len("related: ")
    end = text.index("]", start) + 1
    folder.write("alphaess.yaml", text[:start] + "[]" + text[end:])

    assert folder.check().errors == []


def test_a_missing_field_points_at_its_record(folder):
    text = folder.text("policy.yaml")
    start = text.index("review_by:")
    folder.write("policy.yaml", text[:start] + text[text.index("\n", start) + 1 :])
    line, column = folder.position("policy.yaml", "id:")

    problem = folder.only(folder.check().errors, "missing")

    assert (problem.file, problem.line, problem.column) == ("policy.yaml", line, column)
    assert problem.message == ("missing field 'review_by' (a date like 2027-06-30)")


def test_a_number_where_text_is_expected(folder):
    folder.replace("events.yaml", 'value: "2024"', "value: 2024")
    line, column = folder.position("events.yaml", "2024", after="value:")

    problem = folder.only(folder.check().errors, "expected")

    assert (problem.line, problem.column) == (line, column)
    assert problem.message == (
        'expected the derived value as text, got the number 2024; put it in quotes: "2024"'
    )


def test_text_where_a_list_is_expected(folder):
    text = folder.text("alphaess.yaml")
    start = text.index("related: [") + len("related: ")
    end = text.index("]", start) + 1
    folder.write("alphaess.yaml", text[:start] + "alphaess-business" + text[end:])
    line, column = folder.position("alphaess.yaml", "alphaess-business", after="related: ")

    problem = folder.only(folder.check().errors, "expected a list")

    assert (problem.file, problem.line, problem.column) == ("alphaess.yaml", line, column)
    assert problem.message == (
        "expected a list of related entry ids, got the text 'alphaess-business'"
    )


def test_a_bad_date(folder):
    folder.replace("about.yaml", "review_by: 2027-06-30", "review_by: 2027-02-30")
    line, column = folder.value_position("about.yaml", "review_by")

    problem = folder.only(folder.check().errors, "date")

    assert (problem.line, problem.column) == (line, column)
    assert problem.message == "review_by '2027-02-30' is not a real calendar date"


def test_bad_id_characters(folder):
    folder.replace("policy.yaml", "id: policy-3-0", "id: Policy 3")
    line, column = folder.position("policy.yaml", "Policy 3")

    problem = folder.only(folder.check().errors, "Policy 3")

    assert (problem.file, problem.line, problem.column) == ("policy.yaml", line, column)
    assert problem.message == (
        "entry id 'Policy 3' may only use a-z, 0-9 and '-' (at most 40 characters)"
    )


def test_an_id_longer_than_40_characters(folder):
    long_id = "a" * 41
    folder.replace("policy.yaml", "id: policy-3-0", f"id: {long_id}")

    problem = folder.only(folder.check().errors, long_id)

    assert problem.message.endswith("(at most 40 characters)")


def test_broken_yaml_syntax(folder):
    folder.replace("tongzhou.yaml", 'quote: "', 'quote: "unclosed ', after="citations:")
    folder.replace("tongzhou.yaml", '"\n', "\n", after=('quote: "unclosed ',))

    problems = [p for p in folder.check().errors if p.file == "tongzhou.yaml"]

    assert len(problems) == 1
    assert problems[0].line > 0
    assert problems[0].message.startswith("YAML syntax error: ")


def test_a_colon_in_unquoted_text_gets_a_hint(folder):
    folder.replace("topics.yaml", "en: Talent policy", "en: Talent policy: 3.0")
    line, _ = folder.position("topics.yaml", "Talent policy: 3.0")

    problem = folder.only(folder.check().errors, "YAML syntax error")

    assert problem.line == line
    assert "must be put in quotes" in problem.message


def test_a_phrasing_indented_one_space_more_is_not_merged_into_the_one_above(folder):
    # YAML reads the two lines as one phrasing: "Where is Tongzhou? - tongzhou location".
    folder.replace("tongzhou.yaml", "        - tongzhou location", "         - tongzhou location")
    line, column = folder.position("tongzhou.yaml", "- tongzhou location")

    errors = folder.check().errors

    assert [p.format() for p in errors] == [
        f"tongzhou.yaml:{line}:{column}: this line is read as part of the phrasing above, "
        "which becomes 'Where is Tongzhou? - tongzhou location'; it looks like a new item "
        "indented more than the one above: line its '-' up with the '-' above "
        "(each phrasing must be written on one line)"
    ]


def test_a_phrasing_wrapped_onto_a_second_line(folder):
    folder.replace("tongzhou.yaml", "        - tongzhou location", "          tongzhou location")
    line, column = folder.position("tongzhou.yaml", "tongzhou location", after="Where is")

    problem = folder.only(folder.check().errors, "read as part of the phrasing above")

    assert (problem.file, problem.line, problem.column) == ("tongzhou.yaml", line, column)
    assert "'Where is Tongzhou? tongzhou location'" in problem.message
    assert "start it with '- ' lined up with the '-' above" in problem.message


def test_a_missing_comma_in_a_bracketed_list_of_phrasings(folder):
    folder.replace("smalltalk.yaml", "en: [hi, hello, ", "en: [hi, hello\n        ")
    line, column = folder.position("smalltalk.yaml", "hey there")

    problem = folder.only(folder.check().errors, "read as part of the phrasing above")

    assert (problem.file, problem.line, problem.column) == ("smalltalk.yaml", line, column)
    assert "which becomes 'hello hey there'; if it is a new item, put a comma before it" in (
        problem.message
    )


def test_a_related_id_indented_one_space_more(folder):
    folder.replace(
        "tongzhou.yaml",
        "related: [talent-priority, about-source]",
        "related:\n      - talent-priority\n       - about-source",
    )
    line, column = folder.position("tongzhou.yaml", "- about-source")

    errors = folder.check().errors

    assert [(p.file, p.line, p.column) for p in errors] == [("tongzhou.yaml", line, column)]
    assert "part of the entry id above, which becomes 'talent-priority - about-source'" in (
        errors[0].message
    )


def test_a_synonym_indented_one_space_more(folder):
    folder.write(
        "synonyms.yaml",
        folder.text("synonyms.yaml") + "  - - money\n    - cash\n     - dosh\n",
    )
    line, column = folder.position("synonyms.yaml", "- dosh")

    problem = folder.only(folder.check().errors, "read as part of the synonym above")

    assert (problem.line, problem.column) == (line, column)


def test_a_phrasing_quoted_over_two_lines_is_one_phrasing(folder):
    # Quoted, the line break is plainly meant: YAML still reads one phrasing, "tongzhou location".
    folder.replace("tongzhou.yaml", "- tongzhou location", '- "tongzhou\n          location"')

    assert folder.check().errors == []


def test_a_citation_indented_one_space_more_is_a_syntax_error(folder):
    # Unlike a phrasing, a citation cannot be swallowed silently: YAML refuses the result.
    folder.replace(
        "tongzhou.yaml",
        "      - source: tongzhou-talent-2024\n",
        "      - source: tongzhou-talent-2024\n        quote: first\n       - source: other\n",
    )

    problem = folder.only(folder.check().errors, "YAML syntax error")

    assert problem.file == "tongzhou.yaml"


def test_a_file_that_is_not_utf8(folder):
    text = folder.text("tongzhou.yaml")
    marker = "Tongzhou"
    index = text.index(marker, text.index("answer:"))
    raw = text[:index].encode() + "Töngzhou".encode("latin-1") + text[index + 8 :].encode()
    (folder.path / "tongzhou.yaml").write_bytes(raw)
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind("\n", 0, index) + 1

    problem = folder.only(folder.check().errors, "UTF-8")

    assert (problem.file, problem.line, problem.column) == ("tongzhou.yaml", line, column)
    assert problem.message == (
        "the file is not UTF-8 text (byte 0xF6 cannot be read); save it with the UTF-8 encoding"
    )


def test_a_missing_source_file_is_reported_once(folder):
    name = folder.text("sources.yaml").split("file: ", 1)[1].splitlines()[0].strip()
    (folder.path / name).unlink()
    line, column = folder.value_position("sources.yaml", "file")

    errors = folder.check().errors

    assert [p.format() for p in errors] == [
        f"sources.yaml:{line}:{column}: the source file '{name}' does not exist "
        "(paths are relative to the knowledge folder)"
    ]


def test_a_near_duplicate_phrasing_names_both_places(folder):
    folder.replace(
        "tongzhou.yaml",
        "      zh:\n",
        "        - what events does tongzhou hold to attract talents\n      zh:\n",
    )
    first = folder.position("events.yaml", "What events does Tongzhou hold to attract talent?")
    line, column = folder.position(
        "tongzhou.yaml", "what events does tongzhou hold to attract talents"
    )

    problem = folder.only(folder.check().errors, "phrasing")

    assert (problem.file, problem.line, problem.column) == ("tongzhou.yaml", line, column)
    assert "is nearly the same as 'What events does Tongzhou hold to attract talent?'" in (
        problem.message
    )
    assert f"of 'talent-events' at events.yaml:{first[0]}:{first[1]}" in problem.message


def test_an_over_long_answer(folder):
    long_answer = ("Tongzhou is a district of Nantong. " * 30).strip()
    text = folder.text("tongzhou.yaml")
    start = text.index("en: >-", text.index("answer:"))
    end = text.index("      zh:", start)
    folder.write("tongzhou.yaml", text[:start] + f"en: {long_answer}\n" + text[end:])
    line, column = folder.position("tongzhou.yaml", long_answer)

    problem = folder.only(folder.check().errors, "characters long")

    assert (problem.file, problem.line, problem.column) == ("tongzhou.yaml", line, column)
    assert problem.message == (
        f"answer.en is {len(long_answer)} characters long; the limit is 1000, so shorten it "
        f"by {len(long_answer) - 1000}"
    )


def test_an_expired_review_date_is_a_warning(folder):
    folder.replace("about.yaml", "review_by: 2027-06-30", "review_by: 2025-12-31")
    line, column = folder.value_position("about.yaml", "review_by")

    result = folder.check()

    assert result.errors == []
    assert [p.format() for p in result.warnings] == [
        f"about.yaml:{line}:{column}: review date 2025-12-31 has passed; check 'about-source' "
        "against its sources and set a new date"
    ]
    assert result.warnings[0].severity is Severity.WARNING


def test_an_undeclared_derived_value(folder):
    text = folder.text("events.yaml")
    start = text.index("    derived:", text.index(EVENT_DATE))
    end = text.index("    related:", start)
    folder.write("events.yaml", text[:start] + text[end:])
    en = folder.position("events.yaml", "2024", after=(EVENT_DATE, "answer:", "en:"))
    zh = folder.position("events.yaml", "2024", after=(EVENT_DATE, "answer:", "zh:"))

    errors = folder.check().errors

    assert [p.format() for p in errors] == [
        f"events.yaml:{en[0]}:{en[1]}: answer.en states 2024, which no quote of this entry "
        "backs; quote the source or declare it under 'derived'",
        f"events.yaml:{zh[0]}:{zh[1]}: answer.zh states 2024, which no quote of this entry "
        "backs; quote the source or declare it under 'derived'",
    ]


def test_a_derivation_whose_basis_is_not_quoted(folder):
    folder.replace("events.yaml", 'basis: "March 26-27"', 'basis: "late March"')
    line, column = folder.value_position("events.yaml", "basis")

    problem = folder.only(folder.check().errors, "basis")

    assert (problem.line, problem.column) == (line, column)
    assert problem.message == (
        "basis 'late March' is not in any quote of this entry; "
        "copy the words it rests on from one of its quotes"
    )


def test_several_errors_in_several_files_are_reported_together(folder):
    folder.replace("projects.yaml", "372", "373", after=(FUNDING, "answer:", "en:"))
    folder.replace("policy.yaml", "    topic: ", "\ttopic: ")
    folder.replace("alphaess.yaml", "    answer:", "    anser:")
    folder.replace("topics.yaml", "id: events", "id: Events")
    (folder.path / "tongzhou.yaml").write_bytes(b"entries:\n  - id: caf\xe9\n")

    errors = folder.check().errors

    assert {p.file for p in errors} >= {
        "projects.yaml",
        "policy.yaml",
        "alphaess.yaml",
        "topics.yaml",
        "tongzhou.yaml",
    }
    messages = " | ".join(p.message for p in errors)
    assert "answer.en states 373" in messages
    assert "a tab character" in messages
    assert "unknown field 'anser'" in messages
    assert "topic id 'Events'" in messages
    assert "not UTF-8" in messages
    assert errors == sorted(errors)


def test_a_broken_record_is_not_reported_again_where_it_is_used(folder):
    # The events topic's id is invalid, so the topic does not load; the entries that name it
    # must not each report "topic 'events' does not exist" on top.
    folder.replace("topics.yaml", "id: events", "id: Events")

    errors = folder.check().errors

    assert [p.message for p in errors] == [
        "topic id 'Events' may only use a-z, 0-9 and '-' (at most 40 characters)"
    ]


def test_a_number_split_over_two_lines_points_at_its_answer(folder):
    folder.replace(
        "projects.yaml",
        "nearly 400 million yuan",
        "nearly 450\n        million yuan",
        after=(FUNDING, "answer:", "en:"),
    )
    line, column = folder.value_position("projects.yaml", "en", after=(FUNDING, "answer:"))

    problem = folder.only(folder.check().errors, "450 million")

    assert (problem.line, problem.column) == (line, column)


def test_a_broken_field_does_not_hide_problems_in_the_rest_of_its_entry(folder):
    folder.replace("projects.yaml", "review_by: 2027-06-30", "review_by: 2027-13-01")
    folder.replace("projects.yaml", "372", "373", after=(FUNDING, "answer:", "en:"))
    folder.replace("projects.yaml", "has supported 372", "has funded 372", after="quote:")

    messages = [p.message for p in folder.check().errors]

    assert len(messages) == 3
    assert "review_by '2027-13-01' is not a real calendar date" in messages
    assert any(m.startswith("answer.en states 373") for m in messages)
    assert any(m.startswith("quote is not word for word") for m in messages)


def test_an_entry_with_a_bad_id_is_still_checked(folder):
    folder.replace("projects.yaml", "id: talent-projects-funding", "id: Funding!")
    folder.replace("projects.yaml", "372", "373", after=("Funding!", "answer:", "en:"))

    messages = [p.message for p in folder.check().errors]

    assert len(messages) == 2
    assert any("'Funding!' may only use" in m for m in messages)
    assert any(m.startswith("answer.en states 373") for m in messages)


def test_quotes_are_checked_against_a_source_with_a_bad_field(folder):
    folder.replace("sources.yaml", "date: 2024-04-12", "date: April 2024")
    folder.replace("projects.yaml", "has supported 372", "has funded 372", after="quote:")

    errors = folder.check().errors

    assert [p.file for p in errors] == ["projects.yaml", "sources.yaml"]
    assert errors[0].message.startswith("quote is not word for word")
    assert (
        errors[1].message
        == "expected the source's date as a date like 2027-06-30, got 'April 2024'"
    )
