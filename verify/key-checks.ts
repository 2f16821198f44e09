// The checks on one key, the primary or the replica: that it exists, its state, its spec, its
// policy and its rotation. Every call is a Describe/Get/List; independent calls go out together.
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListGrantsCommand,
  type GrantListEntry,
  type KeyMetadata,
  type KMSClient,
} from "@aws-sdk/client-kms";
import { CAMUNDA_REQUIRED_ACTIONS, FREEZING_KEY_STATES, USABLE_KEY_STATE } from "../shared";
import { CAMUNDA_CERTAINLY_USED_ACTIONS, POLICY_FROM_STACK_OUTPUT, recoveryCommands } from "../shared/internal";
import { parseKmsKeyArn, parseRoleArn } from "../shared/internal";
import { isNotFound, skippedBecause, throwIfUnreachable } from "./aws-errors";
import { evaluateKeyPolicy } from "./policy-evaluation";
import type { CheckId, CheckResult } from "./report";

const DAY_MS = 24 * 60 * 60 * 1000;
/** ListGrants pages read at most: enough to see whether Camunda holds any grant. */
const MAX_GRANT_PAGES = 5;

export interface KeyFindings {
  metadata?: KeyMetadata;
  results: CheckResult[];
}

interface KeyCheckContext {
  kms: KMSClient;
  /** The ARN given on the command line (key or alias). */
  givenArn: string;
  roleArn: string;
  /** "key" for the primary's ids (key-state, ...), "replica" for the replica's. */
  prefix: "key" | "replica";
  now: Date;
  /** For a replica: its primary, where rotation is set. */
  primaryArn?: string;
}

/** The DescribeKey answer, or the result that says why there is none. */
export async function describeKey(context: KeyCheckContext): Promise<KeyFindings> {
  const id: CheckId = context.prefix === "key" ? "key-exists" : "replica-exists";
  const where = parseKmsKeyArn(context.givenArn)!;
  try {
    const { KeyMetadata: metadata } = await context.kms.send(new DescribeKeyCommand({ KeyId: context.givenArn }));
    const description = metadata?.Description ? ` ("${metadata.Description}")` : "";
    return { metadata, results: [{ id, status: "pass", message: `found ${metadata?.Arn}${description}` }] };
  } catch (error) {
    throwIfUnreachable(error);
    if (isNotFound(error)) {
      return {
        results: [
          {
            id,
            status: "fail",
            message: `no key ${context.givenArn} in ${where.region} of account ${where.accountId}: check the ARN, and that your credentials are for that account`,
          },
        ],
      };
    }
    return { results: [{ id, status: "skipped", message: skippedBecause(error, "kms:DescribeKey") }] };
  }
}

function checkId(prefix: "key" | "replica", name: "state" | "spec" | "policy" | "rotation"): CheckId {
  if (prefix === "replica") return `replica-${name}` as CheckId;
  return name === "rotation" ? "rotation" : (`key-${name}` as CheckId);
}

/** State and spec, from DescribeKey's answer. */
export function stateAndSpec(context: KeyCheckContext, metadata: KeyMetadata | undefined): CheckResult[] {
  const stateId = checkId(context.prefix, "state");
  const specId = checkId(context.prefix, "spec");
  if (!metadata) {
    const message = "could not run: needs the key's description (kms:DescribeKey)";
    return [
      { id: stateId, status: "skipped", message },
      { id: specId, status: "skipped", message },
    ];
  }
  const arn = metadata.Arn!;
  const region = parseKmsKeyArn(arn)?.region ?? "";
  const fix = recoveryCommands(arn, region) as { enableKey: string; cancelDeletion: string };
  const state = metadata.KeyState ?? "unknown";
  let stateResult: CheckResult;
  if (state === USABLE_KEY_STATE) {
    stateResult = { id: stateId, status: "pass", message: "Enabled" };
  } else {
    let message = `${state}: ${FREEZING_KEY_STATES[state] ?? "the Camunda cluster cannot use the key in this state"}`;
    let command: string | undefined;
    if (state === "Disabled") command = fix.enableKey;
    if (state === "PendingDeletion" || state === "PendingReplicaDeletion") {
      if (metadata.DeletionDate) {
        const days = Math.max(0, Math.ceil((metadata.DeletionDate.getTime() - context.now.getTime()) / DAY_MS));
        message += ` on ${metadata.DeletionDate.toISOString()} (${days} day${days === 1 ? "" : "s"} left)`;
      }
      command = `${fix.cancelDeletion} && ${fix.enableKey}`;
    }
    message += `. Camunda: the Console may show "Healthy" for ~15 minutes, then "External encryption key is not ready"`;
    stateResult = { id: stateId, status: "fail", message, ...(command ? { fix: command } : {}) };
  }
  const problems: string[] = [];
  if (metadata.KeyManager !== "CUSTOMER")
    problems.push(`it is managed by ${metadata.KeyManager} (Camunda needs a customer managed key whose policy you control)`);
  if (metadata.KeySpec !== "SYMMETRIC_DEFAULT") problems.push(`its spec is ${metadata.KeySpec} (Camunda needs SYMMETRIC_DEFAULT)`);
  if (metadata.KeyUsage !== "ENCRYPT_DECRYPT") problems.push(`its usage is ${metadata.KeyUsage} (Camunda needs ENCRYPT_DECRYPT)`);
  const specResult: CheckResult =
    problems.length === 0
      ? { id: specId, status: "pass", message: "symmetric ENCRYPT_DECRYPT, customer managed" }
      : {
          id: specId,
          status: "fail",
          message: `${problems.join("; ")}; a key's spec cannot change: create a new key (and a new Camunda cluster)`,
        };
  return [stateResult, specResult];
}

