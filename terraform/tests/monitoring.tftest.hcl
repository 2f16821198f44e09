# The monitoring submodule on its own, as the root calls it per key.

mock_provider "aws" {
  override_during = plan

  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-central-1:111122223333:camunda-byok-alerts" }
  }
  mock_resource "aws_cloudwatch_event_rule" {
    defaults = { arn = "arn:aws:events:eu-central-1:111122223333:rule/camunda-byok-key-events" }
  }
  mock_resource "aws_cloudwatch_metric_alarm" {
    defaults = { arn = "arn:aws:cloudwatch:eu-central-1:111122223333:alarm:camunda-byok-key-deletion" }
  }
}

variables {
  cluster_name             = "payments-prod"
  key_label                = "key"
  key_arn                  = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  key_id                   = "1234abcd-12ab-34cd-56ef-1234567890ab"
  alias_name               = "alias/camunda-byok-payments-prod"
  region                   = "eu-central-1"
  camunda_cluster_role_arn = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90"
  monitored_event_names    = ["DisableKey", "ScheduleKeyDeletion"]
  monitor_access_denied    = true
  alert_emails             = ["oncall@example.com", "security@example.com"]
  tags                     = { team = "payments" }
}

run "new_topic" {
  command = plan

  module {
    source = "./modules/monitoring"
  }

  assert {
    condition     = length(aws_sns_topic.alerts) == 1 && length(aws_sns_topic_subscription.alerts) == 2
    error_message = "a new topic with one subscription per address expected"
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.key_events.event_pattern)["$or"][0].detail.eventName == ["DisableKey", "ScheduleKeyDeletion"]
    error_message = "the rule does not watch the given events"
  }
  assert {
    condition     = aws_cloudwatch_event_rule.access_denied[0].state == "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
    error_message = "the access-denied rule must see read-only events"
  }
  assert {
    condition     = aws_sns_topic.alerts[0].kms_master_key_id == null
    error_message = "the topic is encrypted though no alert_topic_kms_key_arn is given"
  }
}

run "encrypted_topic" {
  command = plan

  module {
    source = "./modules/monitoring"
  }

  variables {
    alert_topic_kms_key_arn = "arn:aws:kms:eu-central-1:111122223333:key/0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d"
  }

  assert {
    condition     = aws_sns_topic.alerts[0].kms_master_key_id == "arn:aws:kms:eu-central-1:111122223333:key/0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d"
    error_message = "the new topic is not encrypted with alert_topic_kms_key_arn"
  }
}

run "existing_topic_without_denied_calls" {
  command = plan

  module {
    source = "./modules/monitoring"
  }

  variables {
    alert_topic_arn       = "arn:aws:sns:eu-central-1:111122223333:oncall"
    monitor_access_denied = false
  }

  assert {
    condition     = length(aws_sns_topic.alerts) == 0 && length(aws_sns_topic_policy.alerts) == 0 && length(aws_cloudwatch_event_rule.access_denied) == 0
    error_message = "created a topic, its policy or the access-denied rule"
  }
  assert {
    condition     = aws_cloudwatch_event_target.key_events.arn == var.alert_topic_arn && output.alert_topic_arn == var.alert_topic_arn
    error_message = "the alerts do not go to the given topic"
  }
}
