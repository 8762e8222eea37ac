"""Question matching: the right entry, a "did you mean?", an honest decline, or small talk.

    normalise.py   text to lower-case letters, digits and spaces; language from the script
    words.py       stopwords, weak words, Chinese stop phrases, the light English stemmer
    analysis.py    tokens (Chinese by character), synonyms to canonical tokens, content units
    index.py       everything that depends only on the knowledge base, built once at load
    matcher.py     the scoring and the decision (``Matcher.match`` -> ``Match``)
    examples.py    what the labelled example questions say of a question (naive Bayes)
    second_opinion.py  what the matcher does with that: answer, decline, small talk, swap
    settings.py    every threshold and weight (``MatchSettings``), documented
    outcome.py     ``Match`` and ``Candidate``, the matcher's result
    selfcheck.py   ``talent-bot check``: every phrasing retrieves its own entry
    shared.py      one matcher for a reload's self-check and the engine it then serves
    evaluation.py  scoring a labelled question file (``talent-bot eval``, benchmarks, tests)

``bot.faq.FaqEngine`` turns a ``Match`` into a ``Reply``; most callers want that instead.
"""
