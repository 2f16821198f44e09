# Generated from camunda-byok-kms's core by `npm run generate:terraform`: do not edit.
data "aws_caller_identity" "current" {
}

data "aws_partition" "current" {
}

data "aws_region" "current" {
}

data "aws_region" "backup" {
  provider = aws.backup
}

# The role or user that deploys (an assumed role's session resolved to its role): the lockout check needs it.
data "aws_iam_session_context" "deployer" {
  count = !var.enable_default_account_access && length(local.key_administrator_arns) > 0 ? 1 : 0
  arn   = data.aws_caller_identity.current.arn
}

locals {
  dual_region             = var.backup_region != null
  alias_name              = var.alias_name != null ? var.alias_name : "alias/camunda-byok-${var.cluster_name}"
  key_administrator_arns  = distinct(var.key_administrator_arns)
  alert_topic_arn         = var.alert_topic_arn != null ? var.alert_topic_arn : one(aws_sns_topic.alerts[*].arn)
  replica_alert_topic_arn = var.backup_alert_topic_arn != null ? var.backup_alert_topic_arn : one(aws_sns_topic.replica_alerts[*].arn)

  # A replica has no rotation of its own, and CloudTrail names it by key id in UpdatePrimaryRegion records.
  replica_event_names             = [for name in var.monitored_event_names : name if !contains(["DisableKeyRotation", "EnableKeyRotation", "RotateKeyOnDemand"], name)]
  replica_event_names_by_key_id   = [for name in local.replica_event_names : name if contains(["UpdatePrimaryRegion"], name)]
  replica_event_names_by_resource = [for name in local.replica_event_names : name if !contains(["UpdatePrimaryRegion"], name)]

  tags = merge(var.tags, {
    "camunda:cluster" = var.cluster_name
    "managed-by"      = "camunda-byok-kms"
  })

  key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      var.enable_default_account_access ? [
        {
          Sid    = "EnableAccountAccess"
          Effect = "Allow"
          Principal = {
            AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
          }
          Action   = "kms:*"
          Resource = "*"
        },
      ] : [],
      length(local.key_administrator_arns) > 0 ? [
        {
          Sid    = "KeyAdministration"
          Effect = "Allow"
          Principal = {
            AWS = local.key_administrator_arns
          }
          Action = [
            "kms:Create*",
            "kms:Describe*",
            "kms:Enable*",
            "kms:List*",
            "kms:Put*",
            "kms:Update*",
            "kms:Revoke*",
            "kms:Disable*",
            "kms:Get*",
            "kms:Delete*",
            "kms:TagResource",
            "kms:UntagResource",
            "kms:ScheduleKeyDeletion",
            "kms:CancelKeyDeletion",
            "kms:RotateKeyOnDemand",
            "kms:ReplicateKey",
          ]
          Resource = "*"
        },
      ] : [],
      [
        {
          Sid    = "CamundaClusterKeyUsage"
          Effect = "Allow"
          Principal = {
            AWS = var.camunda_cluster_role_arn
          }
          Action = [
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:DescribeKey",
            "kms:GenerateDataKey*",
          ]
          Resource = "*"
        },
      ],
      var.restrict_grants_to_aws_resources ? [
        {
          Sid    = "CamundaClusterGrants"
          Effect = "Allow"
          Principal = {
            AWS = var.camunda_cluster_role_arn
          }
          Action   = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
          Resource = "*"
          Condition = {
            Bool = {
              "kms:GrantIsForAWSResource" = "true"
            }
          }
        },
      ] : [],
      !var.restrict_grants_to_aws_resources ? [
        {
          Sid    = "CamundaClusterGrants"
          Effect = "Allow"
          Principal = {
            AWS = var.camunda_cluster_role_arn
          }
          Action   = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
          Resource = "*"
        },
      ] : [],
    )
  })
}

