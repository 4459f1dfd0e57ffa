"""The artefact we deploy really runs: each built bundle is served by functions-framework from
its own folder, with only the distributions its requirements.txt pins importable, and answers.

The project's ``.venv`` has ``core`` installed in editable mode, which would hide a bundle
that forgot part of ``core``. So the bundle runs with ``python -S`` (no site-packages, no
``.pth`` files, hence no editable finder) and a PYTHONPATH holding only a tree of symlinks to the
files of the pinned distributions: ``core`` can only come from the bundle, and a distribution
missing from requirements.txt cannot be imported.
"""

from __future__ import annotations

import ast
import base64
import importlib.metadata
import importlib.util
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api.security import hash_key
from devtools.processes import HOST, end_group, free_port
from tests.infra.conftest import ROOT, load_script

build_bundles = load_script("build_bundles")
API_KEY = "bundle-test-key"
READY_TIMEOUT_S = 60.0


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("bundles")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_bundles.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_every_function_has_a_folder_and_a_content_hashed_zip(
    built: tuple[Path, dict[str, Any]],
) -> None:
    out, manifest = built
    assert set(manifest["functions"]) == {"process", "recommend", "bulk", "bulk_worker"}
    tfvars = json.loads((out / "bundles.tfvars.json").read_text(encoding="utf-8"))
    for name, entry in manifest["functions"].items():
        folder = out / name
        assert (folder / "main.py").read_bytes() == (
            ROOT / entry["source_folder"] / "main.py"
        ).read_bytes()
        assert (folder / "core" / "__init__.py").is_file()
        assert entry["zip"] == f"{name}-{entry['content_sha256'][:12]}.zip"
        assert entry["content_sha256"] == build_bundles.content_hash(folder)
        assert tfvars["bundle_objects"][name] == f"bundles/{entry['zip']}"
        with zipfile.ZipFile(out / entry["zip"]) as archive:
            names = set(archive.namelist())
        on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert names == on_disk
        assert not any("__pycache__" in n for n in names)


