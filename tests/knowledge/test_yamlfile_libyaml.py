"""Reading with libyaml gives exactly what PyYAML's own parser gives: nodes, places, problems."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.knowledge import yamlfile
from bot.knowledge.problems import Problem
from bot.paths import shipped_knowledge_dir

pytestmark = pytest.mark.skipif(
    yamlfile._LIBYAML_LOADER is None, reason="PyYAML was built without libyaml"
)

SHIPPED = sorted(
    path.read_text(encoding="utf-8") for path in shipped_knowledge_dir().glob("*.yaml")
)
# Each is read differently by libyaml, so it must go to PyYAML (see yamlfile._LIBYAML_LOADER).
TRICKY = [
    # a byte-order mark after a quoted value that looks closed on its line but is not
    '["p\n b: ", \ufeff x, "\n y"]',
    "entries:\n  - id: a\tb\n",  # a tab inside a plain value
    "topics:\n  - id: x\ufeff\n    name: y\n",  # a byte-order mark inside a line
    "synonyms:\n  - [startup, start?up]\n",  # "?" inside brackets
    "smalltalk:\n  - id: hi\n    questions:\n      en: [who are you?, hi]\n",
    "entries:\n  - id: a\n    answer:\n      en: >-#\n        text\n",  # "#" after a header
    "synonyms:\n  - [grants, !funds, fund]\n",  # a tag inside brackets
    "entries:\n  - id:\n    topic: policy\n",  # an empty value
    "entries:\n  - id: &x a\n    topic: *x\n",  # an anchor and an alias
    "entries:\n  - " + "[" * 200 + "]" * 200 + "\n",  # deeper than PyYAML recurses
]


def shape(node: Node | None) -> list[tuple[object, ...]]:
    """What the loader reads from nodes: kind, tag, value, start line and column, span."""
    found: list[tuple[object, ...]] = []
    stack = [] if node is None else [node]
    while stack:
        node = stack.pop()
        value = node.value if isinstance(node, ScalarNode) else len(node.value)
        mark, end = node.start_mark, node.end_mark
        found.append((type(node), node.tag, value, mark.line, mark.column, mark.index, end.index))
        if isinstance(node, MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return found


def read(text: str) -> tuple[list[tuple[object, ...]], list[Problem]]:
    parsed, problems = yamlfile.parse_yaml(text, "any.yaml")
    return shape(parsed.root), problems


def read_with_pyyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patched:
        patched.setattr(yamlfile, "_LIBYAML_LOADER", None)
        return read(text)


def edits(text: str, seed: int) -> Iterator[str]:
    """``text`` with characters YAML gives meaning to inserted or removed here and there."""
    indicators = ["?", "#", "!", "&", "*", "|", ">", "-", ":", "[", "]", "{", "}", ",", "'", '"']
    indicators += ["\t", "\n", " ", "\ufeff", "\r\n", "\u2028", "人", "é"]
    state = seed
    for _ in range(6):
        state = (state * 1103515245 + 12345) % 2**31
        at = state % (len(text) + 1)
        if state % 3:
            text = text[:at] + indicators[state % len(indicators)] + text[at:]
        else:
            text = text[:at] + text[at + 1 + state % 3 :]
        yield text


@pytest.mark.parametrize("text", SHIPPED + TRICKY)
def test_the_same_nodes_and_problems(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert read(text) == read_with_pyyaml(text, monkeypatch)


# Signs that only matter outside quotes and comments: libyaml reads these like PyYAML.
QUOTED_SIGNS = [
    '- q: "innovation & entrepreneurship"\n  expect: decline\n',
    "- q: 'it''s * and ! and %'\n  expect: decline\n",
    '# writers: HR & journalists\n- q: "a"\n  expect: decline\n',
]


@pytest.mark.parametrize("text", QUOTED_SIGNS)
def test_signs_inside_quotes_and_comments_stay_with_libyaml(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not yamlfile._for_pyyaml_only(text)
    assert read(text) == read_with_pyyaml(text, monkeypatch)


@pytest.mark.parametrize("text", TRICKY)
def test_what_libyaml_reads_differently_goes_to_pyyaml(text: str) -> None:
    fast = yamlfile._LIBYAML_LOADER
    assert fast is not None
    accepted = True
    try:
        root = yaml.compose(text, Loader=fast)
    except yaml.YAMLError:
        accepted = False
    else:
        accepted = root is not None and yamlfile._read_alike(root, "any.yaml") is not None
    screened = yamlfile._for_pyyaml_only(text)

    assert screened or not accepted


@settings(max_examples=150, deadline=None)
@given(document=st.sampled_from(SHIPPED), seed=st.integers(0, 2**31))
def test_edited_files_read_the_same(document: str, seed: int) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        for text in edits(document, seed):
            assert read(text) == read_with_pyyaml(text, monkeypatch)


# Plain values of every implicit form, and their look-alikes, quoted and not.
SCALARS = ["yes", "No", "on", "~", "null", "Null", "", "1.5", "-2", "+3", ".inf", ".NaN", "0x1F"]
SCALARS += ["0o7", "1_000", "1e3", "12:30:45", "2024-01-01", "2024-01-01 10:00:00", "=", "<<"]
SCALARS += ["hello", "nul", "é", "人才", "'yes'", '"1"', "'2024-01-01'"]


@pytest.mark.parametrize("value", SCALARS)
def test_every_value_gets_the_tag_the_safe_loader_gives(value: str) -> None:
    document = f"a: {value}\nb: [{value or 'x'}, x]\n{value or 'c'}: x\n"
    fast = yamlfile._LIBYAML_LOADER
    assert fast is not None

    assert shape(yaml.compose(document, Loader=fast)) == shape(
        yaml.compose(document, Loader=yaml.CSafeLoader)
    )
