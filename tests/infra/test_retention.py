"""docs/retention.md states how long every store keeps message text; the Terraform sets it.
Both are read here (the doc's table and the HCL, python-hcl2) and must agree, row by row, and
no region's variable file may override what the doc states."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.infra.conftest import ROOT, TERRAFORM
from tests.infra.hcl import Stack, block, load

DOC = ROOT / "docs" / "retention.md"
UNITS = {"s": 1, "min": 60, "h": 3600, "d": 86400, "weeks": 7 * 86400}
KEPT = re.compile(r"\*\*(?:(?P<number>\d+) (?P<unit>s|min|h|d|weeks)|none)\*\*")
# The variables that set a retention: a region's tfvars must not change them behind the doc.
RETENTION_VARIABLES = {
    "session_ttl_h",
    "bulk_job_ttl_h",
    "cache_ttl_s",
    "bulk_message_retention",
}


def _rows() -> dict[str, int | None]:
    """The table: each row's Terraform reference (last column: the stack, the reference and
    which of its parts, if it says) and the retention it states in seconds (None for a store
    that holds no message text)."""
    rows: dict[str, int | None] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("store", "---"):
            continue
        kept = KEPT.search(cells[2]) or KEPT.search(cells[1])
        assert kept, f"no **value** in the row of {cells[0]}"
        found = re.search(r"`(?:regional|global)` `([^`]+)`(?: \(`([^`]+)`\))?", cells[3])
        assert found, f"no Terraform reference in the row of {cells[0]}"
        reference = f"{found[1]} ({found[2]})" if found[2] else found[1]
        seconds = int(kept["number"]) * UNITS[kept["unit"]] if kept["number"] else None
        assert reference not in rows, f"{reference} twice"
        rows[reference] = seconds
    return rows


def _default(stack: Stack, expression: str) -> Any:
    """A ``${var.x}`` or ``${var.x.y}`` reference's default value."""
    match = re.fullmatch(r"\$\{var\.(\w+)(?:\.(\w+))?\}", expression)
    assert match, f"not a variable reference: {expression}"
    value = stack.variables[match[1]]["default"]
    return value[match[2]] if match[2] else value


def _duration(value: str) -> int:
    assert re.fullmatch(r"\d+s", value), value
    return int(value[:-1])


def _pubsub(kind: str, name: str) -> Callable[[Stack, Stack], int]:
    def seconds(regional: Stack, edge: Stack) -> int:
        del edge
        body = regional.resource(kind, name)
        return _duration(_default(regional, body["message_retention_duration"]))

    return seconds


def _cache(*parts: str) -> Callable[[Stack, Stack], int]:
    def seconds(regional: Stack, edge: Stack) -> int:
        del edge
        ttl = regional.variables["cache_ttl_s"]["default"]
        return sum(ttl[part] for part in parts)

    return seconds


def _env_hours(variable: str, env: str) -> Callable[[Stack, Stack], int]:
    def seconds(regional: Stack, edge: Stack) -> int:
        # The functions get it from Terraform, and Firestore deletes on expire_at.
        assert regional.locals["common_env"][env] == "${tostring(var." + variable + ")}"
        ttl = edge.resource("google_firestore_field", "expire_at")
        assert ttl["ttl_config"] == [{}]
        return int(regional.variables[variable]["default"] * 3600)

    return seconds


def _pitr(regional: Stack, edge: Stack) -> int:
    del regional
    database = edge.resource("google_firestore_database")
    assert database["point_in_time_recovery_enablement"] == "POINT_IN_TIME_RECOVERY_ENABLED"
    return 7 * 86400  # Firestore's PITR window: fixed, not configurable


def _backup(which: str) -> Callable[[Stack, Stack], int]:
    def seconds(regional: Stack, edge: Stack) -> int:
        del regional
        schedule = edge.resource("google_firestore_backup_schedule", which)
        assert schedule["retention"] == "${var.backup_retention." + which + "}"
        return _duration(edge.variables["backup_retention"]["default"][which])

    return seconds


