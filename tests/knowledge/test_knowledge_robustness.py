"""Whatever a file holds, loading and checking report problems; they never raise."""

from __future__ import annotations

import dataclasses
import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.knowledge import validate_folder
from bot.knowledge.checks import check_knowledge
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Derivation
from bot.knowledge.yamlfile import parse_yaml
from bot.paths import shipped_knowledge_dir

# Characters YAML gives meaning to, so random text often nearly parses.
_YAML_ALPHABET = st.sampled_from(
    list(" \t\n-:#'\"[]{}&*!|>%@`,?.0123456789abcidenquoté人才\x00\x85\ufeff")
)
_YAML_LIKE = st.text(_YAML_ALPHABET, max_size=200)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
)
_TREES = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "topic",
                    "questions",
                    "answer",
                    "en",
                    "zh",
                    "citations",
                    "source",
                    "quote",
                    "related",
                    "review_by",
                    "derived",
                    "x",
                ]
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=25,
)

_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(text=st.one_of(st.text(max_size=300), _YAML_LIKE))
def test_parsing_any_text_never_raises(text):
    parsed, problems = parse_yaml(text, "any.yaml")

    if problems:
        assert parsed.root is None or all(
            "tab" in p.message or "twice" in p.message for p in problems
        )
    for problem in problems:
        assert problem.file == "any.yaml"
        assert problem.line >= 0
        assert problem.column >= 0


@_SETTINGS
@given(text=st.one_of(st.text(max_size=300), _YAML_LIKE))
def test_an_entries_file_of_any_text_never_raises(folder, text):
    folder.write("about.yaml", text)

    result = validate_folder(folder.path, today=dt.date(2026, 1, 1))

    assert all(p.file for p in result.errors)


@_SETTINGS
@given(data=st.binary(max_size=300))
def test_an_entries_file_of_any_bytes_never_raises(folder, data):
    (folder.path / "about.yaml").write_bytes(data)

    result = validate_folder(folder.path, today=dt.date(2026, 1, 1))

    assert result.kb is not None or result.errors


_FILES = st.sampled_from(
    [
        ("about.yaml", "entries"),
        ("sources.yaml", "sources"),
        ("topics.yaml", "topics"),
        ("smalltalk.yaml", "smalltalk"),
        ("synonyms.yaml", "synonyms"),
    ]
)


@_SETTINGS
@given(tree=st.lists(_TREES, max_size=3), file=_FILES)
def test_records_of_any_shape_never_raise(folder, tree, file):
    name, top = file
    folder.write(name, yaml.safe_dump({top: tree}, allow_unicode=True))

    result = validate_folder(folder.path, today=dt.date(2026, 1, 1))

    assert all(p.file for p in result.errors)
    if tree and name in ("about.yaml", "sources.yaml", "topics.yaml"):
        assert result.errors


@_SETTINGS
@given(
    answer=st.text(max_size=400),
    quote=st.text(max_size=200),
    phrasing=st.text(max_size=80),
    value=st.text(max_size=20),
    basis=st.text(max_size=40),
)
def test_checks_never_raise_on_any_text_in_a_well_formed_entry(
    folder, answer, quote, phrasing, value, basis
):
    kb, _ = load_knowledge(folder.path)
    entry = kb.entries[0]
    odd = dataclasses.replace(
        entry,
        answer={"en": answer, "zh": answer},
        questions={"en": (phrasing, *entry.questions["en"]), "zh": entry.questions["zh"]},
        citations=(dataclasses.replace(entry.citations[0], quote=quote),),
        derived=(Derivation(value, basis, "why", entry.position),),
    )
    kb = dataclasses.replace(kb, entries=(odd, *kb.entries[1:]))

    problems = check_knowledge(kb, today=dt.date(2026, 1, 1))

    assert all(p.file for p in problems)


@_SETTINGS
@given(data=st.data())
def test_a_real_file_with_random_lines_changed_never_raises(folder, data):
    name = data.draw(st.sampled_from(["projects.yaml", "sources.yaml", "smalltalk.yaml"]))
    # From the shipped folder: the copy is shared by every example of this test.
    lines = (shipped_knowledge_dir() / name).read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
        keep = data.draw(st.integers(min_value=0, max_value=len(lines[index])))
        lines[index] = lines[index][:keep] + data.draw(_YAML_LIKE)
    folder.write(name, "\n".join(lines) + "\n")

    result = validate_folder(folder.path, today=dt.date(2026, 1, 1))

    assert all(p.file for p in result.errors)
    assert result.errors == sorted(result.errors)
