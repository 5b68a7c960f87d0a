#!/usr/bin/env bash
# Points the Container Apps retrain job at an image pinned by digest (the deploy's promotion of the retrain image, and
# its rollback with the image it printed as previous). Prints "previous=<image>" (also to $GITHUB_OUTPUT).
#
# usage: azure-retrain-image.sh RESOURCE_GROUP JOB IMAGE
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: azure-retrain-image.sh RESOURCE_GROUP JOB IMAGE" >&2; exit 2; }
group=$1
job=$2
image=$3
[[ "$image" == *@sha256:* ]] || { echo "azure-retrain-image: '$image' is not pinned by digest" >&2; exit 2; }

previous=$(az containerapp job show --resource-group "$group" --name "$job" \
  --query "properties.template.containers[0].image" --output tsv)
az containerapp job update --resource-group "$group" --name "$job" --image "$image" --output none
echo "azure-retrain-image: $job moved from $previous to $image"
echo "previous=$previous"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "previous=$previous" >>"$GITHUB_OUTPUT"
fi
