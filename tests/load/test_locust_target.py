"""Where the load test sends its requests and which key it sends: the environment's key only
to the URL the environment names, never to a URL read from make dev's state file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = ROOT / "loadtest" / "locustfile.py"


def _target(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``_target("process")`` of the locustfile, in a process of its own: locust patches the
    standard library with gevent when it is imported, which pytest's process cannot take."""
    code = (
        "import importlib.util, json, sys\n"
        f"spec = importlib.util.spec_from_file_location('lf', {str(LOCUSTFILE)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "print(json.dumps(module._target('process')))\n"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("ION_")}
    return subprocess.run(  # our interpreter, our file
        [sys.executable, "-c", code],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _state(tmp_path: Path, mode: int) -> Path:
    path = tmp_path / "stack.json"
    state = {"urls": {"process": "http://127.0.0.1:18081"}, "api_key": "dev-stack-key"}
    path.write_text(json.dumps(state), encoding="utf-8")
    path.chmod(mode)
    return path


def test_the_environment_key_never_goes_to_the_state_files_url(tmp_path: Path) -> None:
    done = _target(
        {
            "ION_API_KEY": "a-real-deployment-key",
            "ION_LOAD_STATE_FILE": str(_state(tmp_path, 0o600)),
        }
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["http://127.0.0.1:18081", ["dev-stack-key"]]


def test_a_url_from_the_environment_gets_the_environment_key(tmp_path: Path) -> None:
    done = _target(
        {
            "ION_LOAD_PROCESS_URL": "http://127.0.0.1:9999/",
            "ION_API_KEY": "a-real-deployment-key",
            "ION_LOAD_STATE_FILE": str(_state(tmp_path, 0o600)),
        }
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["http://127.0.0.1:9999", ["a-real-deployment-key"]]


def test_a_state_file_others_may_read_is_refused(tmp_path: Path) -> None:
    done = _target({"ION_LOAD_STATE_FILE": str(_state(tmp_path, 0o644))})
    assert done.returncode != 0
    assert "chmod 600" in done.stderr


def test_several_keys_come_from_the_environment_or_the_state_files_load_keys(
    tmp_path: Path,
) -> None:
    named = _target(
        {
            "ION_LOAD_PROCESS_URL": "http://127.0.0.1:9999",
            "ION_LOAD_API_KEYS": "k1, k2,k3",
            "ION_API_KEY": "not-this-one",
        }
    )
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout) == ["http://127.0.0.1:9999", ["k1", "k2", "k3"]]
    path = _state(tmp_path, 0o600)
    state = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**state, "load_keys": ["l1", "l2"]}), encoding="utf-8")
    from_file = _target({"ION_LOAD_API_KEYS": "k1,k2", "ION_LOAD_STATE_FILE": str(path)})
    assert from_file.returncode == 0, from_file.stderr
    # The environment's keys never go to the state file's URL: its own load keys do.
    assert json.loads(from_file.stdout) == ["http://127.0.0.1:18081", ["l1", "l2"]]
