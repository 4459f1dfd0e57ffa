# Firestore: sessions and bulk jobs. Point-in-time recovery (7 days, to the minute), delete
# protection, a daily backup kept 7 days and a weekly one kept 14 weeks; TTL policies delete
# expired sessions, jobs and their results and attempt counts. Restoring is in docs/disaster-recovery.md.
# Sessions hold what people wrote: how long each copy lives (the live documents, PITR, the
# backups, restore exports) is stated in docs/retention.md, which tests/infra compares with
# the values here.

resource "google_firestore_database" "main" {
  name        = "(default)"
  location_id = var.firestore_location
  type        = "FIRESTORE_NATIVE"

  point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED"
  delete_protection_state           = "DELETE_PROTECTION_ENABLED"
  deletion_policy                   = "ABANDON"
  app_engine_integration_mode       = "DISABLED"
  concurrency_mode                  = "OPTIMISTIC"

  depends_on = [google_project_service.main]
}

resource "google_firestore_backup_schedule" "daily" {
  database  = google_firestore_database.main.name
  retention = var.backup_retention.daily

  daily_recurrence {}
}

resource "google_firestore_backup_schedule" "weekly" {
  database  = google_firestore_database.main.name
  retention = var.backup_retention.weekly

  weekly_recurrence {
    day = var.weekly_backup_day
  }
}

locals {
  # Collection groups whose documents carry expire_at: `results` and `attempts` are each job's
  # subcollections (core/adapters/firestore_jobs.py; a field policy applies to the whole group).
  ttl_collections = {
    sessions     = var.session_collection
    bulk_jobs    = var.bulk_collection
    job_results  = "results"
    job_attempts = "attempts"
  }
}

resource "google_firestore_field" "expire_at" {
  for_each = local.ttl_collections

  database   = google_firestore_database.main.name
  collection = each.value
  field      = "expire_at"

  ttl_config {}

  # A TTL timestamp is never queried: no single-field indexes on it (cheaper writes, no hotspot).
  index_config {}
}

# Where restores go through (docs/disaster-recovery.md): a point-in-time or backup copy is
# exported here, then imported into the live database. Written only by Firestore's agent.
data "google_project" "this" {
  project_id = var.project_id
}

resource "google_storage_bucket" "firestore_exports" {
  # checkov:skip=CKV_GCP_62: written only by Firestore's service agent during a restore; Cloud Audit Logs record those operations
  name                        = "${var.project_id}-ion-firestore-exports"
  location                    = var.firestore_export_location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels

  versioning {
    enabled = true
  }

  # An export holds sessions' text: it is deleted 30 days after it was written (a live
  # object becomes noncurrent, a noncurrent one is deleted, both by age), and not kept
  # another week by soft delete.
  lifecycle_rule {
    condition {
      age = 30
    }
    action {
      type = "Delete"
    }
  }

  soft_delete_policy {
    retention_duration_seconds = 0
  }
}

resource "google_storage_bucket_iam_member" "firestore_exports" {
  bucket = google_storage_bucket.firestore_exports.name
  role   = "roles/storage.admin"
  member = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-firestore.iam.gserviceaccount.com"
}
