"""Where ``ion ask`` sends a message and which key goes with it, without a network.

A stack file can be left in any folder, so a URL read from one is trusted only on loopback: no
key (the user's own, or the file's) may reach a server that such a file chose. The command run
as a subprocess against a local server is in tests/integration/test_cli_ask.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import _ask
from core._ask import AskError, Target, resolve

LOCAL = "http://127.0.0.1:8081"
REMOTE = "https://ion.example.com"


@pytest.fixture(autouse=True)
def no_stack_file_in_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's own .dev/stack.json (a running make dev) must not leak into a test."""
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.setattr(_ask, "REPO", repo)
    return repo


@pytest.fixture
def cwd(tmp_path: Path) -> Path:
    folder = tmp_path / "cwd"
    folder.mkdir()
    return folder


def stack_file(folder: Path, url: str, key: str | None = "stack-key") -> Path:
    (folder / ".dev").mkdir()
    path = folder / ".dev" / "stack.json"
    path.write_text(json.dumps({"urls": {"process": url}, "api_key": key}), encoding="utf-8")
    return path


def test_without_anything_the_default_url_gets_the_environment_key(cwd: Path) -> None:
    assert resolve(None, None, {}, cwd) == Target(_ask.DEFAULT_URL, None)
    assert resolve(None, None, {"ION_API_KEY": "k"}, cwd) == Target(_ask.DEFAULT_URL, "k")


def test_the_users_key_goes_to_the_users_url_wherever_it_is(cwd: Path) -> None:
    stack_file(cwd, LOCAL)
    env = {"ION_URL": REMOTE, "ION_API_KEY": "env-key"}
    assert resolve(None, None, env, cwd) == Target(REMOTE, "env-key")
    assert resolve(REMOTE + "/", "option-key", {}, cwd) == Target(REMOTE, "option-key")


@pytest.mark.parametrize("url", [LOCAL, "http://localhost:9081/", "http://[::1]:8081"])
def test_a_loopback_stack_file_gives_its_url_and_its_key(cwd: Path, url: str) -> None:
    stack_file(cwd, url)
    assert resolve(None, None, {}, cwd) == Target(url.rstrip("/"), "stack-key")
    # The user's key may go to it too: it is this machine.
    assert resolve(None, None, {"ION_API_KEY": "env-key"}, cwd) == Target(
        url.rstrip("/"), "env-key"
    )


@pytest.mark.parametrize(
    "url",
    [
        REMOTE,
        "http://ion.example.com:8081",
        "https://127.0.0.1:8081",  # loopback, but not the plain HTTP make dev serves
        "http://127.0.0.1@ion.example.com:8081",  # user info, then another host
        "http://localhost.ion.example.com:8081",
        "http://127.0.0.2:8081",
        "http://10.0.0.1:8081",
    ],
)
@pytest.mark.parametrize("env", [{"ION_API_KEY": "env-key"}, {}], ids=["env-key", "no-env-key"])
def test_a_stack_file_naming_another_server_is_refused(
    cwd: Path, url: str, env: dict[str, str]
) -> None:
    path = stack_file(cwd, url)
    with pytest.raises(AskError) as raised:
        resolve(None, None, env, cwd)
    message = str(raised.value)
    assert str(path) in message
    assert "not loopback" in message
    assert "--url" in message
    assert "env-key" not in message
    assert "stack-key" not in message


def test_a_stack_file_in_the_repository_is_held_to_the_same_rule(
    cwd: Path, no_stack_file_in_the_repository: Path
) -> None:
    stack_file(no_stack_file_in_the_repository, REMOTE)
    with pytest.raises(AskError, match="not loopback"):
        resolve(None, "option-key", {}, cwd)


def test_the_stack_key_goes_only_to_the_stack_url(cwd: Path) -> None:
    stack_file(cwd, LOCAL)
    assert resolve("http://127.0.0.1:9999", None, {}, cwd) == Target("http://127.0.0.1:9999", None)
    assert resolve(None, None, {"ION_URL": REMOTE}, cwd) == Target(REMOTE, None)
    # Naming the stack's URL yourself is the same as taking it from the file.
    assert resolve(LOCAL + "/", None, {}, cwd) == Target(LOCAL, "stack-key")


def test_the_stack_key_never_leaves_loopback_even_to_its_own_url(cwd: Path) -> None:
    stack_file(cwd, REMOTE)
    # The user chose the URL (so it is used), but the file's key does not go with it.
    assert resolve(REMOTE, None, {}, cwd) == Target(REMOTE, None)


@pytest.mark.parametrize(
    "state",
    [{"urls": {"process": 8081}, "api_key": "k"}, {"urls": [LOCAL]}, {"api_key": 5}, ["x"]],
)
def test_a_stack_file_of_the_wrong_shape_names_no_url(cwd: Path, state: object) -> None:
    (cwd / ".dev").mkdir()
    (cwd / ".dev" / "stack.json").write_text(json.dumps(state), encoding="utf-8")
    assert resolve(None, None, {}, cwd).url == _ask.DEFAULT_URL
