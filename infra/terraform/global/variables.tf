variable "project_id" {
  description = "Google Cloud project that runs ION."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id."
  }
}

variable "regions" {
  description = "Regions that run the regional stack; every backend gets a serverless NEG in each. The first is the primary."
  type        = list(string)
  default     = ["us-central1", "europe-west1", "asia-northeast1"]

  validation {
    condition     = length(var.regions) >= 1 && length(distinct(var.regions)) == length(var.regions)
    error_message = "regions must list at least one region, each once."
  }

  validation {
    condition     = alltrue([for r in var.regions : can(regex("^[a-z]+-[a-z]+[0-9]+$", r))])
    error_message = "Each region must be a Google Cloud region such as us-central1."
  }
}

variable "domains" {
  description = "Host names the managed certificate covers; point their DNS A records at the load balancer address."
  type        = list(string)

  validation {
    condition     = length(var.domains) >= 1 && alltrue([for d in var.domains : can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", d))])
    error_message = "domains must hold at least one fully qualified host name."
  }
}

variable "network_name" {
  description = "Name of the VPC network Memorystore and the VPC Access connectors use."
  type        = string
  default     = "ion"
}

variable "ssl_policy_profile" {
  description = "TLS profile of the HTTPS proxy (minimum TLS 1.2 either way)."
  type        = string
  default     = "MODERN"

  validation {
    condition     = contains(["MODERN", "RESTRICTED"], var.ssl_policy_profile)
    error_message = "ssl_policy_profile must be MODERN or RESTRICTED."
  }
}

variable "admin_allowed_cidrs" {
  description = "Source ranges allowed to reach the admin (cache) endpoints through the load balancer; empty blocks them at the edge."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.admin_allowed_cidrs) <= 10 && alltrue([for c in var.admin_allowed_cidrs : can(cidrhost(c, 0))])
    error_message = "admin_allowed_cidrs takes up to 10 CIDR ranges."
  }
}

variable "waf_sensitivity" {
  description = "Sensitivity of the preconfigured OWASP rules (1 has the fewest false positives, 4 catches most). The opt-outs in armor.tf are chosen for 1: a higher level adds signatures that match code in messages, so review them first."
  type        = number
  default     = 1

  validation {
    condition     = contains([1, 2, 3, 4], var.waf_sensitivity)
    error_message = "waf_sensitivity must be 1, 2, 3 or 4."
  }
}

variable "ip_throttle" {
  description = "Throttle per client IP over every request, keyed or not (armor.tf, priority 2900): at most count requests per interval_s, 429 over it. preview = true only logs what it would throttle, and the per-key throttle and per-IP ban behind it apply instead."
  type = object({
    count      = number
    interval_s = number
    preview    = optional(bool, false)
  })
  # Twice the functions' per-key rate (RATE_LIMIT_PER_MIN 600): a client with one key never
  # meets it before its key's own limit, two keys behind one NAT address still fit.
  default = { count = 1200, interval_s = 60, preview = false }

  validation {
    condition     = var.ip_throttle.count >= 1 && floor(var.ip_throttle.count) == var.ip_throttle.count && contains([10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600], var.ip_throttle.interval_s)
    error_message = "ip_throttle needs a whole count >= 1 and an interval Cloud Armor accepts (10 to 3600 s)."
  }
}

variable "ip_ban" {
  description = "Rate-based ban per client IP for requests without an API key: over count in interval_s, banned for ban_s. Reached only while ip_throttle is in preview (armor.tf)."
  type = object({
    count      = number
    interval_s = number
    ban_s      = number
  })
  default = { count = 300, interval_s = 60, ban_s = 600 }

  validation {
    condition     = var.ip_ban.count >= 1 && contains([10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600], var.ip_ban.interval_s) && var.ip_ban.ban_s >= 60
    error_message = "ip_ban needs count >= 1, an interval Cloud Armor accepts (10 to 3600 s) and ban_s >= 60."
  }
}

