# The retrain job: a Fargate task of retrain-job/Dockerfile's image, started by EventBridge whenever a retrain request
# object is created in the store. The job serves every pending request and exits. Runs never overlap: a task started
# while another runs finds the store's retrain lease taken (locks/retrain.json) and exits saying so; the requests it
# was started for are served by the run that holds the lease, or by the next one.
#
# The image is pinned by digest and moved by the deploy workflow, after the staging smoke test, like the functions'
# code (.github/scripts/aws-retrain-image.sh): it writes the digest to the SSM parameter below and registers a task
# definition revision with it. Terraform reads the parameter back, so an apply keeps the deployed image.

locals {
  retrain_image = var.retrain_image != "" ? var.retrain_image : "${aws_ecr_repository.retrain.repository_url}:awaiting-first-deploy"
  subnet_ids    = length(var.subnet_ids) > 0 ? var.subnet_ids : data.aws_subnets.default[0].ids

  # Request keys are retrain-requests/<10-digit count>.json; the done markers under retrain-requests/done/ must not
  # start a task, so the rule matches the ten digit-led prefixes only.
  request_prefixes = [for digit in range(10) : { prefix = "${var.store_prefix}/retrain-requests/${digit}" }]
}

data "aws_vpc" "default" {
  count   = length(var.subnet_ids) > 0 ? 0 : 1
  default = true
}

# The security group must live in the subnets' VPC, whichever they are.
data "aws_subnet" "retrain" {
  id = local.subnet_ids[0]
}

data "aws_subnets" "default" {
  count = length(var.subnet_ids) > 0 ? 0 : 1
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default[0].id]
  }
}

resource "aws_ecr_repository" "retrain" {
  name                 = "${local.name}-retrain-job"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "retrain" {
  repository = aws_ecr_repository.retrain.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the 20 newest images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 20 }
      action       = { type = "expire" }
    }]
  })
}

resource "aws_ecs_cluster" "retrain" {
  name = "${local.name}-retrain"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_cloudwatch_log_group" "retrain" {
  name              = "/ecs/${local.name}-retrain-job"
  retention_in_days = var.log_retention_days
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Pulls the image and writes the logs.
resource "aws_iam_role" "retrain_execution" {
  name               = "${local.name}-retrain-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "retrain_execution" {
  role       = aws_iam_role.retrain_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# What the job itself may do: read everything under the store prefix, write models, channels, retrain requests (those
# the functions' counter missed) and their done markers, feedback segments and the lease.
resource "aws_iam_role" "retrain_task" {
  name               = "${local.name}-retrain-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "retrain_task" {
  statement {
    sid       = "ReadStore"
    actions   = ["s3:GetObject"]
    resources = ["${local.store_arn}/*"]
  }

  # Unconditioned, as for the functions (functions.tf): HeadBucket and reads of missing keys need it.
  statement {
    sid       = "ListStore"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.store.arn]
  }

  statement {
    sid     = "WriteStore"
    actions = ["s3:PutObject"]
    resources = [
      "${local.store_arn}/models/*",
      "${local.store_arn}/channels/*",
      "${local.store_arn}/retrain-requests/*",
      "${local.store_arn}/feedback/segments/*",
      "${local.store_arn}/locks/*",
    ]
  }
}

resource "aws_iam_role_policy" "retrain_task" {
  name   = "store"
  role   = aws_iam_role.retrain_task.id
  policy = data.aws_iam_policy_document.retrain_task.json
}

# The image the retrain task runs (repository@sha256:digest): created with var.retrain_image, then owned by the deploy.
resource "aws_ssm_parameter" "retrain_image" {
  name           = "/${local.name}/retrain/image"
  type           = "String"
  insecure_value = local.retrain_image

  lifecycle {
    ignore_changes = [insecure_value]
  }
}

resource "aws_ecs_task_definition" "retrain" {
  family                   = "${local.name}-retrain-job"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.retrain_cpu
  memory                   = var.retrain_memory_mb
  execution_role_arn       = aws_iam_role.retrain_execution.arn
  task_role_arn            = aws_iam_role.retrain_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([{
    name      = "retrain-job"
    image     = aws_ssm_parameter.retrain_image.insecure_value
    essential = true
    command   = ["retrain"]
    environment = [
      { name = "PIGEONHOLE_STORE", value = local.store },
      # k too: each run creates the retrain requests the feedback function's best-effort counter missed.
      { name = "PIGEONHOLE_RETRAIN_EVERY", value = tostring(var.retrain_every) },
      { name = "AWS_REGION", value = var.region },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.retrain.name
        awslogs-region        = var.region
        awslogs-stream-prefix = "retrain"
      }
    }
  }])
}

resource "aws_security_group" "retrain" {
  name        = "${local.name}-retrain-job"
  description = "Retrain job: no inbound, outbound HTTPS to S3 and ECR"
  vpc_id      = data.aws_subnet.retrain.vpc_id

  egress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_cloudwatch_event_rule" "retrain_request" {
  name        = "${local.name}-retrain-request"
  description = "A retrain request was written to the store"
  event_pattern = jsonencode({
    source      = ["aws.s3"]
    detail-type = ["Object Created"]
    detail = {
      bucket = { name = [aws_s3_bucket.store.bucket] }
      object = { key = local.request_prefixes }
    }
  })
}

# Also on a schedule: the functions' counter is a best effort (it gives up rather than slow a feedback down), and a run
# creates the requests it missed, which then start the job again through the rule above if none ran.
resource "aws_cloudwatch_event_rule" "retrain_schedule" {
  name                = "${local.name}-retrain-schedule"
  description         = "Reconcile the retrain requests with the stored feedback"
  schedule_expression = var.retrain_schedule
}

resource "aws_cloudwatch_event_target" "retrain_schedule" {
  rule     = aws_cloudwatch_event_rule.retrain_schedule.name
  arn      = aws_ecs_cluster.retrain.arn
  role_arn = aws_iam_role.retrain_events.arn

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.retrain.arn_without_revision
    task_count          = 1
    launch_type         = "FARGATE"

    network_configuration {
      subnets          = local.subnet_ids
      security_groups  = [aws_security_group.retrain.id]
      assign_public_ip = length(var.subnet_ids) == 0
    }
  }
}

data "aws_iam_policy_document" "events_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "retrain_events" {
  name               = "${local.name}-retrain-events"
  assume_role_policy = data.aws_iam_policy_document.events_assume.json
}

data "aws_iam_policy_document" "retrain_events" {
  statement {
    actions   = ["ecs:RunTask"]
    resources = [aws_ecs_task_definition.retrain.arn_without_revision, "${aws_ecs_task_definition.retrain.arn_without_revision}:*"]
    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.retrain.arn]
    }
  }

  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.retrain_execution.arn, aws_iam_role.retrain_task.arn]
  }
}

resource "aws_iam_role_policy" "retrain_events" {
  name   = "run-retrain-task"
  role   = aws_iam_role.retrain_events.id
  policy = data.aws_iam_policy_document.retrain_events.json
}

resource "aws_cloudwatch_event_target" "retrain" {
  rule     = aws_cloudwatch_event_rule.retrain_request.name
  arn      = aws_ecs_cluster.retrain.arn
  role_arn = aws_iam_role.retrain_events.arn

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.retrain.arn_without_revision
    task_count          = 1
    launch_type         = "FARGATE"

    network_configuration {
      subnets          = local.subnet_ids
      security_groups  = [aws_security_group.retrain.id]
      assign_public_ip = length(var.subnet_ids) == 0
    }
  }

  retry_policy {
    maximum_retry_attempts       = 3
    maximum_event_age_in_seconds = 3600
  }
}
