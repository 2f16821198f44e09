import * as pulumi from "@pulumi/pulumi";

/** Invokes answered by the mocks, by token, for the current mock session. */
export const invokeCounts = new Map<string, number>();

export interface RegisteredResource {
  type: string;
  name: string;
  inputs: Record<string, any>;
  id: string;
  state: Record<string, any>;
}

export interface MockOptions {
  /** The region the mocked AWS provider deploys to. */
  providerRegion?: string;
  accountId?: string;
  preview?: boolean;
  /** Stack config, `project:key` to value, as `pulumi config set` stores it. */
  config?: Record<string, string>;
  project?: string;
}

/**
 * Installs Pulumi mocks that answer like AWS would for the resources the package creates, and
 * records every resource registered. Returns the live list.
 */
export function installPulumiMocks(options: MockOptions = {}): RegisteredResource[] {
  const region = options.providerRegion ?? "eu-central-1";
  const accountId = options.accountId ?? "111122223333";
  const registered: RegisteredResource[] = [];
  invokeCounts.clear();
  pulumi.runtime.setAllConfig(options.config ?? {});
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        const where = (args.inputs.region as string | undefined) ?? region;
        const id = `${args.name}-id`;
        const state: Record<string, any> = { ...args.inputs, region: where };
        switch (args.type) {
          case "aws:kms/key:Key":
          case "aws:kms/replicaKey:ReplicaKey":
            state.keyId = `mrk-${args.name}`;
            state.arn = `arn:aws:kms:${where}:${accountId}:key/mrk-${args.name}`;
            break;
          case "aws:sns/topic:Topic":
            state.arn = `arn:aws:sns:${where}:${accountId}:${args.inputs.name}`;
            break;
          case "aws:cloudwatch/eventRule:EventRule":
            state.arn = `arn:aws:events:${where}:${accountId}:rule/${args.inputs.name}`;
            break;
          case "aws:cloudwatch/metricAlarm:MetricAlarm":
            state.arn = `arn:aws:cloudwatch:${where}:${accountId}:alarm:${args.inputs.name}`;
            break;
          default:
            state.arn = `arn:aws:mock:${where}:${accountId}:${args.name}`;
        }
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, id, state });
        return { id, state };
      },
      call(args) {
        invokeCounts.set(args.token, (invokeCounts.get(args.token) ?? 0) + 1);
        switch (args.token) {
          case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId, arn: `arn:aws:iam::${accountId}:user/deployer`, userId: "AIDAEXAMPLE", id: accountId };
          case "aws:index/getRegion:getRegion":
            return { region, name: region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
          default:
            throw new Error(`the test mocks do not answer ${args.token}`);
        }
      },
    },
    options.project ?? "camunda-byok-test",
    "test",
    options.preview ?? false,
  );
  return registered;
}

/** An Output's value, or the error its computation threw. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as any).promise() as Promise<T>;
}

export function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as any).isSecret as Promise<boolean>;
}

/** Lets Pulumi finish registering what was started (registrations are asynchronous). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
