// Does a live key policy let the Camunda role do an action? A deliberately small evaluator whose
// one promise is soundness: it says "allowed" only where AWS would allow whatever the request's
// context, and "undecided" wherever it cannot be sure (conditions, account-wide grants, NotPrincipal).
// tests/policy-evaluation.test.ts holds it to that against an independent IAM simulator.

export type Verdict = "allowed" | "denied" | "undecided";

export interface ActionVerdict {
  action: string;
  verdict: Verdict;
  /** Why, naming the statements involved by Sid (or position). */
  reason: string;
}

export interface PolicyPrincipal {
  /** The role's ARN as a policy names it: arn:<partition>:iam::<account>:role/<path><name>. */
  roleArn: string;
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

type Match = "yes" | "no" | "maybe";

export const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** IAM's wildcard match: `*` any run, `?` one character; case-insensitive where AWS is (actions). */
/** A policy's statements: IAM takes one statement or a list. */
export function statementsOf(policy: unknown): Record<string, unknown>[] {
  const raw = (policy as { Statement?: unknown })?.Statement;
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Record<string, unknown>[];
}

export function wildcard(pattern: string, text: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(text);
}

/**
 * Whether a Principal element covers the Camunda role's sessions (Camunda calls as a session of
 * its role). A role ARN covers every session of the role; one session's ARN covers only that one;
 * an account covers every principal in it, which in an Allow hands the decision to the account's
 * IAM policies (unknowable here) and in a Deny denies them all.
 */
function principalMatch(principal: unknown, roleArn: string, effect: "Allow" | "Deny"): Match {
  if (principal === "*") return "yes";
  if (typeof principal !== "object" || principal === null) return "no";
  const aws = list((principal as Record<string, unknown>).AWS);
  const { partition, account, roleName } = roleParts(roleArn);
  let result: Match = "no";
  for (const entry of aws) {
    if (entry === "*" || entry === roleArn) return "yes";
    if (isAccount(entry, partition, account)) {
      if (effect === "Deny") return "yes";
      result = "maybe";
    }
    // One session of the role: other sessions are not covered, and which one calls is unknown.
    if (entry.startsWith(`arn:${partition}:sts::${account}:assumed-role/${roleName}/`)) result = "maybe";
  }
  return result;
}

function roleParts(roleArn: string): { partition: string; account: string; roleName: string } {
  const [, partition, , , account, resource] = roleArn.split(":");
  return { partition, account, roleName: resource.slice(resource.lastIndexOf("/") + 1) };
}

const isAccount = (entry: string, partition: string, account: string) =>
  entry === account || entry === `arn:${partition}:iam::${account}:root`;

/**
 * NotPrincipal (IAM user guide, "AWS JSON policy elements: NotPrincipal"): it must be used with
 * Deny, and "you must also specify the account ARN of the not-denied principal. Otherwise, the
 * policy might deny access to the entire account"; an assumed role's session is checked as its
 * account, then its role, then the session. So the Camunda session escapes the Deny only where its
 * account is listed, and even then IAM denies anyway a principal with a permissions boundary,
 * which a key policy cannot show: at best "maybe".
 */
function notPrincipalMatch(notPrincipal: unknown, roleArn: string): Match {
  if (notPrincipal === "*") return "no";
  const aws = typeof notPrincipal === "object" && notPrincipal !== null ? list((notPrincipal as Record<string, unknown>).AWS) : [];
  if (aws.includes("*")) return "no";
  const { partition, account } = roleParts(roleArn);
  return aws.some((entry) => isAccount(entry, partition, account)) ? "maybe" : "yes";
}

function statementPrincipalMatch(statement: Statement, roleArn: string): Match {
  const effect = statement.Effect === "Deny" ? "Deny" : "Allow";
  if (statement.Principal !== undefined) return principalMatch(statement.Principal, roleArn, effect);
  if (statement.NotPrincipal !== undefined) {
    // NotPrincipal with Allow is not supported by IAM: never count on it.
    if (effect === "Allow") return "maybe";
    return notPrincipalMatch(statement.NotPrincipal, roleArn);
  }
  return "no";
}

function actionMatch(statement: Statement, action: string): boolean {
  if (statement.Action !== undefined) return list(statement.Action).some((pattern) => wildcard(pattern, action, true));
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((pattern) => wildcard(pattern, action, true));
  return false;
}

function resourceMatch(statement: Statement, keyArn: string): Match {
  if (statement.Resource !== undefined) return list(statement.Resource).some((pattern) => wildcard(pattern, keyArn, false)) ? "yes" : "no";
  if (statement.NotResource !== undefined)
    return list(statement.NotResource).some((pattern) => wildcard(pattern, keyArn, false)) ? "no" : "yes";
  return "no";
}

const hasCondition = (statement: Statement) =>
  typeof statement.Condition === "object" && statement.Condition !== null && Object.keys(statement.Condition).length > 0;

/** Judges, for each action, whether `policy` lets `principal` perform it on the key `keyArn`. */
export function evaluateKeyPolicy(
  policy: unknown,
  principal: PolicyPrincipal,
  keyArn: string,
  actions: readonly string[],
): ActionVerdict[] {
  const statements = statementsOf(policy) as Statement[];
  const named = statements.map((statement, index) => ({
    statement,
    name: statement.Sid ? `"${statement.Sid}"` : `statement ${index + 1}`,
  }));
  return actions.map((action) => {
    const applicable = named.filter(({ statement }) => actionMatch(statement, action) && resourceMatch(statement, keyArn) !== "no");
    const denies = applicable.filter(({ statement }) => statement.Effect === "Deny");
    const allows = applicable.filter(({ statement }) => statement.Effect === "Allow");
    const certainDeny = denies.find(
      ({ statement }) => statementPrincipalMatch(statement, principal.roleArn) === "yes" && !hasCondition(statement),
    );
    if (certainDeny) return { action, verdict: "denied", reason: `${certainDeny.name} denies it` };
    const possibleDenies = denies.filter(({ statement }) => statementPrincipalMatch(statement, principal.roleArn) !== "no");
    const certainAllow = allows.find(
      ({ statement }) =>
        statement.Principal !== undefined && statementPrincipalMatch(statement, principal.roleArn) === "yes" && !hasCondition(statement),
    );
    const possibleAllows = allows.filter(({ statement }) => statementPrincipalMatch(statement, principal.roleArn) !== "no");
    if (certainAllow && possibleDenies.length === 0) return { action, verdict: "allowed", reason: `${certainAllow.name} allows it` };
    if (certainAllow || possibleAllows.length > 0) {
      const why =
        possibleDenies.length > 0
          ? `${possibleDenies.map((d) => d.name).join(", ")} may deny it (a condition, or a principal the policy cannot resolve)`
          : `only ${possibleAllows.map((a) => a.name).join(", ")} may allow it, with a condition or through the account's IAM policies`;
      return { action, verdict: "undecided", reason: why };
    }
    return { action, verdict: "denied", reason: "no statement allows it" };
  });
}
