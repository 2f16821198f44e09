// Resource control policies (AWS Organizations) can deny Camunda's role on the key although the
// key policy allows it: AWS's data-perimeter example RCP denies kms:* to principals outside the
// organization, and Camunda's role is outside it. Service control policies cannot: they govern
// principals of the organization's own accounts, and Camunda's role is in Camunda's account.
import {
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  type OrganizationsClient,
  type PolicySummary,
} from "@aws-sdk/client-organizations";
import { CAMUNDA_REQUIRED_ACTIONS } from "../shared";
import { CAMUNDA_CERTAINLY_USED_ACTIONS, parseRoleArn } from "../shared/internal";
import { skippedBecause, throwIfUnreachable } from "./aws-errors";
import { list, statementsOf, wildcard } from "./policy-evaluation";
import { conditionApplies } from "./rcp-conditions";
import type { CheckResult } from "./report";

/** OUs nest at most five deep under the root (Organizations quotas): six parents at most. */
const MAX_DEPTH = 6;
const MAX_PAGES = 5;
const PERMISSIONS = "organizations:ListParents, organizations:ListPoliciesForTarget and organizations:DescribePolicy";
const SCP_NOTE = "SCPs do not apply to Camunda's role, which is in another account";

interface Finding {
  policy: string;
  actions: string[];
  certain: boolean;
}

async function targets(organizations: OrganizationsClient, accountId: string): Promise<string[]> {
  const found = [accountId];
  let child = accountId;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const [parent] = (await organizations.send(new ListParentsCommand({ ChildId: child })))?.Parents ?? [];
    if (!parent?.Id) break;
    found.push(parent.Id);
    if (parent.Type === "ROOT") break;
    child = parent.Id;
  }
  return found;
}

async function resourceControlPolicies(organizations: OrganizationsClient, target: string): Promise<PolicySummary[]> {
  const policies: PolicySummary[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await organizations.send(
      new ListPoliciesForTargetCommand({ TargetId: target, Filter: "RESOURCE_CONTROL_POLICY", NextToken: next }),
    );
    policies.push(...(answer?.Policies ?? []));
    if (!answer?.NextToken) break;
    next = answer.NextToken;
  }
  return policies;
}

/** The Camunda actions a policy's Deny statements take away, certainly or possibly. */
function denies(name: string, content: unknown, keyArn: string, roleArn: string): Finding | undefined {
  const statements = statementsOf(content);
  const caller = { roleArn, account: parseRoleArn(roleArn)!.accountId };
  const certain = new Set<string>();
  const possible = new Set<string>();
  for (const statement of statements.filter((s) => s.Effect === "Deny")) {
    const resources = statement.Resource ?? "*";
    if (!list(resources).some((pattern) => wildcard(pattern, keyArn, false))) continue;
    const applies = conditionApplies(statement.Condition, caller);
    if (applies === "no") continue;
    for (const action of CAMUNDA_REQUIRED_ACTIONS) {
      const named =
        statement.Action !== undefined
          ? list(statement.Action).some((pattern) => wildcard(pattern, action, true))
          : !list(statement.NotAction).some((pattern) => wildcard(pattern, action, true));
      if (named) (applies === "yes" ? certain : possible).add(action);
    }
  }
  if (certain.size === 0 && possible.size === 0) return undefined;
  return certain.size > 0
    ? { policy: name, actions: [...certain], certain: true }
    : { policy: name, actions: [...possible], certain: false };
}

export async function orgPoliciesCheck(organizations: OrganizationsClient, keyArn: string, roleArn: string): Promise<CheckResult> {
  const id = "org-policies" as const;
  const accountId = keyArn.split(":")[4];
  const findings: Finding[] = [];
  let evaluated = 0;
  try {
    // Each target's policies are asked for in parallel, then each distinct policy's content.
    const lists = await Promise.all(
      (await targets(organizations, accountId)).map((target) => resourceControlPolicies(organizations, target)),
    );
    const distinct = [...new Map(lists.flat().flatMap((summary) => (summary.Id ? [[summary.Id, summary] as const] : []))).values()];
    const contents = await Promise.all(
      distinct.map(async (summary) => ({
        summary,
        policy: (await organizations.send(new DescribePolicyCommand({ PolicyId: summary.Id })))?.Policy,
      })),
    );
    for (const { summary, policy } of contents) {
      evaluated++;
      const found = denies(summary.Name ?? summary.Id!, JSON.parse(policy?.Content ?? "{}"), keyArn, roleArn);
      if (found) findings.push(found);
    }
  } catch (error) {
    throwIfUnreachable(error);
    if ((error as { name?: string }).name === "AWSOrganizationsNotInUseException") {
      return {
        id,
        status: "pass",
        message: `account ${accountId} is in no organization: no resource control policy applies (${SCP_NOTE})`,
      };
    }
    return {
      id,
      status: "skipped",
      message: `${skippedBecause(error, PERMISSIONS)}: resource control policies, which can deny Camunda's role although the key policy allows it, were not evaluated; run verify from the management account or a delegated administrator (${SCP_NOTE})`,
    };
  }
  const certainlyUsed = new Set<string>(CAMUNDA_CERTAINLY_USED_ACTIONS);
  const breaking = findings.filter((f) => f.certain && f.actions.some((a) => certainlyUsed.has(a)));
  const describe = (list: Finding[]) => list.map((f) => `${f.policy} (${f.actions.join(", ")})`).join("; ");
  if (breaking.length > 0) {
    return {
      id,
      status: "fail",
      message: `resource control policies deny the Camunda role on the key: ${describe(breaking)}; the cluster behaves as if the key were disabled. Exempt the role (aws:PrincipalArn) in them`,
    };
  }
  if (findings.length > 0) {
    return {
      id,
      status: "warn",
      message: `resource control policies may deny the Camunda role on the key, depending on what verify cannot see (a condition, a resource tag): ${describe(findings)}`,
    };
  }
  return {
    id,
    status: "pass",
    message: `${evaluated} resource control polic${evaluated === 1 ? "y" : "ies"} on the account, its OUs and the root: none denies the Camunda role's KMS calls on the key (${SCP_NOTE})`,
  };
}
