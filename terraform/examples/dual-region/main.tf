# A Camunda cluster with dual-region backups: a multi-region key in the cluster's region and its
# replica in the backup region, each with its own alias and alerts. Paste `key_arn` and
# `replica_key_arn` into the Camunda Console's two key fields.
#   terraform init
#   terraform apply -var camunda_cluster_role_arn=arn:aws:iam::<camunda account>:role/c8-cluster/c8-apps-<uuid>
# Decide on dual-region before the first apply: adding the backup region later replaces the key.

terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.49.0, < 7.0.0"
    }
  }
}

variable "camunda_cluster_role_arn" {
  description = "The cluster IAM role ARN the Camunda Console shows (Encryption at rest = External)"
  type        = string
}

variable "alert_emails" {
  description = "Addresses subscribed to the alerts in both regions (each must confirm by email)"
  type        = list(string)
  default     = ["oncall@example.com"]
}

provider "aws" {
  region = "eu-central-1"
}

# Camunda pairs eu-central-1 with eu-west-1 for backups.
provider "aws" {
  alias  = "backup"
  region = "eu-west-1"
}

module "camunda_byok" {
  source = "../.."

  camunda_cluster_role_arn = var.camunda_cluster_role_arn
  cluster_region           = "eu-central-1"
  backup_region            = "eu-west-1"
  cluster_name             = "payments-prod"
  alert_emails             = var.alert_emails

  providers = {
    aws        = aws
    aws.backup = aws.backup
  }
}

output "key_arn" {
  description = "The Camunda Console's key field"
  value       = module.camunda_byok.key_arn
}

output "replica_key_arn" {
  description = "The Camunda Console's backup-region key field"
  value       = module.camunda_byok.replica_key_arn
}

output "key_policy_json" {
  description = "The policy as applied: the alarm's recovery steps read it back (terraform output -raw key_policy_json > policy.json)"
  value       = module.camunda_byok.key_policy_json
}
