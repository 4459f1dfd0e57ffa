"""A 100 MB body sent to a function served as the platform serves it (functions-framework on
gunicorn) must not be buffered: functions-framework reads every body to its end after the
response, so a body the router refused unread would otherwise sit whole in the worker.

Peak memory is the worker's high-water mark (``VmHWM`` in /proc), read before and after."""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.api.security import hash_key
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import HOST, free_port

ROOT = Path(__file__).resolve().parents[2]
BODY_BYTES = 100 * 1024 * 1024
CHUNK = b"a" * (1024 * 1024)
# Reading and dropping 64 KiB at a time costs the worker a few MB at most; buffering the body
# would cost at least its 100 MB.
ALLOWED_GROWTH_KB = 30 * 1024


@pytest.fixture(scope="module")
def recommend() -> Iterator[FunctionProcess]:
    env = {
        **os.environ,
        "ION_API_KEYS": f"tester:{hash_key('a-real-key')}:user",
        "REDIS_URL": "",
        "SENTRY_DSN": "",
    }
    spec = FunctionSpec("recommend", "recommend", free_port())
    function = FunctionProcess(spec, ROOT, env, echo=lambda line: None)
    try:
        wait_until_ready([function], timeout_s=60)
        yield function
    finally:
        function.stop()


def _worker_hwm_kb(function: FunctionProcess) -> int:
    """The largest high-water mark among the function's processes (gunicorn master, worker)."""
    peaks = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            if os.getpgid(int(pid)) != function.group:
                continue
        except (OSError, ProcessLookupError):
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]))
    assert peaks, "no process of the function found"
    return max(peaks)


def _send(function: FunctionProcess, *, chunked: bool, key: str = "") -> int:
    connection = http.client.HTTPConnection(HOST, function.spec.port, timeout=120)
    try:
        headers = {"Content-Type": "application/json", "X-API-Key": key}
        body: Iterator[bytes] = (CHUNK for _ in range(BODY_BYTES // len(CHUNK)))
        if not chunked:
            headers["Content-Length"] = str(BODY_BYTES)
        connection.request(
            "POST", "/v2/recommend", body=body, headers=headers, encode_chunked=chunked
        )
        return connection.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        return -1  # the server may close before the whole body is sent: nothing was buffered
    finally:
        connection.close()


def _warm(function: FunctionProcess) -> None:
    connection = http.client.HTTPConnection(HOST, function.spec.port, timeout=30)
    try:
        connection.request(
            "POST",
            "/v2/recommend",
            body=b'{"message": "how do I plan my week?"}',
            headers={"Content-Type": "application/json", "X-API-Key": "a-real-key"},
        )
        assert connection.getresponse().status == 200
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("chunked", "key", "statuses"),
    [
        (False, "", {413, -1}),  # declared over the limit: refused before the key is checked
        (True, "", {401, -1}),  # no length to judge by: 401, and the body is dropped as read
        (True, "a-real-key", {413, -1}),  # read up to the limit, then refused
    ],
)
def test_a_100_mb_body_is_never_buffered(
    recommend: FunctionProcess, chunked: bool, key: str, statuses: set[int]
) -> None:
    _warm(recommend)
    before = _worker_hwm_kb(recommend)
    assert _send(recommend, chunked=chunked, key=key) in statuses
    _warm(recommend)  # still serving
    growth = _worker_hwm_kb(recommend) - before
    assert growth < ALLOWED_GROWTH_KB, f"peak memory grew {growth / 1024:.0f} MB"
