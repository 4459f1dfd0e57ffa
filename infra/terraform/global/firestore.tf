# Firestore: sessions and bulk jobs. Point-in-time recovery (7 days, to the minute), delete
# protection, a daily backup kept 7 days and a weekly one kept 14 weeks; TTL policies delete
# expired sessions, jobs and job items. Restoring is in docs/disaster-recovery.md.

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
  # Collection groups whose documents carry expire_at; `items` is the jobs' subcollection (a
  # field policy applies to the whole collection group).
  ttl_collections = {
    sessions  = var.session_collection
    bulk_jobs = var.bulk_collection
    job_items = "items"
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
