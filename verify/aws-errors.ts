// What an AWS error means for a check: a permission the caller lacks (the check is skipped, the
// others go on), a key that is not there, or AWS out of reach altogether (verify stops: exit 2).

/** AWS could not be asked at all: no credentials, or no network to AWS. */
export class AwsUnreachableError extends Error {}

interface AwsError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const NO_CREDENTIALS = new Set([
  "CredentialsProviderError",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "ExpiredTokenException",
  "InvalidSignatureException",
]);
const NO_NETWORK = new Set(["ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "EAI_AGAIN", "ETIMEDOUT", "TimeoutError", "NetworkingError"]);

export function isAccessDenied(error: unknown): boolean {
  const e = error as AwsError;
  return /AccessDenied/.test(e?.name ?? "") || e?.$metadata?.httpStatusCode === 403;
}

export function isNotFound(error: unknown): boolean {
  return /NotFound/.test((error as AwsError)?.name ?? "");
}

/** Throws AwsUnreachableError, saying which, when `error` means AWS cannot be asked at all. */
export function throwIfUnreachable(error: unknown): void {
  const e = error as AwsError;
  if (NO_CREDENTIALS.has(e?.name ?? "")) {
    throw new AwsUnreachableError(
      `no usable AWS credentials (${e.name}: ${e.message}); set AWS_PROFILE, or sign in with "aws sso login" or "aws configure"`,
    );
  }
  if (NO_NETWORK.has(e?.name ?? "") || NO_NETWORK.has(e?.code ?? "")) {
    throw new AwsUnreachableError(
      `AWS could not be reached (${e.code ?? e.name}: ${e.message}); check the network, or AWS_ENDPOINT_URL if set`,
    );
  }
}

/** Why a check could not run, naming the permission a call needed. */
export function skippedBecause(error: unknown, permission: string): string {
  if (isAccessDenied(error)) return `could not run: the caller may not call ${permission} (AccessDenied)`;
  const e = error as AwsError;
  return `could not run: ${permission} failed (${e?.name ?? "Error"}: ${e?.message ?? String(error)})`;
}
