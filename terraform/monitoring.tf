# Generated from camunda-byok-kms's core by `npm run generate:terraform`: do not edit.

resource "aws_kms_alias" "this" {
  name          = local.alias_name
  target_key_id = aws_kms_key.this.arn
}

resource "aws_sns_topic" "alerts" {
  count = var.alert_topic_arn == null ? 1 : 0

  name = "camunda-byok-${var.cluster_name}-alerts"
  tags = local.tags
}

resource "aws_sns_topic_subscription" "alerts" {
  for_each = toset(var.alert_emails)

  topic_arn = local.alert_topic_arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_event_rule" "key_events" {
  name        = "camunda-byok-${var.cluster_name}-key-events"
  description = "Calls that disable, delete or re-scope the Camunda BYOK key of cluster ${var.cluster_name}"
  event_pattern = jsonencode({
    source = ["aws.kms"]
    "$or" = [
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["kms.amazonaws.com"]
          eventName   = var.monitored_event_names
          resources = {
            ARN = [aws_kms_key.this.arn]
          }
        }
      },
      {
        "detail-type" = ["KMS CMK Deletion"]
        resources     = [aws_kms_key.this.arn]
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["kms.amazonaws.com"]
          eventName   = ["RevokeGrant"]
          resources = {
            ARN = [aws_kms_key.this.arn]
          }
          userIdentity = {
            type = [
              {
                "anything-but" = ["AssumedRole", "AWSService"]
              },
            ]
          }
        }
      },
      {
        "detail-type" = ["AWS API Call via CloudTrail"]
        detail = {
          eventSource = ["kms.amazonaws.com"]
          eventName   = ["RevokeGrant"]
          resources = {
            ARN = [aws_kms_key.this.arn]
          }
          userIdentity = {
            type = ["AssumedRole"]
            sessionContext = {
              sessionIssuer = {
                arn = [
                  {
                    "anything-but" = [var.camunda_cluster_role_arn]
                  },
                ]
              }
            }
          }
        }
      },
    ]
  })
  state = "ENABLED"
  tags  = local.tags
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
  alarm_description   = "The Camunda BYOK key of cluster ${var.cluster_name} was disabled, scheduled for deletion, or had its policy or grants changed: check CloudTrail. Camunda: a disabled key, a pending deletion or a policy without Camunda's access freezes the cluster (the Console may show \"Healthy\" for ~15 minutes, then \"External encryption key is not ready\"); a completed deletion loses the data. Recover: aws kms enable-key --key-id ${aws_kms_key.this.arn} --region ${var.cluster_region} | aws kms cancel-key-deletion --key-id ${aws_kms_key.this.arn} --region ${var.cluster_region}, then enable-key | npx camunda-byok-kms policy ... > policy.json && aws kms put-key-policy --key-id ${aws_kms_key.this.arn} --region ${var.cluster_region} --policy-name default --policy file://policy.json"
  tags                = local.tags
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
  tags                = local.tags
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
                aws_cloudwatch_metric_alarm.key_events_delivery.arn,
              ],
              var.monitor_access_denied ? [aws_cloudwatch_metric_alarm.access_denied_delivery[0].arn] : [],
            )
          }
        }
      },
    ]
  })
}

resource "aws_cloudwatch_event_rule" "access_denied" {
  count = var.monitor_access_denied ? 1 : 0

  name        = "camunda-byok-${var.cluster_name}-access-denied"
  description = "Denied KMS calls on the Camunda BYOK key of cluster ${var.cluster_name}"
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
            ARN = [aws_kms_key.this.arn]
          }
        },
        {
          requestParameters = {
            keyId = [aws_kms_key.this.arn, aws_kms_key.this.key_id, local.alias_name]
          }
        },
        {
          errorMessage = [
            {
              wildcard = "*${aws_kms_key.this.arn}*"
            },
          ]
        },
      ]
    }
  })
  state = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
  tags  = local.tags
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
  tags                = local.tags
}

resource "aws_kms_alias" "replica" {
  count    = local.dual_region ? 1 : 0
  provider = aws.backup

  name          = local.alias_name
  target_key_id = aws_kms_replica_key.replica[0].arn
}

