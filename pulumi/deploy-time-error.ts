// The error a Pulumi update fails with when a value known only at deploy time is bad (a provider in
// another region, an Output input): the core's ByokValidationError, reported as Pulumi reports a
// ResourceError, once, against the component, without a stack trace.
import type * as pulumi from "@pulumi/pulumi";
import { ByokValidationError } from "../shared";

export class DeployTimeByokError extends ByokValidationError {
  /** What `pulumi.ResourceError.isInstance` looks for: the engine then logs `message` on `resource`. */
  readonly __pulumResourceError = true;
  readonly hideStack = true;

  constructor(
    cause: ByokValidationError,
    readonly resource: pulumi.Resource,
  ) {
    super(cause.problems);
    const message = this.message;
    // @pulumi/pulumi prefixes `error serializing property "x": ` to the same error object at every
    // property the failed value flows through, burying the message under a dozen prefixes; the
    // user must read the package's message first, once.
    Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: true });
  }
}
