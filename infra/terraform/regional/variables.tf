variable "project_id" {
  description = "Google Cloud project that runs ION."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id."
  }
}

variable "region" {
  description = "Region this stack deploys to (one state per region)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as us-central1."
  }
}

variable "network_name" {
  description = "VPC network made by the global stack; Redis and the VPC Access connector live on it."
  type        = string
  default     = "ion"
}

variable "connector_cidr" {
  description = "Unused /28 of the network for this region's Serverless VPC Access connector subnet."
  type        = string

  validation {
    condition     = can(cidrhost(var.connector_cidr, 0)) && endswith(var.connector_cidr, "/28")
    error_message = "connector_cidr must be an IPv4 /28 such as 10.8.0.0/28."
  }
}

variable "connector_instances" {
  description = "Minimum and maximum instances of the VPC Access connector (2 to 10)."
  type = object({
    min = number
    max = number
  })
  default = { min = 2, max = 3 }

  validation {
    condition     = var.connector_instances.min >= 2 && var.connector_instances.max <= 10 && var.connector_instances.min < var.connector_instances.max
    error_message = "connector_instances needs 2 <= min < max <= 10."
  }
}

variable "vpc_egress" {
  description = "Which outbound traffic of the functions goes through the connector: PRIVATE_RANGES_ONLY (Redis) or ALL_TRAFFIC."
  type        = string
  default     = "PRIVATE_RANGES_ONLY"

  validation {
    condition     = contains(["PRIVATE_RANGES_ONLY", "ALL_TRAFFIC"], var.vpc_egress)
    error_message = "vpc_egress must be PRIVATE_RANGES_ONLY or ALL_TRAFFIC."
  }
}

variable "source_bucket" {
  description = "Bucket (made by the global stack) holding the bundles that scripts/build_bundles.py builds."
  type        = string
}

variable "bundle_objects" {
  description = "Object name of each function's content-hashed bundle zip in source_bucket, keyed by entry point (build/bundles/bundles.tfvars.json)."
  type        = map(string)

  validation {
    condition     = toset(keys(var.bundle_objects)) == toset(["process", "recommend", "bulk", "bulk_worker"])
    error_message = "bundle_objects must name exactly the bundles of process, recommend, bulk and bulk_worker."
  }

  validation {
    condition     = alltrue([for name, object in var.bundle_objects : can(regex("^(.+/)?${name}-[0-9a-f]{12}\\.zip$", object))])
    error_message = "Each bundle object must be a content-hashed zip named <entry point>-<12 hex>.zip."
  }
}

variable "functions" {
  description = "Per function (by entry point): instance limits, requests per instance, memory, CPU and timeout."
  type = map(object({
    min_instances = optional(number, 0)
    max_instances = optional(number, 20)
    concurrency   = optional(number, 16)
    memory        = optional(string, "512Mi")
    cpu           = optional(string, "1")
    timeout_s     = optional(number, 60)
  }))
  default = {
    process     = { min_instances = 1, max_instances = 50, concurrency = 16, memory = "1Gi", cpu = "1", timeout_s = 60 }
    recommend   = { min_instances = 0, max_instances = 20, concurrency = 32, memory = "512Mi", cpu = "1", timeout_s = 30 }
    bulk        = { min_instances = 0, max_instances = 10, concurrency = 16, memory = "512Mi", cpu = "1", timeout_s = 60 }
    bulk_worker = { min_instances = 0, max_instances = 20, concurrency = 4, memory = "1Gi", cpu = "1", timeout_s = 300 }
  }

  validation {
    condition     = toset(keys(var.functions)) == toset(["process", "recommend", "bulk", "bulk_worker"])
    error_message = "functions must configure exactly process, recommend, bulk and bulk_worker."
  }

  validation {
    condition = alltrue([for f in values(var.functions) :
      f.min_instances >= 0 && f.max_instances >= max(1, f.min_instances) && f.concurrency >= 1 && f.concurrency <= 1000
    ])
    error_message = "Each function needs 0 <= min_instances <= max_instances, max_instances >= 1 and 1 <= concurrency <= 1000."
  }

  validation {
    condition     = alltrue([for f in values(var.functions) : can(regex("^[0-9]+(Mi|Gi)$", f.memory)) && f.timeout_s >= 1 && f.timeout_s <= 540])
    error_message = "memory is like 512Mi or 1Gi; timeout_s is 1 to 540 (the worker's also bounds the Pub/Sub ack deadline)."
  }
}

