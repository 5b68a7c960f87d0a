# The "Bad prediction" alert on AWS, from the feedback function's own log: every wrong prediction is logged
# synchronously as one line starting "Bad prediction predicted_label=..." (LogSink) before the answer is sent, so
# CloudWatch Logs gets it even when Lambda freezes the environment right after the response, which the Application
# Insights agent's asynchronous export does not survive reliably. A metric filter counts those lines; the alarm
# e-mails the team through SNS when 3 or more arrive within 5 minutes, as the Azure Monitor alert does.

locals {
  alert_namespace = "Pigeonhole/${local.name}"
}

resource "aws_cloudwatch_log_metric_filter" "bad_predictions" {
  name           = "${local.name}-bad-predictions"
  log_group_name = aws_cloudwatch_log_group.function["feedback"].name
  pattern        = "\"Bad prediction predicted_label=\""

  metric_transformation {
    name          = "BadPredictions"
    namespace     = local.alert_namespace
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "${local.name}-alerts"
}

resource "aws_sns_topic_subscription" "alert_email" {
  count = var.alert_email == "" ? 0 : 1

  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.alert_email
}

resource "aws_cloudwatch_metric_alarm" "bad_predictions" {
  alarm_name          = "${local.name}-bad-predictions"
  alarm_description   = "Users corrected ${var.alert_threshold} or more predictions within 5 minutes: read the feedback function's \"Bad prediction\" log lines (model_version, predicted_label, true_label) and consider a rollback."
  namespace           = local.alert_namespace
  metric_name         = "BadPredictions"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.alert_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]

  depends_on = [aws_cloudwatch_log_metric_filter.bad_predictions]
}
