# terraform init -reconfigure -backend-config=bucket=STATE_BUCKET -backend-config=prefix=ion/regional/europe-west1
region         = "europe-west1"
connector_cidr = "10.8.0.16/28"
