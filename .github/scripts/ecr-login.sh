#!/usr/bin/env bash
# Logs Docker in to the ECR registry of a repository URL (<account>.dkr.ecr.<region>.amazonaws.com/<name>) with the
# short-lived token of the OIDC-assumed role.
#
# usage: ecr-login.sh REPOSITORY_URL
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: ecr-login.sh REPOSITORY_URL" >&2; exit 2; }
registry=${1%%/*}
aws ecr get-login-password | docker login --username AWS --password-stdin "$registry"
