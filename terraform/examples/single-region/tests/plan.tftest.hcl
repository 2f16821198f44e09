# How a configuration that uses the module tests itself offline: a mocked AWS provider that answers
# what the module reads (see the module's README, "Testing a configuration that uses this module").

mock_provider "aws" {
  override_during = plan

  mock_data "aws_region" {
    defaults = { id = "eu-central-1", name = "eu-central-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111122223333", arn = "arn:aws:iam::111122223333:role/deployer" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", key_id = "1234abcd-12ab-34cd-56ef-1234567890ab" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-central-1:111122223333:camunda-byok-payments-prod-alerts" }
  }
  mock_resource "aws_cloudwatch_event_rule" {
    defaults = { arn = "arn:aws:events:eu-central-1:111122223333:rule/camunda-byok-payments-prod-key-events" }
  }
  mock_resource "aws_cloudwatch_metric_alarm" {
    defaults = { arn = "arn:aws:cloudwatch:eu-central-1:111122223333:alarm:camunda-byok-payments-prod-key-deletion" }
  }
}

variables {
  camunda_cluster_role_arn = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90"
}

run "plan" {
  command = plan

  assert {
    condition     = output.key_arn == "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "key_arn is not the key's ARN"
  }
  assert {
    condition     = output.alias_name == "alias/camunda-byok-payments-prod"
    error_message = "alias_name is not the default alias"
  }
}