resource "aws_kms_key" "this" {
  description                        = "Camunda 8 SaaS BYOK key for cluster ${var.cluster_name} (encrypts its disks, backups and documents)"
  key_usage                          = "ENCRYPT_DECRYPT"
  customer_master_key_spec           = "SYMMETRIC_DEFAULT"
  multi_region                       = local.dual_region
  enable_key_rotation                = var.enable_key_rotation
  deletion_window_in_days            = var.deletion_window_in_days
  is_enabled                         = true
  bypass_policy_lockout_safety_check = false
  policy                             = local.key_policy
  tags                               = local.tags
  rotation_period_in_days            = var.enable_key_rotation ? var.rotation_period_in_days : null

  lifecycle {
    prevent_destroy = true
    precondition {
      condition     = data.aws_region.current.id == var.cluster_region
      error_message = "camunda-byok-kms: cluster_region is \"${var.cluster_region}\", but the AWS provider deploys to \"${data.aws_region.current.id}\": the key must live in the cluster's region, so configure the provider for \"${var.cluster_region}\"."
    }
    precondition {
      condition     = local.dual_region ? var.backup_region != var.cluster_region : true
      error_message = "camunda-byok-kms: backup_region must differ from cluster_region."
    }
    precondition {
      condition     = var.alert_topic_arn != null ? try(split(":", var.alert_topic_arn)[3], "") == var.cluster_region : true
      error_message = "camunda-byok-kms: alert_topic_arn must be a topic in cluster_region: alarms and rules notify topics in their own region only."
    }
    precondition {
      condition     = local.dual_region && var.alert_topic_arn != null && var.backup_alert_topic_arn != null ? try(split(":", var.backup_alert_topic_arn)[3], "") == var.backup_region : true
      error_message = "camunda-byok-kms: backup_alert_topic_arn must be a topic in backup_region: alarms and rules notify topics in their own region only."
    }
    precondition {
      condition     = !var.enable_default_account_access && length(local.key_administrator_arns) > 0 ? contains(var.key_administrator_arns, one(data.aws_iam_session_context.deployer[*].issuer_arn)) || contains(var.key_administrator_arns, "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root") : true
      error_message = "camunda-byok-kms: key_administrator_arns must include the principal that deploys the key when enable_default_account_access is false, or AWS refuses to create it (MalformedPolicyDocumentException: the policy would lock its creator out); add the deploying role to key_administrator_arns, or keep enable_default_account_access on."
    }
    precondition {
      condition     = !(!var.enable_default_account_access && length(local.key_administrator_arns) == 0)
      error_message = "camunda-byok-kms: key_administrator_arns must name at least one administrator when enable_default_account_access is false, or nobody could manage the key (AWS rejects such a policy)."
    }
    precondition {
      condition     = !(local.dual_region && var.alert_topic_arn != null && var.backup_alert_topic_arn == null)
      error_message = "camunda-byok-kms: backup_alert_topic_arn is required with alert_topic_arn and backup_region: alarms and EventBridge rules can only notify a topic in their own region."
    }
    precondition {
      condition     = !(!local.dual_region && var.backup_alert_topic_arn != null)
      error_message = "camunda-byok-kms: backup_alert_topic_arn is only used with backup_region."
    }
    precondition {
      condition     = !(var.alert_topic_arn == null && var.backup_alert_topic_arn != null)
      error_message = "camunda-byok-kms: backup_alert_topic_arn is only used with alert_topic_arn; without it both regions get a new topic."
    }
  }
}

resource "aws_kms_replica_key" "replica" {
  count    = local.dual_region ? 1 : 0
  provider = aws.backup

  description                        = "Camunda 8 SaaS BYOK replica key for cluster ${var.cluster_name} (dual-region backups)"
  primary_key_arn                    = aws_kms_key.this.arn
  deletion_window_in_days            = var.deletion_window_in_days
  enabled                            = true
  bypass_policy_lockout_safety_check = false
  policy                             = local.key_policy
  tags                               = local.tags

  lifecycle {
    prevent_destroy = true
    precondition {
      condition     = data.aws_region.backup.id == var.backup_region
      error_message = "camunda-byok-kms: backup_region is \"${var.backup_region}\", but the aws.backup provider deploys to \"${data.aws_region.backup.id}\": the replica must live in the backup region, so configure aws.backup for \"${var.backup_region}\"."
    }
  }
}
