# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

variable "camunda_cluster_role_arn" {
  description = "The Camunda cluster's IAM role ARN, as the Camunda Console shows it after you create a cluster with Encryption at rest = External, e.g. `arn:aws:iam::123456789012:role/c8-cluster/c8-apps-<uuid>`. The key policy lets exactly this role use the key. Required."
  type        = string

  validation {
    condition     = try(split(":", var.camunda_cluster_role_arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")
    error_message = "camunda-byok-kms: camunda_cluster_role_arn must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got partition ${try(split(":", var.camunda_cluster_role_arn)[1], "?")}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }

  validation {
    condition     = can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role(\\/(?:[\\x21-\\x29\\x2B-\\x7E]+\\/)*)([\\w+=,.@-]{1,64})$", var.camunda_cluster_role_arn))
    error_message = "camunda-byok-kms: camunda_cluster_role_arn must be an IAM role ARN like arn:aws:iam::123456789012:role/path/name (got ${jsonencode(var.camunda_cluster_role_arn)})."
  }
}

variable "cluster_region" {
  description = "The Camunda cluster's AWS region, e.g. `eu-central-1`. The key must live there, so an AWS provider that deploys to another region is an error. Required."
  type        = string

  validation {
    condition     = contains(["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2", "cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1"], var.cluster_region)
    error_message = "camunda-byok-kms: cluster_region must be an AWS region this version of camunda-byok-kms knows (got ${jsonencode(var.cluster_region)})."
  }
}

variable "cluster_name" {
  description = "Short name of the cluster used in AWS names and tags: 1-32 letters, digits, `-` or `_`, starting with a letter or digit, unique per AWS account and region. Changing it renames the alias, topic, rules and alarms, never the key. Required."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$", var.cluster_name))
    error_message = "camunda-byok-kms: cluster_name must be 1-32 letters, digits, \"-\" or \"_\", starting with a letter or digit (got ${jsonencode(var.cluster_name)})."
  }
}

variable "backup_region" {
  description = "Dual-region backups: the AWS region of the backup, where Camunda needs a key too. Setting it makes the key multi-region and adds a replica there, with the same policy and its own alias, topic, rules and alarms. IMPORTANT: choose it before the first deployment: adding or removing it later replaces the key, which Camunda cannot follow (a new cluster would be needed). Default: none (a single-region key)."
  type        = string
  default     = null

  validation {
    condition     = var.backup_region != null ? contains(["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2", "cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1"], var.backup_region) : true
    error_message = "camunda-byok-kms: backup_region must be an AWS region this version of camunda-byok-kms knows (got ${jsonencode(var.backup_region)})."
  }

  validation {
    condition     = var.backup_region != null ? var.backup_region != var.cluster_region : true
    error_message = "camunda-byok-kms: backup_region must differ from cluster_region (got ${jsonencode(var.backup_region)})."
  }

  validation {
    condition     = var.backup_region != null ? (startswith(var.backup_region, "cn-") ? "aws-cn" : startswith(var.backup_region, "us-gov-") ? "aws-us-gov" : "aws") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws") : true
    error_message = "camunda-byok-kms: backup_region must be in the partition of cluster_region: a multi-region key replicates within its partition only (got ${jsonencode(var.backup_region)})."
  }
}

variable "key_administrator_arns" {
  description = "IAM roles, users or the account root (in the key's partition) that may manage the key. They get no cryptographic action, but like any KMS key administrator their `kms:PutKeyPolicy` and `kms:CreateGrant` let them give themselves use of the key; such a policy change raises the alarm. With `enable_default_account_access` false, the principal that deploys the key must be one of them (or its account root), or AWS refuses to create the key."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for element in var.key_administrator_arns : can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(?:root|(?:role|user)\\/(?:[\\x21-\\x29\\x2B-\\x7E]+\\/)*[\\w+=,.@-]{1,64})$", element))])
    error_message = "camunda-byok-kms: key_administrator_arns must hold only IAM role, user or account root ARNs (got ${join(", ", [for element in var.key_administrator_arns : jsonencode(element) if !(can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(?:root|(?:role|user)\\/(?:[\\x21-\\x29\\x2B-\\x7E]+\\/)*[\\w+=,.@-]{1,64})$", element)))])})."
  }

  validation {
    condition     = !contains(var.key_administrator_arns, var.camunda_cluster_role_arn)
    error_message = "camunda-byok-kms: key_administrator_arns must not name the Camunda cluster role, which may use the key but must never manage it."
  }

  validation {
    condition     = alltrue([for arn in var.key_administrator_arns : try(split(":", arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")])
    error_message = "camunda-byok-kms: key_administrator_arns must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got ${join(", ", [for arn in var.key_administrator_arns : jsonencode(arn) if !(try(split(":", arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws"))])}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }

  validation {
    condition     = var.enable_default_account_access || length(var.key_administrator_arns) > 0
    error_message = "camunda-byok-kms: key_administrator_arns must name at least one administrator when enable_default_account_access is false, or nobody could manage the key (AWS rejects such a policy)."
  }
}

