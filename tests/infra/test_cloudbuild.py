"""The two Cloud Build pipelines can run and keep their privileges apart.

cloudbuild.yaml (check and build, as ion-ci) and cloudbuild-deploy.yaml (deploy and prove, as
ion-deployer): unique step ids, every waitFor names an earlier step, every script and make
target exists, every substitution and secret is defined; CI deploys nothing and holds no
secret, the deploy build deploys only a release CI published and runs no test; each runs as
its own account, which Terraform makes with the roles its steps need; every image is pinned by
digest and every Python package is installed from a hash-locked file that agrees with the
project's pins; and the smoke/load key is refused unless its role is `user`."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.infra.conftest import ROOT, TERRAFORM
from tests.infra.hcl import Stack

FILES = ("cloudbuild.yaml", "cloudbuild-deploy.yaml")
DIGEST = re.compile(r"^[^\s@]+@sha256:[0-9a-f]{64}$")
LOCKS = {
    "requirements-lock.txt": "constraints.txt",
    "requirements-checkov-lock.txt": "constraints-checkov.txt",
}


def _read(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def ci() -> dict[str, Any]:
    return _read("cloudbuild.yaml")


@pytest.fixture(scope="module")
def deploy() -> dict[str, Any]:
    return _read("cloudbuild-deploy.yaml")


@pytest.fixture(scope="module")
def edge() -> Stack:
    return Stack.read(TERRAFORM / "global")


def _text(step: dict[str, Any]) -> str:
    parts = [step.get("entrypoint", ""), *step.get("args", []), *step.get("env", [])]
    return "\n".join(str(p) for p in parts)


def _steps(build: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step["id"]: step for step in build["steps"]}


def _ancestors(steps: dict[str, dict[str, Any]], step_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(steps[step_id]["waitFor"])
    while todo:
        current = todo.pop()
        if current != "-" and current not in seen:
            seen.add(current)
            todo.extend(steps[current]["waitFor"])
    return seen


# --- both builds ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_steps_are_named_and_wait_only_for_earlier_steps(name: str) -> None:
    build = _read(name)
    ids = [step.get("id") for step in build["steps"]]
    assert all(ids), "every step has an id"
    assert len(set(ids)) == len(ids), "step ids are unique"
    for index, step in enumerate(build["steps"]):
        assert "waitFor" in step, f"{step['id']} says what it waits for"
        for needed in step["waitFor"]:
            assert needed == "-" or needed in ids[:index], f"{step['id']} waits for {needed}"


@pytest.mark.parametrize("name", FILES)
def test_every_script_and_make_target_exists(name: str) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))
    for step in _read(name)["steps"]:
        text = _text(step)
        for script in re.findall(r"scripts/[\w./-]+\.(?:py|sh)", text):
            path = ROOT / script
            assert path.is_file(), f"{step['id']} calls {script}, which does not exist"
            if script.endswith(".sh"):
                assert os.access(path, os.X_OK), f"{script} is not executable"
        for words in re.findall(r"\bmake ((?:[a-z][a-z-]* ?)+)", text):
            for target in words.split():
                assert target in targets, f"{step['id']} runs make {target}: no such target"
        for lock in re.findall(r"-r ([\w.-]+)", text):
            assert (ROOT / lock).is_file(), f"{step['id']} installs from {lock}: missing"


@pytest.mark.parametrize("name", FILES)
def test_substitutions_and_secrets_are_defined(name: str) -> None:
    build = _read(name)
    defined = set(build["substitutions"])
    text = (ROOT / name).read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{(_[A-Z0-9_]+)\}", text))
    assert used <= defined, f"undefined substitutions: {used - defined}"
    assert defined <= used, f"unused substitutions: {defined - used}"
    secrets = {s["env"] for s in build.get("availableSecrets", {}).get("secretManager", [])}
    for step in build["steps"]:
        assert set(step.get("secretEnv", [])) <= secrets, step["id"]
    # A user-managed service account needs its logs to go somewhere without a logs bucket.
    assert build["options"]["logging"] == "CLOUD_LOGGING_ONLY"


@pytest.mark.parametrize("name", FILES)
def test_every_image_is_pinned_by_digest(name: str) -> None:
    build = _read(name)
    for step in build["steps"]:
        image = step["name"]
        if reference := re.fullmatch(r"\$\{(_[A-Z0-9_]+)\}", image):
            image = build["substitutions"][reference[1]]
        assert DIGEST.match(image), f"{step['id']} runs {image}, not pinned by digest"


def test_both_builds_run_the_same_images(ci: dict[str, Any], deploy: dict[str, Any]) -> None:
    for key in ("_TERRAFORM_IMAGE", "_SDK_IMAGE"):
        assert ci["substitutions"][key] == deploy["substitutions"][key], key


@pytest.mark.parametrize("name", FILES)
def test_python_packages_are_installed_only_from_hash_locked_files(name: str) -> None:
    for step in _read(name)["steps"]:
        text = _text(step)
        assert "make setup" not in text, f"{step['id']}: make setup installs without hashes"
        for line in text.splitlines():
            if "pip install" not in line:
                continue
            if " -e ." in line:  # the project itself: nothing fetched
                assert "--no-deps --no-build-isolation" in line, f"{step['id']}: {line}"
                continue
            assert "--require-hashes" in line, f"{step['id']}: {line}"
            assert "--only-binary=:all:" in line, f"{step['id']}: {line}"
            assert re.search(r"-r requirements(-checkov)?-lock\.txt", line), f"{step['id']}: {line}"


def _requirements(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of a requirements file (continuation lines joined)."""
    joined = path.read_text(encoding="utf-8").replace("\\\n", " ")
    found: dict[str, tuple[str, list[str]]] = {}
    for line in joined.splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line.strip())
        if match:
            name = re.sub(r"[-_.]+", "-", match[1]).lower()
            found[name] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", line))
    return found


