# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

locals {
  alert_topic_arn = var.alert_topic_arn != null ? var.alert_topic_arn : aws_sns_topic.alerts[0].arn
}

################################################################################
# Alert topic: where every alert of this key goes
################################################################################

resource "aws_sns_topic" "alerts" {
  count = var.alert_topic_arn == null ? 1 : 0

  name              = "camunda-byok-${var.cluster_name}-alerts"
  kms_master_key_id = var.alert_topic_kms_key_arn != null ? var.alert_topic_kms_key_arn : null
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "alerts" {
  for_each = toset(var.alert_emails)

  topic_arn = local.alert_topic_arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_sns_topic_policy" "alerts" {
  count = var.alert_topic_arn == null ? 1 : 0

  arn = local.alert_topic_arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "AllowKeyEventRules"
        Effect = "Allow"
        Principal = {
          Service = "events.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = local.alert_topic_arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = concat(
              [aws_cloudwatch_event_rule.key_events.arn],
              var.monitor_access_denied ? [aws_cloudwatch_event_rule.access_denied[0].arn] : [],
              [aws_cloudwatch_event_rule.monitoring_changes.arn],
            )
          }
        }
      },
      {
        Sid    = "AllowKeyDeletionAlarm"
        Effect = "Allow"
        Principal = {
          Service = "cloudwatch.amazonaws.com"
        }
        Action   = "sns:Publish"
        Resource = local.alert_topic_arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = concat(
              [
                aws_cloudwatch_metric_alarm.key_deletion.arn,
                aws_cloudwatch_metric_alarm.monitoring_changed.arn,
                aws_cloudwatch_metric_alarm.key_events_delivery.arn,
              ],
              var.monitor_access_denied ? [aws_cloudwatch_metric_alarm.access_denied_delivery[0].arn] : [],
              [aws_cloudwatch_metric_alarm.monitoring_changes_delivery.arn],
            )
          }
        }
      },
    ]
  })
}

################################################################################
# Key events: the calls that disable, delete or re-scope the key
################################################################################

resource "aws_cloudwatch_event_rule" "key_events" {
  name        = "camunda-byok-${var.cluster_name}-key-events"
  description = "Calls that disable, delete or re-scope the Camunda BYOK ${var.key_label} of cluster ${var.cluster_name}"
  event_pattern = jsonencode({
    "$or" = [
      {
        source        = ["aws.kms"]
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["kms.amazonaws.com"]
          eventName   = var.monitored_event_names
          resources = {
            ARN = [var.key_arn]
          }
        }
      },
      {
        source        = ["aws.kms"]
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["kms.amazonaws.com"]
          eventName   = var.monitored_event_names
          requestParameters = {
            keyId = [var.key_arn, var.key_id]
          }
        }
      },
      {
        source        = ["aws.kms"]
        "detail-type" = ["KMS CMK Deletion"]
        resources     = [var.key_arn]
      },
      {
        source        = ["aws.kms"]
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["kms.amazonaws.com"]
          eventName   = ["CreateGrant", "RevokeGrant"]
          resources = {
            ARN = [var.key_arn]
          }
          userIdentity = {
            type = [
              {
                "anything-but" = ["AWSService"]
              },
            ]
            accountId = [
              {
                "anything-but" = [split(":", var.camunda_cluster_role_arn)[4]]
              },
            ]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["events.amazonaws.com"]
          eventName   = ["DeleteRule", "DisableRule", "PutRule"]
          requestParameters = {
            name = ["camunda-byok-${var.cluster_name}-monitoring-changes"]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["events.amazonaws.com"]
          eventName   = ["RemoveTargets", "PutTargets"]
          requestParameters = {
            rule = ["camunda-byok-${var.cluster_name}-monitoring-changes"]
          }
        }
      },
    ]
  })
  state = "ENABLED"
  tags  = var.tags
}

resource "aws_cloudwatch_event_target" "key_events" {
  rule      = aws_cloudwatch_event_rule.key_events.name
  arn       = local.alert_topic_arn
  target_id = "camunda-byok-alerts"
}

resource "aws_cloudwatch_metric_alarm" "key_deletion" {
  alarm_name  = "camunda-byok-${var.cluster_name}-key-deletion"
  namespace   = "AWS/Events"
  metric_name = "TriggeredRules"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.key_events.name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alert_topic_arn]
  alarm_description   = "The Camunda BYOK ${var.key_label} of cluster ${var.cluster_name} was disabled, scheduled for deletion or replicated, or its policy, grants (not Camunda's), rotation, primary region or alert watch changed: see CloudTrail. Camunda: a disabled key, a pending deletion or a policy without Camunda's access freezes the cluster (the Console may show \"Healthy\" for ~15 minutes, then \"External encryption key is not ready\"); a completed deletion loses the data. Recover, in a shell: K=${var.key_arn}; aws kms enable-key --key-id $K --region ${var.region} | aws kms cancel-key-deletion --key-id $K --region ${var.region}, then enable-key | aws kms put-key-policy --key-id $K --region ${var.region} --policy-name default --policy file://policy.json, with the policy the stack applied: pulumi stack output keyPolicyJson --show-secrets > policy.json, or terraform output -raw key_policy_json > policy.json."
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "key_events_delivery" {
  alarm_name  = "camunda-byok-${var.cluster_name}-key-events-failed-delivery"
  namespace   = "AWS/Events"
  metric_name = "FailedInvocations"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.key_events.name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alert_topic_arn]
  alarm_description   = "EventBridge could not deliver the alerts of rule ${aws_cloudwatch_event_rule.key_events.name} to ${local.alert_topic_arn}: alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it."
  tags                = var.tags
}

