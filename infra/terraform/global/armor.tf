# Cloud Armor on every backend. Rules are evaluated by priority and the first match decides:
#   1000-1008  OWASP preconfigured WAF rules, tuned for a coding mentor: deny 403
#   1009       the Log4j rule: deny 403
#   2000-2009  admin (cache) paths from the allow-listed ranges: allow
#   2100       admin paths from anywhere else: deny 403
#   2900       every request: throttled per client IP (429 over the limit)
#   3000       requests with an X-API-Key: throttled per key value (429 over the limit)
#   3100       requests without one: rate-based ban per client IP
#   default    allow
#
# A rate-limit rule ends evaluation for a conforming request too (its conform action is
# "allow"), so Cloud Armor applies one rate limit per request. The per-IP throttle at 2900
# comes first and matches every request, so no request escapes it: a client that sends a new
# X-API-Key with every request (each an unknown key the functions answer with 401) is still
# held to var.ip_throttle from its address, and the 401 alert (monitoring.tf) sees it. While
# it enforces, 3000 and 3100 are reached by no request; they are the edge's limits whenever
# 2900 is set to preview (var.ip_throttle.preview, to watch a new threshold in the logs before
# enforcing it), when evaluation goes on past it. The per-key limit proper is the functions'
# own (RATE_LIMIT_PER_MIN, shared through Redis), which only counts keys that exist.