@pytest.mark.parametrize(("lock", "pins"), sorted(LOCKS.items()))
def test_the_locks_hash_every_package_and_agree_with_the_pins(lock: str, pins: str) -> None:
    locked = _requirements(ROOT / lock)
    pinned = _requirements(ROOT / pins)
    assert pinned
    for name, (_, hashes) in locked.items():
        assert hashes, f"{lock}: {name} has no hash"
    for name, (version, _) in pinned.items():
        assert name in locked, f"{lock} lacks {name} ({pins}): regenerate it"
        assert locked[name][0] == version, f"{lock}: {name} {locked[name][0]}, {pins}: {version}"


# --- CI: check and build --------------------------------------------------------------------


def test_ci_checks_builds_and_releases_but_deploys_nothing(ci: dict[str, Any]) -> None:
    steps = _steps(ci)
    assert "make test" in _text(steps["tests"])
    assert "make lint" in _text(steps["lint"])
    assert {"lint", "tests", "bundles", "upload"} <= _ancestors(steps, "release")
    release = _text(steps["release"])
    assert "gs://${_SOURCE_BUCKET}/releases/${_RELEASE}/" in release
    assert "bundles.tfvars.json" in release
    assert "manifest.json" in release
    assert "--no-clobber" in release
    assert "--no-clobber" in _text(steps["upload"])
    for step_id, step in steps.items():
        text = _text(step)
        for deploying in ("deploy_region.sh", "terraform apply", "smoke.py", "load.py"):
            assert deploying not in text, f"{step_id} runs {deploying} in the CI build"
        assert not step.get("secretEnv"), f"{step_id} holds a secret in the CI build"
    assert "availableSecrets" not in ci


# --- deploy: apply, smoke, gate -------------------------------------------------------------


def test_regions_are_substitutions_with_a_variable_file_each(deploy: dict[str, Any]) -> None:
    regions = {v for k, v in deploy["substitutions"].items() if k.startswith("_REGION_")}
    files = {p.stem for p in (TERRAFORM / "regional" / "regions").glob("*.tfvars")}
    assert regions == files


def test_nothing_deploys_before_ci_released_it_and_every_region_is_smoked(
    ci: dict[str, Any], deploy: dict[str, Any]
) -> None:
    steps = _steps(deploy)
    # The deploy build waits for the very release the CI build writes last.
    wait = _text(steps["wait-for-release"])
    assert "release=gs://${_SOURCE_BUCKET}/releases/${_RELEASE}" in wait
    assert "bundles.tfvars.json" in wait
    assert "build/bundles/" in wait
    assert ci["substitutions"]["_RELEASE"] == deploy["substitutions"]["_RELEASE"] == "${COMMIT_SHA}"
    applies = [i for i in steps if "deploy_region.sh" in _text(steps[i])]
    assert len(applies) == 3
    for step_id in applies:
        assert "wait-for-release" in _ancestors(steps, step_id)
        assert not set(applies) & _ancestors(steps, step_id), "applies run in parallel"
    smokes = [i for i in steps if "scripts/smoke.py" in _text(steps[i])]
    for step_id in applies:
        region = steps[step_id]["args"][-1]
        assert any(step_id in steps[s]["waitFor"] and region in steps[s]["args"] for s in smokes), (
            f"no smoke test after {step_id}"
        )
    assert set(smokes) <= _ancestors(steps, "slo-gate")
    assert "scripts/load.py" in _text(steps["slo-gate"])
    # No test, lint or dev tool runs with deploy privileges.
    for step_id, step in steps.items():
        assert "make " not in _text(step), f"{step_id} runs make in the deploy build"


