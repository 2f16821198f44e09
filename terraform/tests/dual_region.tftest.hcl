# Dual-region backups: a multi-region key, its replica on the backup region's provider, the same policy.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks/aws"
}

mock_provider "aws" {
  alias           = "backup"
  override_during = plan
  source          = "./tests/mocks/aws-backup"
}

variables {
  camunda_cluster_role_arn = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90"
  cluster_region           = "eu-central-1"
  cluster_name             = "payments-prod"
  alert_emails             = ["oncall@example.com"]
}

run "dual_region" {
  command = plan

  variables {
    backup_region = "eu-west-1"
  }

  assert {
    condition     = aws_kms_key.this.multi_region && aws_kms_replica_key.replica[0].policy == aws_kms_key.this.policy
    error_message = "no multi-region key with a replica under the same policy"
  }
  assert {
    condition     = output.replica_key_arn == "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
    error_message = "replica_key_arn"
  }
  assert {
    condition     = aws_kms_alias.replica[0].name == aws_kms_alias.this.name
    error_message = "the replica's alias differs"
  }
  # The outputs people wire up, each the attribute of the resource it names.
  assert {
    condition = alltrue([
      output.replica_key_id == aws_kms_replica_key.replica[0].key_id,
      output.replica_alias_name == aws_kms_alias.replica[0].name,
      output.replica_alias_arn == aws_kms_alias.replica[0].arn,
      output.alias_arn == aws_kms_alias.this.arn,
      output.replica_alert_topic_arn == module.replica_monitoring[0].alert_topic_arn,
      output.replica_event_rule_arn == module.replica_monitoring[0].event_rule_arn,
      output.replica_alarm_arn == module.replica_monitoring[0].alarm_arn,
      output.access_denied_rule_arn == module.monitoring.access_denied_rule_arn,
      output.replica_access_denied_rule_arn == module.replica_monitoring[0].access_denied_rule_arn,
      output.replica_access_denied_rule_arn != null,
    ])
    error_message = "an output is not the attribute of its resource"
  }
}

mock_provider "aws" {
  alias           = "london"
  override_during = plan

  mock_data "aws_region" {
    defaults = { id = "eu-west-2", name = "eu-west-2" }
  }
  mock_resource "aws_kms_replica_key" {
    defaults = { arn = "arn:aws:kms:eu-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", key_id = "mrk-1234abcd12ab34cd56ef1234567890ab" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-2:111122223333:camunda-byok-alerts" }
  }
  mock_resource "aws_cloudwatch_event_rule" {
    defaults = { arn = "arn:aws:events:eu-west-2:111122223333:rule/camunda-byok-key-events" }
  }
  mock_resource "aws_cloudwatch_metric_alarm" {
    defaults = { arn = "arn:aws:cloudwatch:eu-west-2:111122223333:alarm:camunda-byok-key-deletion" }
  }
}

run "backup_region_outside_camunda_pairs" {
  command = plan

  providers = {
    aws        = aws
    aws.backup = aws.london
  }

  variables {
    backup_region = "eu-west-2"
  }

  assert {
    condition     = length(output.warnings) == 1 && strcontains(output.warnings[0], "is not the backup region Camunda pairs with cluster_region")
    error_message = "no warning on a backup region Camunda does not pair"
  }
}
