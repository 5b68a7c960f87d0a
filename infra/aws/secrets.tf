# Secrets are created outside Terraform (README, "Deploying to AWS"), so that they are in no variable file and not in
# the repository. They ARE in the Terraform state, in plain text: the decrypted values of the two parameters read
# below, and the channel environments written back to SSM (which carry both). So the state bucket needs encryption
# and access as narrow as the secrets'. The API key list holds only SHA-256 digests of the keys: the authorizer reads
# it itself, and the feedback function gets it in its environment too (it checks keys itself, and without them
# refuses /feedback).
data "aws_ssm_parameter" "api_keys" {
  name            = var.api_keys_parameter
  with_decryption = true
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
