# The secrets the functions read through sm:// references. Terraform makes the secrets and who
# may read them (the regional stacks grant each function its own); values are added by an
# operator with `gcloud secrets versions add` (README, Deployment) and never appear here.

locals {
  secrets = {
    api_keys       = { id = "ion-api-keys", what = "ION_API_KEYS: id:sha256:role entries (hashes only)" }
    gemini_api_key = { id = "ion-gemini-api-key", what = "GEMINI_API_KEY for GEMINI_MODE=api_key" }
    sentry_dsn     = { id = "ion-sentry-dsn", what = "SENTRY_DSN: where errors are reported" }
    # Read by Cloud Build only (cloudbuild.yaml availableSecrets), never by a function.
    smoke_api_key = { id = "ion-smoke-api-key", what = "clear key the smoke test and SLO gate send" }
  }
}

resource "google_secret_manager_secret" "main" {
  for_each = local.secrets

  secret_id = each.value.id
  labels    = var.labels
  annotations = {
    holds = each.value.what
  }

  replication {
    user_managed {
      dynamic "replicas" {
        for_each = var.regions
        content {
          location = replicas.value
        }
      }
    }
  }

  depends_on = [google_project_service.main]
}
