# Serverless VPC Access: the functions reach Memorystore (a private IP on the network) through a
# connector on a /28 of its own. Only private ranges go through it by default; everything else
# (Google APIs, Sentry) leaves directly.

data "google_compute_network" "main" {
  name = var.network_name
}

resource "google_compute_subnetwork" "connector" {
  name                     = "ion-connector-${local.region_code}"
  region                   = var.region
  network                  = data.google_compute_network.main.id
  ip_cidr_range            = var.connector_cidr
  private_ip_google_access = true

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

resource "google_vpc_access_connector" "main" {
  name          = "ion-${local.region_code}"
  region        = var.region
  machine_type  = "e2-micro"
  min_instances = var.connector_instances.min
  max_instances = var.connector_instances.max

  subnet {
    name = google_compute_subnetwork.connector.name
  }
}
