# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.

terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.49.0, < 7.0.0"
    }
  }
}
