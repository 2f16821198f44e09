# What only the providers know stops the plan before the key is created: their regions, who deploys.

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

run "provider_in_another_region" {
  command = plan

  variables {
    cluster_region = "eu-west-3"
  }

  expect_failures = [aws_kms_key.this]
}

run "deployer_not_an_administrator" {
  command = plan

  variables {
    enable_default_account_access = false
    key_administrator_arns        = ["arn:aws:iam::111122223333:role/SecurityAdmins"]
  }

  expect_failures = [aws_kms_key.this]
}

run "backup_provider_in_another_region" {
  command = plan

  variables {
    backup_region = "eu-west-3"
  }

  expect_failures = [aws_kms_replica_key.replica]
}

run "deployer_under_its_own_path_administers" {
  command = plan

  # The session resolves to role/ops/deployer (aws_iam_session_context): that ARN, path included, is the administrator.
  variables {
    enable_default_account_access = false
    key_administrator_arns        = ["arn:aws:iam::111122223333:role/ops/deployer"]
  }

  assert {
    condition     = length(output.warnings) == 1 && strcontains(output.warnings[0], "names no account root while enable_default_account_access is false")
    error_message = "a policy only one role can manage is planned without the warning"
  }
}

run "deployer_name_under_another_path_refused" {
  command = plan

  # AWS needs the path: role/deployer is another (here non-existent) role.
  variables {
    enable_default_account_access = false
    key_administrator_arns        = ["arn:aws:iam::111122223333:role/deployer"]
  }

  expect_failures = [aws_kms_key.this]
}

run "identity_center_administrator_warned" {
  command = plan

  variables {
    enable_default_account_access = false
    key_administrator_arns = [
      "arn:aws:iam::111122223333:role/ops/deployer",
      "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_KmsAdmin_1234567890abcdef",
      "arn:aws:iam::111122223333:root",
    ]
  }

  assert {
    condition     = length(output.warnings) == 1 && strcontains(output.warnings[0], "AWSReservedSSO_KmsAdmin_1234567890abcdef")
    error_message = "an Identity Center administrator is planned without the warning"
  }
}
