import { expect } from "chai";
import { synthByok } from "../support/cdktf";
import { regionalAlias, rewriteForProviderV5 } from "../../scripts/harness/provider-v5";
import { validInput } from "../support/fixtures";

describe("the Terraform suite's rewrite for AWS provider 5 (no per-resource region)", () => {
  const { json } = synthByok({ ...validInput(), backupRegion: "eu-west-1" });
  const rewritten = rewriteForProviderV5(json);
  const resources = (config: Record<string, any>) =>
    Object.entries(config.resource).flatMap(([type, byAddress]) =>
      Object.entries(byAddress as object).map(([address, body]) => ({ address: `${type}.${address}`, body })),
    );

  it("moves every region argument onto an aliased provider for that region, changing nothing else", () => {
    const before = resources(json);
    const after = new Map(resources(rewritten).map((r) => [r.address, r.body]));
    expect(before.filter((r) => r.body.region !== undefined)).to.not.have.length(0);
    for (const { address, body } of before) {
      const moved = after.get(address);
      const { region, provider, ...rest } = body;
      const { provider: newProvider, ...newRest } = moved;
      expect(newRest, address).to.deep.equal(rest);
      if (region === undefined) expect(newProvider, address).to.equal(provider);
      else expect(newProvider, address).to.equal(`aws.${regionalAlias(provider, region)}`);
      expect(moved.region, address).to.equal(undefined);
    }
    expect(rewritten.provider.aws).to.deep.include({ ...json.provider.aws[0], alias: "default_eu_west_1", region: "eu-west-1" });
    expect(json.resource.aws_kms_replica_key).to.satisfy((r: object) => Object.values(r)[0].region === "eu-west-1");
  });

  it("copies the resource's own provider configuration for an aliased provider", () => {
    const config = {
      provider: { aws: [{ region: "us-east-1", alias: "virginia", profile: "ops" }] },
      resource: { aws_sns_topic: { t: { name: "x", region: "us-west-2", provider: "aws.virginia" } } },
    };
    const out = rewriteForProviderV5(config);
    expect(out.resource.aws_sns_topic.t).to.deep.equal({ name: "x", provider: "aws.virginia_us_west_2" });
    expect(out.provider.aws).to.deep.include({ alias: "virginia_us_west_2", region: "us-west-2", profile: "ops" });
  });
});
