# terraform init -reconfigure -backend-config=bucket=STATE_BUCKET -backend-config=prefix=ion/regional/europe-west1
region         = "europe-west1"
connector_cidr = "10.8.0.16/28"
# Crisis lines for users in Europe (README, Safety): 116 123 is the emotional support number
# in the UK, Ireland and many EU countries, and 112 the emergency number across the EU. Verify
# before every release: hours differ by country.
crisis_resources = <<-EOT
  {"en": {"self_harm": [
    {"name": "Samaritans (UK and Ireland)", "contact": "call 116 123", "hours": "24/7"},
    {"name": "Emotional support line (many EU countries)", "contact": "call 116 123", "hours": "varies by country"},
    {"name": "Emergency services", "contact": "112 in the EU, 999 in the UK", "hours": "24/7"}
  ]}}
EOT
