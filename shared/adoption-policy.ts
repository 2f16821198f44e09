// What the first apply does to a hand-made key's policy, statement by statement: the package
// writes its own policy (PutKeyPolicy), so every live statement is either covered by one of the
// package's (the same principal may still do each of its actions) or disappears; a disappearing
// statement must be announced and decided on, never dropped silently.

interface Statement {
  label: string;
  effect: string;
  principals: string[];
  actions: string[];
  condition?: unknown;
  /** NotPrincipal or NotAction: what it covers cannot be compared by name. */
  negated: boolean;
}

export interface StatementChange {
  /** The statement's Sid, or `statement <n>` for one without. */
  statement: string;
  change: "added" | "kept" | "changed" | "replaced" | "removed";
  /** What it means, in a sentence. */
  detail: string;
  /** For a Camunda statement added or changed: the actions the Camunda role gains. */
  gains?: string[];
  /** For a live statement replaced: the actions it allowed that a statement of the package denies. */
  denied?: string[];
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** Principals in one form: an account id (`111122223333`) is that account's root, as IAM reads it. */
function principalsOf(principal: unknown, partition: string): string[] {
  if (principal === "*") return ["*"];
  if (typeof principal !== "object" || principal === null) return [];
  return Object.entries(principal).flatMap(([type, value]) =>
    list(value).map((p) => {
      if (type !== "AWS") return `${type}:${p}`;
      return /^\d{12}$/.test(p) ? `arn:${partition}:iam::${p}:root` : p;
    }),
  );
}

function statementsOf(document: unknown, partition: string): Statement[] {
  const raw = (document as { Statement?: unknown })?.Statement;
  const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Record<string, unknown>[];
  return statements.map((s, index) => ({
    label: typeof s.Sid === "string" && s.Sid !== "" ? s.Sid : `statement ${index + 1}`,
    effect: String(s.Effect),
    principals: principalsOf(s.Principal, partition),
    actions: list(s.Action),
    ...(s.Condition !== undefined ? { condition: s.Condition } : {}),
    negated: s.NotPrincipal !== undefined || s.NotAction !== undefined,
  }));
}

/**
 * Whether `pattern` allows at least everything `action` names: a concrete action it matches, or a
 * wildcard it matches as written (`kms:*` covers `kms:Create*`; `kms:Create*` does not cover
 * `kms:C*`). IAM's wildcards `*` and `?`, without regard to case, as IAM matches actions.
 */
function covers(pattern: string, action: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "i").test(action);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The package's statements that let `principal` do `action` (one without a condition, or with the same). */
function coveringStatements(target: Statement[], principal: string, action: string, condition: unknown): Statement[] {
  return target.filter(
    (t) =>
      t.effect === "Allow" &&
      !t.negated &&
      t.principals.includes(principal) &&
      t.actions.some((pattern) => covers(pattern, action)) &&
      (t.condition === undefined || sameJson(t.condition, condition)),
  );
}

/** Whether a Deny statement's condition exempts `principal` (DenyKeyDeletion's ArnNotLike aws:PrincipalArn list). */
function exempts(condition: unknown, principal: string): boolean {
  const notLike = (condition as { ArnNotLike?: Record<string, unknown> } | undefined)?.ArnNotLike?.["aws:PrincipalArn"];
  return list(notLike).some((pattern) => covers(pattern, principal));
}

/** The package's denials that reach what `principal` may do under `pattern`: those actions, by statement. */
function deniedUnder(target: Statement[], principal: string, pattern: string): { action: string; by: string }[] {
  return target
    .filter((t) => t.effect === "Deny" && !t.negated && (t.principals.includes("*") || t.principals.includes(principal)))
    .filter((t) => !exempts(t.condition, principal))
    .flatMap((t) => t.actions.filter((action) => covers(pattern, action)).map((action) => ({ action, by: t.label })));
}

/**
 * Each statement of the live policy and of the package's, as the first apply changes it. The
 * Camunda role's gains are named (Camunda's published policy grants more than its draft guide).
 */
export function diffKeyPolicies(live: unknown, target: unknown, camundaRoleArn: string, partition: string): StatementChange[] {
  const was = statementsOf(live, partition);
  const next = statementsOf(target, partition);
  const changes: StatementChange[] = [];
  const camundaActionsLive = was
    .filter((s) => s.effect === "Allow" && !s.negated && s.principals.includes(camundaRoleArn))
    .flatMap((s) => s.actions);

  for (const statement of next) {
    const same = was.find((s) => s.label === statement.label);
    const forCamunda = statement.principals.includes(camundaRoleArn);
    const gains = forCamunda ? statement.actions.filter((action) => !camundaActionsLive.some((p) => covers(p, action))) : [];
    const who = statement.principals.join(", ");
    const what = `${statement.effect} ${statement.actions.join(", ")} for ${who}`;
    if (same && sameJson(same, statement)) changes.push({ statement: statement.label, change: "kept", detail: what });
    else
      changes.push({
        statement: statement.label,
        change: same ? "changed" : "added",
        detail: `${what}${statement.condition !== undefined ? ` when ${JSON.stringify(statement.condition)}` : ""}`,
        ...(gains.length > 0 ? { gains } : {}),
      });
  }
  for (const statement of was) {
    if (next.some((t) => t.label === statement.label)) continue;
    const by = new Set<string>();
    const covered =
      statement.effect === "Allow" &&
      !statement.negated &&
      statement.principals.length > 0 &&
      statement.principals.every((principal) =>
        statement.actions.every((action) => {
          const found = coveringStatements(next, principal, action, statement.condition);
          for (const t of found) by.add(t.label);
          return found.length > 0;
        }),
      );
    const what = `${statement.negated ? "(NotPrincipal/NotAction) " : ""}${statement.effect} ${statement.actions.join(", ")} for ${statement.principals.join(", ") || "nobody"}${statement.condition !== undefined ? ` when ${JSON.stringify(statement.condition)}` : ""}`;
    if (!covered) {
      changes.push({ statement: statement.label, change: "removed", detail: what });
      continue;
    }
    const denials = statement.principals.flatMap((principal) =>
      statement.actions.flatMap((action) => deniedUnder(next, principal, action)),
    );
    const denied = [...new Set(denials.map((d) => d.action))];
    const except =
      denied.length > 0 ? `, except ${denied.join(", ")}, which ${[...new Set(denials.map((d) => d.by))].join(", ")} denies` : "";
    changes.push({
      statement: statement.label,
      change: "replaced",
      detail: `${what}: still allowed, by ${[...by].join(", ")}${except}`,
      ...(denied.length > 0 ? { denied } : {}),
    });
  }
  return changes;
}
