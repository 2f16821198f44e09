// What the module needs of Terraform and the AWS provider.
/** The AWS provider versions the module works with: `rotation_period_in_days` came in 5.49. */
export const AWS_PROVIDER_CONSTRAINT = ">= 5.49.0, < 7.0.0";
/** `check` blocks came in Terraform 1.5 (OpenTofu 1.6). */
export const TERRAFORM_CONSTRAINT = ">= 1.5.0";
