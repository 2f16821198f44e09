# Bad values stop the plan on the variable they concern, with the package's message.

mock_provider "aws" {
  override_during = plan

  mock_data "aws_region" {
    defaults = { id = "eu-central-1", name = "eu-central-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111122223333", arn = "arn:aws:sts::111122223333:assumed-role/deployer/pipeline" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_iam_session_context" {
    defaults = { issuer_arn = "arn:aws:iam::111122223333:role/ops/deployer" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-central-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", key_id = "mrk-1234abcd12ab34cd56ef1234567890ab" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-central-1:111122223333:camunda-byok-alerts" }
  }
  mock_resource "aws_cloudwatch_event_rule" {
    defaults = { arn = "arn:aws:events:eu-central-1:111122223333:rule/camunda-byok-key-events" }
  }
  mock_resource "aws_cloudwatch_metric_alarm" {
    defaults = { arn = "arn:aws:cloudwatch:eu-central-1:111122223333:alarm:camunda-byok-key-deletion" }
  }
}

mock_provider "aws" {
  alias           = "backup"
  override_during = plan

  mock_data "aws_region" {
    defaults = { id = "eu-west-1", name = "eu-west-1" }
  }
  mock_resource "aws_kms_replica_key" {
    defaults = { arn = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", key_id = "mrk-1234abcd12ab34cd56ef1234567890ab" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-1:111122223333:camunda-byok-alerts" }
  }
  mock_resource "aws_cloudwatch_event_rule" {
    defaults = { arn = "arn:aws:events:eu-west-1:111122223333:rule/camunda-byok-key-events" }
  }
  mock_resource "aws_cloudwatch_metric_alarm" {
    defaults = { arn = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:camunda-byok-key-deletion" }
  }
}

variables {
  camunda_cluster_role_arn = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90"
  cluster_region           = "eu-central-1"
  cluster_name             = "payments-prod"
  alert_emails             = ["oncall@example.com"]
}

run "govcloud_role_for_a_commercial_key" {
  command = plan

  variables {
    camunda_cluster_role_arn = "arn:aws-us-gov:iam::123456789012:role/c8-cluster/c8-apps-0000"
  }

  expect_failures = [var.camunda_cluster_role_arn]
}

run "backup_region_in_the_cluster_region" {
  command = plan

  variables {
    backup_region = "eu-central-1"
  }

  expect_failures = [var.backup_region]
}

run "backup_topic_without_backup_region" {
  command = plan

  variables {
    alert_topic_arn        = "arn:aws:sns:eu-central-1:111122223333:oncall"
    backup_alert_topic_arn = "arn:aws:sns:eu-west-1:111122223333:oncall"
  }

  expect_failures = [var.backup_alert_topic_arn]
}

run "nobody_could_manage_the_key" {
  command = plan

  variables {
    enable_default_account_access = false
  }

  expect_failures = [var.key_administrator_arns]
}

run "reserved_tag" {
  command = plan

  variables {
    tags = { "managed-by" = "me" }
  }

  expect_failures = [var.tags]
}
