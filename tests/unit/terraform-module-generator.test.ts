import { expect } from "chai";
import fc from "fast-check";
import { type Condition, decide, type Knowledge } from "../../shared/internal";
import { conditionHcl, negate } from "../../scripts/terraform-module/conditions-hcl";
import { printAttributes, printHcl, quoted } from "../../scripts/terraform-module/hcl";
import { implies, ModulePrinter } from "../../scripts/terraform-module/module-printer";
import { expression } from "../../scripts/terraform-module/unknowns";

// The generator's parts on their own; terraform-module.test.ts runs what they make in Terraform.

const INPUTS = ["a", "b", "c"];

/** Conditions over three inputs: set, true, non-empty, includes, and their combinations. */
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...INPUTS).map((input): Condition => ({ $set: input })),
    fc.constantFrom(...INPUTS).map((input): Condition => ({ $true: input })),
    fc.constantFrom(...INPUTS).map((input): Condition => ({ $nonEmpty: input })),
    fc.constantFrom(...INPUTS).map((input): Condition => ({ $includes: input, value: "x" })),
    tie("c").map((inner): Condition => ({ $not: inner })),
    fc.array(tie("c"), { minLength: 2, maxLength: 3 }).map((parts): Condition => ({ $all: parts })),
    fc.array(tie("c"), { minLength: 2, maxLength: 3 }).map((parts): Condition => ({ $any: parts })),
  ),
})).c;

/** Values each input may take: null, a boolean, or a list. */
const values = fc.record(
  Object.fromEntries(INPUTS.map((input) => [input, fc.oneof(fc.constant(null), fc.boolean(), fc.constantFrom([], ["x"], ["y"]))])),
);

/** Terraform's reading of a printed condition, for the few functions and operators the printer uses. */
function terraformHolds(hcl: string, vars: Record<string, unknown>): boolean {
  const js = hcl.replace(/\bvar\./g, "v.");
  const length = (list: unknown) => (Array.isArray(list) ? list.length : Number.NaN);
  const contains = (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item);
  return Boolean(new Function("v", "length", "contains", `return (${js});`)(vars, length, contains));
}

describe("Terraform module generator", () => {
  describe("conditions as HCL", () => {
    it("hold exactly where the core decides they hold, whatever the inputs", () => {
      fc.assert(
        fc.property(condition, values, (c, vars) => {
          const knowledge: Knowledge = { valueOf: (name) => vars[name] ?? undefined, isUnknown: () => false, mayBeNull: () => false };
          // $true and $includes read booleans and lists only; other values make Terraform fail, not decide.
          const typed = JSON.stringify(c).match(/"\$(true|nonEmpty|includes)":"(\w)"/g) ?? [];
          for (const part of typed) {
            const [, kind, input] = /"\$(\w+)":"(\w)"/.exec(part)!;
            const value = vars[input];
            if (kind === "true" ? typeof value !== "boolean" : !Array.isArray(value)) return;
          }
          expect(terraformHolds(conditionHcl(c), vars), conditionHcl(c)).to.equal(decide(c, knowledge));
        }),
        { numRuns: 400 },
      );
    });

    it("push negations inward, as a person writes them", () => {
      const c: Condition = { $not: { $all: [{ $set: "backupAlertTopicArn" }, { $not: { $set: "backupRegion" } }] } };
      expect(conditionHcl(c)).to.equal("var.backup_alert_topic_arn == null || var.backup_region != null");
      expect(conditionHcl({ $all: [{ $true: "a" }, { $any: [{ $set: "b" }, { $nonEmpty: "c" }] }] })).to.equal(
        "var.a && (var.b != null || length(var.c) > 0)",
      );
      expect(negate(negate({ $true: "a" }))).to.deep.equal({ $true: "a" });
    });
  });

  describe("values as HCL", () => {
    const printer = new ModulePrinter({
      resources: [
        {
          kind: "snsTopic",
          logicalId: "topic",
          site: "primary",
          preventDestroy: false,
          when: { $not: { $set: "alertTopicArn" } },
          settings: { name: "t", tags: {} },
        },
        { kind: "kmsKey", logicalId: "key", site: "primary", preventDestroy: false, settings: {} as never },
      ],
      names: { topic: "alerts", key: "this" },
    });
    const print = (value: unknown, within?: Condition) => printHcl(printer.converter(within).convert(value));

    it("puts list elements that exist only under a condition in a concat, in order", () => {
      const list = ["first", { $if: { $true: "a" }, $then: "maybe" }, "last"];
      expect(print(list)).to.equal('concat(["first"], var.a ? ["maybe"] : [], ["last"])');
    });

    it("merges object members that exist only under a condition, writing the rest once", () => {
      const object = { Sid: "S", Condition: { $if: { $true: "restrict" }, $then: { Bool: { k: "true" } } } };
      expect(print(object)).to.equal(
        'merge(\n  {\n    Sid = "S"\n  },\n  var.restrict ? {\n    Condition = {\n      Bool = {\n        k = "true"\n      }\n    }\n  } : {},\n)',
      );
    });

    it("writes a boolean that follows a condition as the condition, and an absent setting as null", () => {
      expect(print({ $if: { $set: "backupRegion" }, $then: true, $else: false })).to.equal("var.backup_region != null");
      expect(print({ $if: { $true: "rotate" }, $then: 365 })).to.equal("var.rotate ? 365 : null");
    });

    it("reads a resource that may not exist with [0] only where its condition holds, else with one()", () => {
      expect(print({ $ref: "topic.arn" })).to.equal("one(aws_sns_topic.alerts[*].arn)");
      expect(print({ $ref: "topic.arn" }, { $not: { $set: "alertTopicArn" } })).to.equal("aws_sns_topic.alerts[0].arn");
      expect(print({ $if: { $set: "alertTopicArn" }, $then: expression("var.alert_topic_arn"), $else: { $ref: "topic.arn" } })).to.equal(
        "var.alert_topic_arn != null ? var.alert_topic_arn : aws_sns_topic.alerts[0].arn",
      );
      expect(implies({ $all: [{ $set: "x" }, { $true: "y" }] }, { $true: "y" })).to.equal(true);
      expect(implies({ $true: "y" }, { $set: "x" })).to.equal(false);
    });

    it("writes a stand-in in a string as an interpolation, and computed values as Terraform functions", () => {
      expect(print(`alias/${expression("var.name")}`)).to.equal('"alias/${var.name}"');
      expect(print({ $join: ["arn:", { $ref: "key.arn" }, ":x"] })).to.equal('"arn:${aws_kms_key.this.arn}:x"');
      expect(print({ $fn: "distinct", of: expression("var.admins") })).to.equal("distinct(var.admins)");
      expect(print({ $fn: "accountOfArn", of: expression("var.role") })).to.equal('split(":", var.role)[4]');
    });
  });

  describe("HCL text", () => {
    it("quotes strings so that Terraform reads them back as written", () => {
      expect(quoted('a "b" \\d ${x} %{y}\n')).to.equal('"a \\"b\\" \\\\d $${x} %%{y}\\n"');
    });

    it("aligns = over runs of one-line attributes, as terraform fmt does", () => {
      const text = printAttributes(
        [
          ["a", { kind: "value", value: 1 }],
          ["long_name", { kind: "value", value: 2 }],
          ["object", { kind: "object", entries: [["k", { kind: "value", value: "v" }]] }],
          ["b", { kind: "value", value: 3 }],
        ],
        0,
      );
      expect(text).to.equal('a         = 1\nlong_name = 2\nobject = {\n  k = "v"\n}\nb = 3\n');
    });
  });
});
