"""Sentry with the real sentry-sdk, sending to a local server that speaks Sentry's ingest
protocol (devtools/fake_sentry.py): events and transactions arrive with their tags and spans,
and nothing a person confided — message, answer, API key, raw user or session id — is in them.

The functions run as functions-framework processes, as deployed: the SDK is global to a
process, and these tests must not leave it switched on inside the pytest process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api.security import hash_key
from devtools.fake_sentry import FakeSentry
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import free_port
from tests.helpers import environ_without_settings, keyed

ROOT = Path(__file__).resolve().parents[2]
KEY = "sentry-test-api-key-5f1c"
HASH_KEY = "sentry-test-id-hash-key-0123456789abcdef"
MESSAGE = "요즘 회사에서 너무 외롭고 아무한테도 말 못 하겠어요"
ENGLISH = "I am scared my manager will find out I failed the certification exam"
CRISIS = "요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어"
USER, SESSION = "user-raw-7781", "session-raw-4492"
CRASHING = """
from pydantic import BaseModel

import functions_framework
from core import bootstrap
from core.api.http import HEALTH, Call, Route, Router


class Body(BaseModel):
    message: str


class Never(BaseModel):
    ok: bool


def crash(call: Call) -> Never:
    body = call.body(Body)
    raise RuntimeError(f"could not answer {body.message!r} for now")


bootstrap.check()
routes = {("GET", "/healthz"): HEALTH, ("POST", "/v2/crash"): Route(crash, "fails", Never, Body)}
router = Router(routes, bootstrap.build_guard)


@functions_framework.http
def crashing(request):
    return router(request)
"""


def env_for(sentry: FakeSentry, **extra: str) -> dict[str, str]:
    return {
        **environ_without_settings(),
        "SENTRY_DSN": sentry.dsn,
        "SENTRY_TRACES_SAMPLE_RATE": "1.0",
        "SENTRY_ENVIRONMENT": "test",
        "ID_HASH_KEY": HASH_KEY,
        "ION_API_KEYS": f"tester:{hash_key(KEY)}:user",
        **extra,
    }


@pytest.fixture
def fake_sentry() -> Iterator[FakeSentry]:
    with FakeSentry() as fake:
        yield fake


def serve(root: Path, name: str, env: dict[str, str]) -> FunctionProcess:
    output: list[str] = []
    function = FunctionProcess(FunctionSpec(name, name, free_port()), root, env, output.append)
    try:
        wait_until_ready([function], timeout_s=60)
    except Exception:
        function.stop()
        raise AssertionError("\n".join(output)) from None
    return function


def post(url: str, body: dict[str, Any], **headers: str) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url,
        json.dumps(body).encode(),
        {"Content-Type": "application/json", "X-API-Key": KEY, **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def run_python(script: str, env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    """``python -c script`` in the repository (the SDK is global to a process: never this one);
    its stdout, after checking it exited 0."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        input=stdin,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_nothing_confided(sentry: FakeSentry, *more: str) -> None:
    sent = sentry.everything()
    assert sent
    for secret in (MESSAGE, ENGLISH, KEY, USER, SESSION, *more):
        assert secret not in sent, secret


