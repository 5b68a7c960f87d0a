#!/usr/bin/env bash
# The retrain image pinned by digest in each registry it was pushed to: "ghcr=<repository>@<digest>" and
# "ecr=<repository>@<digest>" (empty without ECR), printed and written to $GITHUB_OUTPUT. One push to several
# registries pushes one manifest, so the digest is the same in each.
#
# usage: image-digests.sh DIGEST GHCR_REPOSITORY [ECR_REPOSITORY]
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: image-digests.sh DIGEST GHCR_REPOSITORY [ECR_REPOSITORY]" >&2; exit 2; }
digest=$1
[[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "image-digests: '$digest' is no sha256 digest" >&2; exit 2; }
lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }
ghcr="$(lower "$2")@$digest"
ecr=""
if [ -n "${3:-}" ]; then
  ecr="$(lower "$3")@$digest"
fi
printf 'ghcr=%s\necr=%s\n' "$ghcr" "$ecr"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  printf 'ghcr=%s\necr=%s\n' "$ghcr" "$ecr" >>"$GITHUB_OUTPUT"
fi
