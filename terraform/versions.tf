# Generated from camunda-byok-kms's core by `npm run generate:terraform`: do not edit.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source                = "hashicorp/aws"
      version               = ">= 5.49.0, < 7.0.0"
      configuration_aliases = [aws.backup]
    }
  }
}
