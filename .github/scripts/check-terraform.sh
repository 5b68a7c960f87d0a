#!/usr/bin/env bash
# terraform fmt and validate of infra/aws without a backend or credentials (CI's infrastructure job).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../infra/aws"
terraform fmt -check -recursive -diff
terraform init -backend=false -input=false
terraform validate
