# What the key's provider answers in these tests: eu-central-1, account 111122223333, a deployer
# session whose role has a path; ARN-shaped ids for what other resources take as ARNs.

mock_data "aws_region" {
  defaults = { id = "eu-central-1", name = "eu-central-1" }
}
mock_data "aws_caller_identity" {
  defaults = { account_id = "111122223333", arn = "arn:aws:sts::111122223333:assumed-role/deployer/pipeline" }
}
mock_data "aws_partition" {
  defaults = { partition = "aws" }
}
mock_data "aws_iam_session_context" {
  defaults = { issuer_arn = "arn:aws:iam::111122223333:role/ops/deployer" }
}
mock_resource "aws_kms_key" {
  defaults = { arn = "arn:aws:kms:eu-central-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", key_id = "mrk-1234abcd12ab34cd56ef1234567890ab" }
}
mock_resource "aws_sns_topic" {
  defaults = { arn = "arn:aws:sns:eu-central-1:111122223333:camunda-byok-alerts" }
}
mock_resource "aws_cloudwatch_event_rule" {
  defaults = { arn = "arn:aws:events:eu-central-1:111122223333:rule/camunda-byok-key-events" }
}
mock_resource "aws_cloudwatch_metric_alarm" {
  defaults = { arn = "arn:aws:cloudwatch:eu-central-1:111122223333:alarm:camunda-byok-key-deletion" }
}
mock_resource "aws_kms_alias" {
  defaults = { arn = "arn:aws:kms:eu-central-1:111122223333:alias/camunda-byok-payments-prod" }
}
