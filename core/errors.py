"""The root of ION's errors, and the errors more than one package raises.

Every error a client can see is an :class:`IonError` with a stable ``code`` (documented in the
README), the HTTP status the edge maps it to, and a message that says what was wrong and what is
accepted. The HTTP layer translates them to responses. A package whose errors are its own
defines them beside its code, as subclasses of these (``core.bulk``'s job errors); errors that
never leave a service stay with it (``core.breaker.StoreUnavailable``: a cache miss, not an
error).

The errors at the end never reach a client: a bad configuration stops the instance
(:class:`ConfigError`), a secret that cannot be read becomes a :class:`ConfigError` or is
skipped, and a failed model answer is replaced by the offline one.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class IonError(Exception):
    """Base of every error ION reports to a caller."""

    code: str = "INTERNAL"
    http_status: int = 500
    # Whether the same request may succeed a moment later (a 5xx, or a 429 with Retry-After);
    # False for the caller's own mistakes. Every error class sets it (tests/unit/test_errors.py).
    retryable: bool = True

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(IonError):
    """A request value is outside what is accepted."""

    code = "INVALID_INPUT"
    http_status = 422
    retryable = False


class EmptyMessage(InvalidInput):
    """The message is empty or whitespace only."""

    code = "EMPTY_MESSAGE"
    retryable = False

    def __init__(self, field: str = "message") -> None:
        super().__init__(
            "message is empty or whitespace only; send 1 or more visible characters",
            field=field,
        )


class InvalidResonanceKey(InvalidInput):
    """A resonance key string does not parse as ``tone-pace-intent``."""

    code = "INVALID_RESONANCE_KEY"
    retryable = False


class UnknownPersona(IonError):
    """A persona name that is not one of the registered personas."""

    code = "UNKNOWN_PERSONA"
    http_status = 404
    retryable = False

    def __init__(self, name: str, accepted: Iterable[str], *, field: str | None = None) -> None:
        super().__init__(
            f"unknown persona {name!r}; accepted (any case): {', '.join(accepted)}",
            field=field,
        )
        self.name = name


# --- HTTP edge: raised by core.api.http while reading a request -------------------------


class InvalidJson(IonError):
    code = "INVALID_JSON"
    http_status = 400
    retryable = False


class UnsupportedMediaType(IonError):
    code = "UNSUPPORTED_MEDIA_TYPE"
    http_status = 415
    retryable = False


class RequestTooLarge(IonError):
    code = "REQUEST_TOO_LARGE"
    http_status = 413
    retryable = False


class NotFound(IonError):
    code = "NOT_FOUND"
    http_status = 404
    retryable = False


class MethodNotAllowed(IonError):
    code = "METHOD_NOT_ALLOWED"
    http_status = 405
    retryable = False

    def __init__(self, method: str, path: str, allowed: list[str]) -> None:
        super().__init__(f"{method} is not accepted on {path}; accepted: {', '.join(allowed)}")
        self.allowed = allowed


class Unauthenticated(IonError):
    code = "UNAUTHENTICATED"
    http_status = 401
    retryable = False


class Forbidden(IonError):
    code = "FORBIDDEN"
    http_status = 403
    retryable = False


class RateLimited(IonError):
    code = "RATE_LIMITED"
    http_status = 429
    retryable = True  # after Retry-After

    def __init__(
        self,
        retry_after_s: int,
        limit_per_minute: int,
        subject: str = "requests for this API key",
    ) -> None:
        super().__init__(
            f"too many {subject} (limit {limit_per_minute} per minute); "
            f"retry after {retry_after_s} s"
        )
        self.retry_after_s = retry_after_s


class Unavailable(IonError):
    """A dependency did not answer in time: 503 with Retry-After; the same request may well
    succeed a few seconds later. The message says what failed and what to do; ``detail``
    (which call, which error) goes after it in parentheses."""

    http_status = 503
    retryable = True
    retry_after_s = 5

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message + (f" ({detail})" if detail else ""))


def one_of(kind: str, value: str, accepted: Iterable[str]) -> str:
    """A message for a value that must be one of ``accepted``."""
    return f"{kind} {value!r} is not valid; accepted: {', '.join(accepted)}"


# --- never shown to a client ------------------------------------------------------------


class ConfigError(Exception):
    """A setting has a value the service cannot start with."""


class SecretUnavailable(Exception):
    """A secret could not be read (the store failed or did not answer); the message says which
    secret and why, and never contains a secret's value."""


class SecretNotFound(SecretUnavailable):
    """The secret, or that version of it, does not exist (or is disabled or destroyed)."""


class SecretAccessDenied(SecretUnavailable):
    """The caller may not read the secret, or has no credentials to ask with."""


class FailureReason(StrEnum):
    """Why a model-backed answer was replaced by the offline one (the fallback_reason)."""

    TIMEOUT = "timeout"  # no answer within the deadline (or 408/504)
    RATE_LIMITED = "rate_limited"  # 429: quota or rate
    SERVER_ERROR = "server_error"  # 5xx
    UNREACHABLE = "unreachable"  # no connection to the service
    REJECTED = "rejected"  # another 4xx: a bad key, model or request
    SAFETY_BLOCKED = "safety_blocked"  # the prompt or the answer was blocked
    EMPTY_ANSWER = "empty_answer"  # an answer without text
    CIRCUIT_OPEN = "circuit_open"  # recent calls failed: the model is not being called
    ERROR = "error"  # anything else (an unexpected response or library error)

    @property
    def retryable(self) -> bool:
        """Worth another attempt: the same request may well succeed a moment later."""
        return self in _RETRYABLE

    @property
    def model_is_healthy(self) -> bool:
        """The service answered properly; the answer itself was unusable. Such failures do not
        count against the circuit breaker."""
        return self in (FailureReason.SAFETY_BLOCKED, FailureReason.EMPTY_ANSWER)


_RETRYABLE = frozenset(
    (
        FailureReason.TIMEOUT,
        FailureReason.RATE_LIMITED,
        FailureReason.SERVER_ERROR,
        FailureReason.UNREACHABLE,
    )
)


class GenerationFailed(Exception):
    """A model-backed generator gave no usable answer; the pipeline answers offline instead."""

    def __init__(self, reason: FailureReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail
