import { expect } from "chai";
import { ByokValidationError, validateByokInput, type ByokInput } from "../../shared";
import { expectValidationError, problemInputs } from "../support/errors";
import { ADMIN_ROLE_ARN, CAMUNDA_ROLE_ARN, validInput } from "../support/fixtures";

function problemsFor(overrides: Partial<ByokInput> | Record<string, unknown>) {
  const error = expectValidationError(() => validateByokInput(validInput(overrides as Partial<ByokInput>)));
  return error.problems;
}

function messageFor(input: string, overrides: Partial<ByokInput> | Record<string, unknown>): string {
  const problem = problemsFor(overrides).find((p) => p.input === input);
  expect(problem, `a problem naming ${input}`).to.not.equal(undefined);
  return problem!.message;
}

describe("validation", () => {
  it("accepts a valid input, including a role ARN with an IAM path", () => {
    expect(validateByokInput(validInput()).warnings).to.deep.equal([]);
    expect(() => validateByokInput(validInput({ camundaClusterRoleArn: "arn:aws:iam::123456789012:role/plain-role" }))).to.not.throw();
  });

  it("reports every problem at once, each naming its input, in one message", () => {
    const error = expectValidationError(() =>
      validateByokInput({
        camundaClusterRoleArn: "arn:aws:iam::123456789012:role/*",
        clusterRegion: "moon-1",
        clusterName: "has space",
        deletionWindowInDays: 3,
        rotationPeriodInDays: 30,
        aliasName: "alias/aws/ebs",
        alertEmails: ["not-an-email"],
      }),
    );
    expect(problemInputs(error)).to.have.members([
      "camundaClusterRoleArn",
      "clusterRegion",
      "clusterName",
      "deletionWindowInDays",
      "rotationPeriodInDays",
      "aliasName",
      "alertEmails[0]",
    ]);
    for (const problem of error.problems) expect(error.message).to.include(`${problem.input}: ${problem.message}`);
  });

  describe("camundaClusterRoleArn", () => {
    const cases: [string, string, RegExp][] = [
      ["missing", "", /is required/],
      ["a wildcard", "arn:aws:iam::123456789012:role/c8-cluster/*", /wildcards/],
      ["a wildcard principal", "*", /wildcards/],
      ["a user", "arn:aws:iam::123456789012:user/alice", /IAM role ARN/],
      ["the account root", "arn:aws:iam::123456789012:root", /IAM role ARN/],
      ["an STS session", "arn:aws:sts::123456789012:assumed-role/c8-apps-1/x", /not an STS session/],
      ["a short account", "arn:aws:iam::12345:role/x", /12-digit/],
      ["an unknown partition", "arn:aws-iso:iam::123456789012:role/x", /partition/],
      ["whitespace", "arn:aws:iam::123456789012:role/c8 apps", /whitespace/],
      [
        "a name over 64 characters",
        `arn:aws:iam::123456789012:role/${"a".repeat(65)}`,
        /has a role name of 65 characters, but IAM allows at most 64/,
      ],
    ];
    for (const [label, arn, message] of cases) {
      it(`rejects ${label}`, () => {
        expect(messageFor("camundaClusterRoleArn", { camundaClusterRoleArn: arn })).to.match(message);
      });
    }
    it("rejects a role in another partition than the region", () => {
      expect(messageFor("camundaClusterRoleArn", { camundaClusterRoleArn: "arn:aws-cn:iam::123456789012:role/x" })).to.match(
        /partition aws-cn/,
      );
    });
  });

  describe("regions", () => {
    it("rejects a malformed region and an unknown one differently", () => {
      expect(messageFor("clusterRegion", { clusterRegion: "Frankfurt" })).to.match(/must be an AWS region/);
      expect(messageFor("clusterRegion", { clusterRegion: "eu-central-9" })).to.match(/upgrade the package/);
    });
    it("rejects a backup region equal to the cluster region or in another partition", () => {
      expect(messageFor("backupRegion", { backupRegion: "eu-central-1" })).to.match(/must differ/);
      expect(messageFor("backupRegion", { backupRegion: "cn-north-1" })).to.match(/partition aws-cn/);
    });
    it("warns, without failing, on a backup region outside Camunda's pairs", () => {
      expect(validateByokInput(validInput({ backupRegion: "eu-west-1" })).warnings).to.deep.equal([]);
      const { warnings } = validateByokInput(validInput({ backupRegion: "eu-north-1" }));
      expect(warnings.map((w) => w.input)).to.deep.equal(["backupRegion"]);
    });
  });

  describe("administrators and lockout", () => {
    it("rejects non-IAM principals and wildcards, naming the list index", () => {
      const problems = problemsFor({ keyAdministratorArns: [ADMIN_ROLE_ARN, "arn:aws:iam::111122223333:role/*", "arn:aws:s3:::bucket"] });
      expect(problems.map((p) => p.input)).to.deep.equal(["keyAdministratorArns[1]", "keyAdministratorArns[2]"]);
    });
    it("refuses the Camunda role as an administrator", () => {
      expect(messageFor("keyAdministratorArns[0]", { keyAdministratorArns: [CAMUNDA_ROLE_ARN] })).to.match(/must never manage/);
    });
    it("checks who may delete the key as it checks the administrators, and says when the list does nothing", () => {
      expect(messageFor("keyDeletionAllowedArns[0]", { keyDeletionAllowedArns: ["arn:aws:iam::*:role/x"] })).to.match(/wildcards/);
      expect(messageFor("keyDeletionAllowedArns[0]", { keyDeletionAllowedArns: [CAMUNDA_ROLE_ARN] })).to.match(/must never manage/);
      expect(messageFor("keyDeletionAllowedArns[0]", { keyDeletionAllowedArns: ["arn:aws-cn:iam::111122223333:role/x"] })).to.match(
        /is in partition aws-cn, but the key is in aws/,
      );
      const { warnings } = validateByokInput(validInput({ preventDestroy: false, keyDeletionAllowedArns: [ADMIN_ROLE_ARN] }));
      expect(warnings.map((w) => w.input)).to.include("keyDeletionAllowedArns");
    });
    it("refuses a policy nobody could manage", () => {
      expect(messageFor("keyAdministratorArns", { enableDefaultAccountAccess: false })).to.match(/at least one administrator/);
      const error = expectValidationError(() =>
        validateByokInput(validInput({ enableDefaultAccountAccess: false, keyAdministratorArns: ["arn:aws:iam::999999999999:role/x"] }), {
          keyAccountId: "111122223333",
        }),
      );
      expect(error.problems[0].message).to.match(/account 111122223333/);
      expect(() =>
        validateByokInput(validInput({ enableDefaultAccountAccess: false, keyAdministratorArns: [ADMIN_ROLE_ARN] }), {
          keyAccountId: "111122223333",
        }),
      ).to.not.throw();
    });
    describe("the deploying principal must stay able to manage the key without the account statement", () => {
      const accountOff = (admins: string[]) => validInput({ enableDefaultAccountAccess: false, keyAdministratorArns: admins });
      const options = (deployerArn: string) => ({ keyAccountId: "111122223333", deployerArn });
      const session = "arn:aws:sts::111122223333:assumed-role/ci-deployer/build-1234";

      it("refuses administrators that leave out an assumed role's role, naming the caller and the ways out", () => {
        const error = expectValidationError(() => validateByokInput(accountOff([ADMIN_ROLE_ARN]), options(session)));
        expect(error.problems.map((p) => p.input)).to.deep.equal(["keyAdministratorArns"]);
        const message = error.problems[0].message;
        expect(message).to.include(`deploying as ${session}`).and.to.include("the role ci-deployer of account 111122223333");
        expect(message)
          .to.include("MalformedPolicyDocumentException")
          .and.to.include("add the deploying role to keyAdministratorArns, or keep enableDefaultAccountAccess on");
      });

      it("accepts the deploying role under any IAM path, the account root, or the deploying user", () => {
        expect(() =>
          validateByokInput(accountOff([ADMIN_ROLE_ARN, "arn:aws:iam::111122223333:role/pipelines/ci-deployer"]), options(session)),
        ).to.not.throw();
        expect(() => validateByokInput(accountOff(["arn:aws:iam::111122223333:root"]), options(session))).to.not.throw();
        expect(() =>
          validateByokInput(accountOff(["arn:aws:iam::111122223333:user/alice"]), options("arn:aws:iam::111122223333:user/alice")),
        ).to.not.throw();
        expect(() =>
          validateByokInput(accountOff(["arn:aws:iam::111122223333:user/bob"]), options("arn:aws:iam::111122223333:user/alice")),
        ).to.throw(ByokValidationError);
        expect(() =>
          validateByokInput(accountOff(["arn:aws:iam::444455556666:role/ci-deployer", ADMIN_ROLE_ARN]), options(session)),
        ).to.throw(ByokValidationError);
      });

      it("compares a resolved role by its full ARN: AWS needs the path, so a listed role under another path is not the deployer", () => {
        const resolved = "arn:aws:iam::111122223333:role/pipelines/ci-deployer";
        expect(() => validateByokInput(accountOff([ADMIN_ROLE_ARN, resolved]), options(resolved))).to.not.throw();
        const error = expectValidationError(() =>
          validateByokInput(accountOff([ADMIN_ROLE_ARN, "arn:aws:iam::111122223333:role/ci-deployer"]), options(resolved)),
        );
        expect(error.problems[0].message).to.include(`deploying as ${resolved}`);
      });

      it("fails closed on a deployer it cannot match, such as a federated user's session", () => {
        const federated = "arn:aws:sts::111122223333:federated-user/alice";
        const error = expectValidationError(() =>
          validateByokInput(accountOff([ADMIN_ROLE_ARN, "arn:aws:iam::111122223333:user/alice"]), options(federated)),
        );
        expect(error.problems[0].message).to.include(`deploying as ${federated}, which is not an IAM role, user or account root`);
        // The account root hands the decision to IAM, which governs federated users too.
        expect(() => validateByokInput(accountOff(["arn:aws:iam::111122223333:root"]), options(federated))).to.not.throw();
        const unreadable = expectValidationError(() => validateByokInput(accountOff([ADMIN_ROLE_ARN]), options("not-an-arn")));
        expect(unreadable.problems[0].message).to.include("deploying as not-an-arn, which is not an IAM role");
      });

      it("warns where management rests on principals easily lost: a single one, no account root, an Identity Center role", () => {
        const warningsFor = (admins: string[]) => validateByokInput(accountOff(admins), options(session)).warnings;
        const deployer = "arn:aws:iam::111122223333:role/ci-deployer";
        const [single] = warningsFor([deployer]);
        expect(single.input).to.equal("keyAdministratorArns");
        expect(single.message).to.include(`has a single administrator (${deployer})`).and.to.include("only AWS Support can restore access");
        const two = warningsFor([deployer, ADMIN_ROLE_ARN]);
        expect(two).to.have.length(1);
        expect(two[0].message).to.match(/^names no account root/);
        expect(warningsFor([deployer, "arn:aws:iam::111122223333:root"])).to.deep.equal([]);
        const sso = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_KmsAdmin_1234567890abcdef";
        const ssoWarnings = warningsFor([deployer, sso, "arn:aws:iam::111122223333:root"]);
        expect(ssoWarnings.map((w) => w.input)).to.deep.equal(["keyAdministratorArns[1]"]);
        expect(ssoWarnings[0].message).to.include("makes a role with a new ARN when one is assigned again");
        // With the account statement on (the default), IAM decides: nothing to warn about.
        expect(validateByokInput(validInput({ keyAdministratorArns: [sso] })).warnings).to.deep.equal([]);
      });

      it("leaves those warnings to the engine when the list or the account switch is known only later", () => {
        const { warningsOnUnknowns } = validateByokInput(
          validInput({ enableDefaultAccountAccess: "${var.access}" as unknown as boolean, keyAdministratorArns: [ADMIN_ROLE_ARN] }),
          { isUnknown: (v) => v === "${var.access}" },
        );
        expect(warningsOnUnknowns.map((w) => [w.kind, w.when])).to.deep.equal([
          ["someMatches", { $not: { $true: "enableDefaultAccountAccess" } }],
          ["noneMatches", { $not: { $true: "enableDefaultAccountAccess" } }],
        ]);
      });

      it("hands the check to the engine when the deployer is not known yet, and skips it with account access on", () => {
        const { checksOnUnknowns: deferred } = validateByokInput(accountOff([ADMIN_ROLE_ARN]), { keyAccountId: "111122223333" });
        expect(deferred.filter((d) => d.kind === "deployerAdministers").map((d) => d.value)).to.deep.equal([[ADMIN_ROLE_ARN]]);
        const accountOn = validateByokInput(validInput({ keyAdministratorArns: [ADMIN_ROLE_ARN] }), options(session)).checksOnUnknowns;
        expect(accountOn.filter((d) => d.kind === "deployerAdministers")).to.deep.equal([]);
      });
    });

    it("refuses a policy over AWS's 32,768-byte limit", () => {
      const admins = Array.from({ length: 700 }, (_, i) => `arn:aws:iam::111122223333:role/administrator-${i}`);
      expect(messageFor("keyAdministratorArns", { keyAdministratorArns: admins })).to.match(/over AWS's limit of 32768/);
    });
  });

  describe("event pattern size", () => {
    it("refuses monitored events that could push the key-events pattern over EventBridge's 2,048 characters", () => {
      const names = Array.from({ length: 60 }, (_, i) => `Custom${"X".repeat(50)}${i}`);
      expect(messageFor("monitoredEventNames", { monitoredEventNames: names })).to.match(
        /key-events pattern up to \d+ characters, over EventBridge's limit of 2048; monitor fewer events \(got 60 names\)/,
      );
    });
    it("leaves room for the longest key ARN and role ARN with the defaults", () => {
      expect(() =>
        validateByokInput(validInput({ camundaClusterRoleArn: "${TfToken[TOKEN.1]}", backupRegion: "eu-west-1" }), {
          isUnknown: (v) => v === "${TfToken[TOKEN.1]}",
        }),
      ).to.not.throw();
      const few = Array.from({ length: 4 }, (_, i) => `Custom${"X".repeat(50)}${i}`);
      expect(() => validateByokInput(validInput({ monitoredEventNames: few }))).to.not.throw();
    });
  });

  describe("key settings", () => {
    it("checks windows and periods at their bounds", () => {
      for (const days of [7, 30]) expect(() => validateByokInput(validInput({ deletionWindowInDays: days }))).to.not.throw();
      for (const days of [6, 31, 7.5])
        expect(messageFor("deletionWindowInDays", { deletionWindowInDays: days })).to.match(/between 7 and 30/);
      for (const days of [90, 2560]) expect(() => validateByokInput(validInput({ rotationPeriodInDays: days }))).to.not.throw();
      for (const days of [89, 2561])
        expect(messageFor("rotationPeriodInDays", { rotationPeriodInDays: days })).to.match(/between 90 and 2560/);
    });
    it("checks aliases as AWS does", () => {
      expect(messageFor("aliasName", { aliasName: "camunda" })).to.match(/must start with "alias\/"/);
      expect(messageFor("aliasName", { aliasName: "alias/AWS/x" })).to.match(/reserves/);
      expect(messageFor("aliasName", { aliasName: "alias/a b" })).to.match(/letters, digits/);
      expect(messageFor("aliasName", { aliasName: `alias/${"a".repeat(251)}` })).to.match(/256/);
    });
    it("checks types for JavaScript callers", () => {
      expect(messageFor("preventDestroy", { preventDestroy: "yes" })).to.match(/true or false/);
      expect(messageFor("alertEmails", { alertEmails: "a@b.co" })).to.match(/must be a list/);
    });
    it("names inputs it does not know, such as typos", () => {
      expect(messageFor("clusterRegon", { clusterRegon: "eu-central-1" })).to.match(/not an input/);
    });
  });

  describe("alerts", () => {
    const topic = "arn:aws:sns:eu-central-1:111122223333:alerts";
    it("requires the existing topic in the cluster region", () => {
      expect(messageFor("alertTopicArn", { alertTopicArn: "arn:aws:sns:us-east-1:111122223333:alerts" })).to.match(
        /must be in clusterRegion/,
      );
      expect(messageFor("alertTopicArn", { alertTopicArn: "alerts" })).to.match(/SNS topic ARN/);
    });
    it("requires a backup-region topic with an existing topic and a backup region", () => {
      expect(messageFor("backupAlertTopicArn", { alertTopicArn: topic, backupRegion: "eu-west-1" })).to.match(/is required/);
      expect(() =>
        validateByokInput(
          validInput({ alertTopicArn: topic, backupRegion: "eu-west-1", backupAlertTopicArn: "arn:aws:sns:eu-west-1:111122223333:alerts" }),
        ),
      ).to.not.throw();
    });
    it("rejects repeated and malformed emails and warns when nobody would hear an alarm", () => {
      expect(messageFor("alertEmails[1]", { alertEmails: ["a@example.com", "A@example.com"] })).to.match(/repeats/);
      expect(validateByokInput(validInput({ alertEmails: [] })).warnings.map((w) => w.input)).to.deep.equal(["alertEmails"]);
    });
    it("checks monitored event names", () => {
      expect(messageFor("monitoredEventNames", { monitoredEventNames: [] })).to.match(/at least one/);
      expect(messageFor("monitoredEventNames[0]", { monitoredEventNames: ["kms:DisableKey"] })).to.match(/KMS API name/);
    });
  });

  describe("adoption ids (adoptKeyId, adoptReplicaKeyId)", () => {
    it("refuses an ARN in another region than the key's, and ids of the wrong kind for backupRegion", () => {
      const west = "arn:aws:kms:eu-west-1:111122223333:key/0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d";
      expect(messageFor("adoptKeyId", { adoptKeyId: west })).to.match(
        /^is a key in eu-west-1, but must be in clusterRegion "eu-central-1"/,
      );
      expect(messageFor("adoptKeyId", { adoptKeyId: "mrk-1234abcd12ab34cd56ef1234567890ab" })).to.match(/^is a multi-region key/);
      expect(messageFor("adoptKeyId", { adoptKeyId: "0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d", backupRegion: "eu-west-1" })).to.match(
        /^is a single-region key/,
      );
      expect(messageFor("adoptReplicaKeyId", { adoptReplicaKeyId: "mrk-1234abcd12ab34cd56ef1234567890ab" })).to.match(/^is only used with/);
      expect(messageFor("adoptAliases", { adoptAliases: true })).to.equal("is only used with adoptKeyId");
    });

    it("hands the live key's checks to the engine as preconditions on the key, when nothing was read", () => {
      const result = validateByokInput(validInput({ adoptKeyId: "0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d" }));
      const live = result.checksOnUnknowns.filter((c) => c.input === "adoptKeyId" && c.guards === "key");
      expect(live.map((c) => (c.value as { $ref: string }).$ref)).to.include.members([
        "adoptedKey.keySpec",
        "adoptedKey.keyUsage",
        "adoptedKey.keyState",
        "adoptedKey.origin",
        "adoptedKey.multiRegion",
      ]);
    });
  });

  describe("the alert topics' encryption (alertTopicKmsKeyArn)", () => {
    const key = "arn:aws:kms:eu-central-1:111122223333:key/0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d";
    const backupKey = "arn:aws:kms:eu-west-1:111122223333:key/9c1a2b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b";

    it("takes a key in each site's region", () => {
      expect(() => validateByokInput(validInput({ alertTopicKmsKeyArn: key }))).to.not.throw();
      expect(() =>
        validateByokInput(validInput({ alertTopicKmsKeyArn: key, backupRegion: "eu-west-1", backupAlertTopicKmsKeyArn: backupKey })),
      ).to.not.throw();
    });

    it("refuses the key the alerts watch: the adopted key, or the package's alias", () => {
      const adopted = "0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d";
      expect(messageFor("alertTopicKmsKeyArn", { alertTopicKmsKeyArn: key, adoptKeyId: adopted })).to.match(
        /^must not be the key the alerts watch/,
      );
      const alias = `arn:aws:kms:eu-central-1:111122223333:alias/camunda-byok-${validInput().clusterName}`;
      expect(messageFor("alertTopicKmsKeyArn", { alertTopicKmsKeyArn: alias })).to.match(/^must not be the key the alerts watch/);
    });

    it("refuses a key in another region, another shape, with an existing topic, or a replica topic without its own key", () => {
      expect(messageFor("alertTopicKmsKeyArn", { alertTopicKmsKeyArn: backupKey })).to.include("must be in clusterRegion");
      expect(messageFor("alertTopicKmsKeyArn", { alertTopicKmsKeyArn: "alias/mine" })).to.match(/^must be a KMS key ARN/);
      expect(
        messageFor("alertTopicKmsKeyArn", { alertTopicKmsKeyArn: key, alertTopicArn: "arn:aws:sns:eu-central-1:111122223333:alerts" }),
      ).to.match(/^is only used for the package's new topic/);
      expect(messageFor("backupAlertTopicKmsKeyArn", { alertTopicKmsKeyArn: key, backupRegion: "eu-west-1" })).to.match(/^is required/);
      expect(messageFor("backupAlertTopicKmsKeyArn", { backupAlertTopicKmsKeyArn: backupKey })).to.match(/^is only used with backupRegion/);
    });

    it("leaves the comparison with the watched key to the engine where either is known later", () => {
      const token = "${var.topic_key}";
      const result = validateByokInput(validInput({ alertTopicKmsKeyArn: token }), { isUnknown: (v) => v === token });
      const deferred = result.checksOnUnknowns.filter((c) => c.input === "alertTopicKmsKeyArn").map((c) => c.kind);
      expect(deferred).to.include.members(["matches", "arnInRegion", "lastPartDiffers"]);
    });
  });

  describe("tags", () => {
    it("refuses reserved and malformed tags", () => {
      const problems = problemsFor({ tags: { "managed-by": "me", "aws:owner": "x", ok: "y".repeat(257) } });
      expect(problems.map((p) => p.input)).to.deep.equal(["tags.managed-by", "tags.aws:owner", "tags.ok"]);
    });
  });

  describe("values an engine knows only at deploy time", () => {
    const token = "${TfToken[TOKEN.7]}";
    const isUnknown = (value: unknown) => value === token;
    it("skips the checks that need them and keeps the others", () => {
      expect(() =>
        validateByokInput(
          { camundaClusterRoleArn: token, clusterRegion: token, clusterName: token, deletionWindowInDays: token as unknown as number },
          { isUnknown },
        ),
      ).to.not.throw();
      const error = expectValidationError(() =>
        validateByokInput(
          { camundaClusterRoleArn: token, clusterRegion: "eu-central-1", clusterName: "ok", deletionWindowInDays: 3 },
          { isUnknown },
        ),
      );
      expect(problemInputs(error)).to.deep.equal(["deletionWindowInDays"]);
    });

    it("hands the skipped checks over as data an engine can enforce later", () => {
      const { checksOnUnknowns: deferred } = validateByokInput(
        { camundaClusterRoleArn: token, clusterRegion: token, clusterName: token, deletionWindowInDays: token as unknown as number },
        { isUnknown },
      );
      expect(deferred.map((check) => `${check.input}:${check.kind}`)).to.deep.equal([
        "clusterRegion:oneOf",
        // The provider's region, which no engine told: the engine compares it before the key exists.
        "clusterRegion:equals",
        // A role in the key's partition: the region is known only later too.
        "camundaClusterRoleArn:arnInPartitionOf",
        "camundaClusterRoleArn:matches",
        "clusterName:matches",
        "deletionWindowInDays:wholeNumberBetween",
      ]);
      const role = deferred.find((check) => check.input === "camundaClusterRoleArn" && check.kind === "matches");
      if (role?.kind !== "matches") throw new Error("expected a pattern for the role ARN");
      expect(new RegExp(role.pattern).test(CAMUNDA_ROLE_ARN)).to.equal(true);
      expect(new RegExp(role.pattern).test("arn:aws:iam::123456789012:user/x")).to.equal(false);
      for (const check of deferred) expect(check.value).to.equal(token);
    });
  });
});
