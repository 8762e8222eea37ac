"""Which messages are meant for the bot: everything in private, and in groups only messages
that mention it or reply to it (commands are matched separately by their handlers)."""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.ext import filters


class MentionsBot(filters.MessageFilter):
    """The message names the bot: ``@username`` or a text mention of its user."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        handle = f"@{bot.username}".lower()
        for entity, value in message.parse_entities().items():
            if entity.type == MessageEntity.MENTION and value.lower() == handle:
                return True
            if (
                entity.type == MessageEntity.TEXT_MENTION
                and entity.user
                and entity.user.id == bot.id
            ):
                return True
        for entity, value in message.parse_caption_entities().items():
            if entity.type == MessageEntity.MENTION and value.lower() == handle:
                return True
        return False


class RepliesToBot(filters.MessageFilter):
    def filter(self, message: Message) -> bool:
        original = message.reply_to_message
        author = original.from_user if original else None
        return author is not None and author.id == message.get_bot().id


ADDRESSED = (
    filters.ChatType.PRIVATE | MentionsBot(name="MentionsBot") | RepliesToBot(name="RepliesToBot")
)
