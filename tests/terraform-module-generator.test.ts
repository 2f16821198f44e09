import { expect } from "chai";
import fc from "fast-check";
import { ChoiceSpace, type Variant } from "../scripts/terraform-module/choices";
import { printAttributes, printHcl, quoted } from "../scripts/terraform-module/hcl";
import { mergeSamples } from "../scripts/terraform-module/merge";
import { expression, listExpression } from "../scripts/terraform-module/symbols";

// The generator's parts on their own; terraform-module.test.ts runs what they make in Terraform.

const SPACE = new ChoiceSpace(["a", "b", "c", "d"].map((name) => ({ name, when: name, unless: `!${name}` })));

/** A condition the generator wrote, evaluated for a variant (its literals are plain JavaScript). */
function holds(condition: string | undefined, variant: Variant): boolean {
  if (condition === undefined) return true;
  const values = Object.fromEntries(SPACE.choices.map((choice) => [choice.name, SPACE.taken(variant, choice.name)]));
  return new Function(...Object.keys(values), `return ${condition};`)(...Object.values(values)) as boolean;
}

describe("Terraform module generator", () => {
  describe("conditions", () => {
    it("hold in exactly the variants given, within the domain, whatever the sets", () => {
      const all = SPACE.variants();
      fc.assert(
        fc.property(fc.subarray(all, { minLength: 1 }), fc.func(fc.boolean()), (domain, pick) => {
          const members = domain.filter((variant) => pick(variant));
          if (members.length === 0) return;
          const condition = SPACE.condition(members, domain);
          for (const variant of domain) expect(holds(condition, variant), `${condition} at ${variant}`).to.equal(members.includes(variant));
        }),
      );
    });

    it("are the fewest choices when a conjunction says it, and every shared one when asked", () => {
      const all = SPACE.variants();
      const members = all.filter((variant) => SPACE.taken(variant, "a") && !SPACE.taken(variant, "c"));
      expect(SPACE.condition(members, all)).to.equal("a && !c");
      const domain = all.filter((variant) => !SPACE.taken(variant, "b") || SPACE.taken(variant, "a"));
      const withB = members.filter((variant) => domain.includes(variant) && SPACE.taken(variant, "b"));
      expect(SPACE.condition(withB, domain)).to.equal("b && !c");
      expect(SPACE.condition(withB, domain, false)).to.equal("a && b && !c");
      expect(SPACE.condition(all, all)).to.equal(undefined);
    });
  });

  describe("merging what the variants build", () => {
    const all = SPACE.variants();
    const sample = (value: (variant: Variant) => unknown) => all.map((variant) => ({ variant, value: value(variant) }));
    const a = (variant: Variant) => SPACE.taken(variant, "a");

    it("keeps equal values plain, and a boolean that follows a choice is the choice", () => {
      expect(
        printHcl(
          mergeSamples(
            SPACE,
            sample(() => "x"),
            "argument",
            "t",
          ),
        ),
      ).to.equal('"x"');
      expect(
        printHcl(
          mergeSamples(
            SPACE,
            sample((v) => a(v)),
            "argument",
            "t",
          ),
        ),
      ).to.equal("a");
      expect(
        printHcl(
          mergeSamples(
            SPACE,
            sample((v) => !a(v)),
            "argument",
            "t",
          ),
        ),
      ).to.equal("!a");
    });

    it("leaves out an argument some variants lack (null), and refuses to in a document", () => {
      expect(
        printHcl(
          mergeSamples(
            SPACE,
            sample((v) => (a(v) ? 90 : undefined)),
            "argument",
            "t",
          ),
        ),
      ).to.equal("a ? 90 : null");
      expect(() =>
        mergeSamples(
          SPACE,
          sample((v) => ({ $json: a(v) ? { k: 1 } : {} })),
          "argument",
          "t",
        ),
      ).to.throw(/cannot leave out/);
    });

    it("puts list elements some variants lack in a concat, each under its condition, in every variant's order", () => {
      const merged = printHcl(
        mergeSamples(
          SPACE,
          sample((v) => [...(a(v) ? ["first"] : []), "always", ...(SPACE.taken(v, "b") ? [{ x: 1 }] : [])]),
          "argument",
          "t",
        ),
      );
      expect(merged).to.equal('concat(\n  a ? ["first"] : [],\n  ["always"],\n  b ? [\n    {\n      x = 1\n    },\n  ] : [],\n)');
    });

    it("merges equal-length lists element by element", () => {
      const merged = printHcl(
        mergeSamples(
          SPACE,
          sample((v) => [{ arns: ["r1", ...(a(v) ? ["r2"] : [])] }]),
          "argument",
          "t",
        ),
      );
      expect(merged).to.equal('[\n  {\n    arns = concat(["r1"], a ? ["r2"] : [])\n  },\n]');
    });

    it("splices a stand-in for a whole list, and writes a stand-in in a string as an interpolation", () => {
      expect(
        printHcl(
          mergeSamples(
            SPACE,
            sample(() => ["x", ...listExpression("var.names")]),
            "argument",
            "t",
          ),
        ),
      ).to.equal('concat(["x"], var.names)');
      expect(
        printHcl(
          mergeSamples(
            SPACE,
            sample(() => `alias/${expression("var.name")}`),
            "argument",
            "t",
          ),
        ),
      ).to.equal('"alias/${var.name}"');
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
