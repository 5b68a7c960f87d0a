#!/usr/bin/env bash
# Zip-deploys an Azure Functions staging folder (host.json, the function folder, lib/) to a slot of a Function App.
#
# usage: azure-deploy-slot.sh RESOURCE_GROUP APP SLOT FOLDER
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: azure-deploy-slot.sh RESOURCE_GROUP APP SLOT FOLDER" >&2; exit 2; }
group=$1
app=$2
slot=$3
folder=$4
[ -f "$folder/host.json" ] || { echo "azure-deploy-slot: $folder has no host.json: build with ./mvnw -B package" >&2; exit 2; }

package=$(mktemp -d)/package.zip
(cd "$folder" && zip -q -r "$package" .)
az functionapp deployment source config-zip --resource-group "$group" --name "$app" --slot "$slot" \
  --src "$package" --timeout 600 --output none
echo "azure-deploy-slot: deployed $folder to $app/$slot"
