"""Safety first: is a message about suicide, self-harm, harm to others or abuse?

``assess(text)`` runs on every message on every path before routing (``core.analysis``
calls it, so every analysis carries its ``safety``). A flagged message gets the safety reply
(``reply``), with the crisis lines of ``CRISIS_RESOURCES``, instead of a persona's answer.
This is not a clinical tool: see the README's "Safety" section for what it does and does not.
"""

from __future__ import annotations

from core.safety._detect import SAFE, Safety, asks_something_else, assess
from core.safety._reply import (
    GENERATOR,
    MODEL,
    care_note,
    crisis_resources,
    plain,
    reply,
    reply_instruction,
    session_instruction,
    with_resources,
)
from core.safety._resources import DEFAULTS, Resource, Resources, parse, resources_for
from core.safety._rules import Category, Kind

__all__ = [
    "DEFAULTS",
    "GENERATOR",
    "MODEL",
    "SAFE",
    "Category",
    "Kind",
    "Resource",
    "Resources",
    "Safety",
    "asks_something_else",
    "assess",
    "care_note",
    "crisis_resources",
    "parse",
    "plain",
    "reply",
    "reply_instruction",
    "resources_for",
    "session_instruction",
    "with_resources",
]