def test_each_build_runs_as_its_own_account_with_only_what_it_needs(
    ci: dict[str, Any], deploy: dict[str, Any], edge: Stack
) -> None:
    accounts = {
        "ci": edge.resource("google_service_account", "ci")["account_id"],
        "deployer": edge.resource("google_service_account", "deployer")["account_id"],
    }
    assert accounts == {"ci": "ion-ci", "deployer": "ion-deployer"}
    for build, account in ((ci, "ion-ci"), (deploy, "ion-deployer")):
        assert build["serviceAccount"] == (
            f"projects/${{PROJECT_ID}}/serviceAccounts/{account}@${{PROJECT_ID}}.iam.gserviceaccount.com"
        )
    # CI: build logs, and new objects in the bundle bucket; nothing else anywhere.
    members = {
        (type_, name): body
        for (type_, name), body in edge.resources.items()
        if "google_service_account.ci." in str(body.get("member", ""))
    }
    assert set(members) == {
        ("google_project_iam_member", "ci_logs"),
        ("google_storage_bucket_iam_member", "ci_uploads"),
    }
    assert members[("google_project_iam_member", "ci_logs")]["role"] == "roles/logging.logWriter"
    uploads = members[("google_storage_bucket_iam_member", "ci_uploads")]
    assert uploads["bucket"] == "${google_storage_bucket.sources.name}"
    assert "objectAdmin" not in str(uploads)
    assert "storage.admin" not in str(uploads)
    # The deployer: no owner or editor, and it may grant only what the regional stack grants.
    deployer_roles = set(edge.locals["deployer_roles"])
    assert not deployer_roles & {"roles/owner", "roles/editor"}
    assert all(role.startswith("roles/") for role in deployer_roles)
    grants = edge.resource("google_project_iam_member", "deployer_grants")
    assert grants["role"] == "roles/resourcemanager.projectIamAdmin"
    assert "modifiedGrantsByRole" in grants["condition"][0]["expression"]
    assert "hasOnly" in grants["condition"][0]["expression"]
    regional = Stack.read(TERRAFORM / "regional")
    granted = set(re.findall(r"roles/[\w.]+", str(regional.locals["function_roles"])))
    granted |= {regional.resource("google_project_iam_member", "build")["role"]}
    assert set(edge.locals["deployer_grantable_roles"]) == granted


def _role_check(deploy: dict[str, Any]) -> str:
    step = _steps(deploy)["smoke-key-is-user"]
    assert step["entrypoint"] == "python3"
    assert set(step["secretEnv"]) == {"ION_API_KEY", "ION_API_KEYS"}
    return str(step["args"][1])


@pytest.mark.parametrize(
    ("role", "passes"),
    [("user", True), ("admin", False), (None, False)],
    ids=["user", "admin", "missing"],
)
def test_the_smoke_and_load_key_must_have_role_user(
    deploy: dict[str, Any], role: str | None, passes: bool
) -> None:
    key = "smoke-key-for-the-test"
    digest = hashlib.sha256(key.encode()).hexdigest()
    entries = ["ops:" + "a" * 64 + ":admin"]
    if role is not None:
        entries.append(f"smoke:{digest}:{role}")
    result = subprocess.run(
        [sys.executable, "-c", _role_check(deploy)],
        env={"ION_API_KEY": key + "\n", "ION_API_KEYS": ",".join(entries) + "\n"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert (result.returncode == 0) is passes, result.stderr
    # Every step that sends the key comes after the check.
    steps = _steps(deploy)
    for step_id, step in steps.items():
        if "ION_API_KEY" in step.get("secretEnv", []) and step_id != "smoke-key-is-user":
            assert "smoke-key-is-user" in _ancestors(steps, step_id), step_id
