"""ResilientGenerator with a scripted backend (a fake is fine for a service's unit test; the
Gemini adapter itself is tested against the real SDK in tests/integration/test_gemini.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from core.analysis import analyze
from core.breaker import BreakerState, CircuitBreaker
from core.errors import FailureReason, GenerationFailed
from core.personas import PersonaName
from core.prompts import Prompt
from core.resilience import RETRIES, Backoff, ResilientGenerator
from core.turns import Turn
from tests.helpers import FakeClock as Clock

R = FailureReason
ANALYSIS = analyze("How do I get better at code review?")


class Script:
    """A backend that fails with the queued reasons (or raises queued exceptions), then answers.
    Each attempt takes ``took_s`` of the fake clock."""

    name, model = "scripted", "scripted-1"
    uses_prompt = True

    def __init__(self, clock: Clock, *outcomes: R | Exception, took_s: float = 0.0) -> None:
        self.clock, self.outcomes, self.took_s = clock, list(outcomes), took_s
        self.timeouts: list[float] = []

    def complete(self, prompt: Prompt, turns: Sequence[Turn], timeout_s: float) -> str:
        self.timeouts.append(timeout_s)
        self.clock.now += min(self.took_s, timeout_s)
        if self.outcomes:
            outcome = self.outcomes.pop(0)
            raise outcome if isinstance(outcome, Exception) else GenerationFailed(outcome)
        return "the model's answer"


def resilient(backend: Script, clock: Clock, **kwargs: object) -> ResilientGenerator:
    options: dict[str, object] = {"timeout_s": 10.0, "deadline_s": 20.0}
    options.update(kwargs)
    return ResilientGenerator(
        backend,
        clock=clock,
        sleep=clock.sleep,
        rand=lambda: 0.5,
        **options,  # type: ignore[arg-type]
    )


def generate(generator: ResilientGenerator) -> str:
    return generator.generate(PersonaName.ELRO, ANALYSIS)


@pytest.mark.parametrize("reason", [R.RATE_LIMITED, R.SERVER_ERROR, R.TIMEOUT, R.UNREACHABLE])
def test_transient_failures_are_retried_then_answered(reason: R) -> None:
    clock = Clock(100.0)
    backend = Script(clock, reason, reason)
    assert generate(resilient(backend, clock)) == "the model's answer"
    assert len(backend.timeouts) == 3
    assert clock.slept == [pytest.approx(0.1875), pytest.approx(0.375)]  # 0.25, 0.5 with jitter


def test_at_most_two_retries_then_the_first_reason_is_raised() -> None:
    clock = Clock(100.0)
    backend = Script(clock, *[R.SERVER_ERROR] * 5)
    with pytest.raises(GenerationFailed) as failed:
        generate(resilient(backend, clock))
    assert failed.value.reason is R.SERVER_ERROR
    assert len(backend.timeouts) == RETRIES + 1 == 3


@pytest.mark.parametrize("reason", [R.REJECTED, R.SAFETY_BLOCKED, R.EMPTY_ANSWER, R.ERROR], ids=str)
def test_other_failures_are_final_at_once(reason: R) -> None:
    clock = Clock(100.0)
    backend = Script(clock, reason)
    with pytest.raises(GenerationFailed) as failed:
        generate(resilient(backend, clock))
    assert failed.value.reason is reason
    assert len(backend.timeouts) == 1
    assert clock.slept == []


def test_an_unexpected_exception_is_a_failure_with_reason_error() -> None:
    clock = Clock(100.0)
    with pytest.raises(GenerationFailed) as failed:
        generate(resilient(Script(clock, KeyError("candidates")), clock))
    assert failed.value.reason is R.ERROR
    assert "KeyError" in str(failed.value)


def test_backoff_grows_exponentially_is_capped_and_jittered_in_its_upper_half() -> None:
    backoff = Backoff(initial_s=0.25, multiplier=2.0, max_s=2.0)
    assert [backoff.delay(n, lambda: 0.0) for n in range(5)] == [0.125, 0.25, 0.5, 1.0, 1.0]
    assert [backoff.delay(n, lambda: 1.0) for n in range(5)] == [0.25, 0.5, 1.0, 2.0, 2.0]


def test_attempts_share_the_deadline() -> None:
    clock = Clock(100.0)
    # Every attempt runs out its time: 10 s, then what is left of 15 s after the backoff.
    backend = Script(clock, R.TIMEOUT, R.TIMEOUT, R.TIMEOUT, took_s=10.0)
    with pytest.raises(GenerationFailed) as failed:
        generate(resilient(backend, clock, deadline_s=15.0))
    assert failed.value.reason is R.TIMEOUT
    assert backend.timeouts == [10.0, pytest.approx(15.0 - 10.0 - 0.1875)]
    assert clock.now - 100.0 == pytest.approx(15.0)  # no third attempt: no time left for one


def test_no_retry_starts_with_less_than_a_quarter_of_a_normal_attempt_left() -> None:
    clock = Clock(100.0)
    backend = Script(clock, R.SERVER_ERROR, took_s=10.0)  # a slow 500
    with pytest.raises(GenerationFailed):
        generate(resilient(backend, clock, deadline_s=12.0))
    assert len(backend.timeouts) == 1  # 12 - 10 - 0.19 s left, under 10 / 4


def test_the_breaker_opens_after_consecutive_failures_and_closes_after_a_good_probe() -> None:
    clock = Clock(100.0)
    breaker = CircuitBreaker(threshold=3, cooldown_s=30.0, clock=clock)
    backend = Script(clock, *[R.SERVER_ERROR] * 3)
    generator = resilient(backend, clock, breaker=breaker)

    with pytest.raises(GenerationFailed):
        generate(generator)  # three failed attempts: the breaker opens
    assert breaker.state is BreakerState.OPEN
    with pytest.raises(GenerationFailed) as failed:
        generate(generator)
    assert failed.value.reason is R.CIRCUIT_OPEN
    assert len(backend.timeouts) == 3  # the model was not called

    clock.now += 30.0  # cooled down: the next request probes, succeeds, and closes it
    assert generate(generator) == "the model's answer"
    assert breaker.state is BreakerState.CLOSED


def test_a_failed_probe_opens_the_breaker_again_without_retrying() -> None:
    clock = Clock(100.0)
    breaker = CircuitBreaker(threshold=1, cooldown_s=5.0, clock=clock)
    backend = Script(clock, R.SERVER_ERROR, R.SERVER_ERROR)
    generator = resilient(backend, clock, breaker=breaker)
    with pytest.raises(GenerationFailed):
        generate(generator)
    clock.now += 5.0
    with pytest.raises(GenerationFailed) as failed:
        generate(generator)  # the probe fails: open again, and no retry behind it
    assert failed.value.reason is R.SERVER_ERROR
    assert len(backend.timeouts) == 2
    assert breaker.state is BreakerState.OPEN


def test_blocked_and_empty_answers_do_not_count_against_the_breaker() -> None:
    clock = Clock(100.0)
    breaker = CircuitBreaker(threshold=1, cooldown_s=5.0, clock=clock)
    generator = resilient(Script(clock, R.SAFETY_BLOCKED, R.EMPTY_ANSWER), clock, breaker=breaker)
    for _ in range(2):
        with pytest.raises(GenerationFailed):
            generate(generator)
    assert breaker.state is BreakerState.CLOSED


def test_name_and_model_are_the_backends_for_cache_keys() -> None:
    clock = Clock(100.0)
    generator = resilient(Script(clock), clock)
    assert (generator.name, generator.model) == ("scripted", "scripted-1")
