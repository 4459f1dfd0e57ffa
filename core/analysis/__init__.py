"""Message analysis: what one message needs before it is routed, as an :class:`Analysis`.

:func:`analyze` cleans the text (:func:`normalize_text`), then reads, in this order:

- **safety** first (``core.safety``): whether the message speaks of harm, checked before anything
  else is decided and carried with the analysis, so every path that routes has it;
- **language** (``ko``, ``en`` or ``other``) and **rhythm**, counts read from the shape of the
  text (sentences, words, punctuation, laughter, crying, emoji, ALL CAPS, ellipses), from which
  **pace** follows by fixed thresholds (``_rhythm``);
- **tone** and **intent**, each scored per label by adding up: the learned model's log-odds over
  words, word pairs and Korean character pairs (intent also over those of the sentences that
  ask; ``_model``, trained offline from the labelled development sets and shipped as
  ``model.json``), the weights of the Korean and English cues found by the
  phrase matcher (``_matcher`` over the tables in ``_lexicon``; intent cues weigh more the later
  they come), signals from the shape of the text (laughter, numbers with units, code) and a
  baseline (calm; asking for advice).

Each kind's scores become a :class:`Judgement`: the best label, its confidence through a
softmax, the runner-up and the cues that were found; ties go to the label a mentor must answer
first. A message with no cue at all is therefore a low-confidence default rather than a
confident guess. Deterministic, offline and cheap: no network, nothing loaded per message.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from core.analysis import _model
from core.analysis._lexicon import EN_INTENT, EN_TONE, KO_INTENT, KO_TONE
from core.analysis._matcher import PhraseMatcher, Table, forms_of
from core.analysis._rhythm import Rhythm, detect_language, measure, pace_of
from core.analysis._subjects import EN_SUBJECT, KO_SUBJECT
from core.errors import EmptyMessage
from core.safety import Safety, assess
from core.taxonomy import Intent, Pace, ResonanceKey, Subject, Tone

__all__ = ["Analysis", "Judgement", "Rhythm", "analyze", "normalize_text"]

L = TypeVar("L", Tone, Intent, Subject)

TABLES: dict[str, tuple[Table, Table]] = {
    "tone": (EN_TONE, KO_TONE),
    "intent": (EN_INTENT, KO_INTENT),
    "subject": (EN_SUBJECT, KO_SUBJECT),
}
CUE_INDEX_PATH = Path(__file__).with_name("cue_index.json")


def _cue_index() -> dict[str, Any] | None:
    """The matcher's passes as scripts/build_cue_index.py writes them from TABLES: read at a
    cold start instead of built (thousands of cues); None when missing or unreadable."""
    try:
        index = json.loads(CUE_INDEX_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return index if isinstance(index, dict) else None


# Built from TABLES when the index is missing or was made from other tables.
# Tone cues count double next to the learned model: the development messages mostly avoid the
# obvious words for their tone, so the model learned little of them ("떨려", "annoying"); on
# development messages that use them, doubling gains 2-3 points and costs under one where
# they are rare (intent cues lose more than they gain: left at 1).
_MATCHER = PhraseMatcher(
    TABLES, late_bonus={"intent": 0.6}, index=_cue_index(), scale={"tone": 2.0}
)

# When scores tie, the stronger signal wins: emotions a mentor must answer first, then the
# cognitive registers, calm last. Intents tie towards the concrete request.
_TONE_PRIORITY = (
    Tone.URGENT, Tone.FRUSTRATED, Tone.ANXIOUS, Tone.CONFUSED, Tone.PLAYFUL,
    Tone.ANALYTICAL, Tone.CURIOUS, Tone.COLLABORATIVE, Tone.CALM,
)  # fmt: skip
_INTENT_PRIORITY = (
    Intent.PROBLEM_SOLVING, Intent.VALIDATION, Intent.PLANNING, Intent.LEARNING,
    Intent.REFLECTION, Intent.SEEK_ADVICE,
)  # fmt: skip
# Subjects tie towards the feelings a mentor must answer first, then the most specific
# situation; general (no cue) last.
_SUBJECT_PRIORITY = (
    Subject.BURNOUT, Subject.IMPOSTER, Subject.MOTIVATION,
    Subject.DEPLOYMENT, Subject.DEBUGGING, Subject.CODE_REVIEW, Subject.SYSTEM_DESIGN,
    Subject.OPEN_SOURCE, Subject.SIDE_PROJECT, Subject.LEARNING_TECH,
    Subject.JOB_OFFER, Subject.INTERVIEW, Subject.PROMOTION, Subject.JOB_SEARCH,
    Subject.CAREER_CHANGE, Subject.NETWORKING,
    Subject.MANAGER, Subject.RECOGNITION, Subject.TEAM_CONFLICT, Subject.LEADERSHIP,
    Subject.ONBOARDING, Subject.REMOTE_WORK,
    Subject.THESIS, Subject.EXAMS, Subject.PRESENTATION, Subject.PROCRASTINATION,
    Subject.GENERAL,
)  # fmt: skip
_MODEL = _model.load()
# Each kind's confidences are read at the scale its learned log-odds had before blending (_judge).
_TEMPERATURE = {kind: _MODEL.scale.get(kind, 1.0) for kind in ("tone", "intent", "subject")}
_CALM_BASELINE = 1.0  # a message with no emotional cue reads as calm
_ADVICE_BASELINE = 0.8  # a message to a mentor with no other request is asking for advice
_GENERAL_BASELINE = 0.5  # a message that names no subject is answered generally

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
    subject: Judgement[Subject]  # what it is about: shapes the advice, not the routing
    # A follow-up in a conversation ("그럼 뭐부터 하면 돼요?", "and then?"): its subject and
    # intent are the previous turn's (see :func:`as_follow_up`).
    follow_up: bool = False

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
    scores = _MODEL.score(_model.shared_features(forms), _model.ask_features(forms))
    cues = _MATCHER.score(forms, scores)
    tone_scores, intent_scores = scores["tone"], scores["intent"]
    _add_shape_signals(clean, rhythm, tone_scores, intent_scores)
    tone_scores[Tone.CALM] += _CALM_BASELINE
    intent_scores[Intent.SEEK_ADVICE] += _ADVICE_BASELINE
    subject_scores = dict.fromkeys(_SUBJECT_PRIORITY, 0.0) | scores.get("subject", {})
    subject_scores[Subject.GENERAL] += _GENERAL_BASELINE
    return Analysis(
        text=clean,
        language=language,
        tone=_judge(tone_scores, _TONE_PRIORITY, cues["tone"], _TEMPERATURE["tone"]),
        pace=pace_of(rhythm, language),
        rhythm=rhythm,
        intent=_judge(intent_scores, _INTENT_PRIORITY, cues["intent"], _TEMPERATURE["intent"]),
        safety=safety,
        subject=_judge(subject_scores, _SUBJECT_PRIORITY, cues["subject"], _TEMPERATURE["subject"]),
    )


# A follow-up carries little of its own: a few words, no subject, and a word that points back
# at what was said ("그럼", "두 번째", "and then", "that one", "where do I start"). Its own
# intent is read weakly (short messages rarely pass 0.35; a clear request of a new kind reads
# higher). A short new question ("팀 회의 운영은 어떻게 해요?") points at nothing said before.
FOLLOW_UP_WORDS = 8
OWN_INTENT = 0.4
_POINTS_BACK = re.compile(
    r"\b(?:and then|then what|what next|next step|after that|what about|how about|which one|"
    r"that one|this one|the (?:first|second|third|last|next) (?:one|step|thing|point|part)|"
    r"where (?:do|should) i (?:start|begin)|what should i do first|start with|first step|"
    r"tell me more|more details?|for example|how so|(?:should|will|would|does|did) (?:that|it)|"
    r"that (?:take|mean|work))\b"
    r"|그럼|그러면|그\s?다음|다음엔|다음은|그거|그건|그게|그걸|이거|이건|그렇게|그러고|번째|마지막|"
    r"뭐부터|무엇부터|어디서부터|어디부터|처음엔|예를\s?들면|자세히|어떻게\s?시작",
    re.IGNORECASE,
)
# A subject read this weakly is no subject of the message's own ("what next?" reads motivation
# at 0.05): a follow-up is then still one.
OWN_SUBJECT = 0.1
PREVIOUS_TURN = "(the previous turn)"  # the cue of what a follow-up carried


def as_follow_up(analysis: Analysis, subject: str | None, intent: str | None) -> Analysis:
    """``analysis`` of a message in a conversation whose last user turn was read as
    ``subject`` and ``intent``: when the message carries little of its own (no subject, and
    :func:`points_back`), it takes that subject, and that intent unless its own reads at
    least ``OWN_INTENT``; ``follow_up`` says so. The carried judgements keep
    the message's own confidence (how weakly it read anything) and name the previous turn as
    their cue. A crisis, or a message with a subject of its own, is returned as it is."""
    own = analysis.subject
    if (
        subject is None
        or analysis.safety.flagged
        or (own.primary is not Subject.GENERAL and own.confidence >= OWN_SUBJECT)
        or not points_back(analysis.text)
    ):
        return analysis
    carried = Judgement(
        Subject(subject), own.confidence, own.primary, own.runner_up_confidence, (PREVIOUS_TURN,)
    )
    if own.primary is Subject(subject):  # read weakly as the same subject: keep the reading
        carried = replace(own, cues=(PREVIOUS_TURN,))
    reading = analysis.intent
    if intent is not None and reading.confidence < OWN_INTENT and reading.primary != intent:
        reading = Judgement(
            Intent(intent), reading.confidence, reading.primary, reading.confidence,
            (PREVIOUS_TURN,),
        )  # fmt: skip
    return replace(analysis, subject=carried, intent=reading, follow_up=True)


def points_back(text: str) -> bool:
    """Whether a message is a short one that points back at what was said: at most
    ``FOLLOW_UP_WORDS`` words, with a word such as "그럼", "두 번째", "and then", "that one"."""
    return len(text.split()) <= FOLLOW_UP_WORDS and _POINTS_BACK.search(text) is not None


def _add_shape_signals(
    text: str, r: Rhythm, tone: dict[str, float], intent: dict[str, float]
) -> None:
    def add(scores: dict[str, float], label: str, amount: float) -> None:
        scores[label] = scores.get(label, 0.0) + amount

    if r.laughter:
        add(tone, Tone.PLAYFUL, 1.5)
    if r.caps_words:
        add(tone, Tone.FRUSTRATED, min(2.0, 0.8 * r.caps_words))
        add(tone, Tone.URGENT, min(1.0, 0.4 * r.caps_words))
    if r.burst_punctuation:
        add(tone, Tone.FRUSTRATED, 0.7)
        add(tone, Tone.URGENT, 0.5)
    if r.crying:
        add(tone, Tone.ANXIOUS, 0.6)
        add(tone, Tone.FRUSTRATED, 0.4)
    numbers = len(_NUMBER_WITH_UNIT.findall(text))
    if numbers:
        add(tone, Tone.ANALYTICAL, min(3.0, 1.2 * numbers))
    # Code counts only beside one of these marks: a bare "return" or "null" in a sentence is
    # ordinary English. Part of the rule, not a shortcut: some labelled messages score
    # differently without it.
    if ("`" in text or "(" in text or "Error" in text or "=" in text) and _CODE.search(text):
        add(intent, Intent.PROBLEM_SOLVING, 1.5)


def _judge(
    scores: dict[str, float], priority: tuple[L, ...], cues: list[str], temperature: float
) -> Judgement[L]:
    """The best label and the runner-up. Confidences are a softmax of the scores divided by
    ``temperature``, the factor the learned model's log-odds were scaled by to weigh them
    against the lexicon: undone here, so a confidence reads as the model's own probability
    would rather than a near-certain 1.0 for every message."""
    values = [scores[label] / temperature for label in priority]
    # Highest first; the sort is stable, so ties stay in priority order.
    first, second = sorted(range(len(values)), key=values.__getitem__, reverse=True)[:2]
    best, runner = values[first], values[second]
    # Softmax over every label, computed stably relative to the best.
    total = sum(math.exp(value - best) for value in values)
    return Judgement(
        primary=priority[first],
        confidence=round(1.0 / total, 3),
        runner_up=priority[second],
        runner_up_confidence=round(math.exp(runner - best) / total, 3),
        cues=tuple(cues),
    )
