# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

################################################################################
# Monitoring: the alerts on each key, in its own region (see modules/monitoring)
################################################################################

module "monitoring" {
  source = "./modules/monitoring"

  providers = {
    aws = aws
  }

  cluster_name             = var.cluster_name
  key_label                = "key"
  key_arn                  = aws_kms_key.this.arn
  key_id                   = aws_kms_key.this.key_id
  alias_name               = local.alias_name
  region                   = var.cluster_region
  camunda_cluster_role_arn = var.camunda_cluster_role_arn
  monitored_event_names    = var.monitored_event_names
  monitor_access_denied    = var.monitor_access_denied
  alert_emails             = var.alert_emails
  alert_topic_arn          = var.alert_topic_arn
  alert_topic_kms_key_arn  = var.alert_topic_kms_key_arn
  tags                     = local.tags
}

module "replica_monitoring" {
  source = "./modules/monitoring"
  count  = var.backup_region != null ? 1 : 0

  providers = {
    aws = aws.backup
  }

  cluster_name             = var.cluster_name
  key_label                = "replica key"
  key_arn                  = aws_kms_replica_key.replica[0].arn
  key_id                   = aws_kms_replica_key.replica[0].key_id
  alias_name               = local.alias_name
  region                   = var.backup_region
  camunda_cluster_role_arn = var.camunda_cluster_role_arn
  monitored_event_names    = var.monitored_event_names
  monitor_access_denied    = var.monitor_access_denied
  alert_emails             = var.alert_emails
  alert_topic_arn          = var.backup_alert_topic_arn
  alert_topic_kms_key_arn  = var.backup_alert_topic_kms_key_arn
  tags                     = local.tags
}
