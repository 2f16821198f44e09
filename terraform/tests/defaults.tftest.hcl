# The module's defaults, planned offline: Camunda's published policy, one protected key, its alerts.

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

run "defaults" {
  command = plan

  assert {
    condition     = [for statement in jsondecode(aws_kms_key.this.policy).Statement : statement.Sid] == ["EnableAccountAccess", "CamundaClusterKeyUsage", "CamundaClusterGrants", "DenyKeyDeletion"]
    error_message = "the default policy is not Camunda's published one with the deletion guard"
  }
  assert {
    condition     = !aws_kms_key.this.multi_region && aws_kms_key.this.enable_key_rotation && aws_kms_key.this.deletion_window_in_days == 30
    error_message = "the key's defaults changed"
  }
  assert {
    condition     = length(aws_kms_replica_key.replica) == 0 && module.monitoring.alert_topic_arn == "arn:aws:sns:eu-central-1:111122223333:camunda-byok-alerts"
    error_message = "a single-region key with a new topic expected"
  }
  assert {
    condition     = aws_kms_alias.this.name == "alias/camunda-byok-payments-prod" && length(output.warnings) == 0
    error_message = "alias or warnings"
  }
}

run "nobody_subscribed" {
  command = plan

  variables {
    alert_emails = []
  }

  assert {
    condition     = length(output.warnings) == 1 && strcontains(output.warnings[0], "alerts go to a new SNS topic nobody subscribes to yet")
    error_message = "no warning that alerts reach nobody"
  }
}

run "hardened" {
  command = plan

  variables {
    enable_default_account_access    = false
    key_administrator_arns           = ["arn:aws:iam::111122223333:role/ops/deployer", "arn:aws:iam::111122223333:role/ops/deployer"]
    restrict_grants_to_aws_resources = true
    key_deletion_allowed_arns        = ["arn:aws:iam::111122223333:role/KeyRetirement"]
  }

  assert {
    condition     = jsondecode(aws_kms_key.this.policy).Statement[0].Principal.AWS == ["arn:aws:iam::111122223333:role/ops/deployer"]
    error_message = "the administrators are not the first statement, without repeats"
  }
  assert {
    condition     = jsondecode(aws_kms_key.this.policy).Statement[2].Condition.Bool["kms:GrantIsForAWSResource"] == "true"
    error_message = "the grants are not restricted"
  }
  assert {
    condition     = jsondecode(aws_kms_key.this.policy).Statement[3].Condition.ArnNotLike["aws:PrincipalArn"] == ["arn:aws:iam::111122223333:role/KeyRetirement"]
    error_message = "the deletion guard does not except the listed principal"
  }
}

run "deletion_allowed" {
  command = plan

  variables {
    prevent_destroy = false
  }

  # The statement goes; the key's lifecycle.prevent_destroy stays (Terraform takes only a literal).
  assert {
    condition     = !contains([for statement in jsondecode(aws_kms_key.this.policy).Statement : statement.Sid], "DenyKeyDeletion")
    error_message = "prevent_destroy = false left the deletion guard in"
  }
}
