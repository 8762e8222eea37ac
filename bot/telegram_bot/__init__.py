"""The Telegram adapter: the only package that imports ``telegram``.

app.py             build_application(): every handler and its order; run_application(), serve()
handlers.py        the handlers: read the update, call the core, render, send
render.py          replies as HTML plus button rows (no telegram import), split at 4,096
texts.py           the bot's own words, in English and Chinese
callback_data.py   what a button means, versioned, within 64 bytes
sending.py         rendered replies onto the wire: replies, messages, edits
filters.py         which group messages are meant for the bot
flood.py           the per-user flood limit
ordering.py        one chat's updates in order, different chats concurrently
ratelimit.py       AIORateLimiter plus retries for requests that surely failed
journal.py         where the question log plugs in
staff.py           the question log, hot reload and the admin commands, for the running bot
logs.py            logging that never shows the token
"""
