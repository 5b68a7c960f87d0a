#!/usr/bin/env bash
# The tags the retrain image is pushed under: <repository>:<commit> for each repository given (GHCR always, ECR when its
# repository URL is set). No "latest": the jobs run an image pinned by digest, which the deploy moves
# (image-digests.sh). Writes "tags=..." to $GITHUB_OUTPUT (multi-line).
#
# usage: image-names.sh REPOSITORY [REPOSITORY ...]
set -euo pipefail

sha=${GITHUB_SHA:-local}
tags=()
for repository in "$@"; do
  [ -n "$repository" ] || continue
  # Registries want lowercase names; GitHub owners may have capitals.
  repository=$(printf '%s' "$repository" | tr '[:upper:]' '[:lower:]')
  tags+=("$repository:$sha")
done
[ ${#tags[@]} -gt 0 ] || { echo "image-names: no repository given" >&2; exit 2; }
printf '%s\n' "${tags[@]}"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "tags<<EOF"
    printf '%s\n' "${tags[@]}"
    echo "EOF"
  } >>"$GITHUB_OUTPUT"
fi
