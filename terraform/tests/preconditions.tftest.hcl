# What only the providers know stops the plan before the key is created: their regions, who deploys.

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
