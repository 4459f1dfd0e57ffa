# Bulk jobs: the bulk function publishes one message per item to this region's topic; Pub/Sub
# pushes each to the worker with an OIDC token, retries with backoff, and after
# bulk_max_attempts + bulk_dead_letter_margin deliveries moves it to the dead-letter topic,
# where a pull subscription keeps it for inspection and replay. The margin matters: the worker
# records an item as failed on the first delivery past bulk_max_attempts (deliveryAttempt),
# even when earlier deliveries died without counting a failure, so every item's job finishes;
# the dead letter is only for a worker that cannot record at all. Pub/Sub accepts 5 to 100
# delivery attempts; the two variables' validations keep their sum in that range for every
# value they allow, so the threshold is never clamped and the margin never shrinks.
#
# Each message carries an item's text. Every topic and subscription here keeps messages
# bulk_message_retention (7 days by default), no longer: a worker outage shorter than that
# loses no item, and docs/retention.md states it (tests/infra compares the two).

locals {
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
  worker_url   = google_cloudfunctions2_function.main["bulk_worker"].service_config[0].uri
}

resource "google_pubsub_topic" "bulk" {
  # checkov:skip=CKV_GCP_83: messages are job items that live at most bulk_message_retention; Google-managed encryption at rest, no customer key to run
  name                       = "${var.bulk_topic}-${local.region_code}"
  labels                     = var.labels
  message_retention_duration = var.bulk_message_retention

  message_storage_policy {
    allowed_persistence_regions = [var.region]
  }
}

resource "google_pubsub_topic" "dead_letter" {
  # checkov:skip=CKV_GCP_83: same data as the bulk topic, same reason
  name                       = "${var.bulk_topic}-dead-${local.region_code}"
  labels                     = var.labels
  message_retention_duration = var.bulk_message_retention

  message_storage_policy {
    allowed_persistence_regions = [var.region]
  }
}

resource "google_pubsub_subscription" "worker" {
  name   = "${var.bulk_topic}-worker-${local.region_code}"
  topic  = google_pubsub_topic.bulk.id
  labels = var.labels

  ack_deadline_seconds       = max(10, min(600, var.functions["bulk_worker"].timeout_s))
  message_retention_duration = var.bulk_message_retention
  retain_acked_messages      = false

  expiration_policy {
    ttl = "" # never expires, however long the worker is idle
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.bulk_max_attempts + var.bulk_dead_letter_margin # 5 to 100 by validation
  }

  push_config {
    push_endpoint = local.worker_url

    oidc_token {
      service_account_email = google_service_account.push.email
      audience              = local.worker_url
    }
  }
}

resource "google_pubsub_subscription" "dead_letter" {
  name   = "${var.bulk_topic}-dead-${local.region_code}"
  topic  = google_pubsub_topic.dead_letter.id
  labels = var.labels

  # Dead letters are kept for inspection and replay, acknowledged or not, as long as the
  # other bulk messages and no longer.
  message_retention_duration = var.bulk_message_retention
  retain_acked_messages      = true
  ack_deadline_seconds       = 60

  expiration_policy {
    ttl = ""
  }
}

# Only the bulk function publishes, and only to its region's topic.
resource "google_pubsub_topic_iam_member" "bulk_publishes" {
  topic  = google_pubsub_topic.bulk.id
  role   = "roles/pubsub.publisher"
  member = google_service_account.function["bulk"].member
}

# Pub/Sub's service agent moves undeliverable messages: it publishes to the dead-letter topic and
# acknowledges them on the worker subscription.
resource "google_pubsub_topic_iam_member" "agent_dead_letters" {
  topic  = google_pubsub_topic.dead_letter.id
  role   = "roles/pubsub.publisher"
  member = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "agent_forwards" {
  subscription = google_pubsub_subscription.worker.id
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

# ... and signs the push identity's OIDC tokens.
resource "google_service_account_iam_member" "agent_signs_push_tokens" {
  service_account_id = google_service_account.push.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_agent
}
