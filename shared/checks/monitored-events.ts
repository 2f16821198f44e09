import { type Checker, showValue } from "./checker";

// Which CloudTrail calls on the key raise the alarm.

const EVENT_NAME = /^[A-Z][A-Za-z0-9]{2,63}$/;

export function checkMonitoredEvents(check: Checker, names: unknown): void {
  const input = "monitoredEventNames";
  if (check.unknown(names)) {
    check.later({ input, value: names, message: "must name at least one event; leave it out for the defaults", kind: "notEmpty" });
    check.later({
      input,
      value: names,
      message: "must hold only KMS API names as CloudTrail records them, such as DisableKey",
      kind: "eachMatches",
      pattern: EVENT_NAME.source,
    });
    check.later({ input, value: names, message: "must not repeat a name", kind: "distinctElements", ignoreCase: false });
  }
  if (!check.known(names)) return;
  const events = check.list(input, names);
  if (Array.isArray(names) && names.length === 0) check.problem(input, "must name at least one event; leave it out for the defaults");
  const seen = new Set<unknown>();
  for (const event of events) {
    if (!check.string(event.name, event.value)) continue;
    if (!EVENT_NAME.test(event.value)) {
      check.problem(event.name, `must be a KMS API name as CloudTrail records it, such as DisableKey (got ${showValue(event.value)})`);
    } else if (seen.has(event.value)) {
      check.problem(event.name, `repeats ${showValue(event.value)}`);
    }
    seen.add(event.value);
  }
}
