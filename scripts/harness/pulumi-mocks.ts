import * as pulumi from "@pulumi/pulumi";
import { awsMocks, type ExistingKey, outputValue } from "../../pulumi/testing";

/** Invokes answered by the mocks, by token, for the current mock session. */
export const invokeCounts = new Map<string, number>();

export interface RegisteredResource {
  type: string;
  name: string;
  inputs: Record<string, any>;
  id: string;
  state: Record<string, any>;
  /** The id it was imported with (the `import` resource option), if any. */
  importId?: string;
}

export interface MockOptions {
  /** The region the mocked AWS provider deploys to. */
  providerRegion?: string;
  accountId?: string;
  preview?: boolean;
  /** Stack config, `project:key` to value, as `pulumi config set` stores it. */
  config?: Record<string, string>;
  project?: string;
  /** Who deploys, and the account's roles a session resolves to (see awsMocks). */
  callerArn?: string;
  roleArns?: readonly string[];
  /** Keys made by hand, for adoption (see awsMocks). */
  existingKeys?: readonly ExistingKey[];
}

/**
 * Installs Pulumi mocks that answer like AWS would for the resources the package creates, and
 * records every resource registered. Returns the live list.
 */
export function installPulumiMocks(options: MockOptions = {}): RegisteredResource[] {
  const aws = awsMocks({
    region: options.providerRegion ?? "eu-central-1",
    accountId: options.accountId ?? "111122223333",
    ...(options.callerArn ? { callerArn: options.callerArn } : {}),
    ...(options.roleArns ? { roleArns: options.roleArns } : {}),
    ...(options.existingKeys ? { existingKeys: options.existingKeys } : {}),
  });
  const registered: RegisteredResource[] = [];
  invokeCounts.clear();
  pulumi.runtime.setAllConfig(options.config ?? {});
  pulumi.runtime.setMocks(
    {
      async newResource(args) {
        const { id, state } = await aws.newResource(args);
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          id: id as string,
          state,
          ...(args.id ? { importId: args.id } : {}),
        });
        return { id, state };
      },
      call(args) {
        invokeCounts.set(args.token, (invokeCounts.get(args.token) ?? 0) + 1);
        return aws.call(args);
      },
    },
    options.project ?? "camunda-byok-test",
    "test",
    options.preview ?? false,
  );
  return registered;
}

/** An Output's value, or the error its computation threw. */
export const settledValue = outputValue;

export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as any).isSecret as Promise<boolean>;
}

/** Lets Pulumi finish registering what was started (registrations are asynchronous). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
