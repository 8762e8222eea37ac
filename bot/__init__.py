"""Tongzhou talent-policy FAQ bot.

The core (``bot.knowledge``, ``bot.matching``, ``bot.answers``, ``bot.faq``) never imports
``telegram``; ``bot.telegram_bot`` is the only adapter that does.
"""

__version__ = "0.1.0"
