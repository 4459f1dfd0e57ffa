"""Language and rhythm: what the text looks like, before what it says."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from core.analysis._matcher import Forms
from core.taxonomy import Pace


@cache
def _hangul() -> re.Pattern[str]:
    # Compiled when a text is not ASCII: a class of 11,172 syllables takes re about 0.5 ms,
    # which the cold start of an English message need not pay.
    return re.compile(r"[\uac00-\ud7a3]")


_JAMO = re.compile(r"[\u3131-\u318e]")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f~]+|\n+")
_PUNCT = re.compile(r"[!?.,;:~\u2026\u3002\uff01\uff1f]")
_BURST_PUNCT = re.compile(r"[!?]{2,}|!+\?+|\?+!+")
_LAUGH = re.compile(r"[ㅋㅎ]{2,}|\b(?:lol|lmao|haha+|hehe+|rofl)\b", re.IGNORECASE)
# Literal hints without which a pattern cannot match: a literal search is far cheaper than
# the full pattern, and most messages have none of these.
_LAUGH_HINTS = ("ㅋㅋ", "ㅎㅎ", "lol", "lmao", "haha", "hehe", "rofl")
_CRY_HINTS = ("ㅠㅠ", "ㅜㅜ", "ㅠㅜ", "ㅜㅠ", "TT", "T_T", "T.T", ";;")
# UTF-8 lead bytes of the emoji planes and of the U+2600-27BF symbols.
_EMOJI_BYTES = re.compile(rb"\xf0\x9f|\xe2[\x98-\x9e]")
_CRY = re.compile(r"[ㅠㅜ]{2,}|T[_.]?T|;;+")
_ELLIPSIS = re.compile(r"\.{3,}|\u2026+")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f000-\U0001f2ff]"
    r"|[:;]-?[()DPp]|\^\^"
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "i",
        "im",
        "you",
        "my",
        "me",
        "we",
        "our",
        "it",
        "is",
        "are",
        "was",
        "be",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "this",
        "that",
        "what",
        "how",
        "why",
        "when",
        "should",
        "can",
        "do",
        "does",
        "not",
    ]
)
# Acronyms that are written in capitals as a matter of course, not for emphasis.
_ACRONYMS = frozenset(
    [
        "API",
        "PR",
        "CI",
        "CD",
        "SQL",
        "HTTP",
        "HTTPS",
        "JSON",
        "YAML",
        "AWS",
        "GCP",
        "CPU",
        "GPU",
        "RAM",
        "SDK",
        "URL",
        "CSS",
        "HTML",
        "UI",
        "UX",
        "QA",
        "MVP",
        "OKR",
        "KPI",
        "CEO",
        "CTO",
        "HR",
        "PM",
        "TL",
        "ML",
        "AI",
        "LLM",
        "DB",
        "OOP",
        "JVM",
        "REST",
        "GRPC",
        "TODO",
        "FAQ",
        "ETA",
        "EOD",
        "ASAP",
        "NPE",
        "OOM",
        "SLO",
        "SLA",
        "DNS",
        "TCP",
        "UDP",
        "SSH",
        "SSL",
        "TLS",
        "JWT",
        "CORS",
        "CLI",
        "IDE",
        "ORM",
        "NULL",
    ]
)


class Rhythm(NamedTuple):
    """The features pace is read from; all counts are over the whole message."""

    sentences: int
    words: int
    words_per_sentence: float
    chars_per_sentence: float
    punctuation_density: float
    burst_punctuation: int
    laughter: int
    crying: int
    emoji: int
    caps_words: int
    ellipses: int

    @property
    def bursts(self) -> int:
        return self.burst_punctuation + self.laughter + self.crying + self.emoji + self.caps_words


def detect_language(text: str, english: str) -> str:
    """``ko`` when Korean carries the sentences, ``en`` for English, ``other`` otherwise.

    ``english`` is the text's English form (``_matcher.english_form``): its letters and
    digits separated by single spaces, so counting them costs nothing here.
    """
    latin = len(english) - english.count(" ")
    if text.isascii():
        return "en" if latin else "other"
    if _hangul().search(text):
        # Outside ASCII, each Hangul syllable adds two bytes in UTF-8; other scripts rarely
        # share a Korean message. A syllable carries about as much as three Latin letters, so
        # Korean sentences with English tech terms or an inline error are still Korean.
        hangul = (len(text.encode("utf-8")) - len(text)) // 2
        if hangul >= 4 or hangul * 3 >= latin:
            return "ko"
    letters = len(_LETTER.findall(text)) - len(_JAMO.findall(text))
    if latin and latin * 2 >= letters:
        # Accented Latin (Spanish, French, German...) is English only if English words carry it.
        accented = letters > latin
        return "en" if not accented or set(english.split()) & _ENGLISH_WORDS else "other"
    return "other"


def measure(text: str, language: str, forms: Forms) -> Rhythm:
    """``forms`` are the text's shapes (``_matcher.forms_of``), made once per message."""
    ends = _SENTENCE_END.findall(text)
    # Every run of terminators closes a sentence; text after the last one is one more.
    n_sentences = max(1, len(ends) + (0 if _SENTENCE_END.fullmatch(text[-1]) else 1))
    sentence_chars = len(text) - sum(map(len, ends))
    words = forms.word_count if language == "en" else len(text.split())
    visible = max(1, len(forms.compact))
    lower = text.lower()
    caps = [w for w in _CAPS_WORD.findall(text) if w not in _ACRONYMS] if text != lower else []
    # Cheap membership tests gate the rarer patterns: most messages have none of them.
    bursty = "!!" in text or "??" in text or "!?" in text or "?!" in text
    # Emoji are non-ASCII and not whitespace: a text without such characters has none.
    pictographs = (
        ":" in text or "^" in text or (forms.chars and _EMOJI_BYTES.search(text.encode("utf-8")))
    )
    return Rhythm(
        sentences=n_sentences,
        words=words,
        words_per_sentence=round(words / n_sentences, 2),
        chars_per_sentence=round(sentence_chars / n_sentences, 2),
        punctuation_density=round(len(_PUNCT.findall(text)) / visible, 3),
        burst_punctuation=_count(_BURST_PUNCT, text) if bursty else 0,
        laughter=_count(_LAUGH, text) if any(h in lower for h in _LAUGH_HINTS) else 0,
        crying=_count(_CRY, text) if any(h in text for h in _CRY_HINTS) else 0,
        emoji=_count(_EMOJI, text) if pictographs else 0,
        caps_words=len(caps),
        ellipses=_count(_ELLIPSIS, text) if ".." in text or "\u2026" in text else 0,
    )


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def pace_of(r: Rhythm, language: str) -> Pace:
    """Burst: short, punchy, marked. Contemplative: long or trailing sentences. Flowing:
    several connected mid-length sentences. Medium: everything in between.

    Korean packs more into a space-separated word (eojeol) than English does into a word, so
    its sentence-length thresholds are lower.
    """
    long_sentence, short_sentence = (9, 3.5) if language == "ko" else (14, 5)
    if r.bursts >= 2 or (r.bursts and r.words_per_sentence <= short_sentence * 1.6):
        return Pace.BURST
    if r.words_per_sentence <= short_sentence and r.punctuation_density >= 0.06:
        return Pace.BURST
    if r.ellipses >= 2 or (r.words_per_sentence >= long_sentence and r.sentences >= 2):
        return Pace.CONTEMPLATIVE
    if r.sentences >= 3 and r.words_per_sentence >= short_sentence * 1.4:
        return Pace.FLOWING
    return Pace.MEDIUM
