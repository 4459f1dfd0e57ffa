"""Message analysis: safety, language, tone, pace and intent, with confidences and a runner-up.

Deterministic, offline and cheap: a lexicon of weighted Korean and English cues (see
``_lexicon``) matched in one pass, plus signals read from the shape of the text (laughter,
crying, ALL CAPS, repeated punctuation, numbers with units, code). Scores become confidences
through a softmax, so a message with no cue at all is reported as a low-confidence default
rather than a confident guess.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

from core.analysis import _model
from core.analysis._lexicon import EN_INTENT, EN_TONE, KO_INTENT, KO_TONE
from core.analysis._matcher import PhraseMatcher, forms_of
from core.analysis._rhythm import Rhythm, detect_language, measure, pace_of
from core.errors import EmptyMessage
from core.safety import Safety, assess
from core.taxonomy import Intent, Pace, ResonanceKey, Tone

__all__ = ["Analysis", "Judgement", "Rhythm", "analyze", "normalize_text"]

L = TypeVar("L", Tone, Intent)

_MATCHER = PhraseMatcher(
    {"tone": (EN_TONE, KO_TONE), "intent": (EN_INTENT, KO_INTENT)},
    late_bonus={"intent": 0.6},
)

# When scores tie, the stronger signal wins: emotions a mentor must answer first, then the
# cognitive registers, calm last. Intents tie towards the concrete request.
_TONE_PRIORITY = tuple((t, t.value) for t in (
    Tone.URGENT, Tone.FRUSTRATED, Tone.ANXIOUS, Tone.CONFUSED, Tone.PLAYFUL,
    Tone.ANALYTICAL, Tone.CURIOUS, Tone.COLLABORATIVE, Tone.CALM,
))  # fmt: skip
_INTENT_PRIORITY = tuple((i, i.value) for i in (
    Intent.PROBLEM_SOLVING, Intent.VALIDATION, Intent.PLANNING, Intent.LEARNING,
    Intent.REFLECTION, Intent.SEEK_ADVICE,
))  # fmt: skip
_MODEL = _model.load()
_CALM_BASELINE = 1.0  # a message with no emotional cue reads as calm
_ADVICE_BASELINE = 0.8  # a message to a mentor with no other request is asking for advice

_NUMBER_WITH_UNIT = re.compile(
    r"\d+(?:[.,]\d+)?\s?(?:%|ms|초|퍼센트|배|x\b|pp\b|점|건|명|k\b|rps|qps)", re.IGNORECASE
)
_CODE = re.compile(
    r"```|`[^`]+`|\b\w+(?:Error|Exception)\b|\b(?:def|return|import|const|null|None)\b"
    r"|[A-Za-z_]\w*\([^)]*\)|=>|\{\s*\}|\w+\.\w+\(|\bline \d+\b"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Judgement(Generic[L]):
    """A label with its confidence (0-1) and the next-best label."""

    primary: L
    confidence: float
    runner_up: L
    runner_up_confidence: float
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    language: str
    tone: Judgement[Tone]
    pace: Pace
    rhythm: Rhythm
    intent: Judgement[Intent]
    safety: Safety  # checked before anything else is decided (core.safety)

    @property
    def key(self) -> ResonanceKey:
        return ResonanceKey(self.tone.primary, self.pace, self.intent.primary)


def normalize_text(text: str) -> str:
    """NFC, control characters other than newline and tab dropped, whitespace trimmed."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def analyze(text: str) -> Analysis:
    """Analyse one message. Raises :class:`EmptyMessage` for empty or blank text.

    The safety check comes first and travels with the analysis, so every path that analyses
    a message (process, chat, bulk, recommend, the CLI) has it before routing."""
    clean = normalize_text(text)
    if not clean:
        raise EmptyMessage()
    safety = assess(clean)
    forms = forms_of(clean)
    language = detect_language(clean, forms.english)
    rhythm = measure(clean, language, forms)
    # The learned model's log-odds first (every label present), then the lexicon's cues,
    # the shape of the text and the baselines on top.
    scores = _MODEL.score(_model.features(forms))
    cues = _MATCHER.score(forms, scores)
    tone_scores, intent_scores = scores["tone"], scores["intent"]
    _add_shape_signals(clean, rhythm, tone_scores, intent_scores)
    tone_scores["calm"] += _CALM_BASELINE
    intent_scores["seek_advice"] += _ADVICE_BASELINE
    return Analysis(
        text=clean,
        language=language,
        tone=_judge(tone_scores, _TONE_PRIORITY, cues["tone"]),
        pace=pace_of(rhythm, language),
        rhythm=rhythm,
        intent=_judge(intent_scores, _INTENT_PRIORITY, cues["intent"]),
        safety=safety,
    )


def _add_shape_signals(
    text: str, r: Rhythm, tone: dict[str, float], intent: dict[str, float]
) -> None:
    def add(scores: dict[str, float], label: str, amount: float) -> None:
        scores[label] = scores.get(label, 0.0) + amount

    if r.laughter:
        add(tone, "playful", 1.5)
    if r.caps_words:
        add(tone, "frustrated", min(2.0, 0.8 * r.caps_words))
        add(tone, "urgent", min(1.0, 0.4 * r.caps_words))
    if r.burst_punctuation:
        add(tone, "frustrated", 0.7)
        add(tone, "urgent", 0.5)
    if r.crying:
        add(tone, "anxious", 0.6)
        add(tone, "frustrated", 0.4)
    numbers = len(_NUMBER_WITH_UNIT.findall(text))
    if numbers:
        add(tone, "analytical", min(3.0, 1.2 * numbers))
    if ("`" in text or "(" in text or "Error" in text or "=" in text) and _CODE.search(text):
        add(intent, "problem_solving", 1.5)


def _judge(
    scores: dict[str, float], priority: tuple[tuple[L, str], ...], cues: list[str]
) -> Judgement[L]:
    # Best and second best in one pass; a strict ">" keeps ties in priority order.
    first = second = -1
    best = runner = -math.inf
    values = []
    for index, (_, name) in enumerate(priority):
        value = scores[name]
        values.append(value)
        if value > best:
            first, second, best, runner = index, first, value, best
        elif value > runner:
            second, runner = index, value
    # Softmax over every label, computed stably relative to the best.
    total = sum(math.exp(v - best) for v in values)
    return Judgement(
        primary=priority[first][0],
        confidence=round(1.0 / total, 3),
        runner_up=priority[second][0],
        runner_up_confidence=round(math.exp(runner - best) / total, 3),
        cues=tuple(cues),
    )
