"""Fixtures: the small port knowledge base (``port_kb``) for matcher rules, and the shipped
knowledge base for behaviour the product promises on its real content: as served
(``shipped``), and read by the matcher's rules alone (``rules_only``), without the second
opinion of the labelled examples, which the rule tests (test_round*_rules.py) are about."""

from __future__ import annotations

import pytest
from port_kb import tiny_kb

from bot.faq import FaqEngine
from bot.matching.settings import MatchSettings


@pytest.fixture(scope="session")
def shipped() -> FaqEngine:
    return FaqEngine.load()


@pytest.fixture(scope="session")
def rules_only() -> FaqEngine:
    return FaqEngine.load(settings=MatchSettings(use_examples=False))


@pytest.fixture(scope="session")
def tiny() -> FaqEngine:
    return FaqEngine(tiny_kb((("ferry", "boat", "渡轮"), ("museum", "博物馆"))))