resource "aws_sns_topic" "replica_alerts" {
  count    = local.dual_region && var.backup_alert_topic_arn == null ? 1 : 0
  provider = aws.backup

  name = "camunda-byok-${var.cluster_name}-alerts"
  tags = local.tags
}

resource "aws_sns_topic_subscription" "replica_alerts" {
  for_each = toset(local.dual_region ? var.alert_emails : [])
  provider = aws.backup

  topic_arn = local.replica_alert_topic_arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_event_rule" "replica_key_events" {
  count    = local.dual_region ? 1 : 0
  provider = aws.backup

  name        = "camunda-byok-${var.cluster_name}-key-events"
  description = "Calls that disable, delete or re-scope the Camunda BYOK replica key of cluster ${var.cluster_name}"
  event_pattern = jsonencode({
    source = ["aws.kms"]
    "$or" = concat(
      length(local.replica_event_names_by_resource) > 0 ? [
        {
          "detail-type" = ["AWS API Call via CloudTrail"]
          detail = {
            eventSource = ["kms.amazonaws.com"]
            eventName   = local.replica_event_names_by_resource
            resources = {
              ARN = [aws_kms_replica_key.replica[0].arn]
            }
          }
        },
      ] : [],
      length(local.replica_event_names_by_key_id) > 0 ? [
        {
          "detail-type" = ["AWS API Call via CloudTrail"]
          detail = {
            eventSource = ["kms.amazonaws.com"]
            eventName   = local.replica_event_names_by_key_id
            requestParameters = {
              keyId = [aws_kms_replica_key.replica[0].arn]
            }
          }
        },
      ] : [],
      [
        {
          "detail-type" = ["KMS CMK Deletion"]
          resources     = [aws_kms_replica_key.replica[0].arn]
        },
        {
          "detail-type" = ["AWS API Call via CloudTrail"]
          detail = {
            eventSource = ["kms.amazonaws.com"]
            eventName   = ["RevokeGrant"]
            resources = {
              ARN = [aws_kms_replica_key.replica[0].arn]
            }
            userIdentity = {
              type = [
                {
                  "anything-but" = ["AssumedRole", "AWSService"]
                },
              ]
            }
          }
        },
        {
          "detail-type" = ["AWS API Call via CloudTrail"]
          detail = {
            eventSource = ["kms.amazonaws.com"]
            eventName   = ["RevokeGrant"]
            resources = {
              ARN = [aws_kms_replica_key.replica[0].arn]
            }
            userIdentity = {
              type = ["AssumedRole"]
              sessionContext = {
                sessionIssuer = {
                  arn = [
                    {
                      "anything-but" = [var.camunda_cluster_role_arn]
                    },
                  ]
                }
              }
            }
          }
        },
      ],
    )
  })
  state = "ENABLED"
  tags  = local.tags
}

resource "aws_cloudwatch_event_target" "replica_key_events" {
  count    = local.dual_region ? 1 : 0
  provider = aws.backup

  rule      = aws_cloudwatch_event_rule.replica_key_events[0].name
  arn       = local.replica_alert_topic_arn
  target_id = "camunda-byok-alerts"
}

resource "aws_cloudwatch_metric_alarm" "replica_key_deletion" {
  count    = local.dual_region ? 1 : 0
  provider = aws.backup

  alarm_name  = "camunda-byok-${var.cluster_name}-key-deletion"
  namespace   = "AWS/Events"
  metric_name = "TriggeredRules"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.replica_key_events[0].name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.replica_alert_topic_arn]
  alarm_description   = "The Camunda BYOK replica key of cluster ${var.cluster_name} was disabled, scheduled for deletion, or had its policy or grants changed: check CloudTrail. Camunda: a disabled key, a pending deletion or a policy without Camunda's access freezes the cluster (the Console may show \"Healthy\" for ~15 minutes, then \"External encryption key is not ready\"); a completed deletion loses the data. Recover: aws kms enable-key --key-id ${aws_kms_replica_key.replica[0].arn} --region ${var.backup_region} | aws kms cancel-key-deletion --key-id ${aws_kms_replica_key.replica[0].arn} --region ${var.backup_region}, then enable-key | npx camunda-byok-kms policy ... > policy.json && aws kms put-key-policy --key-id ${aws_kms_replica_key.replica[0].arn} --region ${var.backup_region} --policy-name default --policy file://policy.json"
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "replica_key_events_delivery" {
  count    = local.dual_region ? 1 : 0
  provider = aws.backup

  alarm_name  = "camunda-byok-${var.cluster_name}-key-events-failed-delivery"
  namespace   = "AWS/Events"
  metric_name = "FailedInvocations"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.replica_key_events[0].name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.replica_alert_topic_arn]
  alarm_description   = "EventBridge could not deliver the alerts of rule ${aws_cloudwatch_event_rule.replica_key_events[0].name} to ${local.replica_alert_topic_arn}: alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it."
  tags                = local.tags
}