def test_process_sends_tagged_transactions_with_spans_and_no_text(
    fake_sentry: FakeSentry, firestore_host: str, redis_url: str
) -> None:
    env = env_for(fake_sentry, FIRESTORE_EMULATOR_HOST=firestore_host, REDIS_URL=redis_url)
    function = serve(ROOT, "process", env)
    try:
        url = f"{function.spec.url}/v2/process"
        status, first = post(url, {"message": MESSAGE, "user_id": USER, "session_id": SESSION})
        assert status == 200, first
        status, second = post(url, {"message": ENGLISH})
        assert status == 200, second
        status, third = post(url, {"message": ENGLISH})
        # A user key is not told of the hit (the l1 transaction below shows it was one).
        assert (status, "cache" in third) == (200, False)
        status, crisis = post(url, {"message": CRISIS})
        assert (status, crisis["generator"]) == (200, "safety")
        fake_sentry.wait_for("transaction", 4)
    finally:
        function.stop()
    transactions = fake_sentry.transactions
    assert {t["transaction"] for t in transactions} == {"POST /v2/process"}  # not /healthz
    assert len(transactions) == 4
    # The safety category is a tag; the message and the reply never leave the instance.
    assert [t["tags"]["safety"] for t in transactions].count("self_harm") == 1
    assert [t["tags"]["safety"] for t in transactions].count("none") == 3

    by_tier = {t["tags"]["cache_tier"]: t for t in transactions if t["tags"]["safety"] == "none"}
    with_session = next(t for t in transactions if "session" in t["tags"])
    assert with_session["transaction"] == "POST /v2/process"
    assert with_session["environment"] == "test"
    tags = with_session["tags"]
    assert tags["function"] == "process"
    assert tags["persona"] == first["persona"]
    assert tags["resonance_key"] == first["resonance_key"]
    assert tags["cache_tier"] == "computed"
    assert tags["generator"] == "offline"
    assert tags["session"] == keyed(SESSION, HASH_KEY)
    assert with_session["user"] == {"id": keyed(USER, HASH_KEY)}
    ops = {span["op"] for span in with_session["spans"]}
    assert {"ion.analysis", "ion.routing", "cache.get", "ion.generation", "cache.put"} <= ops
    assert "db.firestore" in ops
    assert {"l1", "computed"} <= set(by_tier)
    assert "ion.generation" not in {span["op"] for span in by_tier["l1"]["spans"]}
    # The request is described, never its body or its key.
    request = with_session["request"]
    assert set(request) <= {"method", "url", "headers"}
    assert not {"x-api-key", "X-Api-Key", "X-API-Key"} & set(request.get("headers", {}))
    assert_nothing_confided(
        fake_sentry, first["answer"], second["answer"], CRISIS, crisis["answer"]
    )


def test_an_unexpected_error_is_an_event_without_the_message(
    fake_sentry: FakeSentry, tmp_path: Path
) -> None:
    source = tmp_path / "functions" / "crashing" / "main.py"
    source.parent.mkdir(parents=True)
    source.write_text(CRASHING, encoding="utf-8")
    function = serve(tmp_path, "crashing", env_for(fake_sentry, PYTHONPATH=str(ROOT)))
    try:
        status, body = post(f"{function.spec.url}/v2/crash", {"message": MESSAGE})
        assert (status, body["error"]["code"]) == (500, "INTERNAL")
        [event] = fake_sentry.wait_for("event")
    finally:
        function.stop()
    [exception] = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == "could not answer '[redacted]' for now"
    assert event["tags"]["function"] == "crashing"
    assert event["transaction"] == "POST /v2/crash"
    for frame in exception["stacktrace"]["frames"]:
        assert "vars" not in frame
    assert_nothing_confided(fake_sentry)


_WORKER = """
import sys
from core import bootstrap, observability

assert observability.configure("bulk_worker", bootstrap.read_settings().observability)
assert observability.configure("bulk_worker", bootstrap.read_settings().observability)  # idempotent
item = {"id": "i-3", "message": sys.argv[1], "user_id": sys.argv[2]}
with observability.scope(job_id="job-42"):
    observability.confide(item)
    with observability.span("queue.process", "one bulk item"):
        try:
            raise ValueError("item failed: " + item["message"])
        except ValueError as error:
            print(observability.capture_failure(error, job_id="job-42", item=3))
observability.flush()
"""


def test_the_bulk_worker_api_reports_a_failed_item_with_job_and_item(
    fake_sentry: FakeSentry,
) -> None:
    event_id = run_python(_WORKER, env_for(fake_sentry), ENGLISH, USER).strip()
    [event] = fake_sentry.wait_for("event")
    assert event["event_id"] == event_id
    assert event["tags"]["job_id"] == "job-42"
    assert event["tags"]["item"] == "3"
    assert event["tags"]["function"] == "bulk_worker"
    assert event["exception"]["values"][0]["value"] == "item failed: [redacted]"
    assert_nothing_confided(fake_sentry)


_IMPORTED = """
import sys
import functions_framework
functions_framework.create_app(target="process", source="functions/process/main.py")
print(json.dumps(sorted(m for m in sys.modules if m.startswith("sentry_sdk"))[:1]))
"""


