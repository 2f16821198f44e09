// What the module needs of Terraform and the AWS provider.
/**
 * The AWS provider versions the module works with. The newest argument it uses is
 * `aws_kms_key.rotation_period_in_days` (hashicorp/terraform-provider-aws#37140, merged 2024-05-06,
 * so 5.49.0: inferred from the date, not checked against the changelog). Tested with 5.100.0.
 */
export const AWS_PROVIDER_CONSTRAINT = ">= 5.49.0, < 7.0.0";
/** `check` blocks came in Terraform 1.5 (OpenTofu 1.6). */
export const TERRAFORM_CONSTRAINT = ">= 1.5.0";
