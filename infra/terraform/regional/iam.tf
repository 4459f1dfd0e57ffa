# One service account per function with only what it needs, one for Cloud Build to build the
# functions, and one identity Pub/Sub uses to push to the worker.

resource "google_service_account" "function" {
  for_each = local.functions

  account_id   = substr("ion-${replace(each.key, "_", "-")}-${local.region_code}", 0, 30)
  display_name = "ION ${each.key} in ${var.region}"
  description  = "Runs the ${each.key} function in ${var.region}; nothing else."
}

resource "google_service_account" "build" {
  account_id   = substr("ion-build-${local.region_code}", 0, 30)
  display_name = "ION function builds in ${var.region}"
  description  = "Cloud Build identity that turns ION's bundles into function images in ${var.region}."
}

resource "google_service_account" "push" {
  account_id   = substr("ion-push-${local.region_code}", 0, 30)
  display_name = "ION bulk push in ${var.region}"
  description  = "Identity in the OIDC token Pub/Sub sends with each push to the bulk worker."
}

locals {
  # Project-level roles: Firestore has no finer grant than the project (datastore.user reads
  # and writes documents, nothing administrative); Vertex AI only for functions that answer
  # with Gemini in vertex mode.
  function_roles = merge([
    for key, f in local.functions : merge(
      f.firestore ? { "${key}/datastore.user" = { function = key, role = "roles/datastore.user" } } : {},
      f.answers && local.gemini_vertex ? { "${key}/aiplatform.user" = { function = key, role = "roles/aiplatform.user" } } : {},
    )
  ]...)

  function_secret_pairs = merge([
    for key, secrets in local.function_secrets : {
      for secret in secrets : "${key}/${secret}" => { function = key, secret = local.secret_names[secret] }
    }
  ]...)
}

resource "google_project_iam_member" "function" {
  for_each = local.function_roles

  project = var.project_id
  role    = each.value.role
  member  = google_service_account.function[each.value.function].member
}

# Secret access per secret, never project-wide: a function reads only its own secrets.
resource "google_secret_manager_secret_iam_member" "function" {
  for_each = local.function_secret_pairs

  project   = var.project_id
  secret_id = each.value.secret
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.function[each.value.function].member

  depends_on = [google_secret_manager_secret.redis_url]
}

resource "google_project_iam_member" "build" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = google_service_account.build.member
}

resource "google_artifact_registry_repository_iam_member" "build" {
  project    = var.project_id
  location   = var.region
  repository = google_artifact_registry_repository.functions.name
  role       = "roles/artifactregistry.writer"
  member     = google_service_account.build.member
}

resource "google_storage_bucket_iam_member" "build_reads_bundles" {
  bucket = var.source_bucket
  role   = "roles/storage.objectViewer"
  member = google_service_account.build.member
}
