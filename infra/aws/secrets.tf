# Secrets are created outside Terraform (README, "Deploying to AWS"), so that they never sit in a state file's inputs
# or in the repository; Terraform only reads the connection string, and the authorizer reads the keys itself.
data "aws_ssm_parameter" "api_keys" {
  name            = var.api_keys_parameter
  with_decryption = false
}

data "aws_ssm_parameter" "applicationinsights_connection_string" {
  count = local.telemetry ? 1 : 0
  name  = var.applicationinsights_connection_string_parameter
}

# The complete environment of each function on each channel, read by .github/scripts/aws-publish.sh when it publishes
# a version for that channel. SecureString: the feedback function's holds the connection string.
resource "aws_ssm_parameter" "channel_environment" {
  for_each = local.channel_environment

  name  = "/${local.name}/${each.key}/environment"
  type  = "SecureString"
  value = jsonencode(each.value)
}
