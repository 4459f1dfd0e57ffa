terraform {
  required_version = ">= 1.5, < 2.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.14, < 7.0"
    }
  }

  # One state per region in the same bucket: terraform init -backend-config=bucket=BUCKET
  # -backend-config=prefix=ion/regional/REGION (see ../README.md).
  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}