locals {
  # Preconfigured rule sets (Cloud Armor's ModSecurity CRS 3.3 signatures), at
  # var.waf_sensitivity (1: the highest-confidence signatures only) minus the signatures in
  # opt_out.
  #
  # Why so many opt-outs: mentees paste SQL, shell commands, HTML and JavaScript, stack traces,
  # file paths and raw HTTP into the JSON `message` field, which the WAF reads value by value
  # (json_parsing below), so the signatures that recognise code would block exactly the
  # questions ION exists for. They protect nothing here either: ION builds no SQL (Firestore
  # and Redis, addressed by id and hash), renders no HTML (every response is JSON), runs no
  # shell and opens no file named by a request; the text only goes to the analyser and, as
  # data, to the model. What is opted out is code *vocabulary*. What stays are the signatures
  # for attacks on the service itself, which a person asking about code does not write:
  # request smuggling and header injection, unknown methods, known scanners, probes for
  # files in the URL path (.env, .git), Shellshock in headers, obfuscated script (entity
  # encoding, UTF-7, JSFuck), PHP remote-inclusion parameters and Log4Shell (1009).
  # A signature id is owasp-crs-v030301-id<CRS rule id>-<set>; the CRS rule ids are named
  # by Cloud Armor's logs (enforcedSecurityPolicy.preconfiguredExprIds) when a rule fires, so
  # tune from there: opt a signature out here, with its reason.
  waf_rules = {
    "sqli-v33-stable" = {
      priority    = 1000
      description = "OWASP CRS 3.3: SQL injection"
      # SQL is the subject of many questions and ION has no SQL anywhere: every signature
      # that recognises SQL syntax is out. 942220 stays: a whole field that is one of the
      # integer-overflow magic numbers is a probe, not a question.
      opt_out = [
        "owasp-crs-v030301-id942100-sqli", # libinjection: any SQL statement
        "owasp-crs-v030301-id942140-sqli", # information_schema, pg_catalog, sqlite_master, database()
        "owasp-crs-v030301-id942160-sqli", # sleep(n): also time.sleep(1) in Python
        "owasp-crs-v030301-id942170-sqli", # "; if (": every C-like language
        "owasp-crs-v030301-id942190-sqli", # UNION SELECT, user(), database(), EXEC
        "owasp-crs-v030301-id942230-sqli", # CASE (, if (a == b)
        "owasp-crs-v030301-id942240-sqli", # ALTER ... CHARACTER SET, WAITFOR
        "owasp-crs-v030301-id942250-sqli", # MERGE ... USING, EXECUTE IMMEDIATE, MATCH AGAINST
        "owasp-crs-v030301-id942270-sqli", # union ... select ... from
        "owasp-crs-v030301-id942280-sqli", # pg_sleep, WAITFOR DELAY
        "owasp-crs-v030301-id942290-sqli", # MongoDB operators ($in, $ne), also PHP variables
        "owasp-crs-v030301-id942320-sqli", # CREATE PROCEDURE, DECLARE @x
        "owasp-crs-v030301-id942350-sqli", # "; DROP ...", CREATE FUNCTION ... RETURNS
        "owasp-crs-v030301-id942360-sqli", # statements after a numbered list or a quote
        "owasp-crs-v030301-id942500-sqli", # /*! */ and /*+ */: mysqldump output, Oracle hints
      ]
    }
    "xss-v33-stable" = {
      priority    = 1001
      description = "OWASP CRS 3.3: cross-site scripting"
      # Responses are JSON, never HTML, and web mentees paste HTML and JavaScript. Kept: the
      # obfuscation signatures (941200 VML frames, 941210/941220 entity-encoded javascript:
      # and vbscript:, 941240 HTC imports, 941310 malformed US-ASCII, 941350 UTF-7, 941360
      # JSFuck), which code written by a person never needs.
      opt_out = [
        "owasp-crs-v030301-id941100-xss", # libinjection: any HTML with script
        "owasp-crs-v030301-id941110-xss", # <script>
        "owasp-crs-v030301-id941120-xss", # onclick=, onload= (sensitivity 2, out if raised)
        "owasp-crs-v030301-id941130-xss", # style=, xlink:href, data: attributes
        "owasp-crs-v030301-id941140-xss", # javascript: URLs, url( in CSS
        "owasp-crs-v030301-id941160-xss", # <script, <iframe, <form in HTML
        "owasp-crs-v030301-id941170-xss", # attribute injection: href=, src=
        "owasp-crs-v030301-id941180-xss", # document.cookie, innerHTML, window.location, <!--
        "owasp-crs-v030301-id941190-xss", # <style> with CSS
        "owasp-crs-v030301-id941230-xss", # <embed>
        "owasp-crs-v030301-id941250-xss", # <meta>
        "owasp-crs-v030301-id941260-xss", # <meta charset>
        "owasp-crs-v030301-id941270-xss", # <link href>
        "owasp-crs-v030301-id941280-xss", # <base href>
        "owasp-crs-v030301-id941290-xss", # <applet>
        "owasp-crs-v030301-id941300-xss", # <object>
        "owasp-crs-v030301-id941370-xss", # window[...], self[...]: ordinary JavaScript
      ]
    }
    "lfi-v33-stable" = {
      priority    = 1002
      description = "OWASP CRS 3.3: local file inclusion"
      # Stack traces and shell commands are full of ../ and /etc/... paths. Kept: 930130,
      # requests for files such as .env or .git/config in the URL path itself.
      opt_out = [
        "owasp-crs-v030301-id930100-lfi", # /../ and \..\ (cd ../../build), also encoded
        "owasp-crs-v030301-id930110-lfi", # ../ in a field
        "owasp-crs-v030301-id930120-lfi", # /etc/passwd, .bashrc, id_rsa named in a field
      ]
    }
    "rfi-v33-stable" = {
      priority    = 1003
      description = "OWASP CRS 3.3: remote file inclusion"
      # Kept: 931110, a URL given to PHP include() or its configuration parameters.
      opt_out = [
        "owasp-crs-v030301-id931100-rfi", # a message that starts with http://127.0.0.1:8000
        "owasp-crs-v030301-id931120-rfi", # a message that starts with a URL and ends with "?"
      ]
    }
    "rce-v33-stable" = {
      priority    = 1004
      description = "OWASP CRS 3.3: remote code execution"
      # Shell, PowerShell and cmd lines are questions here. Kept: 932170/932171 (Shellshock in
      # headers, or a field that starts with "() {") and 932180 (uploads of restricted
      # file names; ION takes no uploads).
      opt_out = [
        "owasp-crs-v030301-id932100-rce", # ; ls, | grep, && curl: Unix commands
        "owasp-crs-v030301-id932105-rce", # the same, other separators
        "owasp-crs-v030301-id932110-rce", # Windows commands
        "owasp-crs-v030301-id932115-rce", # Windows commands, other separators
        "owasp-crs-v030301-id932120-rce", # PowerShell cmdlets
        "owasp-crs-v030301-id932130-rce", # $(...), `...`, ${...}: shell and template syntax
        "owasp-crs-v030301-id932140-rce", # cmd FOR and IF
        "owasp-crs-v030301-id932150-rce", # a field that starts with a command: "curl -X POST ..."
        "owasp-crs-v030301-id932160-rce", # /bin/bash, /usr/bin/env paths
      ]
    }
    "scannerdetection-v33-stable" = { priority = 1005, description = "OWASP CRS 3.3: security scanners and bots", opt_out = [] }
    "protocolattack-v33-stable" = {
      priority    = 1006
      description = "OWASP CRS 3.3: HTTP protocol attacks, smuggling"
      # People paste raw requests and responses when asking about HTTP. Kept: CR/LF injection
      # in header names and values, query parameters and the URL path (921140-921190), and
      # LDAP injection (921200).
      opt_out = [
        "owasp-crs-v030301-id921110-protocolattack", # "GET /index.html HTTP/1.1" in a field
        "owasp-crs-v030301-id921120-protocolattack", # a newline then Content-Type: or Location:
        "owasp-crs-v030301-id921130-protocolattack", # HTTP/1.1 or <html in a field
      ]
    }
    "sessionfixation-v33-stable" = {
      priority    = 1007
      description = "OWASP CRS 3.3: session fixation"
      # Kept: 943110 and 943120, session-id parameter names (ION has no session cookies).
      opt_out = [
        "owasp-crs-v030301-id943100-sessionfixation", # document.cookie = "a=b; expires=..."
      ]
    }
    "methodenforcement-v33-stable" = { priority = 1008, description = "OWASP CRS 3.3: HTTP methods other than allowed", opt_out = [] }
  }

  waf_expressions = {
    for set, rule in local.waf_rules : set => (
      length(rule.opt_out) == 0
      ? "evaluatePreconfiguredWaf('${set}', {'sensitivity': ${var.waf_sensitivity}})"
      : "evaluatePreconfiguredWaf('${set}', {'sensitivity': ${var.waf_sensitivity}, 'opt_out_rule_ids': [${join(", ", formatlist("'%s'", rule.opt_out))}]})"
    )
  }

  # The admin endpoints of process: GET /v2/cache-stats and POST /v2/cache/invalidate.
  # request.path is the path as the client sent it, neither percent-decoded nor normalised;
  # the functions see it decoded once (WSGI) and their router ignores empty segments at both
  # ends, so //v2/cache-stats, /v2/cache-stats/, /v2/cache%2Dstats (or %2d) and
  # /v2/cache%2Finvalidate all reach the admin handlers unless the app rejects them (it 404s
  # non-canonical paths as well: both layers). The edge therefore matches what a path could
  # mean rather than how it is spelt:
  #   urlDecode()         decodes %XX escapes, upper- or lower-case hex, as the app's server
  #   lower()             /V2/Cache-Stats and escapes of capitals alike
  #   matches('/v2/.*cache')  unanchored (CEL's matches finds the pattern anywhere): any
  #                       number of slashes before or after v2, dot segments, trailing
  #                       slashes and anything after "cache". No public path contains
  #                       "cache" (personas are names, job ids are "j" + hex), so it costs no
  #                       legitimate request; tests/infra checks both directions.
  admin_paths = "request.path.urlDecode().lower().matches('/v2/.*cache')"
}

