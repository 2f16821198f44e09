# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

output "key_arn" {
  description = "The key's ARN: paste it into the Camunda Console (the cluster's KMS key ARN field)."
  value       = aws_kms_key.this.arn
}

output "key_id" {
  description = "The key's id (`1234abcd-...`, or `mrk-...` for a multi-region key)."
  value       = aws_kms_key.this.key_id
}

output "replica_key_arn" {
  description = "The replica's ARN, for the Console's backup-region key field; none without `backup_region`."
  value       = var.backup_region != null ? aws_kms_replica_key.replica[0].arn : null
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
  value       = module.monitoring.event_rule_arn
}

output "alarm_arn" {
  description = "The ARN of the CloudWatch alarm on that rule, which notifies the alert topic."
  value       = module.monitoring.alarm_arn
}

output "alert_topic_arn" {
  description = "The ARN of the alert topic in the cluster's region (new, or `alert_topic_arn`)."
  value       = module.monitoring.alert_topic_arn
}

output "alias_arn" {
  description = "The alias's ARN, for IAM policies that name the key by alias."
  value       = aws_kms_alias.this.arn
}

output "access_denied_rule_arn" {
  description = "The ARN of the EventBridge rule for denied calls on the key; none with `monitor_access_denied` false."
  value       = module.monitoring.access_denied_rule_arn
}

output "replica_key_id" {
  description = "The replica's id (a replica has its primary's `mrk-` id); none without `backup_region`."
  value       = var.backup_region != null ? aws_kms_replica_key.replica[0].key_id : null
}

output "replica_alias_name" {
  description = "The replica's alias in the backup region (the key's alias name); none without `backup_region`."
  value       = var.backup_region != null ? local.alias_name : null
}

output "replica_alias_arn" {
  description = "The ARN of the replica's alias; none without `backup_region`."
  value       = var.backup_region != null ? aws_kms_alias.replica[0].arn : null
}

output "replica_alert_topic_arn" {
  description = "The ARN of the alert topic in the backup region (new, or `backup_alert_topic_arn`); none without `backup_region`."
  value       = var.backup_region != null ? module.replica_monitoring[0].alert_topic_arn : null
}

output "replica_event_rule_arn" {
  description = "The ARN of the EventBridge rule that watches the replica's calls, in the backup region; none without `backup_region`."
  value       = var.backup_region != null ? module.replica_monitoring[0].event_rule_arn : null
}

output "replica_alarm_arn" {
  description = "The ARN of the CloudWatch alarm on the replica's rule; none without `backup_region`."
  value       = var.backup_region != null ? module.replica_monitoring[0].alarm_arn : null
}

output "replica_access_denied_rule_arn" {
  description = "The ARN of the rule for denied calls on the replica; none without `backup_region`, or with `monitor_access_denied` false."
  value       = var.backup_region != null ? module.replica_monitoring[0].access_denied_rule_arn : null
}

output "warnings" {
  description = "What camunda-byok-kms warns about in these inputs, as Pulumi and CDKTF print it (a backup region outside Camunda's pairs, alerts that reach nobody): a check block would fail the terraform test of every configuration that calls the module, so the module says it here."
  value = compact([
    (var.backup_region != null ? lookup({ "eu-central-1" = "eu-west-1", "eu-west-3" = "eu-west-1", "us-east-1" = "us-west-2", "us-east-2" = "us-west-2", "ap-southeast-1" = "ap-southeast-3" }, var.cluster_region, "") == var.backup_region : true) ? "" : "camunda-byok-kms: backup_region is not the backup region Camunda pairs with cluster_region today; check the Camunda Console before deploying (got ${jsonencode(var.backup_region)}).",
    (!var.enable_default_account_access ? anytrue([for element in var.key_administrator_arns : can(regex("^arn:[^:]+:iam::[0-9]{12}:root$", element))]) : true) ? "" : "camunda-byok-kms: key_administrator_arns names no account root while enable_default_account_access is false: if every listed principal is deleted or renamed, nobody can manage the key and only AWS Support can restore access; add your account's root (arn:<partition>:iam::<account>:root), which lets IAM decide, or keep enable_default_account_access on.",
    (!var.enable_default_account_access ? alltrue([for element in var.key_administrator_arns : !can(regex("^arn:[^:]+:iam::[0-9]{12}:role/(.*/)?AWSReservedSSO_", element))]) : true) ? "" : "camunda-byok-kms: key_administrator_arns names an IAM Identity Center role (AWSReservedSSO_...) while enable_default_account_access is false: Identity Center deletes it when the permission set's last assignment in the account goes and makes a role with a new ARN when one is assigned again, and the key policy then names nobody; name a role you manage, or the account root (got ${join(", ", [for element in var.key_administrator_arns : jsonencode(element) if !(!can(regex("^arn:[^:]+:iam::[0-9]{12}:role/(.*/)?AWSReservedSSO_", element)))])}).",
    (var.alert_topic_arn != null || length(var.alert_emails) > 0) ? "" : "camunda-byok-kms: alert_emails is empty and no alert_topic_arn is given: alerts go to a new SNS topic nobody subscribes to yet.",
  ])
}
