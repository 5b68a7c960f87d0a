#!/usr/bin/env bash
# Swaps the staging slot of a Function App with production. Swapping again swaps back: that is the rollback.
# Slot-sticky settings (PIGEONHOLE_CHANNEL) stay where they are, so production keeps serving the production channel.
#
# usage: azure-swap.sh RESOURCE_GROUP APP
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: azure-swap.sh RESOURCE_GROUP APP" >&2; exit 2; }
az functionapp deployment slot swap --resource-group "$1" --name "$2" --slot staging --target-slot production \
  --output none
echo "azure-swap: swapped $2 staging <-> production"
