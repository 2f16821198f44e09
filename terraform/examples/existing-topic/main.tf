# Alerts to SNS topics you already run (one per region: alarms and EventBridge rules notify topics in
# their own region only). Each topic's access policy must let events.amazonaws.com and
# cloudwatch.amazonaws.com publish; see the module's README.

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

variable "alert_topic_arn" {
  description = "Your on-call topic in eu-central-1"
  type        = string
}

variable "backup_alert_topic_arn" {
  description = "Your on-call topic in eu-west-1"
  type        = string
}

provider "aws" {
  region = "eu-central-1"
}

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
  alert_topic_arn          = var.alert_topic_arn
  backup_alert_topic_arn   = var.backup_alert_topic_arn

  providers = {
    aws        = aws
    aws.backup = aws.backup
  }
}

output "key_arn" {
  value = module.camunda_byok.key_arn
}

output "replica_key_arn" {
  value = module.camunda_byok.replica_key_arn
}

output "key_policy_json" {
  description = "The policy as applied: the alarm's recovery steps read it back (terraform output -raw key_policy_json > policy.json)"
  value       = module.camunda_byok.key_policy_json
}
