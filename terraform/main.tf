# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

################################################################################
# What the deployment is: account, partition, regions, deployer
################################################################################

data "aws_caller_identity" "current" {
}

data "aws_partition" "current" {
}

data "aws_region" "current" {
}

data "aws_region" "backup" {
  provider = aws.backup
}

# The role or user that deploys (an assumed role's session resolved to its role, with its path):
# AWS's lockout check needs it. Reading it needs iam:GetRole on that role.
data "aws_iam_session_context" "deployer" {
  count = !var.enable_default_account_access ? 1 : 0
  arn   = data.aws_caller_identity.current.arn
}

# An adopted key (adopt_key_id) and replica, read to refuse an adoption that would replace them.
data "aws_kms_key" "adopted" {
  count  = var.adopt_key_id != null ? 1 : 0
  key_id = var.adopt_key_id
}

data "aws_kms_key" "adopted_replica" {
  provider = aws.backup
  count    = var.adopt_replica_key_id != null ? 1 : 0
  key_id   = var.adopt_replica_key_id
}

locals {
  key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      # The account's IAM policies decide (AWS's default): https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
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
      # Key administrators manage, never use, the key: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators
      length(var.key_administrator_arns) > 0 ? [
        {
          Sid    = "KeyAdministration"
          Effect = "Allow"
          Principal = {
            AWS = distinct(var.key_administrator_arns)
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
        merge(
          {
            Sid    = "CamundaClusterGrants"
            Effect = "Allow"
            Principal = {
              AWS = var.camunda_cluster_role_arn
            }
            Action   = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
            Resource = "*"
          },
          var.restrict_grants_to_aws_resources ? {
            Condition = {
              Bool = {
                "kms:GrantIsForAWSResource" = "true"
              }
            }
          } : {},
        ),
      ],
      # Nobody but the listed may schedule the key's deletion, whatever IAM allows: https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-adding-permission.html
      var.prevent_destroy ? [
        merge(
          {
            Sid    = "DenyKeyDeletion"
            Effect = "Deny"
            Principal = {
              AWS = "*"
            }
            Action   = "kms:ScheduleKeyDeletion"
            Resource = "*"
          },
          length(var.key_deletion_allowed_arns) > 0 ? {
            Condition = {
              ArnNotLike = {
                "aws:PrincipalArn" = distinct(var.key_deletion_allowed_arns)
              }
            }
          } : {},
        ),
      ] : [],
    )
  })
  tags = merge(
    var.tags,
    {
      "camunda:cluster" = var.cluster_name
      "managed-by"      = "camunda-byok-kms"
    },
  )
  alias_name = var.alias_name != null ? var.alias_name : "alias/camunda-byok-${var.cluster_name}"
}

################################################################################
# Key: the one Camunda's cluster is configured with
################################################################################

