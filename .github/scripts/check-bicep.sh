#!/usr/bin/env bash
# Compiles infra/azure (template and parameters) with the Bicep compiler of the Azure CLI (CI's infrastructure job).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../infra/azure"
az bicep install
out=$(mktemp -d)
az bicep build --file main.bicep --outdir "$out"
az bicep build --file modules/monitoring.bicep --outdir "$out"
az bicep build-params --file main.bicepparam --outfile "$out/main.parameters.json"
echo "check-bicep: main.bicep, modules and main.bicepparam compile"
