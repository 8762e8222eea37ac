"""Callback data: every action survives a round trip within 64 bytes; anything else is None."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram_bot import callback_data as cd

LONGEST_ID = "x" * 40
LARGEST_REF = 10**12 - 1

ACTIONS: list[cd.Action] = [
    cd.ShowTopics("en"),
    cd.ShowTopic("zh", LONGEST_ID),
    cd.ShowAnswer("en", LONGEST_ID),
    cd.ChooseSuggestion("zh", LARGEST_REF, LONGEST_ID),
    cd.ChooseSuggestion("en", None, "policy-3-0"),
    cd.NoneOfThese("zh", LARGEST_REF),
    cd.NoneOfThese("en", None),
    cd.Feedback("zh", "up", LARGEST_REF, LONGEST_ID),
    cd.Feedback("en", "down", None, "policy-3-0"),
    cd.ChooseLanguage("zh"),
]


@pytest.mark.parametrize("action", ACTIONS)
def test_round_trip_within_64_bytes(action: cd.Action) -> None:
    data = cd.encode(action)
    assert len(data.encode()) <= cd.MAX_BYTES
    assert data.startswith(cd.VERSION + "|")
    assert cd.decode(data) == action


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "1",
        "1|",
        "2|T|en",
        "1|T|fr",
        "1|T|en|extra",
        "1|a|en|Bad_Id",
        "1|a|en|" + "x" * 41,
        "1|s|en|-1|policy",
        "1|s|en|" + "9" * 13 + "|policy",
        "1|f|en|maybe|1|policy",
        "1|z|en",
        "1|t|en|a|b",
    ],
)
def test_anything_else_is_rejected(data: str | None) -> None:
    assert cd.decode(data) is None


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    action = cd.decode(data)
    assert action is None or cd.encode(action) == data


def test_too_long_actions_are_refused_at_encoding() -> None:
    with pytest.raises(cd.CallbackDataTooLong):
        cd.encode(cd.ShowAnswer("en", "x" * 70))
