import { Provider } from "@pulumi/aws/provider";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { expect } from "chai";
import { CamundaByokKey as CdktfByokKey } from "../../cdktf";
import { CamundaByokKey as PulumiByokKey } from "../../pulumi";
import { ByokValidationError } from "../../shared";
import { validInput } from "../support/fixtures";
import { installPulumiMocks } from "../../scripts/harness/pulumi-mocks";

function problemsOf(build: () => unknown): { input: string; message: string }[] {
  try {
    build();
  } catch (error) {
    expect(error).to.be.instanceOf(ByokValidationError);
    return [...(error as ByokValidationError).problems];
  }
  throw new Error("expected a ByokValidationError");
}

function stackWithProvider(region = "eu-central-1") {
  const stack = new TerraformStack(Testing.app(), "names");
  new AwsProvider(stack, "aws", { region });
  return stack;
}

describe("AWS names unique per provider (alias, topic, rules, alarm)", () => {
  describe("CDKTF", () => {
    it("refuses a second key with the same cluster name on the same provider, naming every clash, and adds nothing", () => {
      const stack = stackWithProvider();
      new CdktfByokKey(stack, "first", validInput());
      const problems = problemsOf(() => new CdktfByokKey(stack, "second", validInput()));
      expect(problems.map((p) => p.input)).to.deep.equal(["clusterName"]);
      const message = problems[0].message;
      for (const name of [
        'alias "alias/camunda-byok-payments-prod"',
        'SNS topic "camunda-byok-payments-prod-alerts"',
        'EventBridge rule "camunda-byok-payments-prod-key-events"',
        'CloudWatch alarm "camunda-byok-payments-prod-key-deletion"',
      ]) {
        expect(message).to.include(`the ${name}`);
      }
      expect(message).to.include('CamundaByokKey "names/first"').and.to.include("in eu-central-1");
      expect(stack.node.tryFindChild("second")).to.equal(undefined);
    });

    it("names aliasName when two keys share a custom alias", () => {
      const stack = stackWithProvider();
      new CdktfByokKey(stack, "first", validInput({ clusterName: "a", aliasName: "alias/shared" }));
      const problems = problemsOf(() => new CdktfByokKey(stack, "second", validInput({ clusterName: "b", aliasName: "alias/shared" })));
      expect(problems.map((p) => p.input)).to.deep.equal(["aliasName"]);
      expect(problems[0].message).to.include('the alias "alias/shared"');
    });

    it("allows the same cluster name on another provider, in another stack, or with another name", () => {
      const stack = stackWithProvider();
      const virginia = new AwsProvider(stack, "virginia", { region: "us-east-1", alias: "virginia" });
      new CdktfByokKey(stack, "eu", validInput());
      new CdktfByokKey(stack, "us", { ...validInput({ clusterRegion: "us-east-1" }), provider: virginia });
      new CdktfByokKey(stack, "other", validInput({ clusterName: "other" }));
      new CdktfByokKey(stackWithProvider(), "eu", validInput());
    });

    it("claims the replica's names in the backup region", () => {
      const stack = stackWithProvider();
      new CdktfByokKey(stack, "first", validInput({ backupRegion: "eu-west-1" }));
      const problems = problemsOf(
        () => new CdktfByokKey(stack, "second", validInput({ clusterName: "other", aliasName: "alias/camunda-byok-payments-prod" })),
      );
      expect(problems.map((p) => p.input)).to.deep.equal(["aliasName"]);
    });

    it("cannot compare names Terraform knows only at plan time", () => {
      const stack = stackWithProvider();
      const name = new TerraformVariable(stack, "name", { type: "string" });
      new CdktfByokKey(stack, "first", validInput({ clusterName: name.stringValue }));
      new CdktfByokKey(stack, "second", validInput({ clusterName: name.stringValue }));
    });

    it("refuses at synth a literal provider region other than clusterRegion, default or explicit provider", () => {
      const stack = stackWithProvider("us-east-1");
      const problems = problemsOf(() => new CdktfByokKey(stack, "byok", validInput()));
      expect(problems).to.deep.equal([
        {
          input: "clusterRegion",
          message:
            'is "eu-central-1", but the AWS provider deploys to "us-east-1": the key must live in the cluster\'s region, so configure the provider for "eu-central-1"',
        },
      ]);
      const ireland = new AwsProvider(stack, "ireland", { region: "eu-west-1", alias: "ireland" });
      expect(problemsOf(() => new CdktfByokKey(stack, "byok2", { ...validInput(), provider: ireland })).map((p) => p.input)).to.deep.equal([
        "clusterRegion",
      ]);
    });
  });

  describe("Pulumi", () => {
    it("refuses a second key with the same cluster name on the same provider in one program", () => {
      const registered = installPulumiMocks();
      new PulumiByokKey("first", validInput());
      const problems = problemsOf(() => new PulumiByokKey("second", validInput()));
      expect(problems.map((p) => p.input)).to.deep.equal(["clusterName"]);
      expect(problems[0].message).to.include('CamundaByokKey "first"').and.to.include('the alias "alias/camunda-byok-payments-prod"');
      expect(registered.some((r) => r.name.startsWith("second"))).to.equal(false);
    });

    it("allows it on another provider, and in the next program", () => {
      installPulumiMocks();
      new PulumiByokKey("first", validInput());
      new PulumiByokKey("second", validInput({ clusterRegion: "us-east-1" }), {
        providers: { aws: new Provider("virginia", { region: "us-east-1" }) },
      });
      installPulumiMocks();
      new PulumiByokKey("first", validInput());
    });
  });
});
