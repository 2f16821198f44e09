# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

output "event_rule_arn" {
  description = "The ARN of the EventBridge rule that watches the key's calls."
  value       = aws_cloudwatch_event_rule.key_events.arn
}

output "alarm_arn" {
  description = "The ARN of the CloudWatch alarm on that rule, which notifies the alert topic."
  value       = aws_cloudwatch_metric_alarm.key_deletion.arn
}

output "alert_topic_arn" {
  description = "The ARN of the alert topic: a new one, or the one given."
  value       = local.alert_topic_arn
}

output "access_denied_rule_arn" {
  description = "The ARN of the rule for denied calls on the key; none with `monitor_access_denied` false."
  value       = var.monitor_access_denied ? aws_cloudwatch_event_rule.access_denied[0].arn : null
}