@pytest.mark.parametrize("dsn", [False, True], ids=["no-dsn", "dsn"])
def test_the_sdk_is_imported_only_with_a_dsn(fake_sentry: FakeSentry, dsn: bool) -> None:
    env = env_for(fake_sentry)
    if not dsn:
        del env["SENTRY_DSN"]
    output = run_python("import json\n" + _IMPORTED, env)
    assert json.loads(output.splitlines()[-1]) == (["sentry_sdk"] if dsn else [])


def test_the_bulk_worker_reports_an_item_it_cannot_record_with_job_and_item(
    fake_sentry: FakeSentry,
) -> None:
    import base64  # noqa: PLC0415

    # Firestore unreachable: the worker cannot record the item, reports it and asks Pub/Sub
    # to deliver it again (a 500).
    env = env_for(
        fake_sentry, FIRESTORE_EMULATOR_HOST=f"127.0.0.1:{free_port()}", BULK_TIMEOUT_S="1"
    )
    output: list[str] = []
    spec = FunctionSpec("bulk_worker", "bulk", free_port(), "cloudevent")
    worker = FunctionProcess(spec, ROOT, env, output.append)
    try:
        wait_until_ready([worker], timeout_s=60)
        item = {"job_id": "j" + "7" * 24, "index": 4, "message": ENGLISH, "user_id": USER}
        data = base64.b64encode(json.dumps(item).encode()).decode()
        push = {"message": {"data": data, "messageId": "m-9"}, "subscription": "s"}
        request = urllib.request.Request(
            spec.url + "/", json.dumps(push).encode(), {"Content-Type": "application/json"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 500  # not acknowledged: Pub/Sub redelivers
        events = fake_sentry.wait_for("event")
    finally:
        worker.stop()
    tags = events[0]["tags"]
    assert (tags["function"], tags["job_id"], tags["item"]) == ("bulk_worker", item["job_id"], "4")
    assert_nothing_confided(fake_sentry)
    assert ENGLISH not in "\n".join(output)  # nor in the worker's own log lines


_WORKER_QUOTING = """
import base64, json, sys
import functions_framework
from core import bootstrap, observability
from core.bootstrap import bulk as bulk_wiring
from core._once import once
from core.bulk import BulkItem, BulkJobs, BulkWorker

app = functions_framework.create_app(
    target="bulk_worker", source="functions/bulk/main.py", signature_type="cloudevent"
)
main = sys.modules["main"]


class Quoting:
    def run(self, request):
        raise RuntimeError(f"could not answer {request.message!r}")


class Captured:
    messages = []

    def publish(self, messages):
        self.messages.extend(messages)


config = bootstrap.settings()
store = bulk_wiring.build_job_store(config)
main._worker = once(lambda: BulkWorker(store, Quoting(), 5))
text, user = sys.stdin.read().splitlines()  # not in argv: Sentry reports argv
# A real job (the worker drops items of jobs it has no record of), published to a list.
items = [BulkItem(index=i, id=str(i), message=text, user_id=user) for i in range(3)]
job = BulkJobs(store, Captured).submit("tester", items)
data, attributes = Captured.messages[2]
push = {
    "message": {
        "data": base64.b64encode(data).decode(),
        "attributes": dict(attributes),
        "messageId": "m-1",
    },
    "subscription": "s",
}
print(job.job_id)
print(app.test_client().post("/", json=push).status_code)
observability.flush()
"""


def test_the_bulk_worker_scrubs_an_item_text_an_exception_quotes(
    fake_sentry: FakeSentry, firestore_host: str
) -> None:
    env = env_for(fake_sentry, FIRESTORE_EMULATOR_HOST=firestore_host)
    output = run_python(_WORKER_QUOTING, env, stdin=f"{ENGLISH}\n{USER}")
    lines = output.strip().splitlines()  # the script's prints among the worker's log lines
    job_id = next(line for line in lines if line.startswith("j") and len(line) == 25)
    assert lines[-1] == "500"  # a failed attempt: redelivery
    [event] = fake_sentry.wait_for("event")
    assert event["tags"]["job_id"] == job_id
    assert "could not answer '[redacted]'" in json.dumps(event)
    assert_nothing_confided(fake_sentry)
    assert ENGLISH not in output
