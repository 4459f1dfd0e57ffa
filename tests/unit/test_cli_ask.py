"""Where ``ion ask`` sends a message and which key goes with it, without a network.

A stack file can be left in any folder, so it is read only when it is the user's own and
private, and a URL read from one is trusted only on loopback: the user's ``ION_API_KEY`` never
goes to a URL the user did not name, and the file's key only to the file's own URL. The command
run as a subprocess against a local server is in tests/integration/test_cli_ask.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.cli import ask as _ask
from core.cli.ask import AskError, Target, resolve

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


def stack_file(
    folder: Path, url: str, key: str | None = "stack-key", mode: int = 0o600, state: object = None
) -> Path:
    (folder / ".dev").mkdir()
    path = folder / ".dev" / "stack.json"
    state = state if state is not None else {"urls": {"process": url}, "api_key": key}
    path.write_text(json.dumps(state), encoding="utf-8")
    path.chmod(mode)
    return path


def test_without_anything_the_default_url_gets_only_an_explicit_key(cwd: Path) -> None:
    assert resolve(None, None, {}, cwd) == Target(_ask.DEFAULT_URL, None)
    # No stack file: whatever listens on the default port is not make dev's.
    assert resolve(None, None, {"ION_API_KEY": "k"}, cwd) == Target(_ask.DEFAULT_URL, None)
    assert resolve(None, "option-key", {"ION_API_KEY": "k"}, cwd) == Target(
        _ask.DEFAULT_URL, "option-key"
    )


def test_the_users_key_goes_to_the_users_url_wherever_it_is(cwd: Path) -> None:
    stack_file(cwd, LOCAL)
    env = {"ION_URL": REMOTE, "ION_API_KEY": "env-key"}
    assert resolve(None, None, env, cwd) == Target(REMOTE, "env-key")
    assert resolve(REMOTE + "/", "option-key", {}, cwd) == Target(REMOTE, "option-key")


@pytest.mark.parametrize("url", [LOCAL, "http://localhost:9081/", "http://[::1]:8081"])
def test_a_loopback_stack_file_gives_its_url_and_its_key(cwd: Path, url: str) -> None:
    stack_file(cwd, url)
    assert resolve(None, None, {}, cwd) == Target(url.rstrip("/"), "stack-key")
    # The environment's key never goes to a URL the file chose: the file's key does.
    assert resolve(None, None, {"ION_API_KEY": "env-key"}, cwd) == Target(
        url.rstrip("/"), "stack-key"
    )
    # A key typed for this command goes where the command goes.
    assert resolve(None, "option-key", {"ION_API_KEY": "env-key"}, cwd) == Target(
        url.rstrip("/"), "option-key"
    )


def test_a_stack_file_without_a_key_gets_no_key_not_the_environments(cwd: Path) -> None:
    stack_file(cwd, LOCAL, key=None)
    assert resolve(None, None, {"ION_API_KEY": "env-key"}, cwd) == Target(LOCAL, None)


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
    stack_file(cwd, LOCAL, state=state)
    assert resolve(None, None, {}, cwd).url == _ask.DEFAULT_URL


# --- whose stack file ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o602, 0o666, 0o660])
@pytest.mark.parametrize("env", [{"ION_API_KEY": "env-key"}, {}], ids=["env-key", "no-env-key"])
def test_a_stack_file_others_may_read_or_write_is_refused_with_the_fix(
    cwd: Path, mode: int, env: dict[str, str]
) -> None:
    path = stack_file(cwd, LOCAL, mode=mode)
    with pytest.raises(AskError) as raised:
        resolve(None, None, env, cwd)
    message = str(raised.value)
    assert str(path) in message
    assert f"mode {mode:03o}" in message
    assert f"chmod 600 {path}" in message
    assert "stack-key" not in message
    # Looked at too when a URL is named without a key (the file's key might go with it).
    with pytest.raises(AskError, match="chmod 600"):
        resolve(LOCAL, None, {}, cwd)


@pytest.mark.parametrize("mode", [0o600, 0o400, 0o700])
def test_a_private_stack_file_is_used(cwd: Path, mode: int) -> None:
    stack_file(cwd, LOCAL, mode=mode)
    assert resolve(None, None, {}, cwd) == Target(LOCAL, "stack-key")


def test_a_named_url_with_a_key_does_not_read_the_stack_file(cwd: Path) -> None:
    # Someone else's file in a shared folder must not stop a user who needs nothing from it.
    stack_file(cwd, LOCAL, mode=0o666)
    assert resolve(REMOTE, "option-key", {}, cwd) == Target(REMOTE, "option-key")
    assert resolve(None, None, {"ION_URL": REMOTE, "ION_API_KEY": "k"}, cwd) == Target(REMOTE, "k")


def test_a_stack_file_of_another_user_is_refused(
    cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Changing a file's owner needs root; instead the current user becomes someone else.
    path = stack_file(cwd, LOCAL)
    monkeypatch.setattr(os, "getuid", lambda: path.stat().st_uid + 1)
    with pytest.raises(AskError) as raised:
        resolve(None, None, {"ION_API_KEY": "env-key"}, cwd)
    message = str(raised.value)
    assert str(path) in message
    assert "belongs to another user" in message
    assert "--url" in message


def test_a_link_to_a_file_others_may_read_is_refused(cwd: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared.json"
    shared.write_text(json.dumps({"urls": {"process": LOCAL}, "api_key": "k"}), encoding="utf-8")
    shared.chmod(0o644)
    (cwd / ".dev").mkdir()
    (cwd / ".dev" / "stack.json").symlink_to(shared)
    with pytest.raises(AskError, match="mode 644"):
        resolve(None, None, {}, cwd)


def test_a_stack_path_that_is_not_a_file_is_refused(cwd: Path) -> None:
    (cwd / ".dev" / "stack.json").mkdir(parents=True)
    with pytest.raises(AskError, match=r"stack\.json"):
        resolve(None, None, {}, cwd)


def test_a_fifo_in_its_place_is_refused_without_waiting(cwd: Path) -> None:
    (cwd / ".dev").mkdir()
    os.mkfifo(cwd / ".dev" / "stack.json", 0o600)
    with pytest.raises(AskError, match="not a regular file"):
        resolve(None, None, {}, cwd)


def test_an_unreadable_stack_file_is_named(cwd: Path) -> None:
    # A link to itself: no one can open it, root included (a mode of 000 would not stop root).
    (cwd / ".dev").mkdir()
    path = cwd / ".dev" / "stack.json"
    path.symlink_to(path.name)
    with pytest.raises(AskError, match=f"cannot read the stack file {path}"):
        resolve(None, None, {}, cwd)
