# terraform init -reconfigure -backend-config=bucket=STATE_BUCKET -backend-config=prefix=ion/regional/asia-northeast1
region         = "asia-northeast1"
connector_cidr = "10.8.0.32/28"
