"""The short phrase an answer quotes back, so it visibly refers to what the person wrote.

The message is cut into clauses and the most content-bearing one is quoted. Content is
measured cheaply, as the clause's length up to the quote limit, with requests ("How do I fix
this?", "어떻게 해요?") counting for a third: people usually state the situation before they
ask, and the situation is what the answer should point back to. Ties go to the earlier clause.

Everything here is plain ``str`` methods: on this budget (a few microseconds per message) a
regex split or a per-word scoring loop alone costs more than the rest of the answer.
"""

from __future__ import annotations

# Clause breaks. A full stop, comma or colon only counts before a space, so "4.1%", "main.py"
# and "12,000" stay whole; Korean laughter and crying runs punctuate rather than say anything.
_BREAKS = ("？", "!", "！", "…", "。", "\n", ". ", ", ", ": ", "; ", " - ", " — ",
           "ㅋㅋ", "ㅎㅎ", "ㅠㅠ", "ㅜㅜ")  # fmt: skip
# Marks that would fight with the quotes put around the topic, and braces, which must never
# reach an answer where they could pass for a template placeholder.
_DROP = ('"', "“", "”", "{", "}", "`")
_EDGES = " \t.,;:-–—•*#>~·ㅋㅎㅠㅜ"
_REQUEST_STARTS = tuple(
    w + " "
    for base in ("how", "what", "what's", "why", "which", "where", "should", "can", "could",
                 "would", "do", "does", "did", "is", "are", "any", "anyone", "please", "help")
    for w in (base, base.capitalize())
)  # fmt: skip
_REQUEST_ENDS = ("?", "까요", "하죠", "되죠", "주세요", "해줘", "줄래", "뭐예요", "있나", "없나")


def topic_of(text: str, limit: int) -> str:
    """The most content-bearing clause of ``text``, at most ``limit`` characters plus "…".

    Cuts fall on a space when there is one in the second half of the window, so a Korean
    eojeol or an English word is never split; text without spaces (Chinese, Japanese) is cut
    by code point, which never splits a syllable of NFC text.
    """
    for mark in _DROP:
        if mark in text:
            text = text.replace(mark, "")
    # A question mark stays on its clause (it marks a request) and the break goes after it.
    pieces = text.replace("?", "?\n")
    for mark in _BREAKS:
        pieces = pieces.replace(mark, "\n")
    best, best_score = "", -1
    for piece in pieces.split("\n"):
        clause = piece.strip(_EDGES)
        score = min(len(clause), limit)
        if clause.startswith(_REQUEST_STARTS) or clause.endswith(_REQUEST_ENDS):
            score //= 3
        if score > best_score:
            best, best_score = clause, score
    if not best:
        return text.strip()[:limit] or "…"
    if len(best) <= limit:
        return best
    cut = best.rfind(" ", 0, limit + 1)
    if cut < limit // 2:
        cut = limit
    return best[:cut].rstrip(_EDGES) + "…"
