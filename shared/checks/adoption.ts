import { all, any, type Condition, isSet, not } from "../conditions";
import type { ByokInput } from "../inputs";
import { type AdoptedKeyField, adoptedKeyRef } from "../template";
import { type Checker, type CheckOnUnknown, showValue } from "./checker";

// Adopting a key made by hand (adoptKeyId, adoptReplicaKeyId): the ids themselves, now; the live
// key's settings, once the engine has read it (Pulumi's aws.kms.getKey at deploy time, the CLI's
// DescribeKey) or as preconditions on Terraform's `aws_kms_key` data source. Each refusal names
// the live setting and its value, and says why: the provider would replace the key (ForceNew in
// hashicorp/terraform-provider-aws internal/service/kms/key.go: customer_master_key_spec,
// key_usage, multi_region, custom_key_store_id), or cannot manage it at all.

/** A key's id: a UUID, or `mrk-` and 32 hex digits for a multi-region key (KMS API reference, KeyId). */
const KEY_ID = "(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
const KEY_ID_OR_ARN = `^(arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:key/)?${KEY_ID}$`;
const MULTI_REGION_ID = "^(arn:[^:]+:kms:[^:]+:[0-9]{12}:key/)?mrk-";

/** What an engine reads of a live key, in DescribeKey's terms (the fields of ADOPTED_KEY_FIELDS). */
export interface LiveKey {
  arn: string;
  keySpec: string;
  keyUsage: string;
  keyState: string;
  keyManager: string;
  origin: string;
  multiRegion: boolean;
  /** `PRIMARY` or `REPLICA`; "" for a single-region key. */
  multiRegionKeyType: string;
  /** The primary's ARN, for a multi-region key; "" otherwise. */
  primaryKeyArn: string;
  /** The regions of the primary's replicas (a multi-region primary's only). */
  replicaRegions: string[];
}

/** The key id in an adoptKeyId or adoptReplicaKeyId (an ARN's last part): what the engines import. */
export function adoptedKeyId(idOrArn: string): string {
  return idOrArn.slice(idOrArn.lastIndexOf("/") + 1);
}

type Which = "adoptedKey" | "adoptedReplica";

interface LiveRule {
  field: AdoptedKeyField;
  /** DescribeKey's name of the field, as the refusal shows it. */
  setting: string;
  values: readonly string[];
  why: string;
}

const MANAGEABLE = {
  keyManager: {
    field: "keyManager",
    setting: "KeyManager",
    values: ["CUSTOMER"],
    why: "an AWS managed key cannot be managed (nor used by Camunda)",
  },
  origin: {
    field: "origin",
    setting: "Origin",
    values: ["AWS_KMS"],
    why: "imported key material (EXTERNAL) cannot rotate and belongs to aws_kms_external_key, and a custom key store would replace the key (custom_key_store_id forces a new key)",
  },
  keyState: {
    field: "keyState",
    setting: "KeyState",
    values: ["Enabled", "Disabled"],
    why: "a key pending deletion reads as deleted and cannot be imported (cancel the deletion first: aws kms cancel-key-deletion), and a key in another state cannot be managed",
  },
} satisfies Record<string, LiveRule>;

const KEY_RULES: readonly LiveRule[] = [
  {
    field: "keySpec",
    setting: "KeySpec",
    values: ["SYMMETRIC_DEFAULT"],
    why: "Camunda needs a symmetric encryption key, and another spec would replace the key (customer_master_key_spec forces a new key)",
  },
  {
    field: "keyUsage",
    setting: "KeyUsage",
    values: ["ENCRYPT_DECRYPT"],
    why: "Camunda encrypts with the key, and another usage would replace the key (key_usage forces a new key)",
  },
  MANAGEABLE.keyManager,
  MANAGEABLE.origin,
  MANAGEABLE.keyState,
  {
    field: "multiRegionKeyType",
    setting: "MultiRegionKeyType",
    values: ["PRIMARY", ""],
    why: "a replica is adopted with adoptReplicaKeyId, next to its primary key (adoptKeyId)",
  },
];

const REPLICA_RULES: readonly LiveRule[] = [
  MANAGEABLE.keyManager,
  MANAGEABLE.origin,
  MANAGEABLE.keyState,
  {
    field: "multiRegionKeyType",
    setting: "MultiRegionKeyType",
    values: ["REPLICA"],
    why: "adoptReplicaKeyId takes the replica of the adopted key in backupRegion",
  },
];

