// Command-line parsing shared by the commands: node's parseArgs, with messages a user can act on
// (parseArgs' own suggest quoting that does not fit these flags) and usage errors as exit 2.
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A usage error: wrong flags or arguments. The CLI prints it, says where the help is, and exits 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
}

/**
 * Parses `argv` (after the command's name) against `options`. A flag not declared `multiple` may
 * appear once; every flag must be known; no positional arguments.
 */
export function parseCommand(argv: string[], options: Options): ParsedCommand {
  // Every flag is parsed as repeatable, so a repeated single-valued flag is an error, not the last one silently.
  const repeatable = Object.fromEntries(Object.entries(options).map(([name, option]) => [name, { ...option, multiple: true }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: repeatable, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${flag}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${flag.split(" ")[0]} needs a value`);
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  // `--role-arn ""` (an unset shell variable, say) is a value given empty, not a flag left out.
  const empty = Object.entries(parsed.values)
    .filter(([, given]) => (given as (string | boolean)[]).some((value) => value === ""))
    .map(([name]) => `--${name}`);
  if (empty.length > 0)
    throw new UsageError(
      `${empty.join(" and ")} ${empty.length === 1 ? "is" : "are"} empty: give ${empty.length === 1 ? "it" : "each"} a value`,
    );
  const values: ParsedCommand["values"] = {};
  for (const [name, given] of Object.entries(parsed.values)) {
    const list = given as (string | boolean)[];
    if (options[name].multiple) {
      values[name] = list as string[];
    } else if (list.length > 1) {
      throw new UsageError(`--${name} is given ${list.length} times; give it once`);
    } else {
      values[name] = list[0];
    }
  }
  return { values };
}

/** Fails with a usage error naming every required flag that is missing. */
export function requireFlags(values: ParsedCommand["values"], flags: readonly string[]): void {
  const missing = flags.filter((flag) => values[flag] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((flag) => `--${flag}`).join(" and ")}`);
}
