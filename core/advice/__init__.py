"""Advice per subject: what a good mentor tells someone about that subject, in English and
Korean, for each intent's shape. The offline generator answers from it (``core.generation``)
and the model is given a subject's key points as guidance (``core.prompts``), so the two agree
on what matters. ``general`` has no advice: :func:`advice_for` returns None for it. Within a
subject, :func:`situation_of` finds which of its situations a message is in (``_situations``).
"""

from __future__ import annotations

from core.advice._en import EN_ADVICE
from core.advice._ko import KO_ADVICE
from core.advice._situations import Situation, situation_of
from core.advice._types import Advice
from core.taxonomy import Subject

__all__ = ["EN_ADVICE", "KO_ADVICE", "Advice", "Situation", "advice_for", "situation_of"]


def advice_for(subject: Subject, language: str) -> Advice | None:
    """The subject's advice in ``language`` (``ko``, else English); None for ``general``."""
    return (KO_ADVICE if language == "ko" else EN_ADVICE).get(subject)
