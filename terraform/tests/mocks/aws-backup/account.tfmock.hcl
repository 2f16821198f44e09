# What the backup region's provider (aws.backup) answers in these tests: eu-west-1.

mock_data "aws_region" {
  defaults = { id = "eu-west-1", name = "eu-west-1" }
}
mock_resource "aws_kms_replica_key" {
  defaults = { arn = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", key_id = "mrk-1234abcd12ab34cd56ef1234567890ab" }
}
mock_resource "aws_sns_topic" {
  defaults = { arn = "arn:aws:sns:eu-west-1:111122223333:camunda-byok-alerts" }
}
mock_resource "aws_cloudwatch_event_rule" {
  defaults = { arn = "arn:aws:events:eu-west-1:111122223333:rule/camunda-byok-key-events" }
}
mock_resource "aws_cloudwatch_metric_alarm" {
  defaults = { arn = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:camunda-byok-key-deletion" }
}
mock_resource "aws_kms_alias" {
  defaults = { arn = "arn:aws:kms:eu-west-1:111122223333:alias/camunda-byok-payments-prod" }
}
