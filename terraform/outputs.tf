# Generated from camunda-byok-kms's core by `npm run generate:terraform`: do not edit.

output "key_arn" {
  description = "The key's ARN: paste it into the Camunda Console (the cluster's KMS key ARN field)."
  value       = aws_kms_key.this.arn
}

output "key_id" {
  description = "The key's id (`1234abcd-...`, or `mrk-...` for a multi-region key)."
  value       = aws_kms_key.this.key_id
}

output "alias_name" {
  description = "The alias, `alias/camunda-byok-<cluster_name>` unless `alias_name` says otherwise."
  value       = local.alias_name
}

output "key_policy_json" {
  description = "The key policy exactly as applied, as JSON."
  value       = local.key_policy
}

output "event_rule_arn" {
  description = "The ARN of the EventBridge rule that watches the key's calls (in the cluster's region)."
  value       = aws_cloudwatch_event_rule.key_events.arn
}

output "alarm_arn" {
  description = "The ARN of the CloudWatch alarm on that rule, which notifies the alert topic."
  value       = aws_cloudwatch_metric_alarm.key_deletion.arn
}

output "alert_topic_arn" {
  description = "The ARN of the alert topic in the cluster's region (new, or `alert_topic_arn`)."
  value       = local.alert_topic_arn
}

output "replica_key_arn" {
  description = "The replica's ARN, for the Console's backup-region key field; none without `backup_region`."
  value       = local.dual_region ? aws_kms_replica_key.replica[0].arn : null
}
