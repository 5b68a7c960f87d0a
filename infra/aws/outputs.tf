output "store" {
  description = "PIGEONHOLE_STORE of the functions and the job (use it with ./pigeonhole train for the first model)."
  value       = local.store
}

output "bucket" {
  description = "The store's bucket."
  value       = aws_s3_bucket.store.bucket
}

output "predict_urls" {
  description = "Base URL of the predict function per channel."
  value       = { for channel in local.channels : channel => aws_apigatewayv2_api.predict[channel].api_endpoint }
}

output "feedback_urls" {
  description = "Base URL of the feedback function per channel (POST /feedback needs X-API-Key)."
  value       = { for channel in local.channels : channel => aws_apigatewayv2_api.feedback[channel].api_endpoint }
}

output "function_names" {
  description = "Lambda function names by role, for .github/scripts/aws-publish.sh."
  value       = { for role, function in aws_lambda_function.function : role => function.function_name }
}

output "channel_environment_parameters" {
  description = "SSM parameter holding each function's environment per channel."
  value       = { for key, parameter in aws_ssm_parameter.channel_environment : key => parameter.name }
}

output "retrain_repository_url" {
  description = "ECR repository of the retrain job image."
  value       = aws_ecr_repository.retrain.repository_url
}

output "retrain_cluster" {
  description = "ECS cluster the retrain task runs in."
  value       = aws_ecs_cluster.retrain.name
}

output "retrain_task_definition" {
  description = "Task definition family of the retrain job."
  value       = aws_ecs_task_definition.retrain.family
}

output "packages_bucket" {
  description = "Bucket the deploy uploads the functions' packages to (AWS_PACKAGES_BUCKET)."
  value       = aws_s3_bucket.packages.bucket
}

output "retrain_image_parameter" {
  description = "SSM parameter holding the retrain task's image pinned by digest (AWS_RETRAIN_IMAGE_PARAMETER)."
  value       = aws_ssm_parameter.retrain_image.name
}

output "alerts_topic" {
  description = "SNS topic of the \"Bad prediction\" alarm; subscribe more addresses to it."
  value       = aws_sns_topic.alerts.arn
}