variable "api_key_throttle" {
  description = "Throttle per X-API-Key header value at the edge: at most count requests per interval_s. Reached only while ip_throttle is in preview (armor.tf); the functions rate-limit per key in any case."
  type = object({
    count      = number
    interval_s = number
  })
  default = { count = 1200, interval_s = 60 }

  validation {
    condition     = var.api_key_throttle.count >= 1 && contains([10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600], var.api_key_throttle.interval_s)
    error_message = "api_key_throttle needs count >= 1 and an interval Cloud Armor accepts (10 to 3600 s)."
  }
}

variable "firestore_location" {
  description = "Firestore location: a multi-region (nam5, eur3) survives the loss of a region."
  type        = string
  default     = "nam5"
}

variable "firestore_export_location" {
  description = "Location of the bucket restores are exported through (a multi-region such as US matches nam5)."
  type        = string
  default     = "US"
}

variable "backup_retention" {
  description = "How long Firestore keeps the daily backups (at most 7 days) and the weekly ones (at most 14 weeks), in seconds."
  type = object({
    daily  = string
    weekly = string
  })
  default = { daily = "604800s", weekly = "8467200s" }

  validation {
    condition = (
      can(regex("^[0-9]+s$", var.backup_retention.daily)) && can(regex("^[0-9]+s$", var.backup_retention.weekly))
      && tonumber(trimsuffix(var.backup_retention.daily, "s")) <= 604800
      && tonumber(trimsuffix(var.backup_retention.weekly, "s")) <= 8467200
    )
    error_message = "backup_retention: daily at most 604800s (7 days), weekly at most 8467200s (14 weeks)."
  }
}

variable "weekly_backup_day" {
  description = "Day of the week of the long-kept Firestore backup."
  type        = string
  default     = "SUNDAY"

  validation {
    condition     = contains(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"], var.weekly_backup_day)
    error_message = "weekly_backup_day must be a day name in capitals, such as SUNDAY."
  }
}

variable "session_collection" {
  description = "SESSION_COLLECTION: its documents expire on their expire_at field."
  type        = string
  default     = "sessions"
}

variable "bulk_collection" {
  description = "BULK_COLLECTION: job documents (and their results and attempts subcollections) expire on expire_at."
  type        = string
  default     = "bulk_jobs"
}

variable "source_bucket_location" {
  description = "Location of the bucket that holds the function bundles."
  type        = string
  default     = "US"
}

variable "bundle_retention_days" {
  description = "Days a bundle zip is kept after upload (older bundles remain deployable until then, for rollbacks)."
  type        = number
  default     = 90

  validation {
    condition     = var.bundle_retention_days >= 7
    error_message = "bundle_retention_days must be at least 7."
  }
}

variable "state_bucket" {
  description = "Bucket of the Terraform states (README, Deployment, step 1); empty means <project_id>-ion-tfstate. The deploy build's account gets object access to it."
  type        = string
  default     = ""
}

variable "notification_channels" {
  description = "Monitoring notification channel ids the alert policies notify (empty: alerts only show in the console)."
  type        = list(string)
  default     = []
}

variable "slo" {
  description = "Alert thresholds: 5xx ratio, p95 latency in ms, minimum cache hit rate of process."
  type = object({
    error_ratio    = number
    p95_latency_ms = number
    cache_hit_rate = number
  })
  default = { error_ratio = 0.05, p95_latency_ms = 2000, cache_hit_rate = 0.8 }

  validation {
    condition     = var.slo.error_ratio > 0 && var.slo.error_ratio < 1 && var.slo.p95_latency_ms > 0 && var.slo.cache_hit_rate > 0 && var.slo.cache_hit_rate < 1
    error_message = "slo: error_ratio and cache_hit_rate between 0 and 1, p95_latency_ms > 0."
  }
}

variable "unauthorized_per_minute" {
  description = "Alert when the load balancer answers 401 (missing, unknown or revoked API key) more often than this per minute over 5 minutes. Low on purpose: a guesser is throttled (per IP at the edge, and by the functions), so even an attack can show as a modest rate of 401s."
  type        = number
  default     = 20

  validation {
    condition     = var.unauthorized_per_minute > 0
    error_message = "unauthorized_per_minute must be > 0."
  }
}

variable "labels" {
  description = "Labels put on every resource that takes them."
  type        = map(string)
  default     = { app = "ion-mentoring" }
}
