# terraform init -reconfigure -backend-config=bucket=STATE_BUCKET -backend-config=prefix=ion/regional/us-central1
region         = "us-central1"
connector_cidr = "10.8.0.0/28"
