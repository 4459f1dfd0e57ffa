"""Smoke test of a deployment: what Cloud Build runs after each region's terraform apply.

    python3 scripts/smoke.py --base-url https://api.example.com [--region us-central1
        --project P --manifest build/bundles/manifest.json] [--checks healthz,process,recommend]

With ``--region``, first asks gcloud that each of the four functions is ACTIVE in that region
and runs the bundle this build made (its object name is in the manifest). Then, through
``--base-url`` (the load balancer), ``GET /healthz`` and, with ``ION_API_KEY`` set, a real
``POST /v2/process`` and ``POST /v2/recommend``. Exits 1 naming the first thing that is wrong.
Standard library only: it runs in the Cloud SDK image without the project's virtualenv.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

FUNCTION_NAMES = {
    "process": "ion-process",
    "recommend": "ion-recommend",
    "bulk": "ion-bulk",
    "bulk_worker": "ion-bulk-worker",
}
CHECKS = ("healthz", "process", "recommend")


class SmokeFailed(RuntimeError):
    """The deployment does not do what it should."""


def check_region(region: str, project: str, manifest: Path) -> None:
    built = json.loads(manifest.read_text(encoding="utf-8"))["functions"]
    for entry_point, name in FUNCTION_NAMES.items():
        result = subprocess.run(
            [
                *("gcloud", "functions", "describe", name, "--gen2"),
                *("--region", region, "--project", project, "--format", "json"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise SmokeFailed(f"{name} in {region}: {result.stderr.strip()}")
        function = json.loads(result.stdout)
        if function.get("state") != "ACTIVE":
            raise SmokeFailed(f"{name} in {region} is {function.get('state')}, not ACTIVE")
        deployed = function["buildConfig"]["source"]["storageSource"]["object"]
        if not deployed.endswith("/" + built[entry_point]["zip"]):
            raise SmokeFailed(f"{name} in {region} runs {deployed}, not this build's bundle")
        print(f"smoke: {name} in {region} is ACTIVE with {deployed}")


def call(url: str, body: dict[str, Any] | None = None, key: str = "") -> tuple[int, Any]:
    headers = {"X-API-Key": key} if key else {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def check_http(base_url: str, checks: list[str], key: str, attempts: int = 5) -> None:
    for check in checks:
        for attempt in range(1, attempts + 1):
            try:
                _one(base_url.rstrip("/"), check, key)
                break
            except (SmokeFailed, OSError) as error:
                if attempt == attempts:
                    raise SmokeFailed(f"{check}: {error}") from None
                time.sleep(2 * attempt)  # a new revision may take a moment behind the LB
        print(f"smoke: {check} ok")


def _one(base: str, check: str, key: str) -> None:
    if check == "healthz":
        status, body = call(base + "/healthz")
    elif check == "process":
        status, body = call(base + "/v2/process", {"message": "How do I start a code review?"}, key)
        if status == 200 and not (isinstance(body, dict) and body.get("answer")):
            raise SmokeFailed(f"POST /v2/process answered without an answer: {body}")
    elif check == "recommend":
        status, body = call(base + "/v2/recommend", {"message": "요즘 너무 지쳐요"}, key)
        if status == 200 and len(body.get("ranking", [])) != 4:
            raise SmokeFailed(f"POST /v2/recommend did not rank four personas: {body}")
    else:
        raise SmokeFailed(f"unknown check {check}")
    if status != 200:
        raise SmokeFailed(f"HTTP {status}: {body}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True, help="the load balancer, https://DOMAIN")
    parser.add_argument("--region", help="also check this region's functions with gcloud")
    parser.add_argument("--project", default=os.environ.get("PROJECT_ID", ""))
    parser.add_argument("--manifest", type=Path, default=Path("build/bundles/manifest.json"))
    parser.add_argument("--checks", default=",".join(CHECKS))
    parser.add_argument(
        "--attempts", type=int, default=5, help="tries per check (a new revision may lag)"
    )
    args = parser.parse_args(argv)
    checks = [c for c in args.checks.split(",") if c]
    key = os.environ.get("ION_API_KEY", "")
    if not key:
        checks = [c for c in checks if c == "healthz"]
        print("smoke: ION_API_KEY is not set; only /healthz is checked", file=sys.stderr)
    try:
        if args.region:
            if not args.project:
                parser.error("--region needs --project (or PROJECT_ID)")
            check_region(args.region, args.project, args.manifest)
        check_http(args.base_url, checks, key, max(1, args.attempts))
    except SmokeFailed as error:
        print(f"smoke: FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
