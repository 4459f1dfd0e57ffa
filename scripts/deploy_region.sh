#!/bin/sh
# terraform apply of the regional stack for one region, with that region's own state and the
# bundles just built (build/bundles/bundles.tfvars.json). Cloud Build runs one per region, in
# parallel; an operator can run it by hand the same way (README, Deployment).
#
#   PROJECT_ID=... STATE_BUCKET=... SOURCE_BUCKET=... scripts/deploy_region.sh us-central1
set -eu
region=${1:?usage: deploy_region.sh REGION}
: "${PROJECT_ID:?set PROJECT_ID}" "${STATE_BUCKET:?set STATE_BUCKET}" "${SOURCE_BUCKET:?set SOURCE_BUCKET}"
root=$(cd "$(dirname "$0")/.." && pwd)
vars="$root/infra/terraform/regional/regions/$region.tfvars"
bundles="$root/build/bundles/bundles.tfvars.json"
[ -f "$vars" ] || { echo "deploy_region: no $vars; add the region's variable file" >&2; exit 1; }
[ -f "$bundles" ] || { echo "deploy_region: no $bundles; run make bundles first" >&2; exit 1; }

# Each region in its own copy of the module, so parallel runs never share .terraform/.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/infra/terraform/regional/." "$work/"
cd "$work"
terraform init -input=false -reconfigure \
  -backend-config="bucket=$STATE_BUCKET" -backend-config="prefix=ion/regional/$region"
terraform apply -input=false -auto-approve \
  -var-file="$vars" -var-file="$bundles" \
  -var="project_id=$PROJECT_ID" -var="source_bucket=$SOURCE_BUCKET"
