#!/usr/bin/env bash
# Publishes a Lambda version for one channel and points the channel's alias at it.
# Lambda variables belong to a version, not to an alias: each version is published with the complete environment of
# its channel, which Terraform keeps in an SSM parameter (infra/aws/secrets.tf). With a zip, the code is updated first,
# through the packages bucket in $PACKAGES_BUCKET (a direct upload takes at most 50 MB and the predict zip is close);
# without, the code of $LATEST is published again (promotion: same code, production environment).
# Prints "previous=<version>" and "version=<version>" (also to $GITHUB_OUTPUT on GitHub Actions).
#
# usage: aws-publish.sh FUNCTION CHANNEL ENVIRONMENT_PARAMETER [ZIP]
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: aws-publish.sh FUNCTION CHANNEL ENVIRONMENT_PARAMETER [ZIP]" >&2; exit 2; }
function=$1
channel=$2
parameter=$3
zip=${4:-}

previous=$(aws lambda get-alias --function-name "$function" --name "$channel" --query FunctionVersion --output text)

if [ -n "$zip" ]; then
  [ -f "$zip" ] || { echo "aws-publish: no package at $zip" >&2; exit 2; }
  bucket=${PACKAGES_BUCKET:?set PACKAGES_BUCKET to the packages bucket (terraform output packages_bucket)}
  key="deploy/${GITHUB_SHA:-local}/$(basename "$zip")"
  aws s3 cp "$zip" "s3://$bucket/$key" --only-show-errors
  aws lambda update-function-code --function-name "$function" --s3-bucket "$bucket" --s3-key "$key" \
    --output text --query LastUpdateStatus
  aws lambda wait function-updated-v2 --function-name "$function"
fi

variables=$(aws ssm get-parameter --name "$parameter" --with-decryption --query Parameter.Value --output text)
environment=$(jq -c '{Variables: .}' <<<"$variables")
aws lambda update-function-configuration --function-name "$function" --environment "$environment" \
  --output text --query LastUpdateStatus
aws lambda wait function-updated-v2 --function-name "$function"

version=$(aws lambda publish-version --function-name "$function" --description "$channel ${GITHUB_SHA:-local}" \
  --query Version --output text)
# SnapStart takes its snapshot now: the version is usable once active.
aws lambda wait published-version-active --function-name "$function" --qualifier "$version"
aws lambda update-alias --function-name "$function" --name "$channel" --function-version "$version" \
  --output text --query AliasArn

echo "aws-publish: $function:$channel moved from version $previous to $version"
printf 'previous=%s\nversion=%s\n' "$previous" "$version"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  printf 'previous=%s\nversion=%s\n' "$previous" "$version" >>"$GITHUB_OUTPUT"
fi
