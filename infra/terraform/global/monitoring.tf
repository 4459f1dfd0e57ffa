# What the SLOs watch (the seed's alert rules): 5xx over 5 % of requests, p95 latency over 2 s,
# process's cache hit rate under 80 %; and, for security, the rate of 401s. Log-based metrics
# count from the load balancer's request logs (every response the edge gave, a crashed
# function's too) and from process's structured request log (one line per request with its
# cache_tier). Latency uses the load balancer's own distribution metric, which already holds
# every request's total latency.

locals {
  lb_logs = "resource.type=\"http_load_balancer\" AND resource.labels.forwarding_rule_name=\"${google_compute_global_forwarding_rule.https.name}\""
  # Tiers that answered without computing (core/cache: l1, l2, coalesced, stale are hits).
  cache_hit_tiers = ["l1", "l2", "coalesced", "stale"]
}

resource "google_logging_metric" "lb_requests" {
  name        = "ion/lb_requests"
  description = "Requests the load balancer answered."
  filter      = local.lb_logs

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

resource "google_logging_metric" "lb_5xx" {
  name        = "ion/lb_5xx"
  description = "Requests the load balancer answered with a 5xx status."
  filter      = "${local.lb_logs} AND httpRequest.status>=500"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

# Requests refused for a missing, unknown or revoked API key. The functions answer 401 before
# doing any work, so a steady stream of them is someone guessing keys, or rotating made-up
# keys to get past the per-key throttle (the per-IP throttle in armor.tf caps each address),
# or a client whose key was revoked. Counted at the load balancer, whose log carries the
# status every function returned (the functions' own request line has it as well, under the
# same field, httpRequest.status).
resource "google_logging_metric" "lb_401" {
  name        = "ion/lb_401"
  description = "Requests the load balancer answered with 401 (no, unknown or revoked API key)."
  filter      = "${local.lb_logs} AND httpRequest.status=401"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

resource "google_logging_metric" "cache_lookups" {
  name        = "ion/process_cache_lookups"
  description = "Answers of process by cache tier (bypassed lookups excluded)."
  filter      = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${local.backends.process}\" AND jsonPayload.cache_tier:* AND NOT jsonPayload.cache_tier=\"bypass\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"

    labels {
      key         = "tier"
      value_type  = "STRING"
      description = "l1, l2, coalesced, stale or computed"
    }
  }

  label_extractors = {
    tier = "EXTRACT(jsonPayload.cache_tier)"
  }
}

# Messages the safety check flagged (core/safety), per category and function: every answer's
# log line carries its category in jsonPayload.safety (never the text). Watched for trends and
# for a sudden change after a release, which would more likely be the detector than the users.
resource "google_logging_metric" "flagged_messages" {
  name        = "ion/flagged_messages"
  description = "Messages the safety check flagged, by category (self_harm, harm_to_others, abuse) and function."
  filter      = "resource.type=\"cloud_run_revision\" AND jsonPayload.safety:* AND NOT jsonPayload.safety=\"none\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"

    labels {
      key         = "category"
      value_type  = "STRING"
      description = "self_harm, harm_to_others or abuse"
    }
    labels {
      key         = "function"
      value_type  = "STRING"
      description = "process, recommend or bulk_worker"
    }
  }

  label_extractors = {
    category = "EXTRACT(jsonPayload.safety)"
    function = "EXTRACT(jsonPayload.function)"
  }
}

resource "google_monitoring_alert_policy" "error_ratio" {
  display_name          = "ION: 5xx ratio over ${var.slo.error_ratio * 100} %"
  combiner              = "OR"
  notification_channels = var.notification_channels

  conditions {
    display_name = "5xx / all requests at the load balancer, 5 min"

    condition_threshold {
      filter             = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.lb_5xx.name}\""
      denominator_filter = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.lb_requests.name}\""
      comparison         = "COMPARISON_GT"
      threshold_value    = var.slo.error_ratio
      duration           = "300s"

      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }

      denominator_aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "More than ${var.slo.error_ratio * 100} % of ION's responses are 5xx. Check the functions' logs per region; a failing region is ejected by outlier detection (docs/disaster-recovery.md)."
  }
}

resource "google_monitoring_alert_policy" "latency_p95" {
  display_name          = "ION: p95 latency over ${var.slo.p95_latency_ms} ms"
  combiner              = "OR"
  notification_channels = var.notification_channels

  conditions {
    display_name = "p95 of the load balancer's total latency, 5 min"

    condition_threshold {
      filter          = "metric.type=\"loadbalancing.googleapis.com/https/total_latencies\" AND resource.type=\"https_lb_rule\" AND resource.labels.forwarding_rule_name=\"${google_compute_global_forwarding_rule.https.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.slo.p95_latency_ms
      duration        = "300s"

      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_PERCENTILE_95"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "ION's p95 latency is over ${var.slo.p95_latency_ms} ms. Look for cold starts (min instances), Gemini timeouts (fallback_reason in the logs) or a cold cache."
  }
}

resource "google_monitoring_alert_policy" "cache_hit_rate" {
  display_name          = "ION: process cache hit rate under ${var.slo.cache_hit_rate * 100} %"
  combiner              = "OR"
  notification_channels = var.notification_channels

  conditions {
    display_name = "cache hits / lookups of process, 15 min"

    condition_threshold {
      filter             = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.cache_lookups.name}\" AND metric.labels.tier=one_of(${join(", ", [for t in local.cache_hit_tiers : "\"${t}\""])})"
      denominator_filter = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.cache_lookups.name}\""
      comparison         = "COMPARISON_LT"
      threshold_value    = var.slo.cache_hit_rate
      duration           = "900s"

      aggregations {
        alignment_period     = "900s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }

      denominator_aggregations {
        alignment_period     = "900s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "process answers less than ${var.slo.cache_hit_rate * 100} % of requests from its cache. After a Redis loss this is expected until the cache warms (docs/disaster-recovery.md); otherwise check Redis reachability and invalidations."
  }
}

resource "google_monitoring_alert_policy" "unauthorized_rate" {
  display_name          = "ION: over ${var.unauthorized_per_minute} responses 401 per minute"
  combiner              = "OR"
  notification_channels = var.notification_channels

  conditions {
    display_name = "401s at the load balancer per minute, 5 min"

    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.lb_401.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.unauthorized_per_minute / 60 # ALIGN_RATE is per second
      duration        = "300s"

      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_RATE"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "ION refuses more than ${var.unauthorized_per_minute} requests a minute for a missing, unknown or revoked API key. Group the load balancer's 401s by httpRequest.remoteIp: one or a few addresses guessing or rotating keys can be denied in Cloud Armor (each is already held to ip_throttle); many addresses with one key id in the functions' logs (key_id) is a client whose key was revoked."
  }
}
