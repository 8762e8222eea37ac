"""Fixtures: the small port knowledge base (``port_kb``) for matcher rules, and the shipped
knowledge base for behaviour the product promises on its real content."""

from __future__ import annotations

import pytest
from port_kb import tiny_kb

from bot.faq import FaqEngine


@pytest.fixture(scope="session")
def shipped() -> FaqEngine:
    return FaqEngine.load()


@pytest.fixture(scope="session")
def tiny() -> FaqEngine:
    return FaqEngine(tiny_kb((("ferry", "boat", "渡轮"), ("museum", "博物馆"))))