def _exports(regional: Stack, edge: Stack) -> int:
    del regional
    bucket = edge.resource("google_storage_bucket", "firestore_exports")
    assert block(bucket, "soft_delete_policy")["retention_duration_seconds"] == 0
    [rule] = bucket["lifecycle_rule"]
    assert block(rule, "action")["type"] == "Delete"
    return int(block(rule, "condition")["age"]) * 86400


def _logs(regional: Stack, edge: Stack) -> None:
    del regional
    policy = edge.resource("google_compute_security_policy")
    assert block(policy, "advanced_options_config")["log_level"] == "NORMAL"


# Every store of message text, by the reference the doc names, and its retention as the
# Terraform sets it. A store added to the Terraform needs a row in the doc and an entry here.
TERRAFORM_RETENTION: dict[str, Callable[[Stack, Stack], int | None]] = {
    "var.session_ttl_h": _env_hours("session_ttl_h", "SESSION_TTL_H"),
    "var.bulk_job_ttl_h": _env_hours("bulk_job_ttl_h", "BULK_JOB_TTL_H"),
    "google_firestore_database.main": _pitr,
    "var.backup_retention.daily": _backup("daily"),
    "var.backup_retention.weekly": _backup("weekly"),
    "google_storage_bucket.firestore_exports": _exports,
    "google_pubsub_topic.bulk": _pubsub("google_pubsub_topic", "bulk"),
    "google_pubsub_subscription.worker": _pubsub("google_pubsub_subscription", "worker"),
    "google_pubsub_topic.dead_letter": _pubsub("google_pubsub_topic", "dead_letter"),
    "google_pubsub_subscription.dead_letter": _pubsub("google_pubsub_subscription", "dead_letter"),
    "var.cache_ttl_s (l2 + stale)": _cache("l2", "stale"),
    "var.cache_ttl_s (l1 + stale)": _cache("l1", "stale"),
    "google_compute_security_policy.main": _logs,
}


def test_the_doc_names_every_store_and_each_retention_is_the_terraforms(
    regional: Stack, edge: Stack
) -> None:
    rows = _rows()
    assert set(rows) == set(TERRAFORM_RETENTION), "a store missing from the doc or the test"
    for reference, stated in rows.items():
        assert TERRAFORM_RETENTION[reference](regional, edge) == stated, (
            f"docs/retention.md says {stated} s for {reference}"
        )


def test_every_pubsub_store_keeps_bulk_items_the_same_time(regional: Stack) -> None:
    for kind in ("google_pubsub_topic", "google_pubsub_subscription"):
        for name, body in regional.of_type(kind).items():
            assert body["message_retention_duration"] == "${var.bulk_message_retention}", name
    assert (
        regional.resource("google_pubsub_subscription", "worker")["retain_acked_messages"] is False
    )


def test_redis_keeps_nothing_on_disk(regional: Stack) -> None:
    redis = regional.resource("google_redis_instance")
    assert block(redis, "persistence_config")["persistence_mode"] == "DISABLED"
    env = regional.locals["common_env"]
    assert env["CACHE_L2_TTL_S"] == "${tostring(var.cache_ttl_s.l2)}"
    assert env["CACHE_STALE_S"] == "${tostring(var.cache_ttl_s.stale)}"
    assert env["CACHE_L1_TTL_S"] == "${tostring(var.cache_ttl_s.l1)}"


def test_no_region_overrides_a_retention_the_doc_states() -> None:
    for path in sorted((TERRAFORM / "regional" / "regions").glob("*.tfvars")):
        assert not set(load(path)) & RETENTION_VARIABLES, f"{path.name} changes a retention"
    example = load(TERRAFORM / "global" / "terraform.tfvars.example")
    assert "backup_retention" not in example


def test_the_readme_links_the_retention_doc() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/retention.md" in readme
