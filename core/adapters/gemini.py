"""Gemini through the google-genai SDK: the model behind ``GENERATOR=gemini``.

Vertex AI mode calls the model in a project and location as the instance's service account
(application default credentials); API-key mode calls the Gemini API with a key (best kept in
Secret Manager). The persona prompt's system part becomes the system instruction; the recent
turns become the contents, followed by the prompt's user part (situation and message). Each call
fences the caller's text with a fresh random id (``core.prompts``): the user part's block, and
each of the person's earlier turns in a block of its own; the mentor's turns are neutralised.

One call is one attempt: the SDK's own retries stay off (its default), because
``core.resilience.ResilientGenerator`` owns retries, the deadline and the circuit breaker.
Every SDK, transport and credential error is mapped here, at the edge, to
:class:`GenerationFailed` with a reason; so are blocked and empty answers.

The SDK costs about half a second to import: it is imported, and the client built, on the
first answer, so an instance configured for the offline generator never loads it.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from typing import Any, NamedTuple

from core.errors import FailureReason, GenerationFailed
from core.prompts import Prompt, fence, neutralise, new_fence_id
from core.turns import Turn

MODES = ("vertex", "api_key")
_ROLES = {"user": "user", "mentor": "model"}
# Finish reasons of an answer that Gemini's safety or policy filters withheld.
_BLOCKED = frozenset(
    {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY"}
)
_Errors = tuple[type[BaseException], ...]


class _Sdk(NamedTuple):
    client: Any
    api_error: type[Exception]  # google.genai.errors.APIError: an HTTP error status
    timeouts: _Errors
    unreachable: _Errors
    auth_transport: _Errors  # credentials could not be refreshed for lack of a network
    auth: _Errors


class GeminiModel:
    """``credentials`` (Vertex AI mode) replaces application default credentials; tests use it.
    ``base_url`` sends calls elsewhere (a local fake in tests)."""

    name = "gemini"
    uses_prompt = True

    def __init__(
        self,
        *,
        model: str,
        mode: str = "vertex",
        project: str | None = None,
        location: str = "global",
        api_key: str | None = None,
        temperature: float = 0.7,
        max_output_tokens: int = 2048,
        base_url: str | None = None,
        credentials: Any = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode {mode!r} is not one of {MODES}")
        if mode == "api_key" and not api_key:
            raise ValueError("API-key mode needs an API key")
        self.model = model
        self._mode, self._project, self._location = mode, project, location
        self._api_key, self._credentials, self._base_url = api_key, credentials, base_url
        self._generation = {"temperature": temperature, "max_output_tokens": max_output_tokens}
        self._sdk: _Sdk | None = None
        self._lock = threading.Lock()

    def complete(self, prompt: Prompt, turns: Sequence[Turn], timeout_s: float) -> str:
        sdk = self._connected()
        fence_id = new_fence_id()  # per call: the caller never learns the id of the next one
        sent = prompt.fenced(fence_id)
        config = {
            "system_instruction": sent.system,
            **self._generation,
            "http_options": {"timeout": max(1, round(timeout_s * 1000))},  # milliseconds
            "automatic_function_calling": {"disable": True},  # no tools: nothing to call
        }
        try:
            response = sdk.client.models.generate_content(
                model=self.model, contents=contents(turns, sent.user, fence_id), config=config
            )
        except sdk.api_error as error:
            raise _from_status(error) from error
        except sdk.timeouts as error:
            detail = f"no answer within {timeout_s:.1f} s"
            raise GenerationFailed(FailureReason.TIMEOUT, detail) from error
        except sdk.unreachable + sdk.auth_transport + (OSError,) as error:
            raise GenerationFailed(FailureReason.UNREACHABLE, type(error).__name__) from error
        except sdk.auth as error:
            raise GenerationFailed(FailureReason.REJECTED, f"credentials: {error}") from error
        return answer_text(response)

    def _connected(self) -> _Sdk:
        with self._lock:
            if self._sdk is None:
                self._sdk = self._connect()
            return self._sdk

    def _connect(self) -> _Sdk:
        from google import genai  # noqa: PLC0415 - see the module docstring
        from google.auth import exceptions as auth  # noqa: PLC0415
        from google.genai import errors  # noqa: PLC0415

        options = genai.types.HttpOptions(base_url=self._base_url) if self._base_url else None
        # vertexai is always explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot
        # switch modes, and the SDK ignores a GEMINI_API_KEY variable in Vertex AI mode.
        if self._mode == "vertex":
            client = genai.Client(
                vertexai=True,
                project=self._project,
                location=self._location,
                credentials=self._credentials,
                http_options=options,
            )
        else:
            client = genai.Client(vertexai=False, api_key=self._api_key, http_options=options)
        timeouts, unreachable = _transport_errors()
        return _Sdk(
            client=client,
            api_error=errors.APIError,
            timeouts=timeouts,
            unreachable=unreachable,
            auth_transport=(auth.TransportError,),
            auth=(auth.GoogleAuthError,),
        )


def _transport_errors() -> tuple[_Errors, _Errors]:
    """Timeouts and connection failures of the HTTP clients the SDK may use (httpx2 by
    default, httpx or requests in some set-ups); a timeout is also a transport error, so
    timeouts are matched first."""
    timeouts: list[type[BaseException]] = []
    unreachable: list[type[BaseException]] = []
    for name, timeout, failure in (
        ("httpx2", "TimeoutException", "TransportError"),
        ("httpx", "TimeoutException", "TransportError"),
        ("requests", "Timeout", "ConnectionError"),
    ):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        timeouts.append(getattr(module, timeout))
        unreachable.append(getattr(module, failure))
    return tuple(timeouts), tuple(unreachable)


def _from_status(error: Exception) -> GenerationFailed:
    code = int(getattr(error, "code", 0) or 0)
    detail = f"{code} {getattr(error, 'status', '')}: {getattr(error, 'message', '')}"
    if code == 429:
        reason = FailureReason.RATE_LIMITED
    elif code in (408, 504):
        reason = FailureReason.TIMEOUT
    elif code >= 500:
        reason = FailureReason.SERVER_ERROR
    else:
        reason = FailureReason.REJECTED  # 400 (a bad key, too), 401, 403, 404: retrying won't help
    return GenerationFailed(reason, detail[:200])


def contents(turns: Sequence[Turn], user_part: str, fence_id: str) -> list[dict[str, Any]]:
    """The turns and then the (fenced) user part, as Gemini contents. The conversation must
    open with the user and alternate, so leading mentor turns are dropped and consecutive turns
    of one role share a content. The person's turns are fenced with ``fence_id``, as the user
    part is; the mentor's are neutralised (an answer that quoted a marker cannot close one)."""
    result: list[dict[str, Any]] = []
    sequence = [(_ROLES.get(turn.role, "user"), turn.text) for turn in turns]
    for role, raw in sequence:
        if not raw.strip() or (not result and role == "model"):
            continue
        text = fence(raw, fence_id) if role == "user" else neutralise(raw)
        _append(result, role, text)
    _append(result, "user", user_part)
    return result


def _append(result: list[dict[str, Any]], role: str, text: str) -> None:
    if result and result[-1]["role"] == role:
        result[-1]["parts"].append({"text": text})
    else:
        result.append({"role": role, "parts": [{"text": text}]})


def answer_text(response: Any) -> str:
    """The answer's text; a blocked prompt or answer, or no text, is a failure to answer."""
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason:
        raise GenerationFailed(
            FailureReason.SAFETY_BLOCKED, f"prompt blocked: {_name(feedback.block_reason)}"
        )
    candidates = response.candidates or []
    finish = _name(candidates[0].finish_reason) if candidates else ""
    if finish in _BLOCKED:
        raise GenerationFailed(FailureReason.SAFETY_BLOCKED, f"answer blocked: {finish}")
    text = (response.text or "").strip()
    if not text:
        raise GenerationFailed(FailureReason.EMPTY_ANSWER, f"finish reason {finish or 'none'}")
    return text


def _name(value: Any) -> str:
    """An SDK enum's wire name (``FinishReason.SAFETY`` -> ``SAFETY``)."""
    return str(getattr(value, "value", value) or "")
