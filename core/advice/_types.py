"""The shape of one subject's advice in one language."""

from __future__ import annotations

from typing import NamedTuple

from core.taxonomy import Intent


class Advice(NamedTuple):
    """What a mentor tells someone about one subject, in one language (``_en``, ``_ko``):
    the name an answer uses for it, its key points (also given to the model as guidance,
    ``core.prompts``), what to gather first (Riri), who to involve (Nana), and three steps per
    intent (``core.generation``). Every text is a whole sentence."""

    name: str  # how an answer names the subject
    points: tuple[str, ...]  # the key points (3-4); the model gets them as guidance too
    evidence: tuple[str, ...]  # what to gather first (Riri reasons from it)
    people: tuple[str, ...]  # who to involve (Nana starts from people)
    steps: dict[Intent, tuple[str, str, str]]  # three steps in the intent's shape