resource "aws_sns_topic_policy" "replica_alerts" {
  count    = local.dual_region && var.backup_alert_topic_arn == null ? 1 : 0
  provider = aws.backup

  arn = local.replica_alert_topic_arn
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
        Resource = local.replica_alert_topic_arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = concat(
              [aws_cloudwatch_event_rule.replica_key_events[0].arn],
              var.monitor_access_denied ? [aws_cloudwatch_event_rule.replica_access_denied[0].arn] : [],
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
        Resource = local.replica_alert_topic_arn
        Condition = {
          ArnEquals = {
            "aws:SourceArn" = concat(
              [
                aws_cloudwatch_metric_alarm.replica_key_deletion[0].arn,
                aws_cloudwatch_metric_alarm.replica_key_events_delivery[0].arn,
              ],
              var.monitor_access_denied ? [aws_cloudwatch_metric_alarm.replica_access_denied_delivery[0].arn] : [],
            )
          }
        }
      },
    ]
  })
}

resource "aws_cloudwatch_event_rule" "replica_access_denied" {
  count    = local.dual_region && var.monitor_access_denied ? 1 : 0
  provider = aws.backup

  name        = "camunda-byok-${var.cluster_name}-access-denied"
  description = "Denied KMS calls on the Camunda BYOK replica key of cluster ${var.cluster_name}"
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
            ARN = [aws_kms_replica_key.replica[0].arn]
          }
        },
        {
          requestParameters = {
            keyId = [
              aws_kms_replica_key.replica[0].arn,
              aws_kms_replica_key.replica[0].key_id,
              local.alias_name,
            ]
          }
        },
        {
          errorMessage = [
            {
              wildcard = "*${aws_kms_replica_key.replica[0].arn}*"
            },
          ]
        },
      ]
    }
  })
  state = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
  tags  = local.tags
}

resource "aws_cloudwatch_event_target" "replica_access_denied" {
  count    = local.dual_region && var.monitor_access_denied ? 1 : 0
  provider = aws.backup

  rule      = aws_cloudwatch_event_rule.replica_access_denied[0].name
  arn       = local.replica_alert_topic_arn
  target_id = "camunda-byok-alerts"
}

resource "aws_cloudwatch_metric_alarm" "replica_access_denied_delivery" {
  count    = local.dual_region && var.monitor_access_denied ? 1 : 0
  provider = aws.backup

  alarm_name  = "camunda-byok-${var.cluster_name}-access-denied-failed-delivery"
  namespace   = "AWS/Events"
  metric_name = "FailedInvocations"
  dimensions = {
    RuleName = aws_cloudwatch_event_rule.replica_access_denied[0].name
  }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.replica_alert_topic_arn]
  alarm_description   = "EventBridge could not deliver the alerts of rule ${aws_cloudwatch_event_rule.replica_access_denied[0].name} to ${local.replica_alert_topic_arn}: alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it."
  tags                = local.tags
}

check "alert_topic_arn" {
  assert {
    condition     = !(var.alert_topic_arn != null)
    error_message = "camunda-byok-kms: alert_topic_arn is an existing topic: its access policy must let events.amazonaws.com and cloudwatch.amazonaws.com publish, and if it is encrypted, its KMS key (never the monitored key) must let both services use it (kms:GenerateDataKey*, kms:Decrypt); this package leaves a topic it did not create alone, and alarms on failed deliveries"
  }
}

check "alert_emails" {
  assert {
    condition     = !(var.alert_topic_arn == null && length(var.alert_emails) == 0)
    error_message = "camunda-byok-kms: alert_emails is empty and no alert_topic_arn is given: alerts go to a new SNS topic nobody subscribes to yet"
  }
}
