# Cloud Armor on every backend. Rules are evaluated by priority and the first match decides:
#   1000-1009  OWASP preconfigured WAF rules and the Log4j rule: deny 403
#   2000-2009  admin (cache) paths from the allow-listed ranges: allow
#   2100       admin paths from anywhere else: deny 403
#   3000       requests with an X-API-Key: throttled per key value (429 over the limit)
#   3100       requests without one: rate-based ban per client IP
#   default    allow
# A rate-limit rule ends evaluation for a conforming request too, so the two rate rules cover
# disjoint requests; a key rotated per request only buys the throttle of an unknown key, which
# the functions answer with 401 at once.

locals {
  # Preconfigured rule sets (Cloud Armor's ModSecurity CRS 3.3 signatures).
  waf_rules = {
    "sqli-v33-stable"              = { priority = 1000, description = "OWASP CRS 3.3: SQL injection" }
    "xss-v33-stable"               = { priority = 1001, description = "OWASP CRS 3.3: cross-site scripting" }
    "lfi-v33-stable"               = { priority = 1002, description = "OWASP CRS 3.3: local file inclusion" }
    "rfi-v33-stable"               = { priority = 1003, description = "OWASP CRS 3.3: remote file inclusion" }
    "rce-v33-stable"               = { priority = 1004, description = "OWASP CRS 3.3: remote code execution" }
    "scannerdetection-v33-stable"  = { priority = 1005, description = "OWASP CRS 3.3: security scanners and bots" }
    "protocolattack-v33-stable"    = { priority = 1006, description = "OWASP CRS 3.3: HTTP protocol attacks, smuggling" }
    "sessionfixation-v33-stable"   = { priority = 1007, description = "OWASP CRS 3.3: session fixation" }
    "methodenforcement-v33-stable" = { priority = 1008, description = "OWASP CRS 3.3: HTTP methods other than allowed" }
  }

  admin_paths = "request.path.matches('^/v2/cache(-stats$|/)')"
}

resource "google_compute_security_policy" "main" {
  name        = "ion-edge"
  description = "ION edge policy: OWASP WAF, admin allow-list, per-key throttle, per-IP ban."
  type        = "CLOUD_ARMOR"

  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable          = true
      rule_visibility = "STANDARD"
    }
  }

  advanced_options_config {
    json_parsing = "STANDARD" # the WAF reads JSON bodies field by field, not as one string
    log_level    = "VERBOSE"
  }

  dynamic "rule" {
    for_each = local.waf_rules
    content {
      priority    = rule.value.priority
      action      = "deny(403)"
      description = rule.value.description

      match {
        expr {
          expression = "evaluatePreconfiguredWaf('${rule.key}', {'sensitivity': ${var.waf_sensitivity}})"
        }
      }
    }
  }

  rule {
    priority    = 1009
    action      = "deny(403)"
    description = "CVE-2021-44228 and CVE-2021-45046: Log4j JNDI lookups"

    match {
      expr {
        expression = "evaluatePreconfiguredWaf('cve-canary')"
      }
    }
  }

  dynamic "rule" {
    for_each = { for index, cidr in var.admin_allowed_cidrs : index => cidr }
    content {
      priority    = 2000 + rule.key
      action      = "allow"
      description = "Admin cache endpoints from allow-listed ${rule.value}"

      match {
        expr {
          expression = "${local.admin_paths} && inIpRange(origin.ip, '${rule.value}')"
        }
      }
    }
  }

  rule {
    priority    = 2100
    action      = "deny(403)"
    description = "Admin cache endpoints from outside the allow-list"

    match {
      expr {
        expression = local.admin_paths
      }
    }
  }

  rule {
    priority    = 3000
    action      = "throttle"
    description = "Throttle per X-API-Key value; over the limit gets 429"

    match {
      expr {
        expression = "has(request.headers['x-api-key'])"
      }
    }

    rate_limit_options {
      conform_action      = "allow"
      exceed_action       = "deny(429)"
      enforce_on_key      = "HTTP_HEADER"
      enforce_on_key_name = "X-API-Key"

      rate_limit_threshold {
        count        = var.api_key_throttle.count
        interval_sec = var.api_key_throttle.interval_s
      }
    }
  }

  rule {
    priority    = 3100
    action      = "rate_based_ban"
    description = "Ban a client IP sending too many requests without a key"

    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }

    rate_limit_options {
      conform_action   = "allow"
      exceed_action    = "deny(429)"
      enforce_on_key   = "IP"
      ban_duration_sec = var.ip_ban.ban_s

      rate_limit_threshold {
        count        = var.ip_ban.count
        interval_sec = var.ip_ban.interval_s
      }
    }
  }

  rule {
    priority    = 2147483647
    action      = "allow"
    description = "Default: allow what no rule above stopped"

    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }
}
