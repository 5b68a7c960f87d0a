#!/usr/bin/env bash
# Points the ECS retrain task at an image pinned by digest (the deploy's promotion of the retrain image, and its
# rollback with the image it printed as previous): writes it to the SSM parameter Terraform reads the image from
# (infra/aws/retrain.tf), and registers a task definition revision with it, which EventBridge starts from then on
# (its target names the family, so the latest revision). Prints "previous=<image>" (also to $GITHUB_OUTPUT).
#
# usage: aws-retrain-image.sh TASK_FAMILY IMAGE_PARAMETER IMAGE
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: aws-retrain-image.sh TASK_FAMILY IMAGE_PARAMETER IMAGE" >&2; exit 2; }
family=$1
parameter=$2
image=$3
[[ "$image" == *@sha256:* ]] || { echo "aws-retrain-image: '$image' is not pinned by digest" >&2; exit 2; }

previous=$(aws ssm get-parameter --name "$parameter" --query Parameter.Value --output text)
aws ssm put-parameter --name "$parameter" --type String --overwrite --value "$image" --output none
definition=$(aws ecs describe-task-definition --task-definition "$family" --query taskDefinition --output json)
input=$(jq --arg image "$image" '{family, taskRoleArn, executionRoleArn, networkMode, requiresCompatibilities, cpu,
  memory, runtimePlatform, containerDefinitions: (.containerDefinitions | map(.image = $image))}' <<<"$definition")
revision=$(aws ecs register-task-definition --cli-input-json "$input" --query taskDefinition.revision --output text)
echo "aws-retrain-image: $family:$revision runs $image (was $previous)"
echo "previous=$previous"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "previous=$previous" >>"$GITHUB_OUTPUT"
fi
