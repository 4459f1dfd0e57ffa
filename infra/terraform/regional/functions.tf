# The four functions, each built by Cloud Functions from its vendored bundle (a content-hashed
# zip: a new bundle is a new object name, hence a new deployment; an unchanged one is left alone).

resource "google_artifact_registry_repository" "functions" {
  # checkov:skip=CKV_GCP_84: images are rebuilt from the bundles in source control on every deploy and hold no data; Google-managed encryption at rest is enough, CMEK would add a key to run and rotate for no gain
  location      = var.region
  repository_id = "ion-functions"
  description   = "Images Cloud Functions builds from ION's bundles."
  format        = "DOCKER"
  labels        = var.labels

  cleanup_policy_dry_run = false
  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 10
    }
  }
  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      older_than = "2592000s"
    }
  }
}

resource "google_cloudfunctions2_function" "main" {
  for_each = local.functions

  name        = each.value.name
  location    = var.region
  description = "ION ${each.key} (entry point ${each.key})"
  labels      = var.labels

  build_config {
    runtime           = "python311"
    entry_point       = each.key
    docker_repository = google_artifact_registry_repository.functions.id
    service_account   = google_service_account.build.id

    source {
      storage_source {
        bucket = var.source_bucket
        object = var.bundle_objects[each.key]
      }
    }
  }

  service_config {
    min_instance_count               = var.functions[each.key].min_instances
    max_instance_count               = var.functions[each.key].max_instances
    max_instance_request_concurrency = var.functions[each.key].concurrency
    available_memory                 = var.functions[each.key].memory
    available_cpu                    = var.functions[each.key].cpu
    timeout_seconds                  = var.functions[each.key].timeout_s
    service_account_email            = google_service_account.function[each.key].email
    environment_variables            = local.function_env[each.key]
    all_traffic_on_latest_revision   = true

    # HTTP functions only through the load balancer (and from inside the project); the worker
    # only from inside (Pub/Sub push counts as internal).
    ingress_settings = each.value.http ? "ALLOW_INTERNAL_AND_GCLB" : "ALLOW_INTERNAL_ONLY"

    vpc_connector                 = google_vpc_access_connector.main.id
    vpc_connector_egress_settings = var.vpc_egress
  }

  depends_on = [
    google_secret_manager_secret_iam_member.function,
    google_project_iam_member.build,
    google_storage_bucket_iam_member.build_reads_bundles,
  ]
}

# The load balancer calls the HTTP functions without an identity (a serverless NEG cannot mint
# one), so their invoker is allUsers; ingress above keeps the public internet out, Cloud Armor
# filters what the load balancer passes, and every path but /healthz needs an API key.
resource "google_cloud_run_v2_service_iam_member" "public_through_lb" {
  for_each = { for key, f in local.functions : key => f if f.http }

  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.main[each.key].service_config[0].service
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# The worker is invoked only by Pub/Sub, with an OIDC token of the push identity.
resource "google_cloud_run_v2_service_iam_member" "worker_push" {
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.main["bulk_worker"].service_config[0].service
  role     = "roles/run.invoker"
  member   = google_service_account.push.member
}
