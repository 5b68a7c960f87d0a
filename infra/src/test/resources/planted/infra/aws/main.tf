locals {
  name     = var.name_suffix == "" ? var.name_prefix : "${var.name_prefix}-${var.name_suffix}"
  store    = "s3://${aws_s3_bucket.store.bucket}/${var.store_prefix}"
  channels = toset(["staging", "production"])

  # The two functions (DESIGN.md), one Micronaut application each, with the same AWS entry point.
  functions = {
    predict = {
      package = var.predict_package
      handler = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction::handleRequest"
    }
    feedback = {
      package = var.feedback_package
      handler = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction::handleRequest"
    }
  }

  telemetry = var.applicationinsights_connection_string_parameter != ""

  # Environment shared by every version of a function. PIGEONHOLE_CHANNEL and the URLs that depend on the channel
  # are set per published version (channel_environment): Lambda variables belong to a version, not to an alias.
  common_environment = {
    PIGEONHOLE_STORE           = local.store
    PIGEONHOLE_REFRESH_SECONDS = tostring(var.refresh_seconds)
    PIGEONHOLE_RETRAIN_EVERY   = tostring(var.retrain_every)

    # API Gateway appends the caller's address to X-Forwarded-For: one hop to trust for per-address limits.
    PIGEONHOLE_FORWARDED_FOR_HOPS = "1"
  }

  # Only the feedback function sends telemetry (Bad prediction traces), and only the agent sends it: the layer puts
  # the agent at /opt, the JVM attaches it. The predict function starts faster without it.
  telemetry_environment = local.telemetry ? {
    JAVA_TOOL_OPTIONS                     = "-javaagent:/opt/applicationinsights-agent.jar"
    APPLICATIONINSIGHTS_CONNECTION_STRING = data.aws_ssm_parameter.applicationinsights_connection_string[0].value
  } : {}

  function_environment = {
    predict  = local.common_environment
    feedback = merge(local.common_environment, local.telemetry_environment, { PIGEONHOLE_API_KEYS = data.aws_ssm_parameter.api_keys.value })
  }

  # The complete environment of each function on each channel; the deploy workflow publishes a version with it.
  channel_environment = {
    for pair in setproduct(keys(local.functions), local.channels) : "${pair[0]}/${pair[1]}" => merge(
      local.function_environment[pair[0]],
      { PIGEONHOLE_CHANNEL = pair[1] },
      pair[0] == "predict" ? {
        PIGEONHOLE_WEB_FEEDBACK_URL = "${aws_apigatewayv2_api.feedback[pair[1]].api_endpoint}/feedback"
        } : {
        PIGEONHOLE_FEEDBACK_ALLOWED_ORIGINS = join(",", concat([for channel in local.channels : aws_apigatewayv2_api.predict[channel].api_endpoint], var.feedback_allowed_origins))
      }
    )
  }
}

data "aws_caller_identity" "current" {}
