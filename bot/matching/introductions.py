"""Whether a message that opens with small talk goes on only to introduce the asker.

"你好，我是海外博士", "hello! I'm a postdoc at Manchester working on batteries" and "嗨，我是做
储能的工程师" ask nothing: they greet and say who is writing. Their words (PhD, overseas,
batteries) are those of some entries, which the matcher would answer surely (the date of the
doctoral event, what AlphaESS does) though nothing was asked. ``smalltalk.opened_by_talk``
finds the greeting and that no word asks or wants anything; this module checks that every clause
after the greeting says who the asker is, and nothing they are after, so the greeting wins over
any entry. A clause that does not ("hi, i'm from the uk, doctoral event dates", "hi, i'm
confused about the dates of the doctoral event", "你好，我在研究通州的十大产业链") leaves the
message to the matcher.
"""

from __future__ import annotations

import re
import unicodedata

from bot.matching.smalltalk import CHINESE_OPENING_TALK

# Clause breaks; a full stop only before a space or the end, and not after a lone letter ("3.0"
# and "Ph.D." stay whole).
_CLAUSES = re.compile(r"[,，。!！;；、~～:：\n]+|(?<!\W\w)\.(?:\s|$)|\s[-–—]+\s|——")
# What may open the first clause before the introduction: greetings, thanks, their leading
# words and whom they address ("hi there", "hello bot", "good morning all").
_ENGLISH_OPENING = re.compile(
    r"^(?:(?:ok|okay|well|oh|so|hi+|hello+|hey+|hiya|heya|howdy|greetings|good|morning"
    r"|afternoon|evening|dear|there|bot|all|everyone|folks|sir|madam|team|thanks|thank|you"
    r"|thx)\b\s*)+"
)
# In Chinese, the small talk ``opened_by_talk`` finds at the start, and any particles after it.
_PARTICLES = re.compile("[啊呀哈呢啦]*")
# How an introduction starts: who the asker is ("i'm a postdoc", "i am from leeds", "this is
# li wei's office", "we are a battery start-up", "i'm li wei"), where they work or study ("i
# work at a university"); "我是…", "我在英国读博", "本人…", "我们是…", "我叫…".
_ENGLISH_INTRODUCING = re.compile(
    r"^(?:(?:i'?m|i am|im|we'?re|we are)\s+(?:currently\s+|just\s+)?(?:a|an|the|from|at|in|with"
    r"|based|doing|studying|working|finishing)\b|this is\b|i (?:work|study|teach)\b"
    # ... or a name alone: "i'm li wei"
    r"|(?:i'?m|i am|im)(?:\s+\w+){1,2}$)"
)
_CHINESE_INTRODUCING = re.compile("^(?:我(?:是|在|叫|目前|现在|从事|做|们是)|本人|鄙人|在下)")
# What an asker is after, said as part of who they are ("i'm keen on the doctoral event",
# "i'm a phd seeking funding", "我是创业者寻求资金支持", "我在打听艾罗能源总部"): a request.
_AFTER_SOMETHING = re.compile(
    r"\b(?:confused|unsure|unclear|keen|interested|researching|reading|looking|seeking|seek"
    r"|after|applying|apply|planning|plan|hoping|trying|curious|considering|thinking|need"
    r"|needs|want|wants|like|about|regarding|for)\b"
    "|求|关注|打听|疑惑|打算|准备|考虑|申报|申请|在研究|研究一?下|了解|想|要|对|不清楚|不太懂|搞不懂"
    "|请教|咨询|在看|纠结|关心"
)


def introduction_opening(question: str) -> str | None:
    """The small talk ``question`` opens with, as typed ("good morning", "你好"), when every
    clause after it introduces the asker (at least one does) and none says what they are after;
    else None. Only for messages that open with small talk and ask nothing."""
    text = unicodedata.normalize("NFKC", question).casefold().replace("’", "'")
    clauses = [clause.strip() for clause in _CLAUSES.split(text)]
    clauses = [clause for clause in clauses if clause]
    if not clauses:
        return None
    first = clauses[0]
    opening = CHINESE_OPENING_TALK.match(first) or _ENGLISH_OPENING.match(first)
    if opening is None:
        return None
    after = _PARTICLES.match(first, opening.end())
    rest = [first[after.end() if after else opening.end() :].strip(), *clauses[1:]]
    rest = [clause for clause in rest if clause]
    if rest and all(
        (_ENGLISH_INTRODUCING.match(clause) or _CHINESE_INTRODUCING.match(clause))
        and not _AFTER_SOMETHING.search(clause)
        for clause in rest
    ):
        return opening.group().strip()
    return None