/** The key policy: all of Camunda's actions for the role, unconditionally, and no Deny taking one away. */
export async function keyPolicy(context: KeyCheckContext, keyArn: string, read?: (policy: unknown) => void): Promise<CheckResult> {
  const id = checkId(context.prefix, "policy");
  let text: string | undefined;
  try {
    text = (await context.kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: "default" }))).Policy;
  } catch (error) {
    throwIfUnreachable(error);
    return { id, status: "skipped", message: skippedBecause(error, "kms:GetKeyPolicy") };
  }
  const key = parseKmsKeyArn(keyArn)!;
  // The CLI that runs this check is installed here: its own policy command writes policy.json.
  const put = recoveryCommands(keyArn, key.region).putPolicy as string;
  const fix = `camunda-byok-kms policy --role-arn ${context.roleArn} --account-id ${key.accountId} > policy.json && ${put}`;
  const withReview = `${fix}   (review policy.json first: it replaces the whole policy; add --admin for your key administrators, or use the policy the stack applied: ${POLICY_FROM_STACK_OUTPUT})`;
  let policy: unknown;
  try {
    policy = JSON.parse(text ?? "");
  } catch {
    return { id, status: "fail", message: "the key policy is not JSON", fix: withReview };
  }
  read?.(policy);
  const verdicts = evaluateKeyPolicy(policy, { roleArn: context.roleArn }, keyArn, CAMUNDA_REQUIRED_ACTIONS);
  const denied = verdicts.filter((v) => v.verdict === "denied");
  const undecided = verdicts.filter((v) => v.verdict === "undecided");
  const describe = (list: typeof verdicts) => list.map((v) => `${v.action} (${v.reason})`).join(", ");
  const certain = new Set<string>(CAMUNDA_CERTAINLY_USED_ACTIONS);
  const breaking = denied.filter((v) => certain.has(v.action));
  if (breaking.length > 0) {
    return {
      id,
      status: "fail",
      message: `the policy does not let ${context.roleArn} do ${describe(breaking)}: the cluster behaves as if the key were disabled${denied.length > breaking.length ? `; nor ${describe(denied.filter((v) => !certain.has(v.action)))}` : ""}`,
      fix: withReview,
    };
  }
  if (denied.length > 0) {
    // Camunda publishes what to grant, not what it calls: these may be unused, or may not.
    return {
      id,
      status: "warn",
      message: `narrower than Camunda's published policy: ${context.roleArn} may not do ${describe(denied)}; Camunda does not say whether the cluster calls them${undecided.length > 0 ? `; and cannot tell for ${describe(undecided)}` : ""}`,
      fix: withReview,
    };
  }
  if (undecided.length > 0) {
    return { id, status: "warn", message: `cannot tell from the policy alone whether the Camunda role may do ${describe(undecided)}` };
  }
  return { id, status: "pass", message: `the Camunda role may do all ${verdicts.length} actions Camunda needs, unconditionally` };
}

export async function rotation(context: KeyCheckContext, keyArn: string): Promise<CheckResult> {
  const id = checkId(context.prefix, "rotation");
  try {
    const status = await context.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyArn }));
    if (status.KeyRotationEnabled) {
      return {
        id,
        status: "pass",
        message: `automatic rotation on${status.RotationPeriodInDays ? `, every ${status.RotationPeriodInDays} days` : ""} (the key ARN stays; Camunda supports it)`,
      };
    }
    // AWS sets rotation on the primary only; its replicas follow it.
    const primary = context.primaryArn ?? keyArn;
    const region = parseKmsKeyArn(primary)!.region;
    return {
      id,
      status: "warn",
      message:
        context.prefix === "replica" ? "automatic rotation is off (a replica follows its primary's setting)" : "automatic rotation is off",
      fix: `aws kms enable-key-rotation --key-id ${primary} --region ${region}`,
    };
  } catch (error) {
    throwIfUnreachable(error);
    return { id, status: "skipped", message: skippedBecause(error, "kms:GetKeyRotationStatus") };
  }
}

/** Camunda's volumes use the key through grants its role creates: grants issued from its account. */
export async function inUse(context: KeyCheckContext, keyArn: string): Promise<CheckResult> {
  const camundaAccount = parseRoleArn(context.roleArn)!.accountId;
  const grants: GrantListEntry[] = [];
  try {
    let marker: string | undefined;
    for (let page = 0; page < MAX_GRANT_PAGES; page++) {
      const answer = await context.kms.send(new ListGrantsCommand({ KeyId: keyArn, Limit: 100, Marker: marker }));
      grants.push(...(answer.Grants ?? []));
      if (!answer.Truncated || !answer.NextMarker) break;
      marker = answer.NextMarker;
    }
  } catch (error) {
    throwIfUnreachable(error);
    return { id: "in-use", status: "skipped", message: skippedBecause(error, "kms:ListGrants") };
  }
  const camunda = grants.filter((grant) => grant.IssuingAccount?.split(":")[4] === camundaAccount);
  if (camunda.length > 0) {
    return {
      id: "in-use",
      status: "pass",
      message: `${camunda.length} grant${camunda.length === 1 ? "" : "s"} issued from Camunda's account ${camundaAccount}: the cluster's volumes use the key`,
    };
  }
  return {
    id: "in-use",
    status: "warn",
    message: `no grant from Camunda's account ${camundaAccount} yet: the cluster does not use the key; if you have not, paste its ARN into the Camunda Console`,
  };
}
