"""Calling a model well: a deadline, retries with backoff and jitter, and a circuit breaker.

:class:`ResilientGenerator` turns a :class:`ModelBackend` (one attempt with one timeout, such as
the Gemini adapter) into a pipeline generator:

- Each attempt gets ``timeout_s``, but never more than is left of ``deadline_s`` for the whole
  answer, so nobody waits much longer than ``deadline_s`` for the offline fallback.
- Timeouts, 429, 5xx and lost connections are tried again, at most ``RETRIES`` times, after an
  exponential backoff with jitter: a rate-limited model gets room, and instances that failed
  together do not retry together. Any other failure is final at once.
- A circuit breaker (``core.breaker``) counts failed attempts: after ``threshold`` in a row
  the model is not called for ``cooldown_s`` (answers fall back at once, reason
  ``circuit_open``), then one request probes it. A blocked or empty answer says nothing about
  the service's health and is not counted.
- Giving up raises :class:`GenerationFailed`; the pipeline then answers offline.

Pure: no I/O but the backend's; clock, sleep and randomness are injectable for tests.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from core.analysis import Analysis
from core.breaker import CircuitBreaker
from core.errors import FailureReason, GenerationFailed
from core.personas import PersonaName
from core.prompts import Prompt, build_prompt
from core.turns import Turn

log = logging.getLogger(__name__)

RETRIES = 2  # attempts after the first; each one costs the user time


class ModelBackend(Protocol):
    name: str  # the generator name answers report, e.g. "gemini"
    model: str  # the model id; part of every cache key
    uses_prompt: bool  # see core.pipeline.Generator

    def complete(self, prompt: Prompt, turns: Sequence[Turn], timeout_s: float) -> str:
        """One attempt: the model's answer to ``prompt`` after ``turns``, within ``timeout_s``.
        Raises :class:`GenerationFailed` with the reason it failed."""
        ...


class Backoff(NamedTuple):
    """Delay before retry ``n`` (0-based): ``initial_s * multiplier**n``, capped at ``max_s``,
    of which the upper half is random ("equal jitter": never zero, never in lockstep)."""

    initial_s: float = 0.25
    multiplier: float = 2.0
    max_s: float = 2.0

    def delay(self, retry: int, rand: Callable[[], float] = random.random) -> float:
        ceiling = min(self.max_s, self.initial_s * self.multiplier**retry)
        return ceiling / 2 + rand() * ceiling / 2


BACKOFF = Backoff()


class ResilientGenerator:
    def __init__(
        self,
        backend: ModelBackend,
        *,
        timeout_s: float = 10.0,
        deadline_s: float = 20.0,
        breaker: CircuitBreaker | None = None,
        backoff: Backoff = BACKOFF,
        retries: int = RETRIES,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.backend = backend
        self.name, self.model = backend.name, backend.model
        self.uses_prompt = backend.uses_prompt
        self.timeout_s, self.deadline_s = timeout_s, deadline_s
        self.breaker = breaker or CircuitBreaker(threshold=5, cooldown_s=30.0, clock=clock)
        self._backoff, self._retries = backoff, retries
        self._clock, self._sleep, self._rand = clock, sleep, rand

    def generate(
        self,
        persona: PersonaName,
        analysis: Analysis,
        turns: Sequence[Turn] = (),
        prompt: Prompt | None = None,
    ) -> str:
        prompt = prompt or build_prompt(persona, analysis, turns=turns)
        started = self._clock()
        failure: GenerationFailed | None = None
        attempt = 0
        while True:
            if not self.breaker.allow():
                # Mid-retry, the breaker opening (here or elsewhere) ends the tries; the first
                # cause is the more useful reason.
                raise failure or GenerationFailed(FailureReason.CIRCUIT_OPEN)
            left = self.deadline_s - (self._clock() - started)
            try:
                answer = self.backend.complete(prompt, turns, min(self.timeout_s, left))
            except GenerationFailed as error:
                failure = error
            except Exception as error:  # any failure of the model means the fallback answers
                failure = GenerationFailed(FailureReason.ERROR, f"{type(error).__name__}: {error}")
            else:
                self.breaker.success()
                return answer
            self._count(failure)
            delay = self._backoff.delay(attempt, self._rand)
            if not self._worth_retrying(failure, attempt, started, delay):
                log.warning("%s gave no answer (%s); answering offline", self.name, failure)
                raise failure
            log.warning(
                "%s attempt %d failed (%s); retrying in %.2f s",
                self.name,
                attempt + 1,
                failure,
                delay,
            )
            self._sleep(delay)
            attempt += 1

    def _count(self, failure: GenerationFailed) -> None:
        if failure.reason.model_is_healthy:
            self.breaker.success()  # it answered, so a half-open breaker may close
            return
        opened = self.breaker.opened
        self.breaker.failure()
        if self.breaker.opened != opened:
            log.error(
                "%s circuit opened (last failure: %s); answering offline for %.0f s before "
                "trying again",
                self.name,
                failure,
                self.breaker.cooldown_s,
            )

    def _worth_retrying(
        self, failure: GenerationFailed, attempt: int, started: float, delay: float
    ) -> bool:
        if not failure.reason.retryable or attempt >= self._retries:
            return False
        # Another attempt needs a fair share of a normal one, or it only delays the fallback.
        left_after_sleep = self.deadline_s - (self._clock() - started) - delay
        return left_after_sleep >= self.timeout_s / 4
