# The secrets the functions read through sm:// references. Terraform makes the secrets and who
# may read them (the regional stacks grant each function its own); values are added by an
# operator with `gcloud secrets versions add` (README, Deployment) and never appear here.

locals {
  secrets = {
    api_keys       = { id = "ion-api-keys", what = "ION_API_KEYS: id:sha256:role entries (hashes only)" }
    gemini_api_key = { id = "ion-gemini-api-key", what = "GEMINI_API_KEY for GEMINI_MODE=api_key" }
    sentry_dsn     = { id = "ion-sentry-dsn", what = "SENTRY_DSN: where errors are reported" }
    # One key for every region: Firestore (and so every session) is global, and a session
    # continued in another region must find the same document.
    session_id_secret = { id = "ion-session-id-secret", what = "SESSION_ID_SECRET: HMAC key that names each session's Firestore document (random, 32+ characters)" }
    # Read by Cloud Build only (cloudbuild.yaml availableSecrets), never by a function.
    smoke_api_key = { id = "ion-smoke-api-key", what = "clear key the smoke test and SLO gate send" }
  }

  # More annotations for whoever adds a version (`gcloud secrets describe` shows them).
  secret_notes = {
    session_id_secret = {
      # Surrounding whitespace (openssl's newline) is dropped when the functions read it.
      first-version = "openssl rand -base64 48 | gcloud secrets versions add ion-session-id-secret --data-file=-"
      # The functions read the secret once per instance: a new version reaches every instance
      # only with a new revision, and until then old and new instances name sessions apart.
      rotation = "A new version ends every open session: their documents are no longer found (they expire by their TTL) and the next turn starts a new session. After adding it, roll out a new ion-process revision in every region: gcloud run services update ion-process --region=REGION --update-env-vars=SESSION_KEY_ROTATED_AT=$(date +%s)"
    }
  }
}

resource "google_secret_manager_secret" "main" {
  for_each = local.secrets

  secret_id   = each.value.id
  labels      = var.labels
  annotations = merge({ holds = each.value.what }, try(local.secret_notes[each.key], {}))

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
