// The spec in Pulumi's two phases, the "known now vs known at deploy time" split in one place.
//
// Pulumi hands the component Outputs whose values arrive later, but it must register every child
// now. So the spec is built twice:
// - now, at construction, from the args as far as they are known (an unknown value stands in
//   for each Output): it decides which resources exist and throws on plain bad input before
//   anything is registered;
// - at deploy time, inside an apply, once every Output, the deploying account, the caller and the
//   provider's region are known: the full check, which fails the update with the package's message.
// A setting that involves no unknown input is passed as it was built now (fewer Outputs, and a
// secret input makes only what derives from it secret); the others come from the deploy-time spec.
import * as pulumi from "@pulumi/pulumi";
import { buildByokSpec, type ByokInput, type ByokSpec, ByokValidationError } from "../shared";
import { describeProblem, inputsOf, isChoice, renderTemplate, type TemplateRenderer } from "../shared/internal";
import { DeployTimeByokError } from "./deploy-time-error";
import type { AdoptedKeys } from "./adopted-keys";
import { deployerPrincipalArn, type ProviderLookups } from "./provider-lookups";

/** Stands for a value Pulumi knows only later (an Output), so the checks made now leave it alone. */
const UNKNOWN = "\u0000camunda-byok-kms:unknown\u0000";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

function isOutputOrPromise(value: unknown): boolean {
  return (
    pulumi.Output.isInstance(value) ||
    (typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function")
  );
}

/** The args as far as they are known now: every Output or promise becomes UNKNOWN. */
function knownNow(value: unknown): unknown {
  if (isOutputOrPromise(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(knownNow);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, knownNow(item)]));
  }
  return value;
}

/** Whether a setting built now involves an unknown input: its value, or a choice it decides. */
function involvesUnknown(value: unknown): boolean {
  if (value === UNKNOWN || isChoice(value)) return true;
  if (typeof value === "string") return value.includes(UNKNOWN);
  if (Array.isArray(value)) return value.some(involvesUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(involvesUnknown);
  return false;
}

/** The first phase: throws ByokValidationError on plain bad input, before anything is registered. */
export function specKnownNow(args: object): ByokSpec {
  const known = knownNow(args) as Record<string, unknown>;
  const now = buildByokSpec(known as unknown as ByokInput, { isUnknown });
  if (now.resources.some((resource) => resource.forEach !== undefined)) {
    // Pulumi must know how many subscriptions to register; the addresses may be Outputs.
    throw new ByokValidationError([
      { input: "alertEmails", message: "must be a list (its elements may be Outputs), not an Output of a list" },
    ]);
  }
  // Pulumi must know which resources to register now: an input that decides one must be plain.
  const deciding = [...new Set(now.resources.flatMap((resource) => (resource.when ? inputsOf(resource.when) : [])))];
  if (deciding.length > 0) {
    throw new ByokValidationError(
      deciding.map((input) => ({
        input,
        message: "must be a plain value, not an Output: it decides which resources the component registers",
      })),
    );
  }
  return now;
}

export class TwoPhaseSpec {
  /** The second phase: rejects, with a DeployTimeByokError on `component`, when the full check fails. */
  readonly atDeployTime: pulumi.Output<ByokSpec>;
  /** Resources the roots depend on: settles when the full check passed, rejects when it failed. */
  readonly checked: pulumi.Output<pulumi.Resource[]>;
  /** The check's verdict only, never secret: what every public output waits for. */
  readonly passed: pulumi.Output<boolean>;

  constructor(
    readonly now: ByokSpec,
    args: object,
    lookups: ProviderLookups,
    component: pulumi.Resource,
    adopted: AdoptedKeys = {},
  ) {
    // AWS's lockout check matters only without the account statement: only then is the session resolved.
    const accountAccess = (args as { enableDefaultAccountAccess?: pulumi.Input<boolean> }).enableDefaultAccountAccess;
    const deployer = pulumi
      .all([pulumi.output(accountAccess), lookups.callerArn])
      .apply(([on, callerArn]) => (on === false ? deployerPrincipalArn(component, callerArn) : callerArn));
    this.atDeployTime = pulumi
      .all([
        pulumi.output(args as pulumi.Inputs),
        lookups.accountId,
        lookups.region,
        deployer,
        adopted.key ?? pulumi.output(undefined),
        adopted.replica ?? pulumi.output(undefined),
      ])
      .apply(([input, accountId, region, deployerArn, adoptedKey, adoptedReplica]) => {
        try {
          const full = buildByokSpec(input as unknown as ByokInput, {
            keyAccountId: accountId,
            providerRegion: region,
            deployerArn,
            ...(adoptedKey ? { adoptedKey } : {}),
            ...(adoptedReplica ? { adoptedReplica } : {}),
          });
          // Warnings on values known only now (the construction logged the others).
          const logged = new Set(now.warnings.map(describeProblem));
          for (const warning of full.warnings.map(describeProblem)) if (!logged.has(warning)) pulumi.log.warn(warning, component);
          return full;
        } catch (error) {
          throw error instanceof ByokValidationError ? new DeployTimeByokError(error, component) : error;
        }
      });
    this.checked = this.atDeployTime.apply(() => [] as pulumi.Resource[]);
    this.passed = pulumi.unsecret(this.atDeployTime.apply(() => true));
  }

  /**
   * Settings for an engine: each one rendered from the first phase when it involves no unknown
   * input, else taken from the same place (`pick`) in the deploy-time spec.
   */
  settings(
    now: Record<string, unknown>,
    pick: (spec: ByokSpec) => Record<string, unknown>,
    renderer: TemplateRenderer<unknown>,
  ): Record<string, unknown> {
    let later: pulumi.Output<Record<string, unknown>> | undefined;
    const settings: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(now)) {
      if (involvesUnknown(value)) {
        later ??= this.atDeployTime.apply((spec) => pulumi.output(renderTemplate(pick(spec), renderer))) as pulumi.Output<
          Record<string, unknown>
        >;
        settings[key] = later.apply((values) => values[key]);
      } else {
        settings[key] = renderTemplate(value, renderer);
      }
    }
    return settings;
  }
}