variable "enable_default_account_access" {
  description = "Keep the account-root `kms:*` statement of Camunda's published policy, which lets the key's account manage the key through IAM policies and protects against lockout."
  type        = bool
  default     = true
  nullable    = false
}

variable "restrict_grants_to_aws_resources" {
  description = "Opt-in hardening: allow the Camunda role's grant actions only for AWS resources (`kms:GrantIsForAWSResource`). Camunda's published policy has no such condition, and a policy Camunda cannot use freezes the cluster."
  type        = bool
  default     = false
  nullable    = false
}

variable "alias_name" {
  description = "The key's alias, in the cluster's region and (with `backup_region`) the backup region. Must start with `alias/` and not with `alias/aws/`. Default: `alias/camunda-byok-<cluster_name>`."
  type        = string
  default     = null

  validation {
    condition     = var.alias_name != null ? can(regex("^alias/[A-Za-z0-9/_-]{1,250}$", var.alias_name)) : true
    error_message = "camunda-byok-kms: alias_name must start with \"alias/\" and be at most 256 characters of letters, digits, \"/\", \"_\" and \"-\" (got ${jsonencode(var.alias_name)})."
  }

  validation {
    condition     = var.alias_name != null ? !can(regex("(?i)^alias/aws/", var.alias_name)) : true
    error_message = "camunda-byok-kms: alias_name must not start with \"alias/aws/\", which AWS reserves for AWS managed keys (got ${jsonencode(var.alias_name)})."
  }
}

variable "deletion_window_in_days" {
  description = "Days KMS waits before deleting a key scheduled for deletion: 7 to 30."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "camunda-byok-kms: deletion_window_in_days must be a whole number of days between 7 and 30 (got ${var.deletion_window_in_days})."
  }
}

variable "enable_key_rotation" {
  description = "Automatic rotation of the key material. Rotation keeps the key ARN, and Camunda supports it."
  type        = bool
  default     = true
  nullable    = false
}

variable "rotation_period_in_days" {
  description = "Days between automatic rotations: 90 to 2560."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = var.rotation_period_in_days >= 90 && var.rotation_period_in_days <= 2560 && floor(var.rotation_period_in_days) == var.rotation_period_in_days
    error_message = "camunda-byok-kms: rotation_period_in_days must be a whole number of days between 90 and 2560 (got ${var.rotation_period_in_days})."
  }
}

variable "prevent_destroy" {
  description = "Guards the key and the replica against deletion, as a deleted key loses the cluster's data: their key policy denies `kms:ScheduleKeyDeletion` to everyone but `key_deletion_allowed_arns` (statement `DenyKeyDeletion`), which also holds when the configuration that made the key is removed. The Terraform module always sets `prevent_destroy` (Terraform takes only a literal), and this input decides its statement. Retiring a key is two deliberate steps: set this false (a policy change, which raises the alarm), then delete."
  type        = bool
  default     = true
  nullable    = false
}

