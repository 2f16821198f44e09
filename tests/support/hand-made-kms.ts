// aws-sdk-client-mock answering for hand-made keys, by region (a replica shares its primary's id).
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListResourceTagsCommand,
  NotFoundException,
} from "@aws-sdk/client-kms";
import { mockClient } from "aws-sdk-client-mock";
import type { HandMadeKey } from "./hand-made-keys";

type Client = { config: { region: () => Promise<string> } };

export function mockHandMadeKms(keys: HandMadeKey[], aliasTargets: Record<string, string> = {}) {
  const kms = mockClient(KMSClient);
  const find = async (keyId: string, getClient: () => unknown) => {
    const region = await (getClient() as Client).config.region();
    const id = keyId.slice(keyId.lastIndexOf("/") + 1);
    const alias = keyId.includes("alias/") ? keyId.slice(keyId.indexOf("alias/")) : undefined;
    const target = alias ? aliasTargets[`${region}:${alias}`] : id;
    const key = keys.find((k) => k.region === region && (k.id === target || (alias !== undefined && k.aliases.includes(alias))));
    if (!key) throw new NotFoundException({ message: `Key '${keyId}' does not exist`, $metadata: { httpStatusCode: 400 } });
    return key;
  };
  kms.on(DescribeKeyCommand).callsFake(async (input, getClient) => ({ KeyMetadata: (await find(input.KeyId, getClient)).metadata }));
  kms.on(GetKeyPolicyCommand).callsFake(async (input, getClient) => ({
    Policy: JSON.stringify((await find(input.KeyId, getClient)).policy),
    PolicyName: "default",
  }));
  kms.on(GetKeyRotationStatusCommand).callsFake(async (input, getClient) => (await find(input.KeyId, getClient)).rotation);
  kms
    .on(ListResourceTagsCommand)
    .callsFake(async (input, getClient) => ({ Tags: (await find(input.KeyId, getClient)).tags, Truncated: false }));
  kms.on(ListAliasesCommand).callsFake(async (input, getClient) => {
    const key = await find(input.KeyId, getClient);
    return { Aliases: key.aliases.map((name) => ({ AliasName: name, TargetKeyId: key.id })), Truncated: false };
  });
  return kms;
}
