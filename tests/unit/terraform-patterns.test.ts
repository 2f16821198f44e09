import { expect } from "chai";
import fc from "fast-check";
import { RE2JS } from "re2js";
import { validateByokInput } from "../../shared";
import type { CheckOnUnknown } from "../../shared/internal";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";

const TOKEN = "${TfToken[TOKEN.1]}";

/** The pattern checks the core hands to Terraform when every input is a token. */
function deferredPatterns(): Extract<CheckOnUnknown, { kind: "matches" }>[] {
  const { checksOnUnknowns } = validateByokInput(
    { camundaClusterRoleArn: TOKEN, clusterRegion: TOKEN, clusterName: TOKEN },
    { isUnknown: (value) => value === TOKEN },
  );
  return checksOnUnknowns.filter((check): check is Extract<CheckOnUnknown, { kind: "matches" }> => check.kind === "matches");
}

describe("patterns handed to Terraform's regex (RE2 syntax, checked with re2js)", () => {
  const samples: Record<string, string[]> = {
    camundaClusterRoleArn: [
      CAMUNDA_ROLE_ARN,
      "arn:aws-us-gov:iam::123456789012:role/x",
      "arn:aws:iam::123456789012:role/*",
      "arn:aws:iam::123456789012:user/alice",
      "arn:aws:iam::12:role/x",
      "",
    ],
    clusterName: ["payments-prod", "a", "_x", "has space", "x".repeat(33), "ok_1-2"],
  };

  for (const check of deferredPatterns()) {
    it(`${check.input}: compiles under RE2 and agrees with JavaScript`, () => {
      const re2 = RE2JS.compile(check.pattern);
      const js = new RegExp(check.pattern);
      for (const sample of samples[check.input]) {
        expect(re2.matcher(sample).find(), sample).to.equal(js.test(sample));
      }
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (text) => re2.matcher(text).find() === js.test(text)),
        { numRuns: 500 },
      );
    });
  }

  it("covers the role ARN and the cluster name", () => {
    expect(deferredPatterns().map((check) => check.input)).to.have.members(["camundaClusterRoleArn", "clusterName"]);
  });
});
