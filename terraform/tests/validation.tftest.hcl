# Bad values stop the plan on the variable they concern, with the package's message.

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
