# The predict and feedback functions: Java 21 on Lambda (Amazon Linux 2023; the code is compiled for Java 17), SnapStart
# on published versions, a staging and a production alias each. Terraform creates them with a first package, uploaded
# through S3 (the predict zip is close to the 50 MB limit of a direct upload); afterwards .github/workflows/deploy.yml
# ships the code the same way and publishes versions (.github/scripts/aws-publish.sh), so Terraform leaves code,
# per-version environment and alias targets alone.

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

  # Unconditioned, on purpose: the store opens with HeadBucket and reads keys that may not exist (a channel before the
  # first model, a prediction's first feedback), and S3 answers those with 404 only to a caller allowed s3:ListBucket,
  # which it evaluates without an s3:prefix; with a prefix condition they get 403. The bucket holds the store alone,
  # so this reveals key names of the store, never an object's content (s3:GetObject stays per prefix).
  statement {
    sid       = "ListStore"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.store.arn]
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
# zip holds applicationinsights-agent.jar and the feedback function's agent configuration, applicationinsights.json
# (sampling off), at the root, which Lambda unpacks to /opt.
data "archive_file" "applicationinsights_agent" {
  count = local.telemetry ? 1 : 0

  type        = "zip"
  source_dir  = var.applicationinsights_layer_dir
  output_path = "${path.module}/.build/applicationinsights-agent-layer.zip"
}

# Through S3 as well: the agent alone is 42 MB.
resource "aws_s3_object" "applicationinsights_agent" {
  count = local.telemetry ? 1 : 0

  bucket      = aws_s3_bucket.packages.id
  key         = "layers/applicationinsights-agent-${data.archive_file.applicationinsights_agent[0].output_md5}.zip"
  source      = data.archive_file.applicationinsights_agent[0].output_path
  source_hash = data.archive_file.applicationinsights_agent[0].output_md5
}

resource "aws_lambda_layer_version" "applicationinsights_agent" {
  count = local.telemetry ? 1 : 0

  layer_name          = "${local.name}-applicationinsights-agent"
  s3_bucket           = aws_s3_object.applicationinsights_agent[0].bucket
  s3_key              = aws_s3_object.applicationinsights_agent[0].key
  source_code_hash    = data.archive_file.applicationinsights_agent[0].output_base64sha256
  compatible_runtimes = ["java21"]
  description         = "Application Insights Java agent at /opt/applicationinsights-agent.jar, its configuration beside it"
}

# The first package of each function, uploaded to the packages bucket (storage.tf); Lambda takes up to 250 MB unzipped
# from S3, against 50 MB zipped for a direct upload.
resource "aws_s3_object" "package" {
  for_each = local.functions

  bucket      = aws_s3_bucket.packages.id
  key         = "initial/${each.key}-function-lambda.zip"
  source      = each.value.package
  source_hash = filemd5(each.value.package)
}

resource "aws_lambda_function" "function" {
  for_each = local.functions

  function_name    = "${local.name}-${each.key}"
  role             = aws_iam_role.function[each.key].arn
  runtime          = "java21"
  handler          = each.value.handler
  s3_bucket        = aws_s3_object.package[each.key].bucket
  s3_key           = aws_s3_object.package[each.key].key
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
    ignore_changes = [s3_bucket, s3_key, source_code_hash, environment]
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
