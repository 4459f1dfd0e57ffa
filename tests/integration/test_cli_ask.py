"""``ion ask`` against a tiny local HTTP server: what it sends, how it prints, how it fails.

The real stack is exercised by tests/e2e; here the server's answers are chosen by the test, so
every error path is reached on purpose. The command runs as a user runs it (a subprocess); which
URL and key it picks is covered without processes in tests/unit/test_cli_ask.py.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from core.cli import ask as _ask
from devtools.processes import free_port
from tests.helpers import one_error_line, run_ion

REPLY = {
    "request_id": "r-1",
    "persona": "nana",
    "resonance_key": "urgent-burst-problem_solving",
    "answer": "지금 할 수 있는 것부터 해 봐요. — 나나",
    "cache": {"hit": True, "tier": "l1"},
    "session": {"id": "s-1", "turn": 2},
}
UNAUTHENTICATED = {
    "error": {
        "code": "UNAUTHENTICATED",
        "message": "the X-API-Key header does not hold a valid API key",
    },
    "request_id": "r-2",
}


@dataclass
class FakeProcess:
    """Answers every POST with ``status`` and ``body``; remembers what it was sent."""

    url: str = ""
    status: int = 200
    body: bytes = json.dumps(REPLY).encode()
    received: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[FakeProcess]:
    fake = FakeProcess()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            fake.received.append(
                {
                    "path": self.path,
                    "key": self.headers.get("X-API-Key"),
                    "body": json.loads(self.rfile.read(length)),
                }
            )
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(fake.body)))
            self.end_headers()
            self.wfile.write(fake.body)

        def log_message(self, *args: Any) -> None:  # keep the test output quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield fake
    httpd.shutdown()
    httpd.server_close()


def ask(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_ion("ask", *args, cwd=cwd, env=env, drop_env=("ION_URL", "ION_API_KEY"))


def write_stack_file(folder: Path, url: str, key: str, mode: int = 0o600) -> Path:
    (folder / ".dev").mkdir()
    state = {"urls": {"process": url}, "api_key": key}
    path = folder / ".dev" / "stack.json"
    path.write_text(json.dumps(state), encoding="utf-8")
    path.chmod(mode)  # as make dev writes it, unless the test says otherwise
    return path


def test_a_stopped_server_says_the_stack_is_not_running(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    line = one_error_line(ask("hello", "--url", url, cwd=tmp_path))
    assert "the local stack is not running" in line
    assert "make dev" in line
    assert url in line


def test_a_401_prints_the_servers_code_and_message(server: FakeProcess, tmp_path: Path) -> None:
    server.status, server.body = 401, json.dumps(UNAUTHENTICATED).encode()
    line = one_error_line(ask("hello", "--url", server.url, "--api-key", "bad", cwd=tmp_path))
    assert "UNAUTHENTICATED (HTTP 401)" in line
    assert "does not hold a valid API key" in line


def test_an_error_that_is_not_an_envelope_still_fails_in_one_line(
    server: FakeProcess, tmp_path: Path
) -> None:
    server.status, server.body = 502, b"<html>bad gateway</html>"
    assert "HTTP 502" in one_error_line(ask("hello", "--url", server.url, cwd=tmp_path))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://",
        "127.0.0.1:8081",
        "http://[::1",
        "http://h:abc",
        "http://h:99999",
    ],
)
def test_a_url_that_is_not_http_is_refused(tmp_path: Path, url: str) -> None:
    line = one_error_line(ask("hello", "--url", url, cwd=tmp_path))
    assert f"URL {url!r} is not valid" in line


def test_prints_persona_key_tier_turn_and_answer(server: FakeProcess, tmp_path: Path) -> None:
    result = ask(
        "뭐부터 해야 하죠?",
        *("--session", "s-1", "--user", "u-1", "--persona", "NANA"),
        *("--url", server.url + "/", "--api-key", "k-1"),
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    header, _, answer = result.stdout.partition("\n\n")
    assert header == "Nana (나나) · urgent-burst-problem_solving · cache l1 · session s-1 turn 2"
    assert answer.strip() == REPLY["answer"]
    [sent] = server.received
    assert sent["path"] == "/v2/process"
    assert sent["key"] == "k-1"
    assert sent["body"] == {
        "message": "뭐부터 해야 하죠?",
        "session_id": "s-1",
        "user_id": "u-1",
        "persona": "nana",
    }


def test_a_reply_to_a_user_key_has_no_cache_tier_to_print(
    server: FakeProcess, tmp_path: Path
) -> None:
    server.body = json.dumps({k: v for k, v in REPLY.items() if k != "cache"}).encode()
    result = ask("hello", "--url", server.url, "--api-key", "user-key", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    header = result.stdout.partition("\n\n")[0]
    assert header == "Nana (나나) · urgent-burst-problem_solving · session s-1 turn 2"


def test_json_prints_the_whole_response(server: FakeProcess, tmp_path: Path) -> None:
    result = ask("hello", "--json", "--url", server.url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == REPLY


def test_url_and_key_come_from_the_stack_file(server: FakeProcess, tmp_path: Path) -> None:
    write_stack_file(tmp_path, server.url, "stack-key")
    assert ask("hello", cwd=tmp_path).returncode == 0
    assert server.received[-1]["key"] == "stack-key"


def test_the_environments_key_never_goes_to_the_stack_files_url(
    server: FakeProcess, tmp_path: Path
) -> None:
    write_stack_file(tmp_path, server.url, "stack-key")
    result = ask("hello", cwd=tmp_path, ION_API_KEY="env-key")
    assert result.returncode == 0, result.stderr
    assert [sent["key"] for sent in server.received] == ["stack-key"]


def test_a_stack_file_others_may_read_stops_before_sending(
    server: FakeProcess, tmp_path: Path
) -> None:
    path = write_stack_file(tmp_path, server.url, "stack-key", mode=0o644)
    line = one_error_line(ask("hello", cwd=tmp_path, ION_API_KEY="env-key"))
    assert f"chmod 600 {path}" in line
    assert "env-key" not in line
    assert "stack-key" not in line
    assert server.received == []


def test_the_environment_wins_over_the_stack_file(server: FakeProcess, tmp_path: Path) -> None:
    write_stack_file(tmp_path, f"http://127.0.0.1:{free_port()}", "stack-key")
    result = ask("hello", cwd=tmp_path, ION_URL=server.url, ION_API_KEY="env-key")
    assert result.returncode == 0, result.stderr
    assert server.received[-1]["key"] == "env-key"


def test_the_stack_key_is_not_sent_to_another_url(server: FakeProcess, tmp_path: Path) -> None:
    write_stack_file(tmp_path, f"http://127.0.0.1:{free_port()}", "stack-key")
    assert ask("hello", "--url", server.url, cwd=tmp_path).returncode == 0
    assert server.received[-1]["key"] is None


def test_a_stack_file_naming_a_server_that_is_not_loopback_stops_before_sending(
    server: FakeProcess, tmp_path: Path
) -> None:
    # 127.0.0.2 is this machine too, but not a name make dev writes: nothing may be sent there,
    # least of all the user's own key from the environment.
    elsewhere = server.url.replace("127.0.0.1", "127.0.0.2")
    write_stack_file(tmp_path, elsewhere, "stack-key")
    line = one_error_line(ask("hello", cwd=tmp_path, ION_API_KEY="env-key"))
    assert "is not loopback" in line
    assert str(tmp_path / ".dev" / "stack.json") in line
    assert server.received == []


def test_a_redirect_is_not_followed_and_the_key_stays_home() -> None:
    # The key must not travel to wherever a redirect points (urllib would copy every header).
    seen: list[str | None] = []

    class Elsewhere(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(self.headers.get("X-API-Key"))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    elsewhere = ThreadingHTTPServer(("127.0.0.1", free_port()), Elsewhere)

    class Redirects(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.1:{elsewhere.server_port}/v2/process")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    redirecting = ThreadingHTTPServer(("127.0.0.1", free_port()), Redirects)
    for server in (elsewhere, redirecting):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        target = _ask.Target(f"http://127.0.0.1:{redirecting.server_port}", "the-users-key")
        with pytest.raises(_ask.AskError, match="does not follow redirects"):
            _ask.post(target, "/v2/process", {"message": "hi"})
    finally:
        for server in (elsewhere, redirecting):
            server.shutdown()
            server.server_close()
    assert seen == []
