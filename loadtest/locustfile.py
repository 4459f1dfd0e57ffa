"""Locust scenarios over all three functions, as ``make load`` runs them (scripts/load.py).

Users, weighted as traffic is expected to be: ``ProcessUser`` (most of it: POST /v2/process,
a fifth of it inside a session, and some /v1/chat), ``RecommendUser`` (POST /v2/recommend,
GET /v2/personas[/name]) and ``BulkUser`` (POST /v2/bulk, then polls GET /v2/bulk/{job_id}).
Messages are a Korean and English mix drawn with Zipf-like weights, so popular questions
repeat and the response cache is exercised as in real use.

Where: ``ION_LOAD_PROCESS_URL``, ``ION_LOAD_RECOMMEND_URL``, ``ION_LOAD_BULK_URL`` and
``ION_LOAD_API_KEYS`` (several keys, separated by commas) or ``ION_API_KEY``, else
``ION_LOAD_STATE_FILE`` (default ``.dev/stack.json``, as ``make dev`` writes it, with its
``load_keys``). Each simulated user sends one of the keys, dealt round-robin, so the service is
loaded rather than one key's rate limit. A 429 is recorded as a failure whose message starts
with ``429``: the SLO gate (scripts/slo_gate.py) leaves those out of the error rate and counts
them apart, since a rate limit doing its job is not an error.

Only loopback targets are accepted: a load test never leaves this machine.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, between, task
from locust.env import Environment

from core.cli.ask import AskError, read_private_file

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = [
    "요즘 너무 지쳐요",
    "배포만 하면 서버가 죽어요!! 뭐부터 봐야 하죠?",
    "이직 준비 중인데 포트폴리오가 약해요",
    "팀장님이랑 의견이 자꾸 부딪혀서 답답해요",
    "코드 리뷰를 잘 받는 방법이 궁금해요",
    "다음 분기 목표를 어떻게 세우면 좋을까요?",
    "신입인데 질문하는 게 눈치 보여요ㅠㅠ",
    "테스트 커버리지를 올리라는데 어디서부터 시작하죠",
    "회의가 너무 많아서 개발할 시간이 없어요",
    "제가 맞게 하고 있는 건지 확인받고 싶어요",
    "How do I get better at code review?",
    "How should I plan my first month as a tech lead?",
    "Our deploys keep failing and I don't know where to start!!",
    "I feel stuck in my career and I'm not sure what to do next.",
    "Can you help me understand how caching works in a web API?",
    "My team never agrees on priorities. How do we align?",
    "Is it normal to feel anxious before a performance review?",
    "What metrics should I track for our onboarding process?",
    "I want to learn system design but it feels overwhelming",
    "Could you check whether my plan for the migration makes sense?",
]
# Zipf-like: the first messages are asked far more often than the last.
WEIGHTS = [1 / (rank + 1) for rank in range(len(MESSAGES))]
PERSONAS = ["lua", "elro", "riri", "nana"]


def _target(name: str) -> tuple[str, tuple[str, ...]]:
    """(base URL, API keys) for a function: both from the environment, or both from make dev's
    state file (its ``load_keys``, else its ``api_key``). The environment's keys go only to a URL
    the environment names: they may be a real deployment's, and whatever listens on a port the
    state file names must not get them."""
    url = os.environ.get(f"ION_LOAD_{name.upper()}_URL", "")
    given = os.environ.get("ION_LOAD_API_KEYS", "") or os.environ.get("ION_API_KEY", "")
    keys = tuple(k.strip() for k in given.split(",") if k.strip())
    if not url:
        state_file = Path(os.environ.get("ION_LOAD_STATE_FILE", ROOT / ".dev" / "stack.json"))
        if state_file.exists():
            try:  # the same checks as `ion ask`: the user's own file, private to them
                state: dict[str, Any] = json.loads(read_private_file(state_file))
            except AskError as error:
                raise SystemExit(str(error)) from None
            url = state.get("urls", {}).get(name, "")
            keys = tuple(state.get("load_keys") or ()) or (state.get("api_key", ""),)
    if not url:
        raise SystemExit(f"no URL for {name}: start make dev or set ION_LOAD_{name.upper()}_URL")
    host = urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"{url} is not a loopback URL; load tests only target this machine")
    return url.rstrip("/"), keys or ("",)


def message() -> str:
    return random.choices(MESSAGES, WEIGHTS)[0]  # noqa: S311  (load mix, not security)


_DEALT = itertools.count()  # users of every class, in the order they start


class _IonUser(HttpUser):
    abstract = True
    function = ""
    wait_time = between(0.2, 1.0)

    def __init__(self, environment: Environment) -> None:
        # Each class has its own function's host, so it must be known before HttpUser checks.
        self.host, keys = _target(self.function)
        key = keys[next(_DEALT) % len(keys)]  # round-robin: every key carries its share
        super().__init__(environment)
        self.client.headers.update({"X-API-Key": key, "Content-Type": "application/json"})
        self.user_id = f"load-{uuid.uuid4().hex[:8]}"

    def call(self, method: str, path: str, name: str, body: Any = None) -> dict[str, Any] | None:
        """One request; 2xx is a success, 429 a failure the gate excludes, anything else a
        failure. Returns the JSON body of a success."""
        with self.client.request(
            method, path, json=body, name=name, catch_response=True
        ) as response:
            if response.status_code == 429:
                response.failure("429 rate limited")
                return None
            if not 200 <= response.status_code < 300:
                response.failure(f"{response.status_code} {response.text[:120]}")
                return None
            try:
                data: dict[str, Any] = response.json()
            except ValueError:
                response.failure(f"{response.status_code} not JSON")
                return None
            response.success()
            return data


class ProcessUser(_IonUser):
    function = "process"
    weight = 6

    def on_start(self) -> None:
        self.session = f"s-{uuid.uuid4().hex[:10]}"
        self.turns = itertools.count(1)

    @task(10)
    def process(self) -> None:
        self.call("POST", "/v2/process", "POST /v2/process", {"message": message()})

    @task(3)
    def process_in_session(self) -> None:
        if next(self.turns) % 10 == 0:  # a fresh conversation now and then
            self.session = f"s-{uuid.uuid4().hex[:10]}"
        body = {"message": message(), "session_id": self.session, "user_id": self.user_id}
        self.call("POST", "/v2/process", "POST /v2/process (session)", body)

    @task(1)
    def chat_v1(self) -> None:
        body = {"message": message(), "user_id": self.user_id}
        self.call("POST", "/v1/chat", "POST /v1/chat", body)


class RecommendUser(_IonUser):
    function = "recommend"
    weight = 3

    @task(4)
    def recommend(self) -> None:
        self.call("POST", "/v2/recommend", "POST /v2/recommend", {"message": message()})

    @task(1)
    def personas(self) -> None:
        self.call("GET", "/v2/personas", "GET /v2/personas")

    @task(1)
    def persona(self) -> None:
        name = random.choice(PERSONAS)  # noqa: S311
        self.call("GET", f"/v2/personas/{name}", "GET /v2/personas/{name}")


class BulkUser(_IonUser):
    """Submits a job of a few messages and polls it (the bulk contract: POST /v2/bulk ->
    202 {job_id, total, status_url}; GET /v2/bulk/{job_id})."""

    function = "bulk"
    weight = 1
    wait_time = between(1.0, 3.0)

    @task
    def submit_and_poll(self) -> None:
        items = [
            {"id": f"i{n}", "message": message(), "user_id": self.user_id}
            for n in range(random.randint(2, 10))  # noqa: S311
        ]
        job = self.call("POST", "/v2/bulk", "POST /v2/bulk", {"items": items})
        if not job or "job_id" not in job:
            return
        for _ in range(3):
            status = self.call("GET", f"/v2/bulk/{job['job_id']}", "GET /v2/bulk/{job_id}")
            if not status or status.get("status") in {"done", "completed", "failed"}:
                return
            self.wait()
