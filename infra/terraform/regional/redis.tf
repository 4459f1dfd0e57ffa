# Memorystore Redis: the L2 cache and shared rate limits of this region. AUTH on and TLS in
# transit; the client URL (password and server CA included) goes to Secret Manager, read by the
# functions as REDIS_URL=sm://..., so no password is ever a literal or an environment value.
# Losing it only makes the cache colder (docs/disaster-recovery.md): no persistence is kept.
# Keys are hashes; values are answers, kept var.cache_ttl_s (docs/retention.md).

resource "google_redis_instance" "main" {
  name           = "ion-cache-${local.region_code}"
  display_name   = "ION cache (${var.region})"
  region         = var.region
  tier           = var.redis_tier
  memory_size_gb = var.redis_memory_gb
  redis_version  = var.redis_version
  labels         = var.labels

  authorized_network      = data.google_compute_network.main.id
  connect_mode            = "DIRECT_PEERING"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"

  redis_configs = {
    maxmemory-policy = "allkeys-lru"
  }

  # Cached answers live only in memory, for their TTL (var.cache_ttl_s): no RDB snapshot
  # keeps a copy on disk (docs/retention.md).
  persistence_config {
    persistence_mode = "DISABLED"
  }

  maintenance_policy {
    weekly_maintenance_window {
      day = "SUNDAY"
      start_time {
        hours   = 3
        minutes = 0
        seconds = 0
        nanos   = 0
      }
    }
  }
}

resource "google_secret_manager_secret" "redis_url" {
  secret_id = "ion-redis-url-${local.region_code}"
  labels    = var.labels

  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
}

# rediss:// with the AUTH string, the instance's own server CA (redis-py ssl_ca_data) and no
# hostname check: Memorystore certificates carry no host name, and trust is pinned to the CA
# that only this instance uses. The value lives in the Terraform state too: keep the state
# bucket private (../README.md).
resource "google_secret_manager_secret_version" "redis_url" {
  secret = google_secret_manager_secret.redis_url.id
  secret_data = format(
    "rediss://:%s@%s:%d/0?ssl_cert_reqs=required&ssl_check_hostname=false&ssl_ca_data=%s",
    urlencode(google_redis_instance.main.auth_string),
    google_redis_instance.main.host,
    google_redis_instance.main.port,
    urlencode(google_redis_instance.main.server_ca_certs[0].cert),
  )
}
