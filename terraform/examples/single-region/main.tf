# One Camunda cluster's BYOK key, in one region:
#   terraform init
#   terraform apply -var camunda_cluster_role_arn=arn:aws:iam::<camunda account>:role/c8-cluster/c8-apps-<uuid>
# A bad value stops `terraform plan`, naming the input, before anything is created. Then paste the
# `key_arn` output into the Camunda Console.

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

variable "cluster_region" {
  description = "The Camunda cluster's AWS region; the key is created there"
  type        = string
  default     = "eu-central-1"
}

variable "cluster_name" {
  description = "Short name used in AWS names and tags"
  type        = string
  default     = "payments-prod"
}

variable "alert_emails" {
  description = "Addresses subscribed to the key's alerts (each must confirm by email)"
  type        = list(string)
  default     = ["oncall@example.com"]
}

provider "aws" {
  region = var.cluster_region
}

module "camunda_byok" {
  # From a release: "git::https://github.com/<owner>/camunda-byok-kms.git//terraform?ref=v0.1.0"
  source = "../.."

  camunda_cluster_role_arn = var.camunda_cluster_role_arn
  cluster_region           = var.cluster_region
  cluster_name             = var.cluster_name
  alert_emails             = var.alert_emails

  # Single-region: the replica's provider is never used, so it is the same one.
  providers = {
    aws        = aws
    aws.backup = aws
  }
}

output "key_arn" {
  description = "Paste into Camunda Console > your cluster > Encryption at rest"
  value       = module.camunda_byok.key_arn
}

output "alias_name" {
  value = module.camunda_byok.alias_name
}

output "alert_topic_arn" {
  value = module.camunda_byok.alert_topic_arn
}

output "key_policy_json" {
  description = "The policy as applied: the alarm's recovery steps read it back (terraform output -raw key_policy_json > policy.json)"
  value       = module.camunda_byok.key_policy_json
}
