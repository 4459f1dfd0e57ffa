"""Response cache keys: everything that changes the answer, and nothing that does not.

A key covers the normalised message, the persona that answers (forced or routed), the
resonance key, the language, the generator and its model, the prompt version and a digest of
the conversation context used (earlier turns and prompt mode). Two requests share an entry
only when all of these agree, so an answer is never served into a different conversation.
User and session ids are in the key only through the prompt, and only for generators that
read the prompt: the offline generator's answer does not depend on them, and keying on them
would only lower its hit rate.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from core.generation import Turn
from core.prompts import Prompt

_SEPARATOR = "\x1f"


def context_digest(
    turns: Sequence[Turn], mode: str = "default", prompt: Prompt | None = None
) -> str:
    """A digest of the conversation context an answer was built from: the turns and prompt
    mode, and the whole prompt when the generator reads it (a model sees the user and session
    ids in it, so two users' answers must not share an entry)."""
    if not turns and prompt is None:
        return _no_context_digest(mode)  # most requests: one digest per mode, made once
    return _digest(mode, turns, prompt)


def _digest(mode: str, turns: Sequence[Turn], prompt: Prompt | None) -> str:
    whole = [prompt.system, prompt.user] if prompt is not None else None
    data = json.dumps(
        [mode, [[turn.role, turn.text] for turn in turns], whole],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


@functools.lru_cache(maxsize=8)
def _no_context_digest(mode: str) -> str:
    return _digest(mode, (), None)


@dataclass(frozen=True, slots=True)
class ResponseKey:
    message: str
    persona: str
    resonance_key: str
    language: str
    generator: str
    model: str
    prompt_version: str
    context: str  # context_digest(...)

    def digest(self) -> str:
        """The stable identity of this key (the same in every process and release).

        Fields are joined with U+001F (unit separator), which cannot occur in any of them:
        messages lose control characters in normalisation, the rest are our own names.
        """
        data = _SEPARATOR.join(
            (
                self.message,
                self.persona,
                self.resonance_key,
                self.language,
                self.generator,
                self.model,
                self.prompt_version,
                self.context,
            )
        )
        return hashlib.blake2b(data.encode("utf-8"), digest_size=20).hexdigest()
