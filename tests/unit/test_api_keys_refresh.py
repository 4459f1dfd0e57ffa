"""API keys read again while an instance runs (``ApiKeys(reload=...)``), without a network: the
reads are functions the test controls, the clock is moved by hand."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from core.api.security import ApiKeys, Principal, hash_key, parse_api_keys
from core.errors import SecretUnavailable, Unauthenticated
from tests.helpers import FakeClock, accepts

BOTH = f"web:{hash_key('web-secret')}:user,ops:{hash_key('ops-secret')}:admin"
OPS_ONLY = f"ops:{hash_key('ops-secret')}:admin"


class Secret:
    """What ``reload`` returns: the setting's current text, or a failure; counts the reads."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.failure: Exception | None = None
        self.reads = 0
        self.gate: threading.Event | None = None  # when set, a read waits for it

    def __call__(self) -> str:
        self.reads += 1
        if self.gate is not None:
            assert self.gate.wait(10)
        if self.failure is not None:
            raise self.failure
        return self.text


def refreshing(
    secret: Secret, clock: FakeClock, failures: list[Exception] | None = None
) -> ApiKeys:
    return ApiKeys(
        parse_api_keys(secret.text),
        reload=secret,
        refresh_s=60,
        on_reload_failure=None if failures is None else failures.append,
        clock=clock,
    )


def eventually(condition: Callable[[], bool], within_s: float = 5.0) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, "the background read did not finish"
        time.sleep(0.01)


def test_keys_half_the_interval_old_are_read_again_without_holding_up_requests() -> None:
    secret, clock = Secret(BOTH), FakeClock()
    keys = refreshing(secret, clock)
    secret.text = OPS_ONLY  # the key "web" is revoked
    secret.gate = threading.Event()  # the read takes its time
    clock.now += 29.9
    assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert secret.reads == 0  # not due: Secret Manager is not asked on every request
    clock.now += 0.1
    # The request that finds the keys half-way starts the read and goes on with the keys it
    # has, as does every request until the read lands: one read, nobody waits for it.
    began = time.monotonic()
    for _ in range(50):
        assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert time.monotonic() - began < 1
    eventually(lambda: secret.reads == 1)
    secret.gate.set()
    eventually(lambda: not accepts(keys, "web-secret"))
    assert keys.authenticate("ops-secret") == Principal("ops", admin=True)
    assert secret.reads == 1
    clock.now += 29.9
    keys.authenticate("ops-secret")
    assert secret.reads == 1  # the next read is half an interval after this one began


def test_keys_a_whole_interval_old_are_not_trusted_for_even_one_request() -> None:
    # An instance idle for a while: its first request must not be judged by keys that old.
    secret, clock = Secret(BOTH), FakeClock()
    keys = refreshing(secret, clock)
    secret.text = OPS_ONLY
    clock.now += 60
    with pytest.raises(Unauthenticated):
        keys.authenticate("web-secret")
    assert keys.authenticate("ops-secret") == Principal("ops", admin=True)
    assert secret.reads == 1


def test_a_hung_read_holds_one_request_for_at_most_wait_s_and_no_more() -> None:
    secret, clock = Secret(BOTH), FakeClock()
    keys = refreshing(secret, clock)
    keys.WAIT_S = 0.3
    secret.gate = threading.Event()  # Secret Manager does not answer
    secret.text = OPS_ONLY
    clock.now += 60
    began = time.monotonic()
    assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert 0.25 <= time.monotonic() - began < 2
    began = time.monotonic()
    for _ in range(20):  # the read is still hanging: nobody else waits for it
        assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert time.monotonic() - began < 0.25
    secret.gate.set()  # when it lands, it counts
    eventually(lambda: not accepts(keys, "web-secret"))
    assert secret.reads == 1


def test_a_key_added_to_the_secret_is_accepted_after_the_refresh() -> None:
    secret, clock = Secret(OPS_ONLY), FakeClock()
    keys = refreshing(secret, clock)
    assert not accepts(keys, "web-secret")
    secret.text = BOTH
    clock.now += 60
    assert keys.refresh()  # the same read, waited for
    assert keys.authenticate("web-secret") == Principal("web", admin=False)


@pytest.mark.parametrize(
    "failure",
    [
        SecretUnavailable("secret projects/p/secrets/k/versions/latest could not be read"),
        RuntimeError("anything else"),
    ],
    ids=["secret-manager-down", "unexpected"],
)
def test_a_failed_read_keeps_the_keys_and_is_retried_soon(failure: Exception) -> None:
    secret, clock, failures = Secret(BOTH), FakeClock(), []
    keys = refreshing(secret, clock, failures)
    secret.failure = failure
    clock.now += 60
    assert not keys.refresh()
    assert failures == [failure]
    assert keys.authenticate("web-secret") == Principal("web", admin=False)  # never no keys
    # Tried again after RETRY_S, not a whole interval later: a short outage costs little.
    clock.now += ApiKeys.RETRY_S - 0.1
    keys.authenticate("ops-secret")
    assert secret.reads == 1
    clock.now += 0.1
    secret.failure, secret.text = None, OPS_ONLY
    secret.gate = threading.Event()
    keys.WAIT_S = 30  # were a request to wait for the retry, the test would notice
    began = time.monotonic()
    assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert time.monotonic() - began < 1  # while reads fail, nobody waits for them
    secret.gate.set()
    eventually(lambda: not accepts(keys, "web-secret"))
    assert secret.reads == 2


def test_a_malformed_new_version_keeps_the_keys_without_showing_it() -> None:
    secret, clock, failures = Secret(BOTH), FakeClock(), []
    keys = refreshing(secret, clock, failures)
    secret.text = "web:plain-key-in-clear:user"
    clock.now += 60
    assert not keys.refresh()
    assert keys.authenticate("web-secret") == Principal("web", admin=False)
    (failure,) = failures
    assert isinstance(failure, ValueError)
    assert "plain-key-in-clear" not in str(failure)


def test_an_empty_new_version_revokes_every_key() -> None:
    # Not a failure: emptying the secret is how every key is revoked at once.
    secret, clock = Secret(BOTH), FakeClock()
    keys = refreshing(secret, clock)
    secret.text = ""
    clock.now += 60
    assert keys.refresh()
    assert not accepts(keys, "web-secret")
    assert not accepts(keys, "ops-secret")


def test_keys_without_a_reload_are_never_read_again() -> None:
    clock = FakeClock()
    keys = ApiKeys(parse_api_keys(BOTH), clock=clock)
    clock.now += 3600
    assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert not keys.refresh()


def test_keys_as_old_as_the_instance_are_read_again_on_the_first_keyed_request() -> None:
    # An instance idle since it started (only /healthz, or a minimum instance) holds keys read
    # with its settings, long ago: the first keyed request must not take them for fresh.
    clock = FakeClock()
    secret = Secret(BOTH)
    started = clock()
    clock.now += 3600
    secret.text = OPS_ONLY  # "web" was revoked while the instance sat idle
    keys = ApiKeys(parse_api_keys(BOTH), reload=secret, refresh_s=60, clock=clock, read_at=started)
    assert not accepts(keys, "web-secret")
    assert secret.reads == 1
