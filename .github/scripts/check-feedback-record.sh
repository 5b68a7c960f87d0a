#!/usr/bin/env bash
# Reads the feedback record the smoke test's feedback stored (feedback/records/<id>.json in $PIGEONHOLE_STORE) with the
# cloud's CLI and checks it names the feedback and the client whose key sent it: the answer 202 alone does not prove
# the record reached the store the retrain job reads.
#
# usage: check-feedback-record.sh FEEDBACK_ID CLIENT_ID
#   PIGEONHOLE_STORE=s3://bucket/prefix (aws CLI), or azblob://container/prefix with PIGEONHOLE_AZURE_BLOB_ENDPOINT
#   (az CLI, signed in; Storage Blob Data Reader or more on the container)
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: check-feedback-record.sh FEEDBACK_ID CLIENT_ID" >&2; exit 2; }
id=$1
client=$2
store=${PIGEONHOLE_STORE:?set PIGEONHOLE_STORE to the deployed store}
[[ "$id" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "check-feedback-record: '$id' is no feedback id" >&2; exit 2; }
record=$(mktemp)
trap 'rm -f "$record"' EXIT

location=${store#*://}
container=${location%%/*}
prefix=${location#"$container"}
prefix=${prefix#/}
key="${prefix:+$prefix/}feedback/records/$id.json"
case "$store" in
  s3://*)
    aws s3 cp "s3://$container/$key" "$record" --only-show-errors
    ;;
  azblob://*)
    endpoint=${PIGEONHOLE_AZURE_BLOB_ENDPOINT:?set PIGEONHOLE_AZURE_BLOB_ENDPOINT}
    account=${endpoint#https://}
    account=${account%%.*}
    az storage blob download --auth-mode login --account-name "$account" --container-name "$container" \
      --name "$key" --file "$record" --output none
    ;;
  *)
    echo "check-feedback-record: unsupported store '$store'" >&2
    exit 2
    ;;
esac

if [ "$(jq -r '.feedback_id' "$record")" != "$id" ] || [ "$(jq -r '.client_id' "$record")" != "$client" ]; then
  echo "check-feedback-record: $key holds $(jq -c '{feedback_id, client_id}' "$record"), not feedback $id of $client" >&2
  exit 1
fi
echo "check-feedback-record: $key stored for client $client"
