"""A fake Gemini that speaks ``generateContent`` over REST, for the real google-genai client.

Point the client's ``base_url`` (``GEMINI_BASE_URL``) at :attr:`FakeGemini.url`. Both URL shapes
are served: the Gemini API's ``/{version}/models/{model}:generateContent`` (API-key mode) and
Vertex AI's ``/{version}/projects/P/locations/L/publishers/google/models/{model}:generateContent``.
Replies come from a script: queued ones first, in order, then the standing one (by default a
normal answer).
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from devtools.fake_service import FakeService, Recorded, Reply, google_error

_GENERATE = re.compile(
    r"/v[0-9a-z]+/(?:projects/[^/]+/locations/[^/]+/publishers/google/)?"
    r"models/(?P<model>[^/:]+):generateContent"
)


def answer(text: str, finish_reason: str = "STOP") -> Reply:
    candidate = {
        "content": {"role": "model", "parts": [{"text": text}]},
        "finishReason": finish_reason,
        "index": 0,
    }
    return Reply(200, {"candidates": [candidate], "modelVersion": "fake"})


def error(status: int) -> Reply:
    names = {429: "RESOURCE_EXHAUSTED", 400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED"}
    name = names.get(status, "INTERNAL" if status == 500 else "UNAVAILABLE")
    return google_error(status, name, f"fake Gemini error {status}")


def prompt_blocked() -> Reply:
    """The prompt itself was refused: no candidates, a block reason."""
    return Reply(200, {"promptFeedback": {"blockReason": "SAFETY"}})


def answer_blocked() -> Reply:
    """The answer was withheld: a candidate without content, finished for safety."""
    rating = {"category": "HARM_CATEGORY_HARASSMENT", "probability": "HIGH", "blocked": True}
    candidate = {"finishReason": "SAFETY", "index": 0, "safetyRatings": [rating]}
    return Reply(200, {"candidates": [candidate]})


def stall(seconds: float, then: Reply | None = None) -> Reply:
    """Answer only after ``seconds`` (longer than the client's timeout: a timeout)."""
    late = then or answer("too late")
    return Reply(late.status, late.body, delay_s=seconds)


class FakeGemini(FakeService):
    def __init__(self, text: str = "A mentor's answer from the fake Gemini.") -> None:
        super().__init__()
        self.standing = answer(text)
        self._queue: deque[Reply] = deque()

    def queue(self, *replies: Reply) -> None:
        """Answer the next requests with these, in order, then with the standing reply."""
        with self._lock:
            self._queue.extend(replies)

    def always(self, reply: Reply) -> None:
        self.standing = reply

    @property
    def calls(self) -> list[Recorded]:
        """The generateContent requests received so far."""
        with self._lock:
            return [r for r in self.requests if _GENERATE.fullmatch(r.path.split("?")[0])]

    def respond(self, request: Recorded) -> Reply:
        if request.method != "POST" or not _GENERATE.fullmatch(request.path.split("?")[0]):
            return google_error(404, "NOT_FOUND", f"fake Gemini has no {request.path}")
        with self._lock:
            return self._queue.popleft() if self._queue else self.standing


def request_texts(request: Recorded) -> dict[str, Any]:
    """What a recorded generateContent request asked: system instruction, contents as
    (role, text) pairs, and the generation config."""
    body: dict[str, Any] = request.body or {}
    system = body.get("systemInstruction") or {}
    return {
        "system": "".join(p.get("text", "") for p in system.get("parts", [])),
        "contents": [
            (c.get("role"), "".join(p.get("text", "") for p in c.get("parts", [])))
            for c in body.get("contents", [])
        ],
        "config": body.get("generationConfig", {}),
    }
