"""SESSION_ID_SECRET in the Terraform: the global stack makes its secret (no value), every function
that keeps sessions gets it as an sm:// reference its own service account may read, and no other
function gets it (the setting is required from Secret Manager: a function given a reference it
cannot read would refuse to start). Also the client-address settings the functions leave at
their defaults behind the load balancer.

Which functions keep sessions is read from their code: a session store is only ever built by
``core.bootstrap.build_conversations`` or ``build_sessions``.
"""

from __future__ import annotations

import ast
import re

from core.config import SETTINGS
from tests.infra.conftest import ROOT, TERRAFORM, load_script
from tests.infra.hcl import Stack

SESSION_BUILDERS = {"build_conversations", "build_sessions"}
SESSION_KEY_ID = "ion-session-id-secret"  # the Secret Manager id


def _ref(expression: str) -> str:
    """An HCL expression as python-hcl2 gives it."""
    return "${" + expression + "}"


def _uses_sessions(folder: str) -> bool:
    tree = ast.parse((ROOT / "functions" / folder / "main.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in SESSION_BUILDERS:
            return True
        if isinstance(node, ast.Name) and node.id in SESSION_BUILDERS:
            return True
        if isinstance(node, ast.ImportFrom) and any(
            alias.name in SESSION_BUILDERS for alias in node.names
        ):
            return True
    return False


def _session_functions(regional: Stack) -> set[str]:
    bundles = load_script("build_bundles").BUNDLES
    assert set(bundles) == set(regional.locals["functions"])
    users = {key for key, bundle in bundles.items() if _uses_sessions(bundle.folder)}
    assert "process" in users, "process answers within sessions: the detection is broken"
    return users


def _env_by_secret(regional: Stack) -> dict[str, tuple[str, str]]:
    """Each conditional sm:// variable of local.function_env: the secret key whose presence in
    local.function_secrets[key] gives it, and then the variable and the secret_names entry."""
    text = regional.locals["function_env"]
    found = re.findall(
        r'contains\(local\.function_secrets\[key\], "(\w+)"\) \? '
        r'\{(\w+) = "sm://\$\{local\.secret_names\.(\w+)\}"\}',
        text,
    )
    return {secret: (variable, name) for secret, variable, name in found}


def test_the_global_stack_makes_the_session_id_secret_with_how_to_set_and_rotate_it(
    edge: Stack,
) -> None:
    secret = edge.locals["secrets"]["session_id_secret"]
    assert secret["id"] == SESSION_KEY_ID
    assert "SESSION_ID_SECRET" in secret["what"]
    notes = edge.locals["secret_notes"]["session_id_secret"]
    first = notes["first-version"]
    assert "openssl rand -base64 48" in first  # 64 characters, past the 32 the setting needs
    assert f"gcloud secrets versions add {SESSION_KEY_ID} --data-file=-" in first
    assert "ends every open session" in notes["rotation"]
    assert "ion-process" in notes["rotation"], "a new revision reads the new version"
    body = edge.resource("google_secret_manager_secret")
    assert body["for_each"] == "${local.secrets}"
    assert "local.secret_notes[each.key]" in body["annotations"]
    assert "each.value.what" in body["annotations"]
    assert not edge.of_type("google_secret_manager_secret_version"), "no value in Terraform"


def test_the_regional_stack_names_the_global_stacks_secrets(regional: Stack, edge: Stack) -> None:
    defaults = regional.variables["secret_ids"]["default"]
    made = {key: s["id"] for key, s in edge.locals["secrets"].items()}
    assert defaults["session_id_secret"] == SESSION_KEY_ID
    for key, secret_id in defaults.items():
        assert made[key] == secret_id, key
    names = regional.locals["secret_names"]
    assert names["session_id_secret"] == _ref("var.secret_ids.session_id_secret")


def test_every_function_with_sessions_gets_the_secret_as_a_reference_it_may_read(
    regional: Stack,
) -> None:
    functions = regional.locals["functions"]
    users = _session_functions(regional)
    # The variable is given exactly where session_id_secret is one of the function's secrets,
    # as sm://<that secret's id> (the latest version), never a value.
    assert _env_by_secret(regional)["session_id_secret"] == (
        "SESSION_ID_SECRET",
        "session_id_secret",
    )
    assert "SESSION_ID_SECRET" not in regional.locals["common_env"], "not every function"
    assert regional.locals["function_env"].count("SESSION_ID_SECRET") == 1
    # local.function_secrets keeps each function's own list, taking away only the Gemini key
    # and the Sentry DSN; local.function_secret_pairs grants each (function, secret) of it.
    function_secrets = regional.locals["function_secrets"]
    assert "f.secrets" in function_secrets
    assert "session_id_secret" not in function_secrets
    pairs = regional.locals["function_secret_pairs"]
    assert "for key, secrets in local.function_secrets" in pairs
    assert "secret = local.secret_names[secret]" in pairs
    access = regional.resource("google_secret_manager_secret_iam_member", "function")
    assert access["for_each"] == "${local.function_secret_pairs}"
    assert access["role"] == "roles/secretmanager.secretAccessor"
    assert access["secret_id"] == _ref("each.value.secret")
    assert access["member"] == "${google_service_account.function[each.value.function].member}"
    # Each function runs as its own account, the one the grant names.
    service = regional.resource("google_cloudfunctions2_function")["service_config"][0]
    assert service["service_account_email"] == "${google_service_account.function[each.key].email}"
    assert service["environment_variables"] == "${local.function_env[each.key]}"
    for key, function in functions.items():
        has = "session_id_secret" in function["secrets"]
        assert has == (key in users), (
            f"{key}: {'keeps sessions but lacks' if key in users else 'keeps no sessions but gets'}"
            " session_id_secret"
        )


def test_the_setting_the_terraform_passes_is_the_one_the_functions_read() -> None:
    (setting,) = [s for s in SETTINGS if s.name == "SESSION_ID_SECRET"]
    assert setting.secret.value == "required", "an unreadable secret must stop the instance"


def test_client_address_settings_keep_their_defaults_behind_the_load_balancer(
    regional: Stack, edge: Stack
) -> None:
    # The global external Application Load Balancer appends "<client-ip>,<load-balancer-ip>" to
    # X-Forwarded-For, for serverless NEG backends too, so the client is the 2nd entry from the
    # right: CLIENT_IP_HOPS's default. A CDN or proxy put in front would change that.
    (hops,) = [s for s in SETTINGS if s.name == "CLIENT_IP_HOPS"]
    assert hops.default == "2"
    text = "\n".join(p.read_text(encoding="utf-8") for p in TERRAFORM.rglob("*.tf"))
    pinned = re.findall(r'CLIENT_IP_HOPS\s*=\s*"?([^"\s}]*)', text)
    assert all(value == "2" for value in pinned), pinned
    for name, backend in edge.of_type("google_compute_backend_service").items():
        assert backend["load_balancing_scheme"] == "EXTERNAL_MANAGED", name
        assert not backend.get("enable_cdn"), f"{name}: a CDN adds an X-Forwarded-For entry"
    for name, neg in edge.of_type("google_compute_region_network_endpoint_group").items():
        assert neg["network_endpoint_type"] == "SERVERLESS", name
    service = regional.resource("google_cloudfunctions2_function")["service_config"][0]
    assert "ALLOW_INTERNAL_AND_GCLB" in service["ingress_settings"]
