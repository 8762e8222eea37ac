"""Everything the bot says that is not from the knowledge base or the engine, in English and
Chinese. (The engine words answers, suggestions and declines; these are the bot's own.)

Values are HTML templates: anything filled in with ``format`` must already be escaped.
"""

from __future__ import annotations

from bot.knowledge.model import Lang

_TEXTS: dict[str, dict[Lang, str]] = {
    "greeting": {
        "en": (
            "<b>Hello!</b> I answer questions about the talent policy of Tongzhou district "
            "(Nantong, Jiangsu): funding, talent projects, events and AlphaESS Energy. "
            "Every answer quotes its source.\n\n"
            "Ask me in English or Chinese, or pick a topic below.\n\n"
            "/topics – browse the questions by topic\n"
            "/sources – the documents I draw from\n"
            "/lang en|zh – choose the reply language\n"
            "/help – how to use this bot"
        ),
        "zh": (
            "<b>您好！</b>我可以回答关于江苏南通通州区人才政策的问题：资助、人才项目、引才活动"
            "以及AlphaESS Energy。每个回答都会引用原文出处。\n\n"
            "请用中文或英文提问，或选择下面的主题。\n\n"
            "/topics – 按主题浏览问题\n"
            "/sources – 信息来源\n"
            "/lang en|zh – 选择回复语言\n"
            "/help – 使用帮助"
        ),
    },
    "help": {
        "en": (
            "<b>How to use this bot</b>\n\n"
            "Type a question, for example <i>How many talent projects has Tongzhou supported?</i> "
            "I answer from the published sources only and show the quote each answer rests on. "
            "If I am not sure, I offer the closest questions; if the sources don't cover it, "
            "I say so.\n\n"
            "/topics – browse the questions by topic\n"
            "/sources – the documents I draw from\n"
            "/lang en|zh – choose the reply language\n\n"
            "In any chat, type <code>@{username} funding</code> to share an answer. "
            "In groups, mention me or reply to my message."
        ),
        "zh": (
            "<b>使用帮助</b>\n\n"
            "直接输入问题，例如<i>通州支持了多少个人才项目？</i>"
            "我只根据公开的来源回答，并附上所依据的原文。"
            "不确定时，我会列出最接近的问题；来源中没有的内容，我会如实说明。\n\n"
            "/topics – 按主题浏览问题\n"
            "/sources – 信息来源\n"
            "/lang en|zh – 选择回复语言\n\n"
            "在任何聊天中输入 <code>@{username} 资助</code> 即可分享回答。"
            "在群组中，请提及我或回复我的消息。"
        ),
    },
    "topics_title": {"en": "<b>Topics</b> – choose one:", "zh": "<b>主题</b> – 请选择："},
    "topic_title": {
        "en": "<b>{topic}</b> – choose a question:",
        "zh": "<b>{topic}</b> – 请选择问题：",
    },
    "back_to_topics": {"en": "« Topics", "zh": "« 主题"},
    "sources_title": {"en": "<b>Sources</b>", "zh": "<b>信息来源</b>"},
    "source_label": {"en": "Source", "zh": "来源"},
    "related_label": {"en": "Related questions:", "zh": "相关问题："},
    "suggest_intro": {
        "en": "I'm not sure what you mean. Did you mean one of these?",
        "zh": "我不太确定您的意思。您是想问以下问题吗？",
    },
    "none_of_these": {"en": "None of these", "zh": "都不是"},
    "none_of_these_thanks": {
        "en": "Thank you. I'll note that your question wasn't covered, so staff can add it. "
        "You can also browse the /topics.",
        "zh": "谢谢！我们会记录这个问题未能解答，以便工作人员补充。您也可以浏览 /topics。",
    },
    "decline": {
        "en": "The sources I draw from don't cover this, so I won't guess. "
        "Here are the topics they do cover:",
        "zh": "我所依据的来源没有涉及这个问题，我不会猜测。以下是来源涵盖的主题：",
    },
    "feedback_thanks": {"en": "Thanks for your feedback!", "zh": "感谢您的反馈！"},
    "feedback_sorry": {
        "en": "Sorry that didn't help. Perhaps one of these:",
        "zh": "抱歉没有帮到您。也许这些问题有帮助：",
    },
    "expired": {"en": "This button has expired.", "zh": "此按钮已失效。"},
    "lang_set": {
        "en": "I'll reply in English from now on.",
        "zh": "好的，之后我将用中文回复。",
    },
    "lang_usage": {
        "en": "Usage: /lang en or /lang zh (now: {current}). Or choose:",
        "zh": "用法：/lang en 或 /lang zh（当前：{current}）。或选择：",
    },
    "lang_auto": {"en": "automatic", "zh": "自动"},
    "not_text": {
        "en": "I can only read text. Please type your question.",
        "zh": "我只能读取文字，请输入您的问题。",
    },
    "flood": {
        "en": "You're sending messages very quickly. Please wait a few seconds, then ask again.",
        "zh": "您发送消息太快了，请稍等几秒后再提问。",
    },
    "error": {
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
        "zh": "抱歉，我这里出了点问题，请稍后再试。",
    },
    "unknown_command": {
        "en": "I don't know that command. Send /help to see what I can do.",
        "zh": "我不认识这个命令。发送 /help 查看我能做什么。",
    },
    "inline_more": {"en": "Source", "zh": "来源"},
}

# Bot commands for setMyCommands, per language (the default list is English).
COMMANDS: dict[Lang, tuple[tuple[str, str], ...]] = {
    "en": (
        ("start", "Welcome and topics"),
        ("topics", "Browse questions by topic"),
        ("sources", "The documents the answers come from"),
        ("lang", "Reply language: /lang en or /lang zh"),
        ("help", "How to use this bot"),
    ),
    "zh": (
        ("start", "欢迎与主题"),
        ("topics", "按主题浏览问题"),
        ("sources", "回答所依据的文件"),
        ("lang", "回复语言：/lang en 或 /lang zh"),
        ("help", "使用帮助"),
    ),
}

# Added to the menu in the admins' private chats only; everyone else never sees them.
ADMIN_COMMANDS: dict[Lang, tuple[tuple[str, str], ...]] = {
    "en": (
        ("stats", "Staff: questions today and all time"),
        ("unanswered", "Staff: unanswered questions, e.g. /unanswered 30d"),
        ("reload", "Staff: reload the knowledge base"),
    ),
    "zh": (
        ("stats", "管理：今日及累计提问统计"),
        ("unanswered", "管理：未解答的问题，例如 /unanswered 30d"),
        ("reload", "管理：重新加载知识库"),
    ),
}

LANGUAGE_NAMES: dict[Lang, str] = {"en": "English", "zh": "中文"}


def text(key: str, lang: Lang) -> str:
    return _TEXTS[key][lang]
