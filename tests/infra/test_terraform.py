"""The Terraform says what the issue asks, read from the HCL itself (python-hcl2): conventions,
every region with all four functions, every backend with every region's NEG, the whole Cloud
Armor rule set, least-privilege IAM, backups and recovery settings, and no literal secret.

Terraform cannot plan here (no provider download), so these are structural checks; checkov
(test_checkov.py) and `terraform fmt` (make infra-check) cover the rest.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from core.safety import Category, parse
from tests.infra.conftest import ROOT, TERRAFORM
from tests.infra.hcl import Stack, block, dynamic, load

FUNCTIONS = {"process", "recommend", "bulk", "bulk_worker"}
HTTP = {"process", "recommend", "bulk"}
REGIONS = {"us-central1", "europe-west1", "asia-northeast1"}


def _stacks() -> list[Path]:
    return [TERRAFORM / "regional", TERRAFORM / "global"]


# --- conventions --------------------------------------------------------------------------


@pytest.mark.parametrize("folder", _stacks(), ids=lambda p: p.name)
def test_module_layout_and_pinned_provider(folder: Path) -> None:
    for name in ("versions.tf", "variables.tf", "main.tf", "outputs.tf"):
        assert (folder / name).is_file(), f"{folder.name}/{name} is missing"
    stack = Stack.read(folder)
    [settings] = stack.terraform
    assert re.fullmatch(r">= 1\.\d+, < 2\.0", settings["required_version"])
    google = settings["required_providers"][0]["google"]
    assert google["source"] == "hashicorp/google"
    assert re.fullmatch(r">= \d+\.\d+, < \d+\.0", google["version"]), "a bounded range"
    assert settings["backend"] == [{"gcs": {}}], "a gcs backend, configured at init"


@pytest.mark.parametrize("folder", _stacks(), ids=lambda p: p.name)
def test_every_variable_and_output_is_typed_and_described(folder: Path) -> None:
    stack = Stack.read(folder)
    assert stack.variables
    for name, variable in stack.variables.items():
        assert variable.get("type"), f"variable {name} has no type"
        assert len(variable.get("description", "")) > 10, f"variable {name} has no description"
    for name, output in stack.outputs.items():
        assert len(output.get("description", "")) > 10, f"output {name} has no description"


ENUMS = {
    "regional": ["vpc_egress", "generator", "gemini_mode", "redis_tier", "redis_version"],
    "global": ["ssl_policy_profile", "weekly_backup_day", "waf_sensitivity"],
}


@pytest.mark.parametrize("folder", _stacks(), ids=lambda p: p.name)
def test_enum_inputs_are_validated(folder: Path) -> None:
    stack = Stack.read(folder)
    for name in ENUMS[folder.name]:
        conditions = [v["condition"] for v in stack.variables[name].get("validation", [])]
        assert any("contains([" in c and f"var.{name}" in c for c in conditions), name


# --- regional stack -------------------------------------------------------------------------


def test_the_regional_stack_deploys_all_four_functions(regional: Stack) -> None:
    functions = regional.locals["functions"]
    assert set(functions) == FUNCTIONS
    assert {k for k, f in functions.items() if f["http"]} == HTTP
    main = regional.resource("google_cloudfunctions2_function")
    assert main["for_each"] == "${local.functions}", "one resource for all four, no count"
    assert "count" not in main
    build = block(main, "build_config")
    assert build["runtime"] == "python311"
    assert build["entry_point"] == "${each.key}"
    source = block(block(build, "source"), "storage_source")
    assert source["object"] == "${var.bundle_objects[each.key]}"
    assert source["bucket"] == "${var.source_bucket}"
    service = block(main, "service_config")
    assert service["service_account_email"] == "${google_service_account.function[each.key].email}"
    assert "ALLOW_INTERNAL_AND_GCLB" in service["ingress_settings"]
    assert "ALLOW_INTERNAL_ONLY" in service["ingress_settings"]
    assert service["vpc_connector"] == "${google_vpc_access_connector.main.id}"
    for knob in ("min_instances", "max_instances", "concurrency", "memory", "timeout_s"):
        assert any(f"var.functions[each.key].{knob}" in str(v) for v in service.values()), knob
    # The entry points are the bundles' (scripts/build_bundles.py) and make dev's.
    assert set(regional.variables["functions"]["default"]) == FUNCTIONS


def test_each_region_has_a_variable_file_and_its_own_state(regional: Stack, edge: Stack) -> None:
    files = sorted((TERRAFORM / "regional" / "regions").glob("*.tfvars"))
    by_region = {path.stem: load(path) for path in files}
    assert set(by_region) == REGIONS
    assert set(edge.variables["regions"]["default"]) == REGIONS
    for region, values in by_region.items():
        assert values["region"] == region
        text = (TERRAFORM / "regional" / "regions" / f"{region}.tfvars").read_text()
        assert f"prefix=ion/regional/{region}" in text, "the state prefix of the region"
        assert not set(values) & {"bundle_objects", "functions"}, "no region drops a function"
    cidrs = [values["connector_cidr"] for values in by_region.values()]
    assert len(set(cidrs)) == len(cidrs), "connector ranges overlap"


def test_the_global_stack_names_the_regional_functions(regional: Stack, edge: Stack) -> None:
    names = {k: f["name"] for k, f in regional.locals["functions"].items()}
    assert edge.locals["backends"] == {k: names[k] for k in HTTP}


def test_a_service_account_per_function_and_no_broad_role(regional: Stack) -> None:
    accounts = regional.resource("google_service_account", "function")
    assert accounts["for_each"] == "${local.functions}"
    text = "\n".join(p.read_text() for p in (TERRAFORM).rglob("*.tf"))
    for broad in ("roles/owner", "roles/editor", "roles/viewer"):
        assert broad not in text
    # actAs over service accounts: only the deploy build's account has it (global/cicd.tf),
    # never a function, build or push identity.
    regional_text = "\n".join(p.read_text() for p in (TERRAFORM / "regional").glob("*.tf"))
    assert "roles/iam.serviceAccountUser" not in regional_text
    assert "roles/iam.serviceAccountTokenCreator" not in json.dumps(regional.locals)
    # Secrets are granted per secret, never project-wide.
    assert "secretmanager" not in json.dumps(regional.locals["function_roles"])
    secret_iam = regional.resource("google_secret_manager_secret_iam_member", "function")
    assert secret_iam["role"] == "roles/secretmanager.secretAccessor"
    assert secret_iam["for_each"] == "${local.function_secret_pairs}"
    functions = regional.locals["functions"]
    assert "api_keys" not in functions["bulk_worker"]["secrets"], "the worker takes no API calls"
    assert not functions["recommend"]["firestore"], "recommend keeps no sessions or jobs"
    assert "gemini_api_key" not in {s for f in functions.values() for s in f["secrets"]}, (
        "the Gemini key only where a function answers in api_key mode (local.function_secrets)"
    )


def test_secrets_reach_the_functions_only_as_references(regional: Stack) -> None:
    env = regional.locals["common_env"]
    assert env["REDIS_URL"].startswith("sm://projects/")
    # A replaced Redis (new secret version) rolls out a new revision that reads the new URL.
    assert "google_secret_manager_secret_version.redis_url.version" in env["REDIS_URL"]
    merged = regional.locals["function_env"]  # a for expression, as text
    for name in ("ION_API_KEYS", "SENTRY_DSN", "GEMINI_API_KEY", "SESSION_ID_SECRET"):
        values = re.findall(rf'{name} = \\?"([^"\\]*)', merged)
        assert values, name
        assert all(v.startswith("sm://${local.secret_names.") for v in values), (name, values)
    for name in ("BULK_TOPIC", "BULK_COLLECTION", "BULK_MAX_ATTEMPTS", "SESSION_COLLECTION"):
        assert name in env


def test_redis_has_auth_and_tls_and_its_url_is_a_secret(regional: Stack) -> None:
    redis = regional.resource("google_redis_instance")
    assert redis["auth_enabled"] is True
    assert redis["transit_encryption_mode"] == "SERVER_AUTHENTICATION"
    version = regional.resource("google_secret_manager_secret_version", "redis_url")
    data = version["secret_data"]
    assert "rediss://" in data
    assert "google_redis_instance.main.auth_string" in data
    assert "google_redis_instance.main.server_ca_certs" in data


def test_bulk_topic_pushes_authenticated_with_backoff_and_dead_letters(regional: Stack) -> None:
    subscription = regional.resource("google_pubsub_subscription", "worker")
    push = block(subscription, "push_config")
    token = block(push, "oidc_token")
    assert token["service_account_email"] == "${google_service_account.push.email}"
    assert token["audience"] == push["push_endpoint"] == "${local.worker_url}"
    retry = block(subscription, "retry_policy")
    assert retry["minimum_backoff"]
    assert retry["maximum_backoff"]
    dead = block(subscription, "dead_letter_policy")
    assert dead["dead_letter_topic"] == "${google_pubsub_topic.dead_letter.id}"
    # Past the worker's own limit: the first delivery beyond it records the item as failed.
    # Not clamped: the variables' validations keep it within 5 to 100 (test_dead_letter_...).
    assert dead["max_delivery_attempts"] == "${var.bulk_max_attempts + var.bulk_dead_letter_margin}"
    margin = regional.variables["bulk_dead_letter_margin"]
    assert margin["default"] >= 1
    assert block(subscription, "expiration_policy")["ttl"] == ""
    # Only the push identity may invoke the worker.
    invoker = regional.resource("google_cloud_run_v2_service_iam_member", "worker_push")
    assert invoker["member"] == "${google_service_account.push.member}"
    # Undeliverable messages are kept, not dropped: the dead-letter topic has a subscription.
    dead_sub = regional.resource("google_pubsub_subscription", "dead_letter")
    assert dead_sub["topic"] == "${google_pubsub_topic.dead_letter.id}"


def test_a_worker_outage_of_a_week_loses_no_bulk_item(regional: Stack) -> None:
    assert regional.variables["bulk_message_retention"]["default"] == "604800s"
    subscription = regional.resource("google_pubsub_subscription", "worker")
    assert subscription["message_retention_duration"] == "${var.bulk_message_retention}"
    assert subscription["retain_acked_messages"] is False
    topic = regional.resource("google_pubsub_topic", "bulk")
    assert topic["message_retention_duration"] == "${var.bulk_message_retention}"


# --- global stack ---------------------------------------------------------------------------


def test_every_backend_holds_every_regions_neg(edge: Stack) -> None:
    negs = edge.locals["negs"]
    assert "setproduct(keys(local.backends), var.regions)" in negs
    neg = edge.resource("google_compute_region_network_endpoint_group")
    assert neg["for_each"] == "${local.negs}"
    assert neg["network_endpoint_type"] == "SERVERLESS"
    assert block(neg, "cloud_run")["service"] == "${local.backends[each.value.function]}"
    backend = edge.resource("google_compute_backend_service")
    assert backend["for_each"] == "${local.backends}"
    assert backend["load_balancing_scheme"] == "EXTERNAL_MANAGED"
    [backends] = dynamic(backend, "backend")
    assert "neg.function == each.key" in backends["for_each"]
    assert "local.negs" in backends["for_each"]
    assert "backend" not in backend, "no hand-listed backend beside the generated ones"
    outliers = block(backend, "outlier_detection")
    assert outliers["consecutive_errors"] >= 1
    assert block(outliers, "base_ejection_time")["seconds"] > 0
    assert backend["security_policy"] == "${google_compute_security_policy.main.id}"


def _routed_to(edge: Stack) -> dict[str, list[str]]:
    matcher = block(edge.resource("google_compute_url_map"), "path_matcher")
    routes: dict[str, list[str]] = {}
    for rule in matcher["path_rule"]:
        name = re.fullmatch(
            r'\$\{google_compute_backend_service\.main\["(\w+)"\]\.id\}', rule["service"]
        )
        assert name, rule["service"]
        routes.setdefault(name[1], []).extend(rule["paths"])
    return routes


def _matches(path: str, patterns: list[str]) -> bool:
    concrete = re.sub(r"\{[^}]+\}", "x", path)
    return any(
        concrete == p or (p.endswith("/*") and concrete.startswith(p[:-1])) for p in patterns
    )


def test_the_url_map_routes_each_functions_paths_to_it(edge: Stack) -> None:
    routes = _routed_to(edge)
    assert {"/v2/process", "/v2/process/*", "/v1/chat"} <= set(routes["process"])
    assert {"/v2/recommend", "/v2/personas", "/v2/personas/*"} <= set(routes["recommend"])
    assert {"/v2/bulk", "/v2/bulk/*"} <= set(routes["bulk"])
    # Every path a function documents (its openapi.json) reaches that function.
    for function in HTTP:
        spec = json.loads((ROOT / "functions" / function / "openapi.json").read_text())
        for path in spec["paths"]:
            if path in ("/healthz", "/v2/openapi.json"):
                continue  # every function serves these; the edge needs none of them
            assert _matches(path, routes[function]), f"{path} does not reach {function}"


def test_https_with_a_managed_certificate_and_http_redirected(edge: Stack) -> None:
    proxy = edge.resource("google_compute_target_https_proxy")
    assert "google_compute_managed_ssl_certificate.main" in str(proxy["ssl_certificates"])
    assert edge.resource("google_compute_ssl_policy")["min_tls_version"] == "TLS_1_2"
    redirect = block(edge.resource("google_compute_url_map", "redirect"), "default_url_redirect")
    assert redirect["https_redirect"] is True
    assert edge.resource("google_compute_global_forwarding_rule", "http")["port_range"] == "80"
    assert edge.resource("google_compute_global_forwarding_rule", "https")["port_range"] == "443"


OWASP = {
    "sqli-v33-stable",
    "xss-v33-stable",
    "lfi-v33-stable",
    "rfi-v33-stable",
    "rce-v33-stable",
    "scannerdetection-v33-stable",
    "protocolattack-v33-stable",
    "sessionfixation-v33-stable",
    "methodenforcement-v33-stable",
}


def _waf_expression(edge: Stack, rule_set: str) -> str:
    """``local.waf_expressions[rule_set]`` as Terraform renders it at the default sensitivity
    (the local's template is checked against this rendering in test_the_waf_...)."""
    sensitivity = edge.variables["waf_sensitivity"]["default"]
    opt_out = edge.locals["waf_rules"][rule_set]["opt_out"]
    if not opt_out:
        return f"evaluatePreconfiguredWaf('{rule_set}', {{'sensitivity': {sensitivity}}})"
    ids = ", ".join(f"'{signature}'" for signature in opt_out)
    return (
        f"evaluatePreconfiguredWaf('{rule_set}', "
        f"{{'sensitivity': {sensitivity}, 'opt_out_rule_ids': [{ids}]}})"
    )


def _rules(edge: Stack) -> list[dict[str, Any]]:
    """Every rule of the policy, with the dynamic ones expanded from their locals/variables."""
    policy = edge.resource("google_compute_security_policy")
    rules = [dict(rule) for rule in policy["rule"]]
    for generated in dynamic(policy, "rule"):
        [content] = generated["content"]
        if generated["for_each"] == "${local.waf_rules}":
            assert content["match"][0]["expr"][0]["expression"] == (
                "${local.waf_expressions[rule.key]}"
            )
            for key, value in edge.locals["waf_rules"].items():
                rules.append(
                    {
                        **content,
                        "priority": value["priority"],
                        "description": value["description"],
                        "match": [{"expr": [{"expression": _waf_expression(edge, key)}]}],
                    }
                )
        else:
            assert "var.admin_allowed_cidrs" in generated["for_each"]
            rules.append({**content, "priority": 2000, "description": content["description"]})
    return rules


def test_cloud_armor_has_the_whole_rule_set(edge: Stack) -> None:
    rules = _rules(edge)
    expressions = [r["match"][0]["expr"][0]["expression"] for r in rules if "expr" in r["match"][0]]
    for name in OWASP:
        assert any(f"evaluatePreconfiguredWaf('{name}'" in e for e in expressions), name
    log4j = [r for r in rules if "'cve-canary'" in json.dumps(r)]
    assert log4j
    assert log4j[0]["action"].startswith("deny")
    waf = [r for r in rules if "evaluatePreconfiguredWaf" in json.dumps(r)]
    assert all(r["action"] == "deny(403)" for r in waf)
    for rule in rules:
        assert rule.get("description"), f"rule {rule['priority']} has no description"
        assert len(str(rule["description"])) <= 64 or "${" in str(rule["description"])
    static = [r["priority"] for r in edge.resource("google_compute_security_policy")["rule"]]
    dynamic_waf = [v["priority"] for v in edge.locals["waf_rules"].values()]
    priorities = static + dynamic_waf
    assert len(set(priorities)) == len(priorities), "two rules share a priority"
    assert max(dynamic_waf) < min(p for p in static if p != 1009), "WAF rules come first"

    ban = [r for r in rules if r["action"] == "rate_based_ban"]
    assert len(ban) == 1
    assert block(ban[0], "rate_limit_options")["enforce_on_key"] == "IP"
    assert block(ban[0], "rate_limit_options")["ban_duration_sec"]
    throttle = [
        r
        for r in rules
        if r["action"] == "throttle"
        and block(r, "rate_limit_options")["enforce_on_key"] == "HTTP_HEADER"
    ]
    assert len(throttle) == 1
    options = block(throttle[0], "rate_limit_options")
    assert options["enforce_on_key_name"] == "X-API-Key"
    assert options["exceed_action"] == "deny(429)"

    admin_allow = [r for r in rules if r["action"] == "allow" and "inIpRange" in json.dumps(r)]
    admin_deny = [
        r for r in rules if "local.admin_paths" in json.dumps(r) and r["action"] != "allow"
    ]
    assert admin_allow
    assert admin_deny
    assert admin_deny[0]["priority"] > 2000 + 9, "the deny comes after every allow-listed range"

    policy = edge.resource("google_compute_security_policy")
    defense = block(block(policy, "adaptive_protection_config"), "layer_7_ddos_defense_config")
    assert defense["enable"] is True


# --- security review: admin paths, rate limits, WAF tuning, dead letters -------------------

ADMIN_PATH = re.compile(r"request\.path\.urlDecode\(\)\.lower\(\)\.matches\('(?P<pattern>[^']+)'\)")

# Every spelling of the two admin endpoints a client could send and the functions could still
# route to them (decoded once, empty segments ignored), and then some.
ADMIN_SPELLINGS = [
    "/v2/cache-stats",
    "/v2/cache/invalidate",
    "//v2/cache-stats",
    "///v2/cache/invalidate",
    "/v2//cache-stats",
    "/v2/cache-stats/",
    "/v2/cache/invalidate/",
    "/v2/cache%2Dstats",
    "/v2/cache%2dstats",
    "/v2/cache%2Finvalidate",
    "/v2/cache%2finvalidate",
    "/v2%2Fcache-stats",
    "/v2%2fcache%2finvalidate",
    "/V2/Cache-Stats",
    "/v2/CACHE%2DSTATS",
    "/%76%32/%63%61%63%68%65-stats",
    "/v2/./cache-stats",
    "/v2/x/../cache/invalidate",
    "/v2/cache-stats?x=1",
]


def _admin_pattern(edge: Stack) -> re.Pattern[str]:
    """local.admin_paths is CEL over request.path; this is its meaning in Python: urlDecode()
    is unquote, lower() is lower(), and CEL's matches() is an unanchored RE2 search."""
    match = ADMIN_PATH.fullmatch(edge.locals["admin_paths"])
    assert match, (
        "admin_paths must decode and lower-case the path before matching: "
        + edge.locals["admin_paths"]
    )
    return re.compile(match["pattern"])


def _public_paths() -> list[str]:
    paths = []
    for function in HTTP:
        spec = json.loads((ROOT / "functions" / function / "openapi.json").read_text())
        for path in spec["paths"]:
            if "cache" in path:
                continue  # the admin endpoints themselves
            for persona in ("lua", "elro", "riri", "nana"):
                paths.append(path.replace("{name}", persona))
            paths.append(path.replace("{job_id}", "j" + "0123456789abcdef01234567"))
    return sorted(set(paths))


def test_admin_paths_match_every_spelling_of_the_admin_endpoints(edge: Stack) -> None:
    pattern = _admin_pattern(edge)
    for path in ADMIN_SPELLINGS:
        assert pattern.search(unquote(path).lower()), f"{path} would reach the admin endpoints"
    for path in _public_paths():
        assert not pattern.search(unquote(path).lower()), f"{path} is public and would be denied"
    # The allow-listed ranges and the deny use that same expression.
    rules = _rules(edge)
    allow = [r for r in rules if r["action"] == "allow" and "inIpRange" in json.dumps(r)]
    assert allow[0]["match"][0]["expr"][0]["expression"].startswith("${local.admin_paths} && ")
    deny = [r for r in rules if r["description"].startswith("Admin") and r["action"] != "allow"]
    assert [r["match"][0]["expr"][0]["expression"] for r in deny] == ["${local.admin_paths}"]


def test_every_request_is_throttled_per_ip_before_the_per_key_throttle(edge: Stack) -> None:
    rules = _rules(edge)
    rate_rules = sorted(
        (r for r in rules if r["action"] in ("throttle", "rate_based_ban")),
        key=lambda r: r["priority"],
    )
    first = rate_rules[0]
    options = block(first, "rate_limit_options")
    assert first["action"] == "throttle"
    assert options["enforce_on_key"] == "IP"
    assert options["exceed_action"] == "deny(429)"
    # Every request: no expression that could leave a request out (a key, a path, a method).
    assert first["match"] == [
        {"versioned_expr": "SRC_IPS_V1", "config": [{"src_ip_ranges": ["*"]}]}
    ]
    per_key = [
        r
        for r in rate_rules
        if block(r, "rate_limit_options").get("enforce_on_key_name") == "X-API-Key"
    ]
    assert per_key
    assert first["priority"] < per_key[0]["priority"]
    # After the WAF and the admin rules, so a denied request is never counted as allowed.
    assert first["priority"] > max(r["priority"] for r in rules if r["action"].startswith("deny"))
    threshold = block(options, "rate_limit_threshold")
    assert threshold == {
        "count": "${var.ip_throttle.count}",
        "interval_sec": "${var.ip_throttle.interval_s}",
    }
    assert first["preview"] == "${var.ip_throttle.preview}"
    variable = edge.variables["ip_throttle"]
    assert variable["default"] == {"count": 1200, "interval_s": 60, "preview": False}
    assert "var.ip_throttle.count >= 1" in variable["validation"][0]["condition"]
    # At least what one key may send (the per-key edge throttle), so it never cuts a client
    # that keeps to its key's limit.
    assert variable["default"]["count"] >= edge.variables["api_key_throttle"]["default"]["count"]


def test_401_responses_are_counted_and_alerted_on(edge: Stack) -> None:
    metric = edge.of_type("google_logging_metric")["lb_401"]
    assert metric["filter"] == "${local.lb_logs} AND httpRequest.status=401"
    policy = edge.of_type("google_monitoring_alert_policy")["unauthorized_rate"]
    condition = block(block(policy, "conditions"), "condition_threshold")
    assert "google_logging_metric.lb_401.name" in condition["filter"]
    assert condition["threshold_value"] == "${var.unauthorized_per_minute / 60}"
    assert block(condition, "aggregations")["per_series_aligner"] == "ALIGN_RATE"
    assert condition["comparison"] == "COMPARISON_GT"
    assert policy["notification_channels"] == "${var.notification_channels}"
    assert edge.variables["unauthorized_per_minute"]["default"] > 0


# Signatures that match code a mentee pastes into `message` (SQL, shell, HTML and JavaScript,
# paths, raw HTTP): each must be opted out of its rule set.
CODE_SIGNATURES = {
    "sqli-v33-stable": [
        942100,
        942140,
        942160,
        942170,
        942190,
        942230,
        942270,
        942290,
        942360,
        942500,
    ],
    "xss-v33-stable": [941100, 941110, 941120, 941130, 941140, 941160, 941170, 941180, 941190],
    "lfi-v33-stable": [930100, 930110, 930120],
    "rfi-v33-stable": [931100, 931120],
    "rce-v33-stable": [932100, 932105, 932110, 932115, 932120, 932130, 932140, 932150, 932160],
    "protocolattack-v33-stable": [921110, 921120, 921130],
    "sessionfixation-v33-stable": [943100],
}
# Signatures for attacks on the service that a question about code does not contain: they stay.
ATTACK_SIGNATURES = {
    "sqli-v33-stable": [942220],
    "xss-v33-stable": [941210, 941220, 941310, 941350, 941360],
    "lfi-v33-stable": [930130],
    "rfi-v33-stable": [931110],
    "rce-v33-stable": [932170, 932171],
    "protocolattack-v33-stable": [921140, 921150, 921160, 921190],
    "sessionfixation-v33-stable": [943110, 943120],
}


def _signature(rule_set: str, crs_id: int) -> str:
    return f"owasp-crs-v030301-id{crs_id}-{rule_set.split('-', maxsplit=1)[0]}"


def test_the_waf_lets_code_in_messages_through_and_logs_without_request_content(
    edge: Stack,
) -> None:
    policy = edge.resource("google_compute_security_policy")
    options = block(policy, "advanced_options_config")
    assert options["log_level"] == "NORMAL", "VERBOSE logs the matched part of a message"
    assert options["json_parsing"] == "STANDARD", "fields are inspected one by one"
    assert edge.variables["waf_sensitivity"]["default"] == 1
    # The expression template is the one _waf_expression renders.
    template = edge.locals["waf_expressions"]
    assert "'sensitivity': ${var.waf_sensitivity}" in template
    assert "'opt_out_rule_ids': [${join(\", \", formatlist(\"'%s'\", rule.opt_out))}]" in template
    waf = edge.locals["waf_rules"]
    assert set(waf) == OWASP
    for rule_set, rule in waf.items():
        opted_out = rule["opt_out"]
        assert len(set(opted_out)) == len(opted_out), f"{rule_set}: an opt-out twice"
        for signature in opted_out:
            assert re.fullmatch(
                rf"owasp-crs-v030301-id9\d{{5}}-{rule_set.split('-', maxsplit=1)[0]}", signature
            ), f"{rule_set}: {signature} is not a signature of this rule set"
        for crs_id in CODE_SIGNATURES.get(rule_set, []):
            assert _signature(rule_set, crs_id) in opted_out, f"{rule_set}: {crs_id} blocks code"
        for crs_id in ATTACK_SIGNATURES.get(rule_set, []):
            assert _signature(rule_set, crs_id) not in opted_out, f"{rule_set}: keep {crs_id}"
        expression = _waf_expression(edge, rule_set)
        assert len(expression) <= 2048, f"{rule_set}: Cloud Armor's expression limit"
        assert expression.startswith(f"evaluatePreconfiguredWaf('{rule_set}', {{'sensitivity': 1")
    # Nothing is opted out of the sets that look at the request rather than its text.
    assert waf["scannerdetection-v33-stable"]["opt_out"] == []
    assert waf["methodenforcement-v33-stable"]["opt_out"] == []
    # The reasoning is written next to the rules.
    armor = (TERRAFORM / "global" / "armor.tf").read_text(encoding="utf-8")
    assert "mentees paste SQL" in armor


def _allowed(condition: str, name: str, value: float) -> bool:
    """A variable's validation condition (the few HCL forms used here) for one value."""
    expression = condition.removeprefix("${").removesuffix("}")  # python-hcl2 wraps it
    python = expression.replace("&&", " and ").replace("||", " or ").replace(f"var.{name}", "value")
    assert "var." not in python, f"{name}: a condition on another variable: {condition}"
    return bool(eval(python, {"__builtins__": {}}, {"value": value, "floor": math.floor}))  # noqa: S307


def test_the_dead_letter_threshold_is_within_pubsub_limits_for_every_allowed_value(
    regional: Stack,
) -> None:
    dead = block(regional.resource("google_pubsub_subscription", "worker"), "dead_letter_policy")
    terms = re.fullmatch(r"\$\{var\.(\w+) \+ var\.(\w+)\}", dead["max_delivery_attempts"])
    assert terms, f"max_delivery_attempts is the sum of two variables: {dead}"
    candidates = [x / 2 for x in range(-10, 401)]  # -5 to 200 in halves
    allowed = {}
    for name in terms.groups():
        variable = regional.variables[name]
        assert variable["type"] == "number"
        conditions = [v["condition"] for v in variable.get("validation", [])]
        assert conditions, f"{name} has no validation"
        allowed[name] = [x for x in candidates if all(_allowed(c, name, x) for c in conditions)]
        assert allowed[name], f"{name} allows no value"
        assert variable["default"] in allowed[name]
        assert all(x == int(x) for x in allowed[name]), f"{name} allows a fraction"
    first, second = (allowed[name] for name in terms.groups())
    # Pub/Sub accepts 5 to 100 delivery attempts: so must every pair the validations allow.
    assert min(first) + min(second) >= 5
    assert max(first) + max(second) <= 100
    # The worker records an item as failed on the first delivery past its own limit.
    assert min(allowed["bulk_dead_letter_margin"]) >= 1


def test_firestore_recovers_from_corruption_and_expires_old_documents(edge: Stack) -> None:
    database = edge.resource("google_firestore_database")
    assert database["point_in_time_recovery_enablement"] == "POINT_IN_TIME_RECOVERY_ENABLED"
    assert database["delete_protection_state"] == "DELETE_PROTECTION_ENABLED"
    assert database["deletion_policy"] == "ABANDON"
    daily = edge.resource("google_firestore_backup_schedule", "daily")
    weekly = edge.resource("google_firestore_backup_schedule", "weekly")
    assert daily["daily_recurrence"] == [{}]
    assert block(weekly, "weekly_recurrence")["day"] == "${var.weekly_backup_day}"
    retention = edge.variables["backup_retention"]["default"]
    assert int(retention["weekly"][:-1]) > int(retention["daily"][:-1]) >= 86400
    ttl = edge.resource("google_firestore_field", "expire_at")
    assert ttl["field"] == "expire_at"
    assert ttl["ttl_config"] == [{}]
    assert set(edge.locals["ttl_collections"].values()) == {
        "${var.session_collection}",
        "${var.bulk_collection}",
        "results",
        "attempts",
    }
    # Restores go through this bucket (docs/disaster-recovery.md names it).
    exports = edge.resource("google_storage_bucket", "firestore_exports")
    assert exports["name"] == "${var.project_id}-ion-firestore-exports"
    agent = edge.resource("google_storage_bucket_iam_member", "firestore_exports")
    assert "gcp-sa-firestore" in agent["member"]
    assert edge.variables["session_collection"]["default"] == "sessions"
    assert edge.variables["bulk_collection"]["default"] == "bulk_jobs"


def test_secrets_exist_without_values(edge: Stack) -> None:
    ids = {s["id"] for s in edge.locals["secrets"].values()}
    assert ids == {
        "ion-api-keys",
        "ion-gemini-api-key",
        "ion-sentry-dsn",
        "ion-session-id-secret",
        "ion-smoke-api-key",
    }
    assert not edge.of_type("google_secret_manager_secret_version")


def test_alerts_for_errors_latency_and_cache_hit_rate(edge: Stack) -> None:
    assert edge.variables["slo"]["default"] == {
        "error_ratio": 0.05,
        "p95_latency_ms": 2000,
        "cache_hit_rate": 0.8,
    }
    policies = edge.of_type("google_monitoring_alert_policy")
    assert set(policies) == {"error_ratio", "latency_p95", "cache_hit_rate", "unauthorized_rate"}
    for name, field_ in (
        ("error_ratio", "var.slo.error_ratio"),
        ("latency_p95", "var.slo.p95_latency_ms"),
        ("cache_hit_rate", "var.slo.cache_hit_rate"),
    ):
        condition = block(block(policies[name], "conditions"), "condition_threshold")
        assert condition["threshold_value"] == "${" + field_ + "}"
    metrics = edge.of_type("google_logging_metric")
    assert "httpRequest.status>=500" in metrics["lb_5xx"]["filter"]
    assert "jsonPayload.cache_tier" in metrics["cache_lookups"]["filter"]


def test_flagged_messages_are_counted_per_category_without_the_text(edge: Stack) -> None:
    metric = edge.of_type("google_logging_metric")["flagged_messages"]
    assert "jsonPayload.safety:*" in metric["filter"]
    assert 'NOT jsonPayload.safety=\\"none\\"' in metric["filter"]
    assert metric["label_extractors"] == {
        "category": "EXTRACT(jsonPayload.safety)",
        "function": "EXTRACT(jsonPayload.function)",
    }
    labels = {label["key"] for label in block(metric, "metric_descriptor")["labels"]}
    assert labels == {"category", "function"}


def test_crisis_lines_and_model_replies_are_per_region_settings(regional: Stack) -> None:
    assert regional.locals["common_env"]["CRISIS_RESOURCES"] == "${var.crisis_resources}"
    assert "SAFETY_MODEL_REPLIES" in regional.locals["function_env"]
    assert regional.variables["safety_model_replies"]["default"] is False
    assert regional.variables["crisis_resources"]["default"] == ""
    europe = load(TERRAFORM / "regional" / "regions" / "europe-west1.tfvars")
    heredoc = europe["crisis_resources"]  # python-hcl2 keeps the <<-EOT ... EOT markers
    assert heredoc.startswith("<<-EOT\n")
    assert heredoc.rstrip().endswith("EOT")
    resources = parse(heredoc.split("\n", 1)[1].rstrip().removesuffix("EOT"))
    lines = resources["en"][Category.SELF_HARM]
    assert any("116 123" in r.contact for r in lines)
    assert any("112" in r.contact for r in lines)


# --- no secret in code ----------------------------------------------------------------------

SECRET_PATTERNS = {
    "a Google API key": r"AIza[0-9A-Za-z_-]{30,}",
    "a private key": r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
    "a Sentry DSN": r"https://[0-9a-f]{16,}@[\w.-]*sentry",
    "a Redis URL with a password": r"rediss?://[^\s\"$]*:[^\s\"@$%]+@",
    "a SHA-256 key hash": r"\b[0-9a-f]{64}\b",
    "a literal password": r"(?i)password\s*=\s*\"[^\"$]+\"",
}


def test_no_literal_secret_anywhere_in_the_terraform(regional: Stack, edge: Stack) -> None:
    for path in sorted(TERRAFORM.rglob("*")):
        if path.suffix not in (".tf", ".tfvars", ".example", ".json") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for what, pattern in SECRET_PATTERNS.items():
            assert not re.search(pattern, text), f"{path.relative_to(ROOT)} holds {what}"
    for stack in (regional, edge):
        for (type_, name), body in stack.resources.items():
            if type_ == "google_secret_manager_secret_version":
                assert str(body["secret_data"]).startswith("${"), f"{name}: a literal secret"
