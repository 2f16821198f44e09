// The Terraform suites' start: real Terraform from the harness, or a skip that says why.
import { REQUIRE_TERRAFORM_ENV, type TerraformTools, terraformTools } from "../../scripts/harness/terraform";

export * from "../../scripts/harness/terraform";

/**
 * The mocha hook every Terraform suite starts with: on a machine without Terraform it says so and
 * skips (a user's laptop); where CI says Terraform must run, a missing piece fails instead.
 */
export function requireTerraform(context: Mocha.Context): TerraformTools {
  const tools = terraformTools();
  if (typeof tools !== "string") return tools;
  if (process.env[REQUIRE_TERRAFORM_ENV])
    throw new Error(`the Terraform suite must run here (${REQUIRE_TERRAFORM_ENV} is set), but ${tools}`);
  console.log(`    Terraform suite NOT RUN: ${tools}. Install terraform and the AWS provider to run it.`);
  context.skip();
  throw new Error("unreachable");
}