const SINGLE_REGION_WITH_BACKUP =
  "is false, but backupRegion needs a multi-region key: a key cannot become multi-region, so the plan would replace it (multi_region forces a new key), which Camunda cannot follow; adopt it without backupRegion";
const MULTI_REGION_WITHOUT_BACKUP =
  "is true, but without backupRegion the package makes a single-region key, so the plan would replace it (multi_region forces a new key); set backupRegion to the region of its replica";

function liveValue(key: LiveKey, field: AdoptedKeyField): string {
  return String((key as unknown as Record<string, unknown>)[field]);
}

/** Checks of the ids, and of the live keys where the engine read them (else handed to it). */
export function checkAdoption(check: Checker, input: ByokInput, live: { key?: LiveKey; replica?: LiveKey }): void {
  const adopting = isSet("adoptKeyId");
  const adoptingReplica = isSet("adoptReplicaKeyId");
  checkKeyId(check, "adoptKeyId", input.adoptKeyId, "clusterRegion", input.clusterRegion);
  checkKeyId(check, "adoptReplicaKeyId", input.adoptReplicaKeyId, "backupRegion", input.backupRegion);
  check.boolean("adoptAliases", input.adoptAliases);
  check.require("adoptReplicaKeyId", "is only used with adoptKeyId: a new key has no replica yet", any(not(adoptingReplica), adopting));
  check.require("adoptReplicaKeyId", "is only used with backupRegion", any(not(adoptingReplica), isSet("backupRegion")));
  if (input.adoptAliases === true) check.require("adoptAliases", "is only used with adoptKeyId", adopting);

  // A key's id tells whether it is multi-region (mrk-): checked now, before anything is read.
  if (input.adoptKeyId !== undefined) {
    const message =
      "is a single-region key (its id does not start with mrk-), but backupRegion needs a multi-region key: a key cannot become multi-region, so the plan would replace it, which Camunda cannot follow; adopt it without backupRegion";
    const withoutBackup =
      "is a multi-region key (its id starts with mrk-), but without backupRegion the package makes a single-region key, so the plan would replace it; set backupRegion to the region of its replica";
    const backup = check.choices.decide(isSet("backupRegion"));
    if (check.unknown(input.adoptKeyId) || (backup !== true && backup !== false)) {
      const value = input.adoptKeyId;
      laterWhere(check, isSet("backupRegion"), { input: "adoptKeyId", value, message, kind: "matches", pattern: MULTI_REGION_ID });
      laterWhere(check, not(isSet("backupRegion")), {
        input: "adoptKeyId",
        value,
        message: withoutBackup,
        kind: "notMatches",
        pattern: MULTI_REGION_ID,
      });
    } else if (typeof input.adoptKeyId === "string") {
      const multi = new RegExp(MULTI_REGION_ID).test(input.adoptKeyId);
      if (backup && !multi) check.problem("adoptKeyId", `${message} (got ${showValue(input.adoptKeyId)})`);
      if (!backup && multi) check.problem("adoptKeyId", `${withoutBackup} (got ${showValue(input.adoptKeyId)})`);
    }
  }

  if (input.adoptKeyId !== undefined) {
    checkLive(check, "adoptKeyId", "adoptedKey", live.key, KEY_RULES, "key");
    const multiRegion = live.key ? String(live.key.multiRegion) : undefined;
    liveRule(check, "adoptKeyId", "adoptedKey", "multiRegion", multiRegion, "MultiRegion", "key", [
      { when: isSet("backupRegion"), values: ["true"], message: SINGLE_REGION_WITH_BACKUP },
      { when: not(isSet("backupRegion")), values: ["false"], message: MULTI_REGION_WITHOUT_BACKUP },
    ]);
    // The key already has a replica there: creating another fails at apply; adopt that one instead.
    const replicaHere =
      "already has a replica in backupRegion: set adoptReplicaKeyId to it, or the apply fails replicating the key there again";
    const when = all(isSet("backupRegion"), not(adoptingReplica));
    if (live.key) {
      if (check.choices.decide(when) === true && live.key.replicaRegions.includes(String(input.backupRegion)))
        check.problem("adoptKeyId", `${replicaHere} (${input.backupRegion}: ${live.key.replicaRegions.join(", ")})`);
    } else {
      laterWhere(check, all(adopting, when), {
        input: "adoptKeyId",
        value: adoptedKeyRef("adoptedKey", "replicaRegions"),
        message: replicaHere,
        kind: "excludes",
        other: input.backupRegion,
        guards: "key",
      });
    }
  }
  if (input.adoptReplicaKeyId !== undefined && input.adoptKeyId !== undefined && input.backupRegion !== undefined) {
    checkLive(check, "adoptReplicaKeyId", "adoptedReplica", live.replica, REPLICA_RULES, "replicaKey");
    const primaryMessage = "must be a replica of adoptKeyId: its primary key differs";
    if (live.replica && live.key) {
      if (live.replica.primaryKeyArn !== live.key.arn)
        check.problem(
          "adoptReplicaKeyId",
          `${primaryMessage} (PrimaryKey is ${showValue(live.replica.primaryKeyArn || "none")}, adoptKeyId is ${live.key.arn})`,
        );
    } else if (!live.replica) {
      laterWhere(check, adoptingReplica, {
        input: "adoptReplicaKeyId",
        value: adoptedKeyRef("adoptedReplica", "primaryKeyArn"),
        message: primaryMessage,
        kind: "equals",
        other: live.key?.arn ?? adoptedKeyRef("adoptedKey", "arn"),
        guards: "replicaKey",
      });
    }
  }
}

