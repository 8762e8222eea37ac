"""Reading ``examples/*.yaml``: labelled questions the matcher learns wording from.

Staff may add questions from the gap report there, so a mistake must be reported with its file
and line, and must never stop the rest of the folder from loading or checking.
"""

from __future__ import annotations

from typing import Any

from bot.faq import FaqEngine
from bot.knowledge import validate_folder
from bot.knowledge.problems import Severity
from bot.matching.examples import learnable

GOOD = """\
# ---------- tongzhou-location ----------
- q: "wher is tongzou"
  expect: tongzhou-location
  answer: '(?i)nantong|南通'
- q: "does the policy give me a flat"
  expect: decline
- q: "thx mate"
  expect: smalltalk
"""


def _examples_folder(folder: Any, name: str, text: str) -> None:
    (folder.path / "examples").mkdir(exist_ok=True)
    folder.write(f"examples/{name}", text)


def test_a_folder_without_examples_loads_none(folder: Any) -> None:
    result = folder.check()
    assert result.kb is not None
    assert result.kb.examples == ()
    assert not [f for f in result.files if f.startswith("examples/")]


def test_examples_load_with_their_labels_and_places(folder: Any) -> None:
    _examples_folder(folder, "asked.yaml", GOOD)
    result = folder.check()
    assert result.errors == []
    assert result.warnings == []
    assert result.kb is not None
    found = [(e.question, e.label, e.position.place()) for e in result.kb.examples]
    assert found == [
        ("wher is tongzou", "tongzhou-location", "examples/asked.yaml:2:3"),
        ("does the policy give me a flat", "decline", "examples/asked.yaml:5:3"),
        ("thx mate", "smalltalk", "examples/asked.yaml:7:3"),
    ]
    assert "examples/asked.yaml" in result.files


def test_a_label_naming_no_entry_is_a_warning_and_is_not_learnt(folder: Any) -> None:
    _examples_folder(folder, "asked.yaml", GOOD.replace("tongzhou-location\n", "tongzhou-where\n"))
    result = folder.check()
    assert result.errors == []
    warning = folder.only(result.warnings, "'tongzhou-where' is not the id of any entry")
    assert (warning.file, warning.line, warning.severity) == (
        "examples/asked.yaml",
        2,
        Severity.WARNING,
    )
    assert result.kb is not None
    assert [e.label for e in learnable(result.kb)] == ["decline", "smalltalk"]


def test_a_malformed_example_is_an_error_with_its_line(folder: Any) -> None:
    _examples_folder(
        folder,
        "asked.yaml",
        GOOD + '- q: "how many chains"\n- q: 372\n  expect: industrial-chains\n',
    )
    result = folder.check()
    missing = folder.only(result.errors, "missing field 'expect'")
    assert (missing.file, missing.line) == ("examples/asked.yaml", 9)
    number = folder.only(result.errors, "expected the question as text")
    assert (number.file, number.line) == ("examples/asked.yaml", 10)
    assert result.kb is None  # errors stop a load, as in any other file


def test_a_broken_pattern_and_broken_yaml_are_reported(folder: Any) -> None:
    _examples_folder(folder, "a.yaml", GOOD.replace("'(?i)nantong|南通'", "'(nantong'"))
    _examples_folder(folder, "b.yaml", '- q: "unclosed\n  expect: decline\n')
    result = folder.check()
    pattern = folder.only(result.errors, "not a valid regular expression")
    assert (pattern.file, pattern.line) == ("examples/a.yaml", 4)
    syntax = folder.only(result.errors, "quote")
    assert syntax.file == "examples/b.yaml"
    # the entries and the other example file still load and are checked
    assert not [p for p in result.errors if not p.file.startswith("examples/")]


def test_a_file_that_is_not_a_list_is_an_error(folder: Any) -> None:
    _examples_folder(folder, "asked.yaml", "q: hello\nexpect: decline\n")
    result = folder.check()
    problem = folder.only(result.errors, "example questions")
    assert problem.file == "examples/asked.yaml"


def test_the_shipped_examples_load_clean() -> None:
    result = validate_folder("knowledge")
    assert result.errors == []
    assert result.warnings == []
    assert result.kb is not None
    assert len(result.kb.examples) > 19_000
    assert len(learnable(result.kb)) == len(result.kb.examples)


def test_an_empty_file_is_an_error_and_a_yml_file_a_warning(folder: Any) -> None:
    _examples_folder(folder, "empty.yaml", "")
    _examples_folder(folder, "old.yml", GOOD)
    result = folder.check()
    empty = folder.only(result.errors, "the file is empty")
    assert (empty.file, empty.line) == ("examples/empty.yaml", 1)
    ignored = folder.only(result.warnings, "rename it to old.yaml")
    assert ignored.file == "examples/old.yml"


def test_examples_without_a_countable_piece_load_and_answer(folder: Any) -> None:
    # Emoji and Cyrillic give naive Bayes nothing to count: an empty vocabulary, no crash.
    _examples_folder(
        folder, "asked.yaml", '- q: "👍"\n  expect: smalltalk\n- q: "спасибо"\n  expect: decline\n'
    )
    result = folder.check()
    assert result.errors == []
    assert result.kb is not None
    engine = FaqEngine(result.kb)
    assert engine.matcher.example_count == 2
    assert engine.ask("where is tongzhou").entry_id == "tongzhou-location"