variable "generator" {
  description = "What writes answers (GENERATOR): offline, or gemini with the offline generator as fallback."
  type        = string
  default     = "offline"

  validation {
    condition     = contains(["offline", "gemini"], var.generator)
    error_message = "generator must be offline or gemini."
  }
}

variable "crisis_resources" {
  description = "CRISIS_RESOURCES: the crisis lines safety replies list, as JSON by language (ko, en) and category (self_harm, harm_to_others, abuse); a list given replaces that default. Empty keeps the defaults in the README, which must be checked against this region's users."
  type        = string
  default     = ""

  validation {
    condition     = var.crisis_resources == "" || can(jsondecode(var.crisis_resources))
    error_message = "crisis_resources must be empty or JSON (the functions check its shape at start-up)."
  }
}

variable "safety_model_replies" {
  description = "SAFETY_MODEL_REPLIES: with generator = gemini, let the model write replies to crisis messages under a strict safety instruction (crisis lines still appended verbatim). false: crisis messages never reach the model."
  type        = bool
  default     = false
}

variable "gemini_mode" {
  description = "GEMINI_MODE: vertex (Vertex AI as the function's service account) or api_key (the Gemini API key secret)."
  type        = string
  default     = "vertex"

  validation {
    condition     = contains(["vertex", "api_key"], var.gemini_mode)
    error_message = "gemini_mode must be vertex or api_key."
  }
}

variable "gemini_model" {
  description = "GEMINI_MODEL: the model that answers."
  type        = string
  default     = "gemini-2.5-flash"
}

variable "gemini_location" {
  description = "GEMINI_LOCATION: where Vertex AI runs the model."
  type        = string
  default     = "global"
}

variable "secret_ids" {
  description = "Secret Manager secret ids made by the global stack; functions get sm://ID references, never values."
  type = object({
    api_keys          = string
    gemini_api_key    = string
    sentry_dsn        = string
    session_id_secret = string
  })
  default = {
    api_keys          = "ion-api-keys"
    gemini_api_key    = "ion-gemini-api-key"
    sentry_dsn        = "ion-sentry-dsn"
    session_id_secret = "ion-session-id-secret"
  }
}

variable "sentry_enabled" {
  description = "Give the functions SENTRY_DSN (needs a version of the Sentry DSN secret)."
  type        = bool
  default     = true
}

variable "cors_allowed_origins" {
  description = "CORS_ALLOWED_ORIGINS: browser origins allowed to call the API, comma separated; empty means none."
  type        = string
  default     = ""
}

variable "session_collection" {
  description = "SESSION_COLLECTION: Firestore collection of sessions (its TTL policy is in the global stack)."
  type        = string
  default     = "sessions"
}

variable "bulk_collection" {
  description = "BULK_COLLECTION: Firestore collection of bulk jobs (each with subcollections results and attempts)."
  type        = string
  default     = "bulk_jobs"
}

variable "bulk_topic" {
  description = "Base id of the bulk topic; each region gets <bulk_topic>-<region code> (BULK_TOPIC)."
  type        = string
  default     = "ion-bulk"
}

variable "bulk_max_attempts" {
  description = "BULK_MAX_ATTEMPTS: deliveries of one item the worker tries before it records the item as failed (2 to 90)."
  type        = number
  default     = 5

  # With bulk_dead_letter_margin (3 to 10), the dead-letter threshold max_delivery_attempts
  # = attempts + margin stays within Pub/Sub's 5 to 100 for every value either allows.
  validation {
    condition     = var.bulk_max_attempts >= 2 && var.bulk_max_attempts <= 90 && floor(var.bulk_max_attempts) == var.bulk_max_attempts
    error_message = "bulk_max_attempts must be a whole number from 2 to 90 (plus bulk_dead_letter_margin, 3 to 10, it is Pub/Sub's dead-letter threshold, which must be 5 to 100)."
  }
}