/** Leaves a check to the engine where its condition may hold: without the condition where it surely does. */
function laterWhere(check: Checker, when: Condition, later: CheckOnUnknown): void {
  const decided = check.choices.decide(when);
  if (decided === false) return;
  check.later(decided === true ? later : { ...later, when: decided });
}

function checkKeyId(
  check: Checker,
  input: "adoptKeyId" | "adoptReplicaKeyId",
  value: unknown,
  regionInput: "clusterRegion" | "backupRegion",
  region: unknown,
): void {
  const message = "must be a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab, or mrk-... for a multi-region key) or a key ARN";
  check.unlessUnknown(value, { input, message, kind: "matches", pattern: KEY_ID_OR_ARN }, () => {
    if (!check.string(input, value)) return;
    if (!new RegExp(KEY_ID_OR_ARN).test(value)) check.problem(input, `${message} (got ${showValue(value)})`);
    // An ARN names its region: the key is read, and imported, in regionInput.
    const arnRegion = value.startsWith("arn:") ? value.split(":")[3] : undefined;
    if (arnRegion !== undefined && typeof region === "string" && check.known(region) && arnRegion !== region)
      check.problem(input, `is a key in ${arnRegion}, but must be in ${regionInput} "${region}" (got ${showValue(value)})`);
  });
}

function checkLive(
  check: Checker,
  input: string,
  which: Which,
  live: LiveKey | undefined,
  rules: readonly LiveRule[],
  guards: "key" | "replicaKey",
): void {
  for (const rule of rules) {
    liveRule(check, input, which, rule.field, live ? liveValue(live, rule.field) : undefined, rule.setting, guards, [
      { values: rule.values, message: `${rule.setting} must be ${rule.values.filter(Boolean).join(" or ")}: ${rule.why}` },
    ]);
  }
}

/** One live setting: judged now when read, else a precondition on the resource it guards. */
function liveRule(
  check: Checker,
  input: string,
  which: Which,
  field: AdoptedKeyField,
  value: string | undefined,
  setting: string,
  guards: "key" | "replicaKey",
  cases: readonly { when?: Condition; values: readonly string[]; message: string }[],
): void {
  const adopting = isSet(which === "adoptedKey" ? "adoptKeyId" : "adoptReplicaKeyId");
  for (const rule of cases) {
    const message = rule.message.startsWith(setting) ? rule.message : `${setting} ${rule.message}`;
    const applies = rule.when === undefined ? true : check.choices.decide(rule.when);
    if (value !== undefined && applies === true) {
      if (!rule.values.includes(value)) check.problem(input, `${message} (got ${showValue(value)})`);
    } else if (value === undefined) {
      const when = rule.when === undefined ? adopting : all(adopting, rule.when);
      laterWhere(check, when, { input, value: adoptedKeyRef(which, field), message, kind: "oneOf", values: rule.values, guards });
    }
  }
}
