# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

variable "cluster_name" {
  description = "The cluster's short name, in the names of the rules, alarms and topic."
  type        = string
}

variable "key_label" {
  description = "How descriptions and alarms name the key watched: `key`, or `replica key`."
  type        = string
}

variable "key_arn" {
  description = "The ARN of the key watched."
  type        = string
}

variable "key_id" {
  description = "The id of the key watched (`1234abcd-...`, or `mrk-...` for a multi-region key)."
  type        = string
}

variable "alias_name" {
  description = "The key's alias, as calls may name the key by it."
  type        = string
}

variable "region" {
  description = "The key's region, as the recovery commands in the alarm's description name it."
  type        = string
}

variable "camunda_cluster_role_arn" {
  description = "The Camunda cluster's IAM role: its routine grant calls raise no alert."
  type        = string
}

variable "monitored_event_names" {
  description = "CloudTrail event names on the key that raise the alarm."
  type        = list(string)
}

variable "monitor_access_denied" {
  description = "Whether a second rule alerts on KMS calls against the key denied with `AccessDenied*`."
  type        = bool
}

variable "alert_emails" {
  description = "Email addresses subscribed to the new alert topic."
  type        = list(string)
}

variable "alert_topic_arn" {
  description = "An existing SNS topic in the key's region for the alerts, instead of a new one."
  type        = string
  default     = null
}

variable "alert_topic_kms_key_arn" {
  description = "A KMS key in the key's region (never the key watched) that encrypts the new alert topic."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
}
