# The two identities Cloud Build runs ION's pipeline as, one per build (a build's steps all
# share its identity, hence two builds):
#   ion-ci        cloudbuild.yaml: lint, the test suite, the bundles, their upload. It runs the
#                 repository's tests and every dev dependency, so it can do nothing but write
#                 build logs and add new objects to the bundle bucket: no secret, no
#                 deployment, no IAM, and no overwriting or deleting what is there.
#   ion-deployer  cloudbuild-deploy.yaml: terraform apply of the regional stack in each region,
#                 the smoke tests and the SLO gate. It manages what the regional stack holds
#                 (functions, their service accounts, Redis, Pub/Sub, the connector, secrets)
#                 and nothing else: no project-wide Editor, and it may grant only the three
#                 project roles the regional stack grants.
# Each build names its account (serviceAccount in the YAML); the triggers that start them are
# created by an operator (infra/terraform/README.md, CI/CD).

resource "google_service_account" "ci" {
  account_id   = "ion-ci"
  display_name = "ION CI builds"
  description  = "Runs cloudbuild.yaml: lint, tests, bundles, and uploads new bundles; nothing else."
}

resource "google_service_account" "deployer" {
  account_id   = "ion-deployer"
  display_name = "ION deploy builds"
  description  = "Runs cloudbuild-deploy.yaml: terraform apply of the regional stack, smoke tests, the SLO gate."
}

locals {
  state_bucket = coalesce(var.state_bucket, "${var.project_id}-ion-tfstate")

  # The deployer's project roles, each for what the regional stack manages with it (besides
  # the two over service accounts and the limited IAM grant, below).
  deployer_roles = {
    "roles/cloudfunctions.developer"          = "create and update the four functions"
    "roles/run.admin"                         = "invoker bindings on the functions' Cloud Run services"
    "roles/artifactregistry.admin"            = "the per-region image repository and its writer binding"
    "roles/pubsub.admin"                      = "the bulk topic, subscriptions, dead letters and their bindings"
    "roles/redis.admin"                       = "Memorystore"
    "roles/vpcaccess.admin"                   = "the Serverless VPC Access connector"
    "roles/compute.networkAdmin"              = "the connector's subnetwork"
    "roles/secretmanager.admin"               = "the Redis URL secret and per-secret bindings; reads the smoke key"
    "roles/serviceusage.serviceUsageConsumer" = "call the APIs above as itself"
    "roles/logging.logWriter"                 = "build logs"
  }

  # The only project roles the regional stack grants (regional/iam.tf): the deployer may
  # grant these and no other, so it cannot make itself or anyone an owner. (It can still act
  # as any service account of the project: keep the default ones unprivileged.)
  deployer_grantable_roles = ["roles/datastore.user", "roles/aiplatform.user", "roles/logging.logWriter"]
}

resource "google_project_iam_member" "ci_logs" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = google_service_account.ci.member
}

# New bundles (content-hashed names) and each release's tfvars and manifest; objectCreator
# cannot overwrite or delete an object, so nothing CI writes can replace what was deployed.
resource "google_storage_bucket_iam_member" "ci_uploads" {
  for_each = toset(["roles/storage.objectCreator", "roles/storage.objectViewer"])

  bucket = google_storage_bucket.sources.name
  role   = each.value
  member = google_service_account.ci.member
}

resource "google_project_iam_member" "deployer" {
  for_each = local.deployer_roles

  project = var.project_id
  role    = each.key
  member  = google_service_account.deployer.member
}

# The two grants over service accounts, apart because checkov flags them (rightly, for a
# person). The regional stack creates a service account per function, a build identity and a
# push identity in each region, and deploys functions that run as them; those accounts do
# not exist before it runs, so the grants cannot name them. They go to this build account
# only, which no person uses (a person needs actAs on it to start a build as it).
resource "google_project_iam_member" "deployer_manages_accounts" {
  # checkov:skip=CKV_GCP_49: the deploy build's account creates the regional stack's service accounts and binds the push identity's token creator; no person holds it
  project = var.project_id
  role    = "roles/iam.serviceAccountAdmin"
  member  = google_service_account.deployer.member
}

resource "google_project_iam_member" "deployer_acts_as" {
  # checkov:skip=CKV_GCP_41: the deploy build's account deploys functions that run as the service accounts the regional stack creates, which cannot be named in advance
  # checkov:skip=CKV_GCP_49: same account and reason as deployer_manages_accounts
  project = var.project_id
  role    = "roles/iam.serviceAccountUser"
  member  = google_service_account.deployer.member
}

resource "google_project_iam_member" "deployer_grants" {
  project = var.project_id
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = google_service_account.deployer.member

  condition {
    title       = "only the regional stack's roles"
    description = "The deployer may grant or revoke only the project roles the regional stack manages."
    expression  = "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly([${join(", ", formatlist("'%s'", local.deployer_grantable_roles))}])"
  }
}

# The regional stack's build identity is given read access to this bucket by the regional
# stack itself (a binding needs the bucket's IAM), and the deploy build reads each release's
# tfvars and manifest from it.
resource "google_storage_bucket_iam_member" "deployer_bundles" {
  bucket = google_storage_bucket.sources.name
  role   = "roles/storage.admin"
  member = google_service_account.deployer.member
}

# The regional states (made by hand before the first apply: README, Deployment).
resource "google_storage_bucket_iam_member" "deployer_state" {
  bucket = local.state_bucket
  role   = "roles/storage.objectAdmin"
  member = google_service_account.deployer.member
}