variable "key_deletion_allowed_arns" {
  description = "IAM roles, users or the account root (in the key's partition) that may still schedule the key's deletion while `prevent_destroy` is true: the exception to `DenyKeyDeletion`, matched on `aws:PrincipalArn` (an assumed role's sessions count as the role)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for element in var.key_deletion_allowed_arns : can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(?:root|(?:role|user)\\/(?:[\\x21-\\x29\\x2B-\\x7E]+\\/)*[\\w+=,.@-]{1,64})$", element))])
    error_message = "camunda-byok-kms: key_deletion_allowed_arns must hold only IAM role, user or account root ARNs (got ${join(", ", [for element in var.key_deletion_allowed_arns : jsonencode(element) if !(can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(?:root|(?:role|user)\\/(?:[\\x21-\\x29\\x2B-\\x7E]+\\/)*[\\w+=,.@-]{1,64})$", element)))])})."
  }

  validation {
    condition     = !contains(var.key_deletion_allowed_arns, var.camunda_cluster_role_arn)
    error_message = "camunda-byok-kms: key_deletion_allowed_arns must not name the Camunda cluster role, which may use the key but must never manage it."
  }

  validation {
    condition     = alltrue([for arn in var.key_deletion_allowed_arns : try(split(":", arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")])
    error_message = "camunda-byok-kms: key_deletion_allowed_arns must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got ${join(", ", [for arn in var.key_deletion_allowed_arns : jsonencode(arn) if !(try(split(":", arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws"))])}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }
}

variable "alert_emails" {
  description = "Email addresses subscribed to a new alert topic in each region (each must confirm the subscription AWS mails it)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for element in var.alert_emails : can(regex("^[^\\t\\n\\v\\f\\r @]+@[^\\t\\n\\v\\f\\r @]+\\.[^\\t\\n\\v\\f\\r @]+$", element))])
    error_message = "camunda-byok-kms: alert_emails must hold only email addresses (got ${join(", ", [for element in var.alert_emails : jsonencode(element) if !(can(regex("^[^\\t\\n\\v\\f\\r @]+@[^\\t\\n\\v\\f\\r @]+\\.[^\\t\\n\\v\\f\\r @]+$", element)))])})."
  }

  validation {
    condition     = length(distinct([for element in var.alert_emails : lower(element)])) == length(var.alert_emails)
    error_message = "camunda-byok-kms: alert_emails must not repeat an address."
  }
}

