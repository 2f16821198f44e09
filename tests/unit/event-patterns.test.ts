import { expect } from "chai";
import {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildByokSpec,
  buildEventPattern,
  DEFAULT_MONITORED_EVENT_NAMES,
  validateByokInput,
} from "../../shared";
import { MAX_ALARM_DESCRIPTION_LENGTH } from "../../shared/alarms";
import { declaredMembers } from "../../scripts/terraform-module/declarations";
import { matchesEventPattern } from "../support/event-pattern-matcher";
import { CAMUNDA_ROLE_ARN, loadCloudTrailRecords, loadCloudTrailVectors, validInput } from "../support/fixtures";

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
      for (const eventName of ["EnableKey", "TagResource", "RetireGrant"]) {
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

    it("matches KMS's own deletion event for the key only, and never the routine rotation", () => {
      const deletion = {
        source: "aws.kms",
        "detail-type": "KMS CMK Deletion",
        resources: [vectors.keyArn],
        detail: { "key-id": "1234abcd-12ab-34cd-56ef-1234567890ab" },
      };
      expect(matchesEventPattern(pattern, deletion)).to.equal(true);
      expect(matchesEventPattern(pattern, vectors.events["KMS CMK Rotation"])).to.equal(false);
      expect(matchesEventPattern(pattern, { ...vectors.events["KMS CMK Rotation"], "detail-type": "KMS CMK Deletion" })).to.equal(true);
      expect(matchesEventPattern(pattern, { ...deletion, resources: [OTHER_KEY] })).to.equal(false);
    });

    describe("grant calls and replication", () => {
      // CloudTrail logs a call on a key of another account in both accounts (KMS developer guide,
      // "Logging AWS KMS API calls"); in the key owner's, Camunda's sessions come as AssumedRole or
      // AWSAccount identities (CloudTrail user guide, "userIdentity"), both with Camunda's accountId.
      const records = loadCloudTrailRecords();
      const keyOf = (record: any) => record.detail.resources[0].ARN as string;
      const byIdentity = (name: string, userIdentity: object) => {
        const event = structuredClone(records.events[name]);
        event.detail.userIdentity = userIdentity;
        return event;
      };
      const patternFor = (name: string) =>
        buildEventPattern({ keyArn: keyOf(records.events[name]), camundaClusterRoleArn: CAMUNDA_ROLE_ARN });
      const camundaAccount = CAMUNDA_ROLE_ARN.split(":")[4];

      for (const shape of ["AssumedRole", "AWSAccount"]) {
        it(`ignores Camunda's own grant calls, recorded in the owner's account as ${shape}`, () => {
          const identity = { ...records.userIdentities[shape], accountId: camundaAccount };
          for (const name of ["CreateGrant", "RevokeGrant"]) {
            expect(matchesEventPattern(patternFor(name), byIdentity(name, identity)), name).to.equal(false);
          }
        });
      }

      it("alerts on a grant a key administrator (or anyone of the key's account) creates or revokes", () => {
        // The guide's records: IAM user Alice of the key's account 111122223333.
        for (const name of ["CreateGrant", "RevokeGrant"]) {
          expect(matchesEventPattern(patternFor(name), records.events[name]), name).to.equal(true);
        }
        const session = { ...records.userIdentities.AssumedRole, accountId: "444455556666" };
        expect(matchesEventPattern(patternFor("CreateGrant"), byIdentity("CreateGrant", session))).to.equal(true);
      });

      it("ignores AWS services' grant calls and the retirement of grants", () => {
        expect(matchesEventPattern(patternFor("CreateGrant"), byIdentity("CreateGrant", records.userIdentities.AWSService))).to.equal(
          false,
        );
        expect(
          matchesEventPattern(
            buildEventPattern({ keyArn: keyOf(records.events.RetireGrant), camundaClusterRoleArn: CAMUNDA_ROLE_ARN }),
            records.events.RetireGrant,
          ),
        ).to.equal(false);
      });

      it("alerts on a new replica of the key, in a region nobody may watch", () => {
        expect(DEFAULT_MONITORED_EVENT_NAMES).to.include("ReplicateKey");
        expect(matchesEventPattern(patternFor("ReplicateKey"), records.events.ReplicateKey)).to.equal(true);
      });

      it("watches grants only where it knows Camunda's account", () => {
        const plain = buildEventPattern({ keyArn: keyOf(records.events.CreateGrant) });
        expect(matchesEventPattern(plain, records.events.CreateGrant)).to.equal(false);
      });
    });

    it("embeds the key ARN as given, so an engine reference passes through untouched", () => {
      const token = "${TfToken[TOKEN.42]}";
      const json = JSON.stringify(buildEventPattern({ keyArn: token, camundaClusterRoleArn: CAMUNDA_ROLE_ARN }));
      // resources, requestParameters.keyId, KMS's deletion event, and the grant branch.
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
      expect(
        matchesEventPattern(
          pattern,
          denied(() => {}),
        ),
      ).to.equal(true);
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

  describe("both sites watch the same calls: after a primary-region swap the replica is the primary", () => {
    // AWS KMS developer guide, "UpdatePrimaryRegion" (ct-update-primary-region.md): the call is
    // recorded in the old primary's region with `resources`, and in the new primary's region
    // without them, the new primary's ARN in `requestParameters.keyId`.
    const arns = vectors.multiRegionKeyArns;
    const oldPrimaryRecord = vectors.events["UpdatePrimaryRegion in the old primary region"];
    const newPrimaryRecord = vectors.events["UpdatePrimaryRegion in the new primary region"];
    const keyId = "mrk-1234abcd12ab34cd56ef1234567890ab";
    const siteRule = (region: string) => buildEventPattern({ keyArn: arns[region], keyId, camundaClusterRoleArn: CAMUNDA_ROLE_ARN });

    it("the rule in the old primary's region matches its record, which names the key in resources", () => {
      expect(matchesEventPattern(siteRule("us-west-2"), oldPrimaryRecord)).to.equal(true);
    });

    it("the rule in the new primary's region matches its record, which has no resources", () => {
      expect(newPrimaryRecord.detail.resources).to.equal(undefined);
      expect(matchesEventPattern(siteRule("ap-northeast-1"), newPrimaryRecord)).to.equal(true);
      const otherKey = buildEventPattern({ keyArn: arns["ap-northeast-1"].replace("mrk-1234", "mrk-ffff"), keyId: "mrk-ffff" });
      expect(matchesEventPattern(otherKey, newPrimaryRecord)).to.equal(false);
    });

    it("a swap back is matched in both regions too: the records' regions exchanged", () => {
      // The same two shapes, the call now made from ap-northeast-1 back to us-west-2.
      const back = (record: any, region: string, keyIdValue: string) => {
        const event = structuredClone(record);
        event.region = region;
        event.detail.awsRegion = region;
        event.detail.requestParameters = { keyId: keyIdValue, primaryRegion: "us-west-2" };
        if (event.detail.resources) event.detail.resources[0].ARN = arns[region];
        return event;
      };
      expect(matchesEventPattern(siteRule("ap-northeast-1"), back(oldPrimaryRecord, "ap-northeast-1", keyId))).to.equal(true);
      expect(matchesEventPattern(siteRule("us-west-2"), back(newPrimaryRecord, "us-west-2", arns["us-west-2"]))).to.equal(true);
    });

    it("keeps the rotation settings in every site: the replica becomes the primary after a swap", () => {
      const names = JSON.stringify(siteRule("ap-northeast-1"));
      expect(names).to.include("DisableKeyRotation");
      for (const name of ["ScheduleKeyDeletion", "DisableKey", "PutKeyPolicy"]) {
        expect(matchesEventPattern(buildEventPattern({ keyArn: vectors.keyArn }), vectors.events[name]), name).to.equal(true);
      }
    });

    it("the spec gives each site the same pattern over its own key", () => {
      const spec = buildByokSpec(validInput({ backupRegion: "eu-west-1" }));
      const pattern = (id: string) => (spec.resources.find((r) => r.logicalId === id)!.settings as any).eventPattern.$json;
      expect(pattern("replica-key-events")).to.deep.equal(
        buildEventPattern({
          keyArn: { $ref: "replica-key.arn" },
          keyId: { $ref: "replica-key.keyId" },
          camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
          monitoringChangesRuleName: "camunda-byok-payments-prod-monitoring-changes",
        }),
      );
      expect(pattern("key-events")).to.deep.equal(
        buildEventPattern({
          keyArn: { $ref: "key.arn" },
          keyId: { $ref: "key.keyId" },
          camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
          monitoringChangesRuleName: "camunda-byok-payments-prod-monitoring-changes",
        }),
      );
    });
  });

  describe("failed deliveries", () => {
    it("alarm on each rule's FailedInvocations, per site, to the site's topic", () => {
      const spec = buildByokSpec(validInput({ backupRegion: "eu-west-1" }));
      const alarms = spec.resources.filter((r) => r.kind === "metricAlarm" && (r.settings as any).metricName === "FailedInvocations");
      expect(alarms.map((a) => [a.logicalId, (a.settings as any).dimensions.RuleName.$ref, a.region])).to.deep.equal([
        ["key-events-delivery-alarm", "key-events.name", undefined],
        ["access-denied-delivery-alarm", "access-denied.name", undefined],
        ["monitoring-changes-delivery-alarm", "monitoring-changes.name", undefined],
        ["replica-key-events-delivery-alarm", "replica-key-events.name", "eu-west-1"],
        ["replica-access-denied-delivery-alarm", "replica-access-denied.name", "eu-west-1"],
        ["replica-monitoring-changes-delivery-alarm", "replica-monitoring-changes.name", "eu-west-1"],
      ]);
      const settings = alarms[0].settings as any;
      expect(settings).to.deep.include({
        namespace: "AWS/Events",
        statistic: "Sum",
        threshold: 1,
        period: 300,
        treatMissingData: "notBreaching",
      });
      expect(settings.alarmActions).to.deep.equal([{ $ref: "alert-topic.arn" }]);
    });

    it("an existing topic is a documented choice, not a warning on every plan; its docs say what an encrypted topic's key must allow", () => {
      const { warnings } = validateByokInput(validInput({ alertTopicArn: "arn:aws:sns:eu-central-1:111122223333:alerts" }));
      expect(warnings.map((w) => w.input)).to.not.include("alertTopicArn");
      const text = declaredMembers("inputs.ts", "ByokInputs").find((member) => member.name === "alertTopicArn")!.text;
      expect(text)
        .to.include("events.amazonaws.com")
        .and.to.include("cloudwatch.amazonaws.com")
        .and.to.match(/encrypted[\s\S]*KMS key/);
    });
  });

  describe("alarm", () => {
    it("fires on the first matched event within five minutes and treats silence as healthy", () => {
      const alarm = buildAlarmSettings({
        alarmName: "camunda-byok-prod-key-deletion",
        ruleName: "camunda-byok-prod-key-events",
        alertTopicArn: "arn:aws:sns:eu-central-1:111122223333:alerts",
        keyDescription: "the key",
        keyArn: vectors.keyArn,
        region: "us-west-2",
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

    it("tells the person paged what Camunda does and how to recover, within CloudWatch's 1,024 characters", () => {
      const longestKeyArn = "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab";
      const alarm = buildAlarmSettings({
        alarmName: "camunda-byok-x-key-deletion",
        ruleName: "camunda-byok-x-key-events",
        alertTopicArn: "arn:aws:sns:us-gov-west-1:123456789012:alerts",
        keyDescription: `the Camunda BYOK replica key of cluster ${"x".repeat(32)}`,
        keyArn: longestKeyArn,
        region: "us-gov-west-1",
      });
      const text = alarm.alarmDescription as string;
      expect(text.length).to.be.at.most(MAX_ALARM_DESCRIPTION_LENGTH);
      expect(text).to.include('"Healthy" for ~15 minutes').and.to.include('"External encryption key is not ready"');
      expect(text).to.include(`K=${longestKeyArn}; aws kms enable-key --key-id $K --region us-gov-west-1 |`);
      expect(text).to.include("aws kms cancel-key-deletion --key-id $K --region us-gov-west-1");
      expect(text).to.include(
        "aws kms put-key-policy --key-id $K --region us-gov-west-1 --policy-name default --policy file://policy.json",
      );
      expect(text).to.include("pulumi stack output keyPolicyJson --show-secrets > policy.json");
      expect(text).to.include("terraform output -raw key_policy_json > policy.json");
    });

    it("deploys no command that needs this package: every alarm names only the AWS CLI and the stack's outputs", () => {
      const spec = buildByokSpec(validInput({ backupRegion: "eu-west-1" }));
      const texts = spec.resources.flatMap((r) => (r.kind === "metricAlarm" ? [JSON.stringify(r.settings.alarmDescription)] : []));
      expect(texts).to.have.length(10);
      for (const text of texts) expect(text).to.not.include("npx").and.to.not.include("camunda-byok-kms policy");
    });
  });
});
