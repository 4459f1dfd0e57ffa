# The global stack: what exists once per project. The external Application Load Balancer with
# Cloud Armor and a serverless NEG per HTTP function per region, the Firestore database with
# its backups and TTL policies, the secrets (never their values), the network, the bundle
# bucket, and the log-based metrics and alerts. Apply it before the regional stacks; a region's
# NEG serves traffic once that region's stack has deployed its functions.

locals {
  # The HTTP functions behind the load balancer and the Cloud Run service of each (the name
  # the regional stack gives its function; tests/infra checks both stacks agree).
  backends = {
    process   = "ion-process"
    recommend = "ion-recommend"
    bulk      = "ion-bulk"
  }

  # One serverless NEG per (function, region): every backend holds every region by construction.
  negs = {
    for pair in setproduct(keys(local.backends), var.regions) :
    "${pair[0]}/${pair[1]}" => { function = pair[0], region = pair[1] }
  }

  services = [
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "compute.googleapis.com",
    "firestore.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "redis.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "vpcaccess.googleapis.com",
    "aiplatform.googleapis.com",
  ]
}

resource "google_project_service" "main" {
  for_each = toset(local.services)

  service            = each.value
  disable_on_destroy = false
}

resource "google_compute_network" "main" {
  name                    = var.network_name
  description             = "ION: Memorystore and the functions' VPC Access connectors (subnets per region)."
  auto_create_subnetworks = false
  routing_mode            = "GLOBAL"

  depends_on = [google_project_service.main]
}

# Nothing on the network takes connections from outside: deny every ingress not allowed by a
# higher-priority rule (the rules Serverless VPC Access creates for its connectors are).
resource "google_compute_firewall" "deny_ingress" {
  name        = "ion-deny-ingress"
  network     = google_compute_network.main.name
  description = "Default deny for ingress to ION's network."
  direction   = "INGRESS"
  priority    = 65534

  source_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}

# Cloud Build uploads the bundles here; the regional stacks deploy from it.
resource "google_storage_bucket" "sources" {
  # checkov:skip=CKV_GCP_62: access logs of a build-artefact bucket written only by Cloud Build add nothing that Cloud Audit Logs (data access) do not already record
  name                        = "${var.project_id}-ion-bundles"
  location                    = var.source_bucket_location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      age = var.bundle_retention_days
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      num_newer_versions = 1
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
}