resource "aws_kms_key" "this" {
  description                        = "Camunda 8 SaaS BYOK key for cluster ${var.cluster_name} (encrypts its disks, backups and documents)"
  key_usage                          = "ENCRYPT_DECRYPT"
  customer_master_key_spec           = "SYMMETRIC_DEFAULT"
  multi_region                       = var.backup_region != null
  enable_key_rotation                = var.enable_key_rotation
  rotation_period_in_days            = var.enable_key_rotation ? var.rotation_period_in_days : null
  deletion_window_in_days            = var.deletion_window_in_days
  is_enabled                         = true
  bypass_policy_lockout_safety_check = false
  policy                             = local.key_policy
  tags                               = local.tags

  lifecycle {
    prevent_destroy = true
    precondition {
      condition     = var.cluster_region == data.aws_region.current.id
      error_message = "camunda-byok-kms: cluster_region is \"${var.cluster_region}\", but the AWS provider deploys to \"${data.aws_region.current.id}\": the key must live in the cluster's region, so configure the provider for \"${var.cluster_region}\"."
    }
    precondition {
      condition     = !var.enable_default_account_access ? contains(var.key_administrator_arns, one(data.aws_iam_session_context.deployer[*].issuer_arn)) || contains(var.key_administrator_arns, "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root") : true
      error_message = "camunda-byok-kms: key_administrator_arns must include the principal that deploys the key when enable_default_account_access is false, or AWS refuses to create it (MalformedPolicyDocumentException: the policy would lock its creator out); add the deploying role to key_administrator_arns, or keep enable_default_account_access on."
    }
    precondition {
      condition     = var.adopt_key_id != null ? contains(["SYMMETRIC_DEFAULT"], one(data.aws_kms_key.adopted[*].key_spec)) : true
      error_message = "camunda-byok-kms: adopt_key_id KeySpec must be SYMMETRIC_DEFAULT: Camunda needs a symmetric encryption key, and another spec would replace the key (customer_master_key_spec forces a new key) (got ${jsonencode(one(data.aws_kms_key.adopted[*].key_spec))})."
    }
    precondition {
      condition     = var.adopt_key_id != null ? contains(["ENCRYPT_DECRYPT"], one(data.aws_kms_key.adopted[*].key_usage)) : true
      error_message = "camunda-byok-kms: adopt_key_id KeyUsage must be ENCRYPT_DECRYPT: Camunda encrypts with the key, and another usage would replace the key (key_usage forces a new key) (got ${jsonencode(one(data.aws_kms_key.adopted[*].key_usage))})."
    }
    precondition {
      condition     = var.adopt_key_id != null ? contains(["CUSTOMER"], one(data.aws_kms_key.adopted[*].key_manager)) : true
      error_message = "camunda-byok-kms: adopt_key_id KeyManager must be CUSTOMER: an AWS managed key cannot be managed (nor used by Camunda) (got ${jsonencode(one(data.aws_kms_key.adopted[*].key_manager))})."
    }
    precondition {
      condition     = var.adopt_key_id != null ? contains(["AWS_KMS"], one(data.aws_kms_key.adopted[*].origin)) : true
      error_message = "camunda-byok-kms: adopt_key_id Origin must be AWS_KMS: imported key material (EXTERNAL) cannot rotate and belongs to aws_kms_external_key, and a custom key store would replace the key (custom_key_store_id forces a new key) (got ${jsonencode(one(data.aws_kms_key.adopted[*].origin))})."
    }
    precondition {
      condition     = var.adopt_key_id != null ? contains(["Enabled", "Disabled"], one(data.aws_kms_key.adopted[*].key_state)) : true
      error_message = "camunda-byok-kms: adopt_key_id KeyState must be Enabled or Disabled: a key pending deletion reads as deleted and cannot be imported (cancel the deletion first: aws kms cancel-key-deletion), and a key in another state cannot be managed (got ${jsonencode(one(data.aws_kms_key.adopted[*].key_state))})."
    }
    precondition {
      condition     = var.adopt_key_id != null ? contains(["PRIMARY", ""], try(one(data.aws_kms_key.adopted[*].multi_region_configuration)[0].multi_region_key_type, "")) : true
      error_message = "camunda-byok-kms: adopt_key_id MultiRegionKeyType must be PRIMARY: a replica is adopted with adopt_replica_key_id, next to its primary key (adopt_key_id) (got ${jsonencode(try(one(data.aws_kms_key.adopted[*].multi_region_configuration)[0].multi_region_key_type, ""))})."
    }
    precondition {
      condition     = var.adopt_key_id != null && var.backup_region != null ? contains(["true"], tostring(one(data.aws_kms_key.adopted[*].multi_region))) : true
      error_message = "camunda-byok-kms: adopt_key_id MultiRegion is false, but backup_region needs a multi-region key: a key cannot become multi-region, so the plan would replace it (multi_region forces a new key), which Camunda cannot follow; adopt it without backup_region (got ${jsonencode(tostring(one(data.aws_kms_key.adopted[*].multi_region)))})."
    }
    precondition {
      condition     = var.adopt_key_id != null && var.backup_region == null ? contains(["false"], tostring(one(data.aws_kms_key.adopted[*].multi_region))) : true
      error_message = "camunda-byok-kms: adopt_key_id MultiRegion is true, but without backup_region the package makes a single-region key, so the plan would replace it (multi_region forces a new key); set backup_region to the region of its replica (got ${jsonencode(tostring(one(data.aws_kms_key.adopted[*].multi_region)))})."
    }
    precondition {
      condition     = var.adopt_key_id != null && var.backup_region != null && var.adopt_replica_key_id == null ? !contains(try(one(data.aws_kms_key.adopted[*].multi_region_configuration)[0].replica_keys[*].region, []), var.backup_region) : true
      error_message = "camunda-byok-kms: adopt_key_id already has a replica in backup_region: set adopt_replica_key_id to it, or the apply fails replicating the key there again."
    }
  }
}