variable "alert_topic_arn" {
  description = "An existing SNS topic in `cluster_region` for the alerts, instead of a new one. Its access policy must let `events.amazonaws.com` and `cloudwatch.amazonaws.com` publish, and if it is encrypted, its KMS key (never the monitored key) must let both services use it (`kms:GenerateDataKey*`, `kms:Decrypt`). The package leaves a topic it did not create alone; the failed-delivery alarms tell when it refuses the alerts. Default: none (a new topic)."
  type        = string
  default     = null

  validation {
    condition     = var.alert_topic_arn != null ? can(regex("^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\\d{12}):([\\w-]{1,256})$", var.alert_topic_arn)) : true
    error_message = "camunda-byok-kms: alert_topic_arn must be an SNS topic ARN like arn:aws:sns:eu-central-1:123456789012:alerts (got ${jsonencode(var.alert_topic_arn)})."
  }

  validation {
    condition     = var.alert_topic_arn != null ? try(split(":", var.alert_topic_arn)[3], "") == var.cluster_region : true
    error_message = "camunda-byok-kms: alert_topic_arn must be a topic in cluster_region: alarms and rules notify topics in their own region only (got ${jsonencode(var.alert_topic_arn)})."
  }

  validation {
    condition     = var.alert_topic_arn != null ? try(split(":", var.alert_topic_arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws") : true
    error_message = "camunda-byok-kms: alert_topic_arn must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got partition ${try(split(":", var.alert_topic_arn)[1], "?")}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }

  validation {
    condition     = var.alert_topic_arn != null ? length(var.alert_topic_arn) <= 264 : true
    error_message = "camunda-byok-kms: alert_topic_arn must be short enough for the monitoring-changes pattern to fit EventBridge's 2048 characters; use a topic with a shorter name (got ${try(length(var.alert_topic_arn), 0)} characters)."
  }
}

variable "backup_alert_topic_arn" {
  description = "With `alert_topic_arn` and `backup_region`: the existing topic in `backup_region` (alarms and rules notify topics in their own region only). Default: none."
  type        = string
  default     = null

  validation {
    condition     = var.backup_alert_topic_arn != null ? can(regex("^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\\d{12}):([\\w-]{1,256})$", var.backup_alert_topic_arn)) : true
    error_message = "camunda-byok-kms: backup_alert_topic_arn must be an SNS topic ARN like arn:aws:sns:eu-central-1:123456789012:alerts (got ${jsonencode(var.backup_alert_topic_arn)})."
  }

  validation {
    condition     = var.backup_alert_topic_arn != null && var.backup_region != null ? try(split(":", var.backup_alert_topic_arn)[3], "") == var.backup_region : true
    error_message = "camunda-byok-kms: backup_alert_topic_arn must be a topic in backup_region: alarms and rules notify topics in their own region only (got ${jsonencode(var.backup_alert_topic_arn)})."
  }

  validation {
    condition     = var.backup_alert_topic_arn != null ? try(split(":", var.backup_alert_topic_arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws") : true
    error_message = "camunda-byok-kms: backup_alert_topic_arn must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got partition ${try(split(":", var.backup_alert_topic_arn)[1], "?")}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }

  validation {
    condition     = var.backup_alert_topic_arn == null || var.backup_region != null
    error_message = "camunda-byok-kms: backup_alert_topic_arn is only used with backup_region."
  }

  validation {
    condition     = var.backup_alert_topic_arn == null || var.alert_topic_arn != null
    error_message = "camunda-byok-kms: backup_alert_topic_arn is only used with alert_topic_arn; without it both regions get a new topic."
  }

  validation {
    condition     = var.alert_topic_arn == null || var.backup_region == null || var.backup_alert_topic_arn != null
    error_message = "camunda-byok-kms: backup_alert_topic_arn is required with alert_topic_arn and backup_region: alarms and EventBridge rules can only notify a topic in their own region."
  }

  validation {
    condition     = var.backup_alert_topic_arn != null ? length(var.backup_alert_topic_arn) <= 264 : true
    error_message = "camunda-byok-kms: backup_alert_topic_arn must be short enough for the monitoring-changes pattern to fit EventBridge's 2048 characters; use a topic with a shorter name (got ${try(length(var.backup_alert_topic_arn), 0)} characters)."
  }
}

variable "alert_topic_kms_key_arn" {
  description = "A customer managed KMS key (its ARN, key or alias, in `cluster_region`) that encrypts the package's new alert topic (SNS server-side encryption), for the compliance scanners that flag unencrypted topics. Its key policy must let `events.amazonaws.com` and `cloudwatch.amazonaws.com` use it (`kms:GenerateDataKey*`, `kms:Decrypt`), or the alerts are not delivered. Never the monitored key (nor `adopt_key_id`): an alert about the key would need the key. Only with a new topic: an existing topic's encryption is its own. Default: none (SNS's default, no server-side encryption)."
  type        = string
  default     = null

  validation {
    condition     = var.alert_topic_kms_key_arn != null && var.adopt_key_id != null ? element(split("/", var.alert_topic_kms_key_arn), length(split("/", var.alert_topic_kms_key_arn)) - 1) != element(split("/", var.adopt_key_id), length(split("/", var.adopt_key_id)) - 1) : true
    error_message = "camunda-byok-kms: alert_topic_kms_key_arn must not be the key the alerts watch: an alert about the key would need the key to be delivered (got ${jsonencode(var.alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.alert_topic_kms_key_arn != null ? element(split("/", var.alert_topic_kms_key_arn), length(split("/", var.alert_topic_kms_key_arn)) - 1) != element(split("/", var.alias_name != null ? var.alias_name : "alias/camunda-byok-${var.cluster_name}"), length(split("/", var.alias_name != null ? var.alias_name : "alias/camunda-byok-${var.cluster_name}")) - 1) : true
    error_message = "camunda-byok-kms: alert_topic_kms_key_arn must not be the key the alerts watch: an alert about the key would need the key to be delivered (got ${jsonencode(var.alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.alert_topic_kms_key_arn != null ? can(regex("^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9_-]{1,64}|alias/[A-Za-z0-9/_-]{1,250})$", var.alert_topic_kms_key_arn)) : true
    error_message = "camunda-byok-kms: alert_topic_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or alias ARN (got ${jsonencode(var.alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.alert_topic_kms_key_arn != null ? try(split(":", var.alert_topic_kms_key_arn)[3], "") == var.cluster_region : true
    error_message = "camunda-byok-kms: alert_topic_kms_key_arn must be a key in cluster_region: an SNS topic is encrypted with a key of its own region (got ${jsonencode(var.alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.alert_topic_kms_key_arn != null ? try(split(":", var.alert_topic_kms_key_arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws") : true
    error_message = "camunda-byok-kms: alert_topic_kms_key_arn must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got partition ${try(split(":", var.alert_topic_kms_key_arn)[1], "?")}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }

  validation {
    condition     = var.alert_topic_kms_key_arn == null || var.alert_topic_arn == null
    error_message = "camunda-byok-kms: alert_topic_kms_key_arn is only used for the package's new topic: an existing alert_topic_arn is encrypted (or not) by its own settings."
  }
}

variable "backup_alert_topic_kms_key_arn" {
  description = "With `alert_topic_kms_key_arn` and `backup_region`: the KMS key in `backup_region` for the replica's alert topic (a topic uses a key of its own region). Default: none."
  type        = string
  default     = null

  validation {
    condition     = var.backup_alert_topic_kms_key_arn != null && var.adopt_key_id != null ? element(split("/", var.backup_alert_topic_kms_key_arn), length(split("/", var.backup_alert_topic_kms_key_arn)) - 1) != element(split("/", var.adopt_key_id), length(split("/", var.adopt_key_id)) - 1) : true
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn must not be the key the alerts watch: an alert about the key would need the key to be delivered (got ${jsonencode(var.backup_alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.backup_alert_topic_kms_key_arn != null ? element(split("/", var.backup_alert_topic_kms_key_arn), length(split("/", var.backup_alert_topic_kms_key_arn)) - 1) != element(split("/", var.alias_name != null ? var.alias_name : "alias/camunda-byok-${var.cluster_name}"), length(split("/", var.alias_name != null ? var.alias_name : "alias/camunda-byok-${var.cluster_name}")) - 1) : true
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn must not be the key the alerts watch: an alert about the key would need the key to be delivered (got ${jsonencode(var.backup_alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.backup_alert_topic_kms_key_arn != null ? can(regex("^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9_-]{1,64}|alias/[A-Za-z0-9/_-]{1,250})$", var.backup_alert_topic_kms_key_arn)) : true
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or alias ARN (got ${jsonencode(var.backup_alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.backup_alert_topic_kms_key_arn != null && var.backup_region != null ? try(split(":", var.backup_alert_topic_kms_key_arn)[3], "") == var.backup_region : true
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn must be a key in backup_region: an SNS topic is encrypted with a key of its own region (got ${jsonencode(var.backup_alert_topic_kms_key_arn)})."
  }

  validation {
    condition     = var.backup_alert_topic_kms_key_arn != null ? try(split(":", var.backup_alert_topic_kms_key_arn)[1], "") == (startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws") : true
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got partition ${try(split(":", var.backup_alert_topic_kms_key_arn)[1], "?")}; ${var.cluster_region} is in partition ${(startswith(var.cluster_region, "cn-") ? "aws-cn" : startswith(var.cluster_region, "us-gov-") ? "aws-us-gov" : "aws")})."
  }

  validation {
    condition     = var.backup_alert_topic_kms_key_arn == null || var.backup_region != null
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn is only used with backup_region."
  }

  validation {
    condition     = var.backup_alert_topic_kms_key_arn == null || var.alert_topic_kms_key_arn != null
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn is only used with alert_topic_kms_key_arn."
  }

  validation {
    condition     = var.alert_topic_kms_key_arn == null || var.backup_region == null || var.backup_alert_topic_kms_key_arn != null
    error_message = "camunda-byok-kms: backup_alert_topic_kms_key_arn is required with alert_topic_kms_key_arn and backup_region: the replica's topic is encrypted with a key in backup_region."
  }
}

variable "monitored_event_names" {
  description = "CloudTrail event names on the key that raise the alarm. Grant calls by anyone but Camunda and AWS services, and changes to the package's own monitoring, alert whatever this list says."
  type        = list(string)
  default = [
    "DisableKey",
    "ScheduleKeyDeletion",
    "PutKeyPolicy",
    "DisableKeyRotation",
    "UpdatePrimaryRegion",
    "ReplicateKey",
  ]
  nullable = false

  validation {
    condition     = length(var.monitored_event_names) > 0
    error_message = "camunda-byok-kms: monitored_event_names must name at least one event; leave it out for the defaults."
  }

  validation {
    condition     = alltrue([for element in var.monitored_event_names : can(regex("^[A-Z][A-Za-z0-9]{2,63}$", element))])
    error_message = "camunda-byok-kms: monitored_event_names must hold only KMS API names as CloudTrail records them, such as DisableKey (got ${join(", ", [for element in var.monitored_event_names : jsonencode(element) if !(can(regex("^[A-Z][A-Za-z0-9]{2,63}$", element)))])})."
  }

  validation {
    condition     = length(distinct(var.monitored_event_names)) == length(var.monitored_event_names)
    error_message = "camunda-byok-kms: monitored_event_names must not repeat a name."
  }

  validation {
    condition     = length(jsonencode(var.monitored_event_names)) <= 242
    error_message = "camunda-byok-kms: monitored_event_names must keep the key-events pattern within EventBridge's 2048 characters; monitor fewer events (got ${length(jsonencode(var.monitored_event_names))} characters of names)."
  }
}

variable "monitor_access_denied" {
  description = "A second rule that alerts on KMS calls against the key denied with `AccessDenied*`."
  type        = bool
  default     = true
  nullable    = false
}

variable "adopt_key_id" {
  description = "Adopt a key made by hand (in the KMS console, with Camunda's guide) instead of creating one: its key id or ARN, in `cluster_region`. The key is imported, never replaced: an adoption whose settings would replace it (a single-region key with `backup_region`, a multi-region key without it, a key spec other than `SYMMETRIC_DEFAULT`, a usage other than `ENCRYPT_DECRYPT`, a key pending deletion, imported key material) is refused, naming the live value, before anything is applied. Run `camunda-byok-kms adopt` first: it says what the first apply will change on the key. Default: none (a new key)."
  type        = string
  default     = null

  validation {
    condition     = var.adopt_key_id != null ? can(regex("^(arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/)?(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", var.adopt_key_id)) : true
    error_message = "camunda-byok-kms: adopt_key_id must be a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab, or mrk-... for a multi-region key) or a key ARN (got ${jsonencode(var.adopt_key_id)})."
  }

  validation {
    condition     = var.adopt_key_id != null && var.backup_region != null ? can(regex("^(arn:[^:]+:kms:[^:]+:[0-9]{12}:key/)?mrk-", var.adopt_key_id)) : true
    error_message = "camunda-byok-kms: adopt_key_id is a single-region key (its id does not start with mrk-), but backup_region needs a multi-region key: a key cannot become multi-region, so the plan would replace it, which Camunda cannot follow; adopt it without backup_region (got ${jsonencode(var.adopt_key_id)})."
  }

  validation {
    condition     = var.adopt_key_id != null && var.backup_region == null ? !can(regex("^(arn:[^:]+:kms:[^:]+:[0-9]{12}:key/)?mrk-", var.adopt_key_id)) : true
    error_message = "camunda-byok-kms: adopt_key_id is a multi-region key (its id starts with mrk-), but without backup_region the package makes a single-region key, so the plan would replace it; set backup_region to the region of its replica (got ${jsonencode(var.adopt_key_id)})."
  }
}

variable "adopt_replica_key_id" {
  description = "With `adopt_key_id` and `backup_region`: the existing replica of the adopted key in `backup_region` (its id or ARN), imported likewise instead of replicating the key again. Default: none (a new replica)."
  type        = string
  default     = null

  validation {
    condition     = var.adopt_replica_key_id != null ? can(regex("^(arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/)?(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", var.adopt_replica_key_id)) : true
    error_message = "camunda-byok-kms: adopt_replica_key_id must be a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab, or mrk-... for a multi-region key) or a key ARN (got ${jsonencode(var.adopt_replica_key_id)})."
  }

  validation {
    condition     = var.adopt_replica_key_id == null || var.adopt_key_id != null
    error_message = "camunda-byok-kms: adopt_replica_key_id is only used with adopt_key_id: a new key has no replica yet."
  }

  validation {
    condition     = var.adopt_replica_key_id == null || var.backup_region != null
    error_message = "camunda-byok-kms: adopt_replica_key_id is only used with backup_region."
  }
}

variable "tags" {
  description = "Tags for every resource, merged with `{ \"camunda:cluster\": cluster_name, \"managed-by\": \"camunda-byok-kms\" }`."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = length(var.tags) <= 48
    error_message = "camunda-byok-kms: tags may hold at most 48 tags, as AWS allows 50 and the package sets 2 (got ${length(var.tags)})."
  }

  validation {
    condition     = alltrue([for key in keys(var.tags) : !contains(["camunda:cluster", "managed-by"], key)])
    error_message = "camunda-byok-kms: tags is set by camunda-byok-kms itself (got ${join(", ", [for key in keys(var.tags) : jsonencode(key) if !(!contains(["camunda:cluster", "managed-by"], key))])})."
  }

  validation {
    condition     = alltrue([for key in keys(var.tags) : can(regex("(?s)^.{1,128}$", key))])
    error_message = "camunda-byok-kms: tags tag names must be 1 to 128 characters (got ${join(", ", [for key in keys(var.tags) : jsonencode(key) if !(can(regex("(?s)^.{1,128}$", key)))])})."
  }

  validation {
    condition     = alltrue([for key in keys(var.tags) : !can(regex("(?i)^aws:", key))])
    error_message = "camunda-byok-kms: tags tag names must not start with \"aws:\", which AWS reserves (got ${join(", ", [for key in keys(var.tags) : jsonencode(key) if !(!can(regex("(?i)^aws:", key)))])})."
  }

  validation {
    condition     = alltrue([for value in values(var.tags) : can(regex("(?s)^.{0,256}$", value))])
    error_message = "camunda-byok-kms: tags tag values must be at most 256 characters."
  }
}
