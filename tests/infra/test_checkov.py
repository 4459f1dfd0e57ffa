"""checkov over infra/terraform: no failed check, and every skip is written next to the resource
with its reason (``# checkov:skip=CKV_ID: reason``) and really suppresses a check.

checkov runs from its own virtualenv (``make setup``; constraints-checkov.txt says why), offline:
no platform API key, no policy download, no package scan.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.infra.conftest import ROOT, TERRAFORM

CHECKOV = ROOT / ".venv-tools" / "checkov" / "bin" / "checkov"
SKIP = re.compile(r"#\s*checkov:skip=(?P<id>CKV2?_[A-Z]+_\d+)(?::(?P<reason>.*))?")
TIMEOUT_S = 300


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    assert CHECKOV.is_file(), f"{CHECKOV} is missing: run make setup"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BC_", "CKV_", "PRISMA_"))}
    env |= {
        "BC_SKIP_MAPPING": "TRUE",  # no download of the platform's check mapping
        "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false",
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(
        [str(CHECKOV), "-d", str(TERRAFORM), "--framework", "terraform", "-o", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert result.stdout.strip(), result.stderr
    parsed = json.loads(result.stdout)
    return parsed if isinstance(parsed, dict) else parsed[0]  # type: ignore[no-any-return]


def _written_skips() -> list[tuple[Path, str, str]]:
    skips = []
    for path in sorted(TERRAFORM.rglob("*.tf")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := SKIP.search(line):
                skips.append((path, match["id"], (match["reason"] or "").strip()))
    return skips


def test_checkov_finds_no_failed_check(report: dict[str, Any]) -> None:
    summary = report["summary"]
    failed = [
        f"{c['check_id']} {c['resource']} ({c['file_path']}): {c['check_name']}"
        for c in report["results"]["failed_checks"]
    ]
    assert summary["failed"] == 0, "\n".join(failed)
    assert summary["parsing_errors"] == 0
    assert summary["passed"] >= 20, "checkov checked almost nothing: did it parse the files?"


def test_every_skip_has_a_reason_and_suppresses_a_real_check(report: dict[str, Any]) -> None:
    written = _written_skips()
    for path, check, reason in written:
        assert len(reason) >= 20, f"{path.name}: skip of {check} needs a written reason"
    skipped = sorted(c["check_id"] for c in report["results"].get("skipped_checks", []))
    assert skipped == sorted(check for _, check, _ in written), (
        "a skip comment that suppresses nothing (or a skip not written in the HCL)"
    )


def test_checkov_sees_the_security_settings(report: dict[str, Any]) -> None:
    passed = {c["check_id"] for c in report["results"]["passed_checks"]}
    # Log4j rule in Cloud Armor, Redis AUTH and in-transit encryption, TLS 1.2 minimum.
    assert {"CKV_GCP_73", "CKV_GCP_95", "CKV_GCP_97"} <= passed
