"""Loading: the shape of each file, every problem at once, and positions kept for later checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import validate_folder
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import Severity

FUNDING = "id: talent-projects-funding"


def test_load_knowledge_builds_the_shipped_base(folder):
    kb, problems = load_knowledge(folder.path)

    assert problems == []
    assert kb is not None
    assert kb.entry("talent-projects-funding") is not None
    assert {s.id for s in kb.sources} == {"tongzhou-talent-2024"}
    assert "372" in kb.source("tongzhou-talent-2024").text


def test_every_value_keeps_its_place(folder):
    kb, _ = load_knowledge(folder.path)
    entry = kb.entry("talent-projects-funding")
    zh = folder.value_position("projects.yaml", "zh", after=(FUNDING, "answer:"))
    review = folder.value_position("projects.yaml", "review_by", after=FUNDING)

    assert (entry.where("answer.zh").line, entry.where("answer.zh").column) == zh
    assert (entry.where("review_by").line, entry.where("review_by").column) == review
    assert entry.where("answer.zh").file == "projects.yaml"
    assert entry.citations[0].position.file == "projects.yaml"


def test_load_knowledge_gives_no_base_when_there_are_errors(folder):
    folder.replace("policy.yaml", "    answer:", "    anser:")

    kb, problems = load_knowledge(folder.path)

    assert kb is None
    assert [p.severity for p in problems] == [Severity.ERROR, Severity.ERROR]


def test_an_empty_file(folder):
    folder.write("about.yaml", "")

    problem = folder.only(folder.check().errors, "empty")

    assert problem.format() == "about.yaml:1:1: the file is empty; it should start with 'entries:'"


def test_a_file_of_only_comments_is_empty(folder):
    folder.write("about.yaml", "# nothing here yet\n")

    problem = folder.only(folder.check().errors, "empty")

    assert problem.file == "about.yaml"


def test_the_wrong_top_level_shape(folder):
    folder.write("about.yaml", "- id: about-source\n")

    problem = folder.only(folder.check().errors, "must start")

    assert problem.format() == (
        "about.yaml:1:1: the file must start with 'entries:' followed by a list: "
        "add the line 'entries:' above the list"
    )


def test_the_wrong_top_level_field(folder):
    folder.replace("about.yaml", "entries:", "entry:")
    line, column = folder.position("about.yaml", "entry:")

    errors = [p.format() for p in folder.check().errors]

    assert errors == [
        f"about.yaml:{line}:1: the file must start with 'entries:' followed by a list",
        f"about.yaml:{line}:{column}: unknown field 'entry' — did you mean 'entries'?",
    ]


def test_entries_that_are_not_a_list(folder):
    folder.write("about.yaml", "entries: about-source\n")

    problem = folder.only(folder.check().errors, "expected")

    assert problem.format() == (
        "about.yaml:1:10: expected a list of entries, got the text 'about-source'"
    )


def test_a_field_given_twice_in_one_entry(folder):
    folder.replace("policy.yaml", "    topic: policy\n", "    topic: policy\n    topic: events\n")
    line, column = folder.position("policy.yaml", "topic: events")

    problem = folder.only(folder.check().errors, "twice")

    assert (problem.file, problem.line, problem.column) == ("policy.yaml", line, column)
    assert problem.message.startswith("field 'topic' appears twice in the same place (first on")


def test_too_few_phrasings(folder):
    text = folder.text("policy.yaml")
    start = text.index("      zh:\n") + len("      zh:\n")
    end = text.index("    answer:", start)
    phrasings = text[start:end].splitlines(keepends=True)
    folder.write("policy.yaml", text[:start] + "".join(phrasings[:2]) + text[end:])
    line, column = folder.position("policy.yaml", "- ", after="      zh:\n")

    problem = folder.only(folder.check().errors, "at least")

    assert (problem.file, problem.line, problem.column) == ("policy.yaml", line, column)
    assert problem.message == "needs at least 3 Chinese questions, has 2; add 1"


def test_an_empty_phrasing_and_an_empty_answer(folder):
    folder.replace("policy.yaml", "      en:\n        - ", '      en:\n        - ""\n        - ')
    folder.replace("events.yaml", "en: >-", 'en: "   "\n      xx: >-', after="answer:")
    folder.replace("events.yaml", "      xx: >-", "      en_: >-")

    messages = [p.message for p in folder.check().errors]

    assert "each of the English questions is empty; write the text" in messages
    assert "the answer in English is empty; write the text" in messages


def test_true_false_words_must_be_quoted(folder):
    folder.replace("smalltalk.yaml", "en: [", "en: [yes, ")

    problem = folder.only(folder.check().errors, "true/false")

    assert problem.file == "smalltalk.yaml"
    assert problem.message == (
        "expected each of the English questions as text, got yes (which YAML reads as "
        'true/false); put it in quotes: "yes"'
    )


def test_a_date_that_is_not_a_date(folder):
    folder.replace("policy.yaml", "review_by: 2027-06-30", "review_by: next summer")

    problem = folder.only(folder.check().errors, "review_by")

    assert problem.message == ("expected review_by as a date like 2027-06-30, got 'next summer'")


def test_a_quoted_iso_date_is_accepted(folder):
    folder.replace("policy.yaml", "review_by: 2027-06-30", 'review_by: "2027-06-30"')

    assert folder.check().errors == []


def test_a_missing_required_file(folder):
    (folder.path / "topics.yaml").unlink()

    result = folder.check()

    assert [p.format() for p in result.errors] == [
        "topics.yaml: the file is missing (it lists the topics the bot shows as buttons); "
        "put it back, or create it with a 'topics:' list"
    ]


@pytest.mark.parametrize(
    ("name", "purpose"),
    [
        ("smalltalk.yaml", "the replies to greetings, thanks and goodbyes"),
        ("synonyms.yaml", "words users may use for the same thing"),
    ],
)
def test_a_missing_smalltalk_or_synonyms_file_is_an_error(folder, name, purpose):
    # Without them the bot still runs, but declines greetings or understands far less.
    (folder.path / name).unlink()

    result = folder.check()

    assert result.kb is None
    [problem] = result.errors
    assert problem.file == name
    assert purpose in problem.message
    top = name.removesuffix(".yaml")
    assert problem.message.endswith(f"or create it with the line '{top}: []' to have none")


@pytest.mark.parametrize("name", ["smalltalk.yaml", "synonyms.yaml"])
def test_smalltalk_and_synonyms_may_hold_an_empty_list(folder, name):
    top = name.removesuffix(".yaml")
    folder.write(name, f"{top}: []\n")

    result = folder.check()

    assert result.errors == []


def test_an_empty_smalltalk_file_says_how_to_have_none(folder):
    folder.write("smalltalk.yaml", "")

    problem = folder.only(folder.check().errors, "empty")

    assert problem.format() == (
        "smalltalk.yaml:1:1: the file is empty; it should start with 'smalltalk:' "
        "('smalltalk: []' if there are none)"
    )


def test_an_unreadable_file(folder, monkeypatch):
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "events.yaml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)

    errors = folder.check().errors

    assert [p.format() for p in errors] == ["events.yaml: cannot read the file: Permission denied"]


def test_a_folder_that_does_not_exist(tmp_path):
    result = validate_folder(tmp_path / "nowhere")

    assert result.kb is None
    assert [p.format() for p in result.errors] == [
        f"{tmp_path / 'nowhere'}: the knowledge folder does not exist"
    ]


def test_a_folder_that_cannot_be_read(folder, monkeypatch):
    def iterdir(path: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", iterdir)

    errors = validate_folder(folder.path).errors

    assert [p.format() for p in errors] == [
        f"{folder.path}: cannot read the knowledge folder: Permission denied"
    ]


def test_a_folder_without_entries_files(folder):
    for name in ("about", "alphaess", "events", "policy", "projects", "tongzhou"):
        (folder.path / f"{name}.yaml").unlink()

    problem = folder.only(folder.check().errors, "no entries file")

    assert problem.format() == (
        f"{folder.path}: no entries file found; add e.g. policy.yaml with 'entries:'"
    )


def test_a_yml_file_is_named_in_a_warning(folder):
    (folder.path / "housing.yml").write_text("entries: []\n", encoding="utf-8")

    result = folder.check()

    assert result.errors == []
    assert [p.format() for p in result.warnings] == [
        "housing.yml: ignored: only .yaml files are read; rename it to housing.yaml"
    ]


def test_a_source_path_outside_the_folder(folder):
    folder.replace("sources.yaml", "file: sources/", "file: ../")

    problem = folder.only(folder.check().errors, "inside the knowledge folder")

    assert problem.file == "sources.yaml"


def test_a_source_text_that_is_not_utf8(folder):
    name = folder.text("sources.yaml").split("file: ", 1)[1].splitlines()[0].strip()
    path = folder.path / name
    path.write_bytes(b"Updated: 2024-04-12\n\xff\xfe broken\n")

    problem = folder.only(folder.check().errors, "UTF-8")

    assert problem.format() == (
        f"{name}:2:1: the file is not UTF-8 text (byte 0xFF cannot be read); "
        "save it with the UTF-8 encoding"
    )


def test_a_control_character(folder):
    folder.replace("about.yaml", "entries:", "entries:\x07")
    line, column = folder.position("about.yaml", "\x07")

    problem = folder.only(folder.check().errors, "control character")

    assert problem.format() == (
        f"about.yaml:{line}:{column}: the file contains a control character (U+0007) that "
        "YAML does not allow; delete it"
    )


def test_an_unclosed_quote_is_pointed_at_where_it_opens(folder):
    text = folder.text("tongzhou.yaml")
    start = text.index('quote: "')
    end = text.index("\n", start)
    assert text[end - 1] == '"'
    folder.write("tongzhou.yaml", text[: end - 1] + text[end:])
    line, column = folder.position("tongzhou.yaml", '"', after="quote:")

    problem = folder.only(folder.check().errors, "quote")

    assert (problem.file, problem.line, problem.column) == ("tongzhou.yaml", line, column)
    assert problem.message == (
        "YAML syntax error: the quote opened here is not closed on this line; "
        "end the text with the same quote mark"
    )


def test_a_second_document_in_one_file(folder):
    folder.write("about.yaml", folder.text("about.yaml") + "---\nentries: []\n")

    problem = folder.only(folder.check().errors, "document")

    assert problem.message == (
        "YAML syntax error: the file must hold one document: remove the extra '---' line"
    )


def test_smalltalk_needs_both_languages(folder):
    folder.replace("smalltalk.yaml", "      zh: [", "      fr: [")

    messages = [p.message for p in folder.check().errors]

    assert "unknown field 'fr'; the fields here are: en, zh" in messages
    assert "missing field 'zh' (a list of Simplified Chinese phrasings)" in messages


@pytest.mark.parametrize(
    "document",
    [
        "entries:\n  - &a [*a]\n",  # an alias that contains itself
        "entries:\n  - " + "[" * 5000 + "]" * 5000 + "\n",  # nesting deeper than Python recurses
        "entries:\n  - id: x\n    questions: *nothing\n",  # an alias never defined
        "entries: !!python/object:os.system [echo]\n",  # a tag that must never run
        "entries:\n  - {id: a, id: b}\n",
        "entries:\n  - ? [complex, key]\n    : value\n",
    ],
)
def test_hostile_yaml_is_reported_not_raised(folder, document):
    folder.write("about.yaml", document)

    result = folder.check()

    assert result.kb is None
    assert any(p.file == "about.yaml" for p in result.errors)


def test_a_question_mark_in_a_one_line_list_gets_a_hint(folder):
    folder.replace("smalltalk.yaml", "en: [", "en: [who are you?, ")
    line, _ = folder.position("smalltalk.yaml", "who are you?")

    problem = folder.only(folder.check().errors, "YAML syntax error")

    assert problem.line == line
    assert problem.message == (
        "YAML syntax error: a list item in [ ] contains '?': put the item in quotes, "
        "e.g. ['what is it?', hi]"
    )


def test_a_colon_in_a_list_item_gets_a_hint(folder):
    folder.replace("smalltalk.yaml", "en: [", "en: [note: this, ")

    problem = folder.only(folder.check().errors, "expected")

    assert problem.message == (
        "expected each of the English questions as text, got fields (name: value); "
        "text containing ': ' must be put in quotes"
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ('"sources/\\0.txt"', "'sources/\x00.txt' is not a usable file path"),
        ('"' + "x" * 5000 + '"', "is not a usable file path"),
        ("sources", "the source file 'sources' is not a file"),
        ("/etc/hostname", "the file '/etc/hostname' must be inside the knowledge folder"),
    ],
)
def test_unusable_source_paths(folder, path, message):
    text = folder.text("sources.yaml")
    start = text.index("file: ") + len("file: ")
    end = text.index("\n", start)
    folder.write("sources.yaml", text[:start] + path + text[end:])

    problem = folder.only(folder.check().errors, "file")

    assert problem.file == "sources.yaml"
    assert message in problem.message


def test_an_empty_source_text(folder):
    name = folder.text("sources.yaml").split("file: ", 1)[1].splitlines()[0].strip()
    (folder.path / name).write_text(" \n", encoding="utf-8")

    problem = folder.only(folder.check().errors, "empty")

    assert problem.message == f"the source file '{name}' is empty"


def test_a_source_url_that_is_not_a_web_address(folder):
    folder.replace("sources.yaml", "url: http://", "url: ")
    line, column = folder.value_position("sources.yaml", "url")

    problem = folder.only(folder.check().errors, "url")

    assert (problem.line, problem.column) == (line, column)
    assert problem.message.endswith("must be a web address starting with http:// or https://")


def test_a_dash_without_a_space(folder):
    text = folder.text("policy.yaml")
    start = text.index("      zh:\n") + len("      zh:\n")
    end = text.index("    answer:", start)
    folder.write("policy.yaml", text[:start] + text[start:end].replace("- ", "-") + text[end:])

    problem = folder.only(folder.check().errors, "space after")

    assert problem.message.startswith("expected a list of Chinese questions, got the text '-")
    assert problem.message.endswith("; each list item needs a space after its '-'")


def test_a_file_given_as_the_folder(folder):
    result = validate_folder(folder.path / "policy.yaml")

    assert [p.format() for p in result.errors] == [
        f"{folder.path / 'policy.yaml'}: this is a file, not a folder: give the folder that "
        "holds the .yaml files"
    ]


@pytest.mark.parametrize(
    ("written", "typed", "message"),
    [
        ("    review_by: 2027", "    review_by 2027", "a line is missing its ':'"),
        ("    topic: tongzhou", "    topic tongzhou", "a line is missing its ':'"),
        ("      - tongzhou location", "      -tongzhou location", "needs a space after its '-'"),
    ],
)
def test_a_syntax_error_is_reported_on_the_line_that_has_it(folder, written, typed, message):
    folder.replace("tongzhou.yaml", written, typed)
    line, _ = folder.position("tongzhou.yaml", typed.strip())

    problem = folder.only(folder.check().errors, "YAML syntax error")

    assert (problem.file, problem.line) == ("tongzhou.yaml", line)
    assert message in problem.message
