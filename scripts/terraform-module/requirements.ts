// What the module needs of Terraform and the AWS provider.
/**
 * The AWS provider versions the module works with. The newest argument it uses is
 * `aws_kms_key.rotation_period_in_days` (hashicorp/terraform-provider-aws#37140, merged 2024-05-06,
 * so 5.49.0: inferred from the date, not checked against the changelog). Tested with 5.100.0.
 */
export const AWS_PROVIDER_CONSTRAINT = ">= 5.49.0, < 7.0.0";
/**
 * Validations that read other variables and data sources came in Terraform 1.9: each check of the
 * core stands on the variable it judges.
 */
export const TERRAFORM_CONSTRAINT = ">= 1.9.0";
