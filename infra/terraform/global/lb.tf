# The global external Application Load Balancer: HTTPS with a managed certificate, HTTP
# redirected to HTTPS, paths routed to the three HTTP functions. Each backend holds the
# serverless NEGs of every region; the load balancer sends a request to the nearest region and
# outlier detection ejects a region whose function keeps failing, so the others take over.

resource "google_compute_global_address" "main" {
  name        = "ion-lb"
  description = "Address of ION's load balancer: the domains' DNS A records point here."
}

resource "google_compute_managed_ssl_certificate" "main" {
  name = "ion-cert"

  managed {
    domains = var.domains
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "google_compute_ssl_policy" "main" {
  name            = "ion-tls"
  profile         = var.ssl_policy_profile
  min_tls_version = "TLS_1_2"
}

resource "google_compute_region_network_endpoint_group" "main" {
  for_each = local.negs

  name                  = "ion-${each.value.function}-${each.value.region}"
  region                = each.value.region
  network_endpoint_type = "SERVERLESS"

  cloud_run {
    service = local.backends[each.value.function]
  }
}

resource "google_compute_backend_service" "main" {
  for_each = local.backends

  name                  = "ion-${each.key}"
  description           = "ION ${each.key}: the function's serverless NEG in every region."
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  security_policy       = google_compute_security_policy.main.id

  dynamic "backend" {
    for_each = { for key, neg in local.negs : key => neg if neg.function == each.key }
    content {
      group = google_compute_region_network_endpoint_group.main[backend.key].id
    }
  }

  # A region whose function answers 5xx (or not at all) is ejected, and traffic goes to the
  # other regions until it recovers.
  outlier_detection {
    consecutive_errors                    = 5
    consecutive_gateway_failure           = 3
    enforcing_consecutive_errors          = 100
    enforcing_consecutive_gateway_failure = 100
    max_ejection_percent                  = 50

    interval {
      seconds = 10
    }

    base_ejection_time {
      seconds = 30
    }
  }

  log_config {
    enable      = true
    sample_rate = 1.0
  }
}

resource "google_compute_url_map" "main" {
  name        = "ion"
  description = "Routes ION's API paths to its functions."

  # Anything unknown goes to process, which answers with the API's NOT_FOUND envelope.
  default_service = google_compute_backend_service.main["process"].id

  host_rule {
    hosts        = ["*"]
    path_matcher = "api"
  }

  path_matcher {
    name            = "api"
    default_service = google_compute_backend_service.main["process"].id

    path_rule {
      paths   = ["/v2/process", "/v2/process/*", "/v1/chat", "/v2/cache-stats", "/v2/cache/*"]
      service = google_compute_backend_service.main["process"].id
    }

    path_rule {
      paths   = ["/v2/recommend", "/v2/personas", "/v2/personas/*"]
      service = google_compute_backend_service.main["recommend"].id
    }

    path_rule {
      paths   = ["/v2/bulk", "/v2/bulk/*"]
      service = google_compute_backend_service.main["bulk"].id
    }
  }
}

resource "google_compute_target_https_proxy" "main" {
  name             = "ion-https"
  url_map          = google_compute_url_map.main.id
  ssl_certificates = [google_compute_managed_ssl_certificate.main.id]
  ssl_policy       = google_compute_ssl_policy.main.id
}

resource "google_compute_global_forwarding_rule" "https" {
  name                  = "ion-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.main.id
  port_range            = "443"
  target                = google_compute_target_https_proxy.main.id
}

# Port 80 only redirects to HTTPS.
resource "google_compute_url_map" "redirect" {
  name        = "ion-http-redirect"
  description = "Redirects every plain HTTP request to HTTPS."

  default_url_redirect {
    https_redirect         = true
    redirect_response_code = "MOVED_PERMANENTLY_DEFAULT"
    strip_query            = false
  }
}

resource "google_compute_target_http_proxy" "redirect" {
  name    = "ion-http-redirect"
  url_map = google_compute_url_map.redirect.id
}

resource "google_compute_global_forwarding_rule" "http" {
  name                  = "ion-http-redirect"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.main.id
  port_range            = "80"
  target                = google_compute_target_http_proxy.redirect.id
}
