"""cloudbuild.yaml is a pipeline that can run: unique step ids, every waitFor names an earlier
step, every script and make target it calls exists, every substitution and secret it uses is
defined, and nothing is deployed before lint and the tests, nor gated before every smoke test."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import yaml

from tests.infra.conftest import ROOT, TERRAFORM


@pytest.fixture(scope="module")
def build() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "cloudbuild.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _text(step: dict[str, Any]) -> str:
    parts = [step.get("entrypoint", ""), *step.get("args", []), *step.get("env", [])]
    return "\n".join(str(p) for p in parts)


def _ancestors(steps: dict[str, dict[str, Any]], step_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(steps[step_id]["waitFor"])
    while todo:
        current = todo.pop()
        if current != "-" and current not in seen:
            seen.add(current)
            todo.extend(steps[current]["waitFor"])
    return seen


def test_steps_are_named_and_wait_only_for_earlier_steps(build: dict[str, Any]) -> None:
    ids = [step.get("id") for step in build["steps"]]
    assert all(ids), "every step has an id"
    assert len(set(ids)) == len(ids), "step ids are unique"
    for index, step in enumerate(build["steps"]):
        assert "waitFor" in step, f"{step['id']} says what it waits for"
        for needed in step["waitFor"]:
            assert needed == "-" or needed in ids[:index], f"{step['id']} waits for {needed}"


def test_every_script_and_make_target_exists(build: dict[str, Any]) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))
    for step in build["steps"]:
        text = _text(step)
        for script in re.findall(r"scripts/[\w./-]+\.(?:py|sh)", text):
            path = ROOT / script
            assert path.is_file(), f"{step['id']} calls {script}, which does not exist"
            if script.endswith(".sh"):
                assert os.access(path, os.X_OK), f"{script} is not executable"
        for words in re.findall(r"\bmake ((?:[a-z][a-z-]* ?)+)", text):
            for target in words.split():
                assert target in targets, f"{step['id']} runs make {target}: no such target"


def test_substitutions_and_secrets_are_defined(build: dict[str, Any]) -> None:
    defined = set(build["substitutions"])
    text = (ROOT / "cloudbuild.yaml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{(_[A-Z0-9_]+)\}", text))
    assert used <= defined, f"undefined substitutions: {used - defined}"
    assert defined <= used, f"unused substitutions: {defined - used}"
    secrets = {s["env"] for s in build["availableSecrets"]["secretManager"]}
    for step in build["steps"]:
        assert set(step.get("secretEnv", [])) <= secrets, step["id"]


def test_regions_are_substitutions_with_a_variable_file_each(build: dict[str, Any]) -> None:
    regions = {v for k, v in build["substitutions"].items() if k.startswith("_REGION_")}
    files = {p.stem for p in (TERRAFORM / "regional" / "regions").glob("*.tfvars")}
    assert regions == files


def test_nothing_deploys_before_the_checks_and_every_region_is_smoked(
    build: dict[str, Any],
) -> None:
    steps = {step["id"]: step for step in build["steps"]}
    applies = [i for i in steps if "deploy_region.sh" in _text(steps[i])]
    assert len(applies) == 3
    for step_id in applies:
        assert {"lint", "tests", "bundles", "upload"} <= _ancestors(steps, step_id)
    # Parallel: no apply waits for another.
    for step_id in applies:
        assert not set(applies) & _ancestors(steps, step_id)
    smokes = [i for i in steps if "scripts/smoke.py" in _text(steps[i])]
    for step_id in applies:
        region = steps[step_id]["args"][-1]
        assert any(step_id in steps[s]["waitFor"] and region in steps[s]["args"] for s in smokes), (
            f"no smoke test after {step_id}"
        )
    gate = steps["slo-gate"]
    assert set(smokes) <= _ancestors(steps, "slo-gate")
    assert "scripts/load.py" in _text(gate)
    assert "make test" in _text(steps["tests"])