def test_requirements_pin_exactly_what_constraints_pin(built: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = built
    pins = build_bundles.read_constraints()
    for name, entry in manifest["functions"].items():
        lines = (out / name / "requirements.txt").read_text(encoding="utf-8").splitlines()
        listed = dict(line.split("==") for line in lines if line and not line.startswith("#"))
        assert listed == entry["requirements"]
        assert all(pins[dist] == version for dist, version in listed.items()), name
        assert "functions-framework" in listed
    # Only what each function needs: recommend keeps no sessions and writes no answers.
    assert "google-cloud-firestore" not in manifest["functions"]["recommend"]["requirements"]
    assert "google-genai" not in manifest["functions"]["recommend"]["requirements"]
    assert "google-genai" not in manifest["functions"]["bulk"]["requirements"]


def test_a_rebuild_gives_the_same_names_and_bytes(
    built: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    _, manifest = built
    again = build_bundles.build(tmp_path / "again")
    for name, entry in again.items():
        assert entry["zip"] == manifest["functions"][name]["zip"]
        assert entry["zip_sha256"] == manifest["functions"][name]["zip_sha256"]


# --- every third-party import a bundle can reach is covered by its requirements -------------


def _imports(path: Path, package: str) -> set[str]:
    """Absolute module names ``path`` imports, at any depth (lazy imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            # `from google.cloud import firestore` imports the submodule google.cloud.firestore
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _reachable_third_party(bundle: Path) -> set[str]:
    """Third-party modules imported by main.py and every core module it reaches."""
    found: set[str] = set()
    todo, done = [("main", bundle / "main.py")], set()
    while todo:
        module, path = todo.pop()
        if module in done:
            continue
        done.add(module)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for name in _imports(path, package):
            top = name.split(".")[0]
            if top == "core":
                target = bundle.joinpath(*name.split("."))
                for candidate in (target / "__init__.py", target.with_suffix(".py")):
                    if candidate.is_file():
                        todo.append((name, candidate))
            elif top not in sys.stdlib_module_names and top != "__future__":
                found.add(name)
    return found


def _distribution_of(module: str, files: dict[Path, str]) -> str | None:
    """The distribution that installs ``module``; None for what no distribution owns: an
    attribute (``from X import name``), a namespace package (its modules are checked), or a
    module built into the interpreter."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or spec.origin in ("built-in", "frozen"):
        return None
    return files.get(Path(spec.origin).resolve(), f"no distribution owns {spec.origin}")


def test_every_reachable_import_is_pinned_or_omitted_with_a_reason(
    built: tuple[Path, dict[str, Any]],
) -> None:
    out, manifest = built
    files = {
        Path(str(dist.locate_file(f))).resolve(): build_bundles.canonical(dist.metadata["Name"])
        for dist in importlib.metadata.distributions()
        for f in dist.files or ()
    }
    for name, bundle in build_bundles.BUNDLES.items():
        pinned = set(manifest["functions"][name]["requirements"])
        for module in sorted(_reachable_third_party(out / name)):
            owner = _distribution_of(module, files)
            if owner is None:
                continue  # `from X import attribute`: X itself is checked
            omitted = [m for m in bundle.omits if module == m or module.startswith(m + ".")]
            if omitted:
                assert owner not in pinned, f"{name}: {module} is omitted but pinned"
                assert bundle.omits[omitted[0]].strip(), f"{name}: omitting {module} needs a reason"
            else:
                assert owner in pinned, f"{name} can import {module} ({owner}): not pinned"


# --- the built bundle, served the way Cloud Functions serves it ------------------------------


def _isolated_site(requirements: dict[str, str], target: Path) -> Path:
    """A folder of symlinks to the files of exactly these distributions."""
    for dist_name in requirements:
        dist = importlib.metadata.distribution(dist_name)
        for relative in dist.files or ():
            if ".." in relative.parts or relative.suffix == ".pyc":
                continue
            link = target / relative
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.exists():
                link.symlink_to(Path(str(dist.locate_file(relative))).resolve())
    return target


def _env(site: Path, home: Path) -> dict[str, str]:
    # Nothing inherited: no FIRESTORE_EMULATOR_HOST, credentials or PYTHON* from the shell.
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "PYTHONPATH": str(site),
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "GOOGLE_CLOUD_PROJECT": "ion-local",
        "ION_API_KEYS": f"bundle:{hash_key(API_KEY)}:admin",
    }


def _python(code: str, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _request(url: str, body: dict[str, Any] | None = None, **headers: str) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        text, status = error.read().decode(), error.code
    return status, json.loads(text) if text.strip().startswith(("{", "[")) else text


@pytest.fixture
def serve(built: tuple[Path, dict[str, Any]], tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Start a built bundle isolated from the repository; its URL once it answers HTTP."""
    started: list[subprocess.Popen[bytes]] = []

    def start(name: str) -> str:
        out, manifest = built
        entry = manifest["functions"][name]
        bundle = out / name
        env = _env(_isolated_site(entry["requirements"], tmp_path / "site"), tmp_path)
        where = _python("import core; print(core.__file__)", bundle, env)
        assert Path(where).resolve().is_relative_to(bundle.resolve()), where
        for module in build_bundles.BUNDLES[name].omits:
            found = _python(
                f"import importlib.util as u; print(u.find_spec({module!r}))", bundle, env
            )
            assert found == "None", f"{module} is importable in the {name} bundle"
        port = free_port()
        process = subprocess.Popen(
            [
                sys.executable,
                *("-S", "-c", "import sys; from functions_framework._cli import _cli; _cli()"),
                *("--target", name, "--source", "main.py", "--host", HOST, "--port", str(port)),
                *("--signature-type", entry["signature_type"]),
            ],
            cwd=bundle,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        started.append(process)
        url = f"http://{HOST}:{port}"
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not _answers(url + ("/healthz" if entry["signature_type"] == "http" else "/")):
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"{name} exited with {process.returncode}:\n{output}")
            assert time.monotonic() < deadline, f"{name} did not serve within {READY_TIMEOUT_S}s"
            time.sleep(0.2)
        return url

    yield start
    for process in started:
        end_group(process, signal.SIGTERM, 10.0)
        if process.stdout:
            process.stdout.close()


def _answers(url: str) -> bool:
    """Does anything answer HTTP at ``url`` (any status: a CloudEvent function refuses a GET)?"""
    try:
        urllib.request.urlopen(url, timeout=1).close()
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def test_process_bundle_answers_a_message(serve: Callable[[str], str]) -> None:
    url = serve("process")
    status, body = _request(
        url + "/v2/process",
        {"message": "How do I get better at code review?"},
        **{"X-API-Key": API_KEY},
    )
    assert status == 200, body
    assert body["persona"] in {"lua", "elro", "riri", "nana"}
    assert body["answer"]
    assert _request(url + "/v2/process", {"message": "hi"})[0] == 401


def test_the_smoke_test_passes_on_a_good_deployment_and_fails_on_a_bad_key(
    serve: Callable[[str], str],
) -> None:
    url = serve("process")
    smoke = [sys.executable, str(ROOT / "scripts" / "smoke.py"), "--base-url", url]
    smoke += ["--checks", "healthz,process", "--attempts", "1"]
    env = {"PATH": "/usr/bin:/bin", "ION_API_KEY": API_KEY}
    good = subprocess.run(smoke, env=env, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stderr
    assert "smoke: process ok" in good.stdout
    env["ION_API_KEY"] = "not-a-key"
    bad = subprocess.run(smoke, env=env, capture_output=True, text=True, check=False, timeout=60)
    assert bad.returncode == 1
    assert "HTTP 401" in bad.stderr


def test_recommend_bundle_ranks_personas(serve: Callable[[str], str]) -> None:
    url = serve("recommend")
    status, body = _request(
        url + "/v2/recommend", {"message": "요즘 너무 지쳐요"}, **{"X-API-Key": API_KEY}
    )
    assert status == 200, body
    assert len(body["ranking"]) == 4
    status, body = _request(url + "/v2/personas/riri", **{"X-API-Key": API_KEY})
    assert status == 200, body


def test_bulk_bundle_serves_its_health_check(serve: Callable[[str], str]) -> None:
    url = serve("bulk")
    status, body = _request(url + "/healthz")
    assert status == 200, body
    assert _request(url + "/v2/openapi.json")[0] == 200


def test_bulk_worker_bundle_acknowledges_a_pubsub_push(serve: Callable[[str], str]) -> None:
    url = serve("bulk_worker")
    data = base64.b64encode(json.dumps({"job_id": "j1"}).encode()).decode()
    push = {
        "message": {"data": data, "messageId": "m-1", "attributes": {"job_id": "j1"}},
        "subscription": "projects/ion-local/subscriptions/ion-bulk-worker",
    }
    status, _ = _request(url + "/", push)
    assert status == 200
