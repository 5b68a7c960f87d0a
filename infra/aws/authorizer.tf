# The API key check in front of POST /feedback: a small Node.js REQUEST authorizer (simple responses), its code in
# authorizer/, its keys in the SSM SecureString var.api_keys_parameter. Requests without the header never reach it.

data "archive_file" "authorizer" {
  type        = "zip"
  source_dir  = "${path.module}/authorizer"
  output_path = "${path.module}/.build/authorizer.zip"
}

resource "aws_iam_role" "authorizer" {
  name               = "${local.name}-api-key-authorizer"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "authorizer" {
  statement {
    sid       = "ReadApiKeys"
    actions   = ["ssm:GetParameter"]
    resources = [data.aws_ssm_parameter.api_keys.arn]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.authorizer.arn}:*"]
  }
}

resource "aws_iam_role_policy" "authorizer" {
  name   = "api-keys-and-logs"
  role   = aws_iam_role.authorizer.id
  policy = data.aws_iam_policy_document.authorizer.json
}

resource "aws_cloudwatch_log_group" "authorizer" {
  name              = "/aws/lambda/${local.name}-api-key-authorizer"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "authorizer" {
  function_name    = "${local.name}-api-key-authorizer"
  role             = aws_iam_role.authorizer.arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = data.archive_file.authorizer.output_path
  source_code_hash = data.archive_file.authorizer.output_base64sha256
  memory_size      = 256
  timeout          = 5

  environment {
    variables = {
      PIGEONHOLE_API_KEYS_PARAMETER = var.api_keys_parameter
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.authorizer.name
  }

  depends_on = [aws_iam_role_policy.authorizer]
}

resource "aws_apigatewayv2_authorizer" "api_key" {
  for_each = local.channels

  api_id                            = aws_apigatewayv2_api.feedback[each.key].id
  name                              = "api-key"
  authorizer_type                   = "REQUEST"
  authorizer_uri                    = aws_lambda_function.authorizer.invoke_arn
  authorizer_payload_format_version = "2.0"
  enable_simple_responses           = true
  identity_sources                  = ["$request.header.X-API-Key"]
  authorizer_result_ttl_in_seconds  = 300
}

resource "aws_lambda_permission" "authorizer" {
  for_each = local.channels

  statement_id  = "api-gateway-authorizer-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.authorizer.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.feedback[each.key].execution_arn}/authorizers/${aws_apigatewayv2_authorizer.api_key[each.key].id}"
}
