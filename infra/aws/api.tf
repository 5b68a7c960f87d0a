# One HTTP API (payload 2.0) per function and channel, each routing to that channel's alias: the two functions serve
# GET /health each, so they cannot share one API, just as on Azure they are two Function Apps with their own hosts.

locals {
  # The predict function's routes (its controllers and the web page's static files).
  predict_routes = [
    "GET /",
    "GET /health",
    "POST /predict",
    "POST /predict/batch",
    "POST /upload",
    "GET /model",
    "GET /model/report/{name}",
    "GET /config.json",
    "GET /docs",
    "GET /{proxy+}",
  ]

  # The feedback function's routes; POST /feedback and POST /feedback/batch are behind the API key authorizer.
  feedback_routes = [
    "POST /feedback",
    "POST /feedback/batch",
    "OPTIONS /feedback",
    "GET /health",
  ]

  protected_feedback_routes = ["POST /feedback", "POST /feedback/batch"]

  predict_route_map = { for pair in setproduct(local.predict_routes, local.channels) : "${pair[1]} ${pair[0]}" => {
    channel = pair[1]
    route   = pair[0]
  } }

  feedback_route_map = { for pair in setproduct(local.feedback_routes, local.channels) : "${pair[1]} ${pair[0]}" => {
    channel = pair[1]
    route   = pair[0]
  } }
}

resource "aws_apigatewayv2_api" "predict" {
  for_each = local.channels

  name          = "${local.name}-predict-${each.key}"
  protocol_type = "HTTP"
  description   = "Pigeonhole predict function, ${each.key} channel"
}

resource "aws_apigatewayv2_api" "feedback" {
  for_each = local.channels

  name          = "${local.name}-feedback-${each.key}"
  protocol_type = "HTTP"
  description   = "Pigeonhole feedback function, ${each.key} channel"
}

resource "aws_apigatewayv2_integration" "predict" {
  for_each = local.channels

  api_id                 = aws_apigatewayv2_api.predict[each.key].id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.function["predict/${each.key}"].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_integration" "feedback" {
  for_each = local.channels

  api_id                 = aws_apigatewayv2_api.feedback[each.key].id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.function["feedback/${each.key}"].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "predict" {
  for_each = local.predict_route_map

  api_id    = aws_apigatewayv2_api.predict[each.value.channel].id
  route_key = each.value.route
  target    = "integrations/${aws_apigatewayv2_integration.predict[each.value.channel].id}"
}

resource "aws_apigatewayv2_route" "feedback" {
  for_each = local.feedback_route_map

  api_id             = aws_apigatewayv2_api.feedback[each.value.channel].id
  route_key          = each.value.route
  target             = "integrations/${aws_apigatewayv2_integration.feedback[each.value.channel].id}"
  authorization_type = contains(local.protected_feedback_routes, each.value.route) ? "CUSTOM" : "NONE"
  authorizer_id      = contains(local.protected_feedback_routes, each.value.route) ? aws_apigatewayv2_authorizer.api_key[each.value.channel].id : null
}

resource "aws_cloudwatch_log_group" "api" {
  for_each = toset([for pair in setproduct(["predict", "feedback"], local.channels) : "${pair[0]}-${pair[1]}"])

  name              = "/aws/apigateway/${local.name}-${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "predict" {
  for_each = local.channels

  api_id      = aws_apigatewayv2_api.predict[each.key].id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api["predict-${each.key}"].arn
    format = jsonencode({
      requestId = "$context.requestId", routeKey = "$context.routeKey", status = "$context.status",
      latency   = "$context.integrationLatency", error = "$context.integrationErrorMessage"
    })
  }
}

resource "aws_apigatewayv2_stage" "feedback" {
  for_each = local.channels

  api_id      = aws_apigatewayv2_api.feedback[each.key].id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api["feedback-${each.key}"].arn
    format = jsonencode({
      requestId = "$context.requestId", routeKey = "$context.routeKey", status = "$context.status",
      latency   = "$context.integrationLatency", error = "$context.integrationErrorMessage",
      client    = "$context.authorizer.clientId"
    })
  }
}

resource "aws_lambda_permission" "predict" {
  for_each = local.channels

  statement_id  = "api-gateway-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["predict"].function_name
  qualifier     = aws_lambda_alias.function["predict/${each.key}"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.predict[each.key].execution_arn}/*/*"
}

resource "aws_lambda_permission" "feedback" {
  for_each = local.channels

  statement_id  = "api-gateway-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["feedback"].function_name
  qualifier     = aws_lambda_alias.function["feedback/${each.key}"].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.feedback[each.key].execution_arn}/*/*"
}
