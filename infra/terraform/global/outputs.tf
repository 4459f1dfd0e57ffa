output "load_balancer_ip" {
  description = "Address to point the domains' DNS A records at."
  value       = google_compute_global_address.main.address
}

output "source_bucket" {
  description = "Bucket for the bundle zips (the regional stacks' source_bucket)."
  value       = google_storage_bucket.sources.name
}

output "network_name" {
  description = "VPC network for the regional stacks (their network_name)."
  value       = google_compute_network.main.name
}

output "secret_ids" {
  description = "Secret ids to add versions to with gcloud (the regional stacks' secret_ids)."
  value       = { for key, s in google_secret_manager_secret.main : key => s.secret_id }
}

output "backend_negs" {
  description = "Serverless NEG ids per backend: one per region each."
  value = {
    for name in keys(local.backends) : name => [
      for key, neg in local.negs : google_compute_region_network_endpoint_group.main[key].id if neg.function == name
    ]
  }
}

output "security_policy" {
  description = "Cloud Armor policy attached to every backend."
  value       = google_compute_security_policy.main.name
}

output "firestore_database" {
  description = "Firestore database name (for restores: docs/disaster-recovery.md)."
  value       = google_firestore_database.main.name
}

output "firestore_export_bucket" {
  description = "Bucket that point-in-time and backup restores go through."
  value       = google_storage_bucket.firestore_exports.name
}

output "build_service_accounts" {
  description = "Service accounts of the two Cloud Build builds: ci runs cloudbuild.yaml, deployer runs cloudbuild-deploy.yaml (their triggers use these)."
  value = {
    ci       = google_service_account.ci.email
    deployer = google_service_account.deployer.email
  }
}
