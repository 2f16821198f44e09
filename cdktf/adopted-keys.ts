import { Fn, Token, type TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { DataAwsKmsKey } from "@cdktf/provider-aws/lib/data-aws-kms-key";
import { ADOPTED_KEY_ATTRIBUTES, type AdoptedKeyField } from "../shared/internal";

// The keys an adoption names (adoptKeyId, adoptReplicaKeyId), read by `data "aws_kms_key"` as the
// Terraform module reads them: the core's checks on them become preconditions that stop the plan
// before an adoption that would replace a key.

/** A field of an adopted key, as a Terraform expression over the data source (the core says where it is). */
function field(data: DataAwsKmsKey, name: AdoptedKeyField): unknown {
  const { attribute, path, otherwise, text } = ADOPTED_KEY_ATTRIBUTES[name];
  if (path !== undefined) {
    const value = Fn.try([data.interpolationForAttribute(`${attribute}${path}`), otherwise]);
    return Array.isArray(otherwise) ? Token.asList(value) : value;
  }
  const value = data.interpolationForAttribute(attribute);
  return text ? Fn.tostring(value) : Token.asString(value);
}

export class AdoptedKeyReads {
  private readonly sources = new Map<string, DataAwsKmsKey>();

  constructor(
    private readonly scope: Construct,
    private readonly input: { adoptKeyId?: string; adoptReplicaKeyId?: string; backupRegion?: string },
    private readonly provider?: TerraformProvider,
  ) {}

  /** The reference for `adoptedKey.<field>` or `adoptedReplica.<field>`; undefined for any other name. */
  reference(name: string): unknown {
    const [which, name_] = name.split(".");
    if (which !== "adoptedKey" && which !== "adoptedReplica") return undefined;
    return field(this.source(which), name_ as AdoptedKeyField);
  }

  private source(which: "adoptedKey" | "adoptedReplica"): DataAwsKmsKey {
    let source = this.sources.get(which);
    if (!source) {
      const replica = which === "adoptedReplica";
      source = new DataAwsKmsKey(this.scope, replica ? "adopted-replica" : "adopted-key", {
        keyId: (replica ? this.input.adoptReplicaKeyId : this.input.adoptKeyId) as string,
        ...(replica ? { region: this.input.backupRegion } : {}),
        ...(this.provider ? { provider: this.provider } : {}),
      });
      this.sources.set(which, source);
    }
    return source;
  }
}
