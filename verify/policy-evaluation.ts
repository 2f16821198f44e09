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

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

/** IAM's wildcard match: `*` any run, `?` one character; case-insensitive where AWS is (actions). */
function wildcard(pattern: string, text: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, ignoreCase ? "i" : "").test(text);
}

function principalMatch(principal: unknown, roleArn: string): Match {
  if (principal === "*") return "yes";
  if (typeof principal !== "object" || principal === null) return "no";
  const aws = list((principal as Record<string, unknown>).AWS);
  const [, partition, , , account, resource] = roleArn.split(":");
  const roleName = resource.slice(resource.lastIndexOf("/") + 1);
  let result: Match = "no";
  for (const entry of aws) {
    if (entry === "*" || entry === roleArn) return "yes";
    if (entry.startsWith(`arn:${partition}:sts::${account}:assumed-role/${roleName}/`)) return "yes";
    // The role's account: its IAM policies decide, which a key policy cannot show.
    if (entry === account || entry === `arn:${partition}:iam::${account}:root`) result = "maybe";
  }
  return result;
}

function statementPrincipalMatch(statement: Statement, roleArn: string): Match {
  if (statement.Principal !== undefined) return principalMatch(statement.Principal, roleArn);
  if (statement.NotPrincipal !== undefined) {
    // Everyone but the listed: the role is covered unless listed (or its account is).
    const listed = principalMatch(statement.NotPrincipal, roleArn);
    return listed === "yes" ? "no" : listed === "maybe" ? "maybe" : "yes";
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
  const raw = (policy as { Statement?: unknown })?.Statement;
  const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Statement[];
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
