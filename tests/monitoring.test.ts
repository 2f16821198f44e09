import { expect } from "chai";
import {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildEventPattern,
  DEFAULT_MONITORED_EVENT_NAMES,
} from "../shared";
import { matchesEventPattern } from "./support/event-pattern-matcher";
import { CAMUNDA_ROLE_ARN, loadCloudTrailVectors } from "./support/fixtures";

const vectors = loadCloudTrailVectors();
const OTHER_KEY = "arn:aws:kms:us-west-2:111122223333:key/ffffffff-12ab-34cd-56ef-1234567890ab";

/** A copy of a real record with some fields changed, as another call would produce it. */
function variant(name: string, change: (event: any) => void): any {
  const event = structuredClone(vectors.events[name]);
  change(event);
  return event;
}

describe("monitoring", () => {
  describe("key events pattern, against real CloudTrail records", () => {
    const pattern = buildEventPattern({ keyArn: vectors.keyArn, camundaClusterRoleArn: CAMUNDA_ROLE_ARN });

    for (const name of ["ScheduleKeyDeletion", "DisableKey", "PutKeyPolicy"]) {
      it(`matches ${name} on the key`, () => {
        expect(matchesEventPattern(pattern, vectors.events[name])).to.equal(true);
      });
      it(`ignores ${name} on another key`, () => {
        const event = variant(name, (e) => {
          e.detail.resources[0].ARN = OTHER_KEY;
        });
        expect(matchesEventPattern(pattern, event)).to.equal(false);
      });
    }

    it("ignores calls that are not monitored, such as EnableKey or a tagging call", () => {
      for (const eventName of ["EnableKey", "TagResource", "CreateGrant"]) {
        const event = variant("DisableKey", (e) => {
          e.detail.eventName = eventName;
        });
        expect(matchesEventPattern(pattern, event), eventName).to.equal(false);
      }
    });

    it("matches each default monitored call", () => {
      for (const eventName of DEFAULT_MONITORED_EVENT_NAMES) {
        const event = variant("DisableKey", (e) => {
          e.detail.eventName = eventName;
        });
        expect(matchesEventPattern(pattern, event), eventName).to.equal(true);
      }
    });

    it("uses the caller's monitoredEventNames instead of the defaults", () => {
      const custom = buildEventPattern({ keyArn: vectors.keyArn, monitoredEventNames: ["CancelKeyDeletion"] });
      expect(matchesEventPattern(custom, vectors.events.DisableKey)).to.equal(false);
      const cancel = variant("DisableKey", (e) => {
        e.detail.eventName = "CancelKeyDeletion";
      });
      expect(matchesEventPattern(custom, cancel)).to.equal(true);
    });

    it("matches KMS's own deletion and rotation events for the key only", () => {
      const deletion = {
        source: "aws.kms",
        "detail-type": "KMS CMK Deletion",
        resources: [vectors.keyArn],
        detail: { "key-id": "1234abcd-12ab-34cd-56ef-1234567890ab" },
      };
      expect(matchesEventPattern(pattern, deletion)).to.equal(true);
      expect(matchesEventPattern(pattern, { ...deletion, "detail-type": "KMS CMK Rotation" })).to.equal(true);
      expect(matchesEventPattern(pattern, { ...deletion, resources: [OTHER_KEY] })).to.equal(false);
    });

    describe("grant revocations", () => {
      const revokeBy = (userIdentity: object) =>
        variant("DisableKey", (e) => {
          e.detail.eventName = "RevokeGrant";
          e.detail.userIdentity = userIdentity;
        });
      const camundaSession = {
        type: "AssumedRole",
        arn: "arn:aws:sts::123456789012:assumed-role/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90/zeebe",
        sessionContext: { sessionIssuer: { type: "Role", arn: CAMUNDA_ROLE_ARN } },
      };

      it("ignores the Camunda role's own revocations (its routine)", () => {
        expect(matchesEventPattern(pattern, revokeBy(camundaSession))).to.equal(false);
      });
      it("alerts on a revocation by another role's session", () => {
        const other = structuredClone(camundaSession);
        other.sessionContext.sessionIssuer.arn = "arn:aws:iam::111122223333:role/Intruder";
        expect(matchesEventPattern(pattern, revokeBy(other))).to.equal(true);
      });
      it("alerts on a revocation by an IAM user", () => {
        expect(matchesEventPattern(pattern, revokeBy(vectors.events.DisableKey.detail.userIdentity))).to.equal(true);
      });
      it("ignores revocations by AWS services", () => {
        expect(matchesEventPattern(pattern, revokeBy({ type: "AWSService", invokedBy: "ec2.amazonaws.com" }))).to.equal(false);
      });
      it("is left out when no Camunda role is given", () => {
        const plain = buildEventPattern({ keyArn: vectors.keyArn });
        expect(matchesEventPattern(plain, revokeBy({ type: "IAMUser", arn: "arn:aws:iam::111122223333:user/Alice" }))).to.equal(false);
      });
    });

    it("embeds the key ARN as given, so an engine reference passes through untouched", () => {
      const token = "${TfToken[TOKEN.42]}";
      const json = JSON.stringify(buildEventPattern({ keyArn: token, camundaClusterRoleArn: CAMUNDA_ROLE_ARN }));
      expect(json.split(token).length - 1).to.equal(4);
    });
  });

  describe("access-denied pattern", () => {
    const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    const pattern = buildAccessDeniedEventPattern({ keyArn: vectors.keyArn, keyId, aliasNames: ["alias/camunda-byok-prod"] });
    const denied = (change: (e: any) => void) =>
      variant("DisableKey", (e) => {
        e.detail.eventName = "Decrypt";
        e.detail.errorCode = "AccessDeniedException";
        e.detail.errorMessage = `User: arn:aws:iam::444455556666:user/Mallory is not authorized to perform: kms:Decrypt on resource: ${vectors.keyArn} because no resource-based policy allows the kms:Decrypt action`;
        change(e);
      });

    it("matches a denied call that names the key in resources", () => {
      expect(matchesEventPattern(pattern, denied(() => {}))).to.equal(true);
    });
    it("matches a denied call without resources, by key id, alias or error message", () => {
      const byKeyId = denied((e) => {
        delete e.detail.resources;
        e.detail.errorMessage = "Access denied";
      });
      expect(matchesEventPattern(pattern, byKeyId)).to.equal(true);
      const byAlias = denied((e) => {
        delete e.detail.resources;
        e.detail.requestParameters.keyId = "alias/camunda-byok-prod";
        e.detail.errorMessage = "Access denied";
      });
      expect(matchesEventPattern(pattern, byAlias)).to.equal(true);
      const byMessage = denied((e) => {
        delete e.detail.resources;
        delete e.detail.requestParameters;
      });
      expect(matchesEventPattern(pattern, byMessage)).to.equal(true);
    });
    it("ignores successful calls and denials on other keys", () => {
      expect(matchesEventPattern(pattern, vectors.events.DisableKey)).to.equal(false);
      const elsewhere = denied((e) => {
        e.detail.resources[0].ARN = OTHER_KEY;
        e.detail.requestParameters.keyId = "ffffffff-12ab-34cd-56ef-1234567890ab";
        e.detail.errorMessage = `... on resource: ${OTHER_KEY}`;
      });
      expect(matchesEventPattern(pattern, elsewhere)).to.equal(false);
    });
  });

  describe("alarm", () => {
    it("fires on the first matched event within five minutes and treats silence as healthy", () => {
      const alarm = buildAlarmSettings({
        alarmName: "camunda-byok-prod-key-deletion",
        ruleName: "camunda-byok-prod-key-events",
        alertTopicArn: "arn:aws:sns:eu-central-1:111122223333:alerts",
        keyDescription: "the key",
      });
      expect(alarm).to.deep.include({
        namespace: "AWS/Events",
        metricName: "TriggeredRules",
        dimensions: { RuleName: "camunda-byok-prod-key-events" },
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
      });
      expect(alarm.alarmActions).to.deep.equal(["arn:aws:sns:eu-central-1:111122223333:alerts"]);
    });
  });
});