resource "google_compute_security_policy" "main" {
  name        = "ion-edge"
  description = "ION edge policy: OWASP WAF for a coding mentor, admin allow-list, per-IP and per-key throttles, per-IP ban."
  type        = "CLOUD_ARMOR"

  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable          = true
      rule_visibility = "STANDARD"
    }
  }

  advanced_options_config {
    json_parsing = "STANDARD" # the WAF reads JSON bodies field by field, not as one string
    # NORMAL logs which rule and signatures matched; VERBOSE would also log the matched part
    # of the request, i.e. fragments of what a person wrote (docs/retention.md: logs hold no
    # message text).
    log_level = "NORMAL"
  }

  dynamic "rule" {
    for_each = local.waf_rules
    content {
      priority    = rule.value.priority
      action      = "deny(403)"
      description = rule.value.description

      match {
        expr {
          expression = local.waf_expressions[rule.key]
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
    priority    = 2900
    action      = "throttle"
    description = "Throttle every request per client IP; over the limit gets 429"
    preview     = var.ip_throttle.preview

    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }

    rate_limit_options {
      conform_action = "allow"
      exceed_action  = "deny(429)"
      enforce_on_key = "IP"

      rate_limit_threshold {
        count        = var.ip_throttle.count
        interval_sec = var.ip_throttle.interval_s
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
