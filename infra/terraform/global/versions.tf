terraform {
  required_version = ">= 1.5, < 2.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.14, < 7.0"
    }
  }

  # terraform init -backend-config=bucket=BUCKET -backend-config=prefix=ion/global
  backend "gcs" {}
}

provider "google" {
  project = var.project_id
}
