# The regional stack: ION's four Cloud Functions (2nd gen) in one region, with what only they
# use there: one service account each, Memorystore Redis, the VPC Access connector, the bulk
# topic with its push subscription and dead-letter topic. Applied once per region, each with its
# own state (regions/<region>.tfvars; see ../README.md). The load balancer, Cloud Armor,
# Firestore, the secrets and the serverless NEGs of every region are in ../global.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  # A short code per region for ids with tight length limits (service accounts: 30 characters):
  # the region without vowels and hyphens (us-central1 -> scntrl1, asia-northeast1 -> snrthst1).
  region_code = replace(var.region, "/[-aeiou]/", "")

  gemini_vertex  = var.generator == "gemini" && var.gemini_mode == "vertex"
  gemini_api_key = var.generator == "gemini" && var.gemini_mode == "api_key"

  # Every function of this stack. The name is also the Cloud Run service behind it, which the
  # global stack's serverless NEGs name: keep both in step (tests/infra checks they are).
  # secrets: which of var.secret_ids (and this region's Redis URL) it may read; only a
  # function that keeps sessions gets session_id_secret (SESSION_ID_SECRET must be readable
  # wherever it is set: an instance that cannot read it refuses to start).
  functions = {
    process = {
      name      = "ion-process"
      http      = true
      firestore = true
      answers   = true
      secrets   = ["api_keys", "redis_url", "sentry_dsn", "session_id_secret"]
    }
    recommend = {
      name      = "ion-recommend"
      http      = true
      firestore = false
      answers   = false
      secrets   = ["api_keys", "redis_url", "sentry_dsn"]
    }
    bulk = {
      name      = "ion-bulk"
      http      = true
      firestore = true
      answers   = false
      secrets   = ["api_keys", "redis_url", "sentry_dsn"]
    }
    bulk_worker = {
      name      = "ion-bulk-worker"
      http      = false
      firestore = true
      answers   = true
      secrets   = ["redis_url", "sentry_dsn"]
    }
  }

  secret_names = {
    api_keys          = var.secret_ids.api_keys
    gemini_api_key    = var.secret_ids.gemini_api_key
    sentry_dsn        = var.secret_ids.sentry_dsn
    session_id_secret = var.secret_ids.session_id_secret
    redis_url         = google_secret_manager_secret.redis_url.secret_id
  }

  # What each function may read: its own list, the Gemini key only where it answers in
  # api_key mode, the Sentry DSN only when Sentry is on.
  function_secrets = {
    for key, f in local.functions : key => setsubtract(
      concat(f.secrets, f.answers && local.gemini_api_key ? ["gemini_api_key"] : []),
      var.sentry_enabled ? [] : ["sentry_dsn"]
    )
  }

  # Settings every function reads (core/config.py); secrets only as sm:// references.
  common_env = {
    GOOGLE_CLOUD_PROJECT = var.project_id
    # The exact version: a replaced Redis writes a new one, which changes this value and so
    # rolls out a new revision that reads it (docs/disaster-recovery.md).
    REDIS_URL            = "sm://projects/${var.project_id}/secrets/${local.secret_names.redis_url}/versions/${google_secret_manager_secret_version.redis_url.version}"
    SESSION_COLLECTION   = var.session_collection
    BULK_COLLECTION      = var.bulk_collection
    BULK_TOPIC           = google_pubsub_topic.bulk.name
    BULK_MAX_ATTEMPTS    = tostring(var.bulk_max_attempts)
    CORS_ALLOWED_ORIGINS = var.cors_allowed_origins
    # How long message text and answers are kept (docs/retention.md states these values).
    SESSION_TTL_H  = tostring(var.session_ttl_h)
    BULK_JOB_TTL_H = tostring(var.bulk_job_ttl_h)
    CACHE_L1_TTL_S = tostring(var.cache_ttl_s.l1)
    CACHE_L2_TTL_S = tostring(var.cache_ttl_s.l2)
    CACHE_STALE_S  = tostring(var.cache_ttl_s.stale)
    # Crisis lines of safety replies (README, Safety); empty keeps the documented defaults.
    CRISIS_RESOURCES = var.crisis_resources
  }

  function_env = {
    for key, f in local.functions : key => merge(
      local.common_env,
      contains(local.function_secrets[key], "api_keys") ? { ION_API_KEYS = "sm://${local.secret_names.api_keys}" } : {},
      contains(local.function_secrets[key], "sentry_dsn") ? { SENTRY_DSN = "sm://${local.secret_names.sentry_dsn}" } : {},
      # The latest version, read once per instance: rotating it is a new version and a new
      # revision (the secret's rotation annotation, global/secrets.tf).
      contains(local.function_secrets[key], "session_id_secret") ? { SESSION_ID_SECRET = "sm://${local.secret_names.session_id_secret}" } : {},
      f.answers ? {
        GENERATOR       = var.generator
        GEMINI_MODE     = var.gemini_mode
        GEMINI_MODEL    = var.gemini_model
        GEMINI_LOCATION = var.gemini_location
        # Crisis messages reach the model only when this is true (README, Safety).
        SAFETY_MODEL_REPLIES = tostring(var.safety_model_replies)
      } : {},
      contains(local.function_secrets[key], "gemini_api_key") ? { GEMINI_API_KEY = "sm://${local.secret_names.gemini_api_key}" } : {},
    )
  }
}
