#!/usr/bin/env bash
# Points a Lambda alias back at a version recorded before (the rollback of aws-publish.sh).
#
# usage: aws-move-alias.sh FUNCTION ALIAS VERSION
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: aws-move-alias.sh FUNCTION ALIAS VERSION" >&2; exit 2; }
aws lambda update-alias --function-name "$1" --name "$2" --function-version "$3" --output text --query AliasArn
echo "aws-move-alias: $1:$2 now serves version $3"
