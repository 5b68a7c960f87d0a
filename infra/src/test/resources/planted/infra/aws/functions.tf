# The predict and feedback functions: Java 17 on Lambda, SnapStart on published versions, a staging and a production
# alias each. Terraform creates them with a first package; afterwards .github/workflows/deploy.yml ships the code and
# publishes versions (.github/scripts/aws-publish.sh), so Terraform leaves code, per-version environment and alias
# targets alone.

locals {
  store_arn = "${aws_s3_bucket.store.arn}/${var.store_prefix}"

  # What each function may do in the store, by key prefix (DESIGN.md's layout); nothing else of the bucket.
  store_access = {
    predict = {
      read  = ["models/", "channels/"]
      write = []
    }
    feedback = {
      read  = ["models/", "channels/", "feedback/", "retrain-requests/"]
      write = ["feedback/", "retrain-requests/"]
    }
  }
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name               = "${local.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "function" {
  for_each = local.functions

  statement {
    sid       = "ReadStore"
    actions   = ["s3:GetObject"]
    resources = [for prefix in local.store_access[each.key].read : "${local.store_arn}/${prefix}*"]
  }

  statement {
    sid       = "ListStore"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.store.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [for prefix in local.store_access[each.key].read : "${var.store_prefix}/${prefix}*"]
    }
  }

  dynamic "statement" {
    for_each = length(local.store_access[each.key].write) > 0 ? [1] : []
    content {
      sid       = "WriteStore"
      actions   = ["s3:PutObject"]
      resources = [for prefix in local.store_access[each.key].write : "${local.store_arn}/${prefix}*"]
    }
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions

  name   = "store-and-logs"
  role   = aws_iam_role.function[each.key].id
  policy = data.aws_iam_policy_document.function[each.key].json
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${local.name}-${each.key}"
  retention_in_days = var.log_retention_days
}

# The Application Insights Java agent (the version the code's applicationinsights-core API matches) as a layer: its
# zip holds applicationinsights-agent.jar at the root, which Lambda unpacks to /opt.
data "archive_file" "applicationinsights_agent" {
  count = local.telemetry ? 1 : 0

  type        = "zip"
  source_file = var.applicationinsights_agent_jar
  output_path = "${path.module}/.build/applicationinsights-agent-layer.zip"
}

resource "aws_lambda_layer_version" "applicationinsights_agent" {
  count = local.telemetry ? 1 : 0

  layer_name          = "${local.name}-applicationinsights-agent"
  filename            = data.archive_file.applicationinsights_agent[0].output_path
  source_code_hash    = data.archive_file.applicationinsights_agent[0].output_base64sha256
  compatible_runtimes = ["java17", "java21"]
  description         = "Application Insights Java agent at /opt/applicationinsights-agent.jar"
}

resource "aws_lambda_function" "function" {
  for_each = local.functions

  function_name    = "${local.name}-${each.key}"
  role             = aws_iam_role.function[each.key].arn
  runtime          = "java17"
  handler          = each.value.handler
  filename         = each.value.package
  source_code_hash = filebase64sha256(each.value.package)
  memory_size      = var.lambda_memory_mb
  timeout          = var.lambda_timeout_seconds
  architectures    = ["x86_64"]
  publish          = true
  layers           = each.key == "feedback" && local.telemetry ? [aws_lambda_layer_version.applicationinsights_agent[0].arn] : []

  snap_start {
    apply_on = "PublishedVersions"
  }

  # The first version serves production; deploy.yml publishes every later one with its channel's environment.
  environment {
    variables = merge(local.function_environment[each.key], { PIGEONHOLE_CHANNEL = "production" })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }

  lifecycle {
    ignore_changes = [filename, source_code_hash, environment]
  }

  depends_on = [aws_iam_role_policy.function]
}

resource "aws_lambda_alias" "function" {
  for_each = { for pair in setproduct(keys(local.functions), local.channels) : "${pair[0]}/${pair[1]}" => {
    function = pair[0]
    channel  = pair[1]
  } }

  name             = each.value.channel
  function_name    = aws_lambda_function.function[each.value.function].function_name
  function_version = aws_lambda_function.function[each.value.function].version

  lifecycle {
    ignore_changes = [function_version]
  }
}
