// verify's org-policies check over Organizations answers shaped as its API reference documents
// them (ListParents, ListPoliciesForTarget with RESOURCE_CONTROL_POLICY, DescribePolicy's Content).
import { DescribePolicyCommand, ListPoliciesForTargetCommand, ListParentsCommand } from "@aws-sdk/client-organizations";
import { expect } from "chai";
import { type CheckResult, type VerifyReport, verifyByokKey } from "../../verify";
import { ACCOUNT, KEY_ARN, mockHealthyAws } from "../support/aws-answers";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";

const OPTIONS = { keyArn: KEY_ARN, camundaClusterRoleArn: CAMUNDA_ROLE_ARN, clusterRegion: "eu-central-1" };

function check(report: VerifyReport, id: string): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${JSON.stringify(report)}`);
  return found;
}

/**
 * AWS's data-perimeter example RCP (aws-samples/data-perimeter-policy-examples,
 * "resource_control_policies"): deny these services to principals outside the organization,
 * unless an AWS service calls or the resource is tagged for exclusion.
 */
const dataPerimeter = (withTagExclusion: boolean) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "EnforceOrgIdentities",
      Effect: "Deny",
      Principal: "*",
      Action: ["s3:*", "sqs:*", "kms:*", "secretsmanager:*", "sts:AssumeRole"],
      Resource: "*",
      Condition: {
        StringNotEqualsIfExists: {
          "aws:PrincipalOrgID": "o-a1b2c3d4e5",
          ...(withTagExclusion ? { "aws:ResourceTag/dp:exclude:identity": "true" } : {}),
        },
        BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
      },
    },
  ],
});

describe("verify: org-policies, resource control policies (aws-sdk-client-mock)", () => {
  let aws: ReturnType<typeof mockHealthyAws>;
  beforeEach(() => {
    aws = mockHealthyAws();
  });
  afterEach(() => {
    for (const mock of aws.all) mock.restore();
  });

  const attachToOu = (content: object, name = "DataPerimeter") => {
    aws.organizations
      .on(ListPoliciesForTargetCommand, { TargetId: "ou-ab12-11111111" })
      .resolves({ Policies: [{ Id: "p-perimeter1", Name: name, Type: "RESOURCE_CONTROL_POLICY", AwsManaged: false }] });
    aws.organizations
      .on(DescribePolicyCommand, { PolicyId: "p-perimeter1" })
      .resolves({ Policy: { PolicySummary: { Id: "p-perimeter1", Name: name }, Content: JSON.stringify(content) } });
  };

  it("passes AWS's default RCPFullAWSAccess, walking the account, its OU and the root, and says SCPs do not apply", async () => {
    const result = check(await verifyByokKey(OPTIONS), "org-policies");
    expect(result.status).to.equal("pass");
    expect(result.message).to.include("1 resource control policy").and.to.include("SCPs do not apply to Camunda's role");
    expect(aws.organizations.commandCalls(ListPoliciesForTargetCommand).map((c) => c.args[0].input)).to.deep.equal([
      { TargetId: ACCOUNT, Filter: "RESOURCE_CONTROL_POLICY", NextToken: undefined },
      { TargetId: "ou-ab12-11111111", Filter: "RESOURCE_CONTROL_POLICY", NextToken: undefined },
      { TargetId: "r-ab12", Filter: "RESOURCE_CONTROL_POLICY", NextToken: undefined },
    ]);
  });

  it("fails an RCP that denies Camunda's role the key: kms:* outside the organization", async () => {
    attachToOu(dataPerimeter(false));
    const result = check(await verifyByokKey(OPTIONS), "org-policies");
    expect(result.status).to.equal("fail");
    expect(result.message).to.include("DataPerimeter (kms:Encrypt, kms:Decrypt").and.to.include("Exempt the role (aws:PrincipalArn)");
  });

  it("warns where the deny rests on what verify cannot see (the key's tags), and passes an RCP that exempts the role", async () => {
    attachToOu(dataPerimeter(true));
    const possible = check(await verifyByokKey(OPTIONS), "org-policies");
    expect(possible.status).to.equal("warn");
    expect(possible.message).to.include("may deny the Camunda role").and.to.include("DataPerimeter");

    const exempt = dataPerimeter(false);
    (exempt.Statement[0].Condition as Record<string, object>).ArnNotLike = {
      "aws:PrincipalArn": "arn:aws:iam::123456789012:role/c8-cluster/*",
    };
    attachToOu(exempt);
    expect(check(await verifyByokKey(OPTIONS), "org-policies").status).to.equal("pass");
  });

  it("passes a deny that touches only S3", async () => {
    attachToOu({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
      ],
    });
    expect(check(await verifyByokKey(OPTIONS), "org-policies").status).to.equal("pass");
  });

  it("passes an account in no organization", async () => {
    aws.organizations.on(ListParentsCommand).rejects(
      Object.assign(new Error("not in an organization"), {
        name: "AWSOrganizationsNotInUseException",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const result = check(await verifyByokKey(OPTIONS), "org-policies");
    expect(result.status).to.equal("pass");
    expect(result.message).to.include("is in no organization");
  });

  it("is skipped, never silent, where the organization cannot be read, naming the permissions", async () => {
    aws.organizations
      .on(ListParentsCommand)
      .rejects(Object.assign(new Error("not authorized"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } }));
    const result = check(await verifyByokKey(OPTIONS), "org-policies");
    expect(result.status).to.equal("skipped");
    expect(result.message)
      .to.include("organizations:ListParents, organizations:ListPoliciesForTarget and organizations:DescribePolicy")
      .and.to.include("resource control policies, which can deny Camunda's role although the key policy allows it, were not evaluated");
  });
});