################################################################################
# Replica key: the backup region's copy, for dual-region backups
################################################################################

resource "aws_kms_replica_key" "replica" {
  count    = var.backup_region != null ? 1 : 0
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
      condition     = var.backup_region != null ? var.backup_region == data.aws_region.backup.id : true
      error_message = "camunda-byok-kms: backup_region is \"${var.backup_region}\", but the backup region's AWS provider deploys to \"${data.aws_region.backup.id}\": the replica must live in the backup region, so configure that provider for \"${var.backup_region}\"."
    }
    precondition {
      condition     = var.adopt_replica_key_id != null ? contains(["CUSTOMER"], one(data.aws_kms_key.adopted_replica[*].key_manager)) : true
      error_message = "camunda-byok-kms: adopt_replica_key_id KeyManager must be CUSTOMER: an AWS managed key cannot be managed (nor used by Camunda) (got ${jsonencode(one(data.aws_kms_key.adopted_replica[*].key_manager))})."
    }
    precondition {
      condition     = var.adopt_replica_key_id != null ? contains(["AWS_KMS"], one(data.aws_kms_key.adopted_replica[*].origin)) : true
      error_message = "camunda-byok-kms: adopt_replica_key_id Origin must be AWS_KMS: imported key material (EXTERNAL) cannot rotate and belongs to aws_kms_external_key, and a custom key store would replace the key (custom_key_store_id forces a new key) (got ${jsonencode(one(data.aws_kms_key.adopted_replica[*].origin))})."
    }
    precondition {
      condition     = var.adopt_replica_key_id != null ? contains(["Enabled", "Disabled"], one(data.aws_kms_key.adopted_replica[*].key_state)) : true
      error_message = "camunda-byok-kms: adopt_replica_key_id KeyState must be Enabled or Disabled: a key pending deletion reads as deleted and cannot be imported (cancel the deletion first: aws kms cancel-key-deletion), and a key in another state cannot be managed (got ${jsonencode(one(data.aws_kms_key.adopted_replica[*].key_state))})."
    }
    precondition {
      condition     = var.adopt_replica_key_id != null ? contains(["REPLICA"], try(one(data.aws_kms_key.adopted_replica[*].multi_region_configuration)[0].multi_region_key_type, "")) : true
      error_message = "camunda-byok-kms: adopt_replica_key_id MultiRegionKeyType must be REPLICA: adopt_replica_key_id takes the replica of the adopted key in backup_region (got ${jsonencode(try(one(data.aws_kms_key.adopted_replica[*].multi_region_configuration)[0].multi_region_key_type, ""))})."
    }
    precondition {
      condition     = var.adopt_replica_key_id != null ? try(one(data.aws_kms_key.adopted_replica[*].multi_region_configuration)[0].primary_key[0].arn, "") == one(data.aws_kms_key.adopted[*].arn) : true
      error_message = "camunda-byok-kms: adopt_replica_key_id must be a replica of adopt_key_id: its primary key differs."
    }
  }
}

################################################################################
# Aliases
################################################################################

resource "aws_kms_alias" "this" {
  name          = local.alias_name
  target_key_id = aws_kms_key.this.arn
}

resource "aws_kms_alias" "replica" {
  count    = var.backup_region != null ? 1 : 0
  provider = aws.backup

  name          = local.alias_name
  target_key_id = aws_kms_replica_key.replica[0].arn
}
