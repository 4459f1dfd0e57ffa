output "region" {
  description = "Region of this stack."
  value       = var.region
}

output "function_names" {
  description = "Cloud Function (and Cloud Run service) name per entry point; the global stack's NEGs point at these."
  value       = { for key, f in google_cloudfunctions2_function.main : key => f.name }
}

output "function_urls" {
  description = "Direct URL per entry point (reachable only from inside the project: use the load balancer)."
  value       = { for key, f in google_cloudfunctions2_function.main : key => f.service_config[0].uri }
}

output "service_accounts" {
  description = "Service account email per entry point."
  value       = { for key, sa in google_service_account.function : key => sa.email }
}

output "bulk_topic" {
  description = "Topic the bulk function publishes to (BULK_TOPIC)."
  value       = google_pubsub_topic.bulk.name
}

output "dead_letter_subscription" {
  description = "Pull subscription holding bulk messages that exhausted their delivery attempts."
  value       = google_pubsub_subscription.dead_letter.name
}

output "redis_host" {
  description = "Private address of this region's Memorystore instance (its AUTH string is only in Secret Manager)."
  value       = google_redis_instance.main.host
}

output "redis_url_secret" {
  description = "Secret holding the functions' REDIS_URL."
  value       = google_secret_manager_secret.redis_url.secret_id
}