variable "bulk_dead_letter_margin" {
  description = "Deliveries past bulk_max_attempts before Pub/Sub dead-letters a message (3 to 10); the first of them lets the worker record the item as failed."
  type        = number
  default     = 3

  validation {
    condition     = var.bulk_dead_letter_margin >= 3 && var.bulk_dead_letter_margin <= 10 && floor(var.bulk_dead_letter_margin) == var.bulk_dead_letter_margin
    error_message = "bulk_dead_letter_margin must be a whole number from 3 to 10 (with bulk_max_attempts, 2 to 90, the dead-letter threshold stays within Pub/Sub's 5 to 100)."
  }
}

variable "bulk_message_retention" {
  description = "How long the bulk topic, the worker subscription (unacknowledged messages), the dead-letter topic and its subscription keep a message, i.e. an item's text: the longest worker outage that loses no item (docs/retention.md)."
  type        = string
  default     = "604800s"

  validation {
    condition     = can(regex("^[0-9]+s$", var.bulk_message_retention)) && tonumber(trimsuffix(var.bulk_message_retention, "s")) >= 86400 && tonumber(trimsuffix(var.bulk_message_retention, "s")) <= 604800
    error_message = "bulk_message_retention is 86400s (1 day) to 604800s (7 days, Pub/Sub's maximum for a subscription)."
  }
}

variable "session_ttl_h" {
  description = "SESSION_TTL_H: hours after its last turn that a session (with its turns' text) expires; Firestore's TTL policy on expire_at then deletes it (docs/retention.md)."
  type        = number
  default     = 24

  validation {
    condition     = var.session_ttl_h > 0 && var.session_ttl_h <= 720
    error_message = "session_ttl_h must be more than 0 and at most 720 (30 days)."
  }
}

variable "bulk_job_ttl_h" {
  description = "BULK_JOB_TTL_H: hours after submission that a bulk job and its results expire; Firestore's TTL policy on expire_at then deletes them (docs/retention.md)."
  type        = number
  default     = 168

  validation {
    condition     = var.bulk_job_ttl_h >= 24 && var.bulk_job_ttl_h <= 720
    error_message = "bulk_job_ttl_h must be 24 to 720 (30 days)."
  }
}

variable "cache_ttl_s" {
  description = "Response cache lifetimes in seconds (docs/retention.md): l1 is CACHE_L1_TTL_S (instance memory), l2 is CACHE_L2_TTL_S (Redis) and stale is CACHE_STALE_S, how long past either an answer may still be served if recomputing fails (each tier keeps an entry for its TTL plus stale)."
  type = object({
    l1    = number
    l2    = number
    stale = number
  })
  default = { l1 = 300, l2 = 600, stale = 300 }

  validation {
    condition     = var.cache_ttl_s.l1 > 0 && var.cache_ttl_s.l2 > 0 && var.cache_ttl_s.stale > 0 && var.cache_ttl_s.l2 + var.cache_ttl_s.stale <= 86400
    error_message = "cache_ttl_s: every value > 0, and l2 + stale at most 86400 (a day)."
  }
}

variable "redis_tier" {
  description = "Memorystore tier: BASIC (one node) or STANDARD_HA (replicated, automatic failover)."
  type        = string
  default     = "STANDARD_HA"

  validation {
    condition     = contains(["BASIC", "STANDARD_HA"], var.redis_tier)
    error_message = "redis_tier must be BASIC or STANDARD_HA."
  }
}

variable "redis_memory_gb" {
  description = "Memorystore capacity in GiB."
  type        = number
  default     = 1

  validation {
    condition     = var.redis_memory_gb >= 1 && var.redis_memory_gb <= 300
    error_message = "redis_memory_gb must be 1 to 300."
  }
}

variable "redis_version" {
  description = "Memorystore Redis version."
  type        = string
  default     = "REDIS_7_2"

  validation {
    condition     = contains(["REDIS_6_X", "REDIS_7_0", "REDIS_7_2"], var.redis_version)
    error_message = "redis_version must be REDIS_6_X, REDIS_7_0 or REDIS_7_2."
  }
}

variable "labels" {
  description = "Labels put on every resource that takes them."
  type        = map(string)
  default     = { app = "ion-mentoring" }
}