################################################################################
# Denied calls on the key
################################################################################

resource "aws_cloudwatch_event_rule" "access_denied" {
  count = var.monitor_access_denied ? 1 : 0

  name        = "camunda-byok-${var.cluster_name}-access-denied"
  description = "Denied KMS calls on the Camunda BYOK ${var.key_label} of cluster ${var.cluster_name}"
  event_pattern = jsonencode({
    source        = ["aws.kms"]
    "detail-type" = ["AWS API Call via CloudTrail"]
    detail = {
      eventSource = ["kms.amazonaws.com"]
      errorCode = [
        {
          prefix = "AccessDenied"
        },
      ]
      "$or" = [
        {
          resources = {
            ARN = [var.key_arn]
          }
        },
        {
          requestParameters = {
            keyId = [var.key_arn, var.key_id, var.alias_name]
          }
        },
        {
          errorMessage = [
            {
              wildcard = "*${var.key_arn}*"
            },
          ]
        },
      ]
    }
  })
  state = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
  tags  = var.tags
}

resource "aws_cloudwatch_event_target" "access_denied" {
  count = var.monitor_access_denied ? 1 : 0

  rule      = aws_cloudwatch_event_rule.access_denied[0].name
  arn       = local.alert_topic_arn
  target_id = "camunda-byok-alerts"
}

resource "aws_cloudwatch_metric_alarm" "access_denied_delivery" {
  count = var.monitor_access_denied ? 1 : 0

  alarm_name  = "camunda-byok-${var.cluster_name}-access-denied-failed-delivery"
  namespace   = "AWS/Events"
  metric_name = "FailedInvocations"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.access_denied[0].name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alert_topic_arn]
  alarm_description   = "EventBridge could not deliver the alerts of rule ${aws_cloudwatch_event_rule.access_denied[0].name} to ${local.alert_topic_arn}: alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it."
  tags                = var.tags
}

################################################################################
# Monitoring changes: a stopped trail, or these rules, alarms and topic removed or muted
################################################################################

resource "aws_cloudwatch_event_rule" "monitoring_changes" {
  name        = "camunda-byok-${var.cluster_name}-monitoring-changes"
  description = "Calls that stop a trail or silence the alerts on the Camunda BYOK ${var.key_label} of cluster ${var.cluster_name}"
  event_pattern = jsonencode({
    "$or" = [
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["cloudtrail.amazonaws.com"]
          eventName   = ["StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"]
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["events.amazonaws.com"]
          eventName   = ["DeleteRule", "DisableRule", "PutRule"]
          requestParameters = {
            name = [
              {
                prefix = "camunda-byok-${var.cluster_name}-"
              },
            ]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["events.amazonaws.com"]
          eventName   = ["RemoveTargets", "PutTargets"]
          requestParameters = {
            rule = [
              {
                prefix = "camunda-byok-${var.cluster_name}-"
              },
            ]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["monitoring.amazonaws.com"]
          eventName   = ["DeleteAlarms", "DisableAlarmActions"]
          requestParameters = {
            alarmNames = [
              {
                prefix = "camunda-byok-${var.cluster_name}-"
              },
            ]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["monitoring.amazonaws.com"]
          eventName   = ["PutMetricAlarm"]
          requestParameters = {
            alarmName = [
              {
                prefix = "camunda-byok-${var.cluster_name}-"
              },
            ]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["sns.amazonaws.com"]
          eventName   = ["DeleteTopic", "SetTopicAttributes", "RemovePermission"]
          requestParameters = {
            topicArn = [local.alert_topic_arn]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["sns.amazonaws.com"]
          eventName   = ["Unsubscribe"]
          requestParameters = {
            subscriptionArn = [
              {
                prefix = "${local.alert_topic_arn}:"
              },
            ]
          }
        }
      },
    ]
  })
  state = "ENABLED"
  tags  = var.tags
}

resource "aws_cloudwatch_event_target" "monitoring_changes" {
  rule      = aws_cloudwatch_event_rule.monitoring_changes.name
  arn       = local.alert_topic_arn
  target_id = "camunda-byok-alerts"
}

resource "aws_cloudwatch_metric_alarm" "monitoring_changed" {
  alarm_name  = "camunda-byok-${var.cluster_name}-monitoring-changed"
  namespace   = "AWS/Events"
  metric_name = "TriggeredRules"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.monitoring_changes.name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alert_topic_arn]
  alarm_description   = "What alerts on the Camunda BYOK ${var.key_label} of cluster ${var.cluster_name} was changed: a CloudTrail trail stopped, deleted or re-scoped, or one of camunda-byok-kms's rules, alarms or its alert topic deleted, disabled, re-targeted or unsubscribed. Check CloudTrail for the call; until it is put back (re-apply the stack), calls that disable or delete the key may raise no alert. A deploy that changes these pieces raises it too."
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "monitoring_changes_delivery" {
  alarm_name  = "camunda-byok-${var.cluster_name}-monitoring-changes-failed-delivery"
  namespace   = "AWS/Events"
  metric_name = "FailedInvocations"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.monitoring_changes.name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alert_topic_arn]
  alarm_description   = "EventBridge could not deliver the alerts of rule ${aws_cloudwatch_event_rule.monitoring_changes.name} to ${local.alert_topic_arn}: alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it."
  tags                = var.tags
}
