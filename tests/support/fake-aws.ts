// A fake AWS endpoint on 127.0.0.1 for end-to-end tests through the SDK's real HTTP stack
// (AWS_ENDPOINT_URL): the JSON protocols (x-amz-target: KMS, CloudTrail, EventBridge, CloudWatch)
// and SNS's query protocol. It records every request: operation, signing region and access key.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  operation: string;
  /** The region in the request's SigV4 credential scope. */
  region: string;
  accessKeyId: string;
  body: Record<string, unknown>;
}

export type FakeAnswer = { status?: number; json?: unknown; xml?: string; errorType?: string };
export type FakeHandler = (request: RecordedRequest) => FakeAnswer;

export interface FakeAws {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function read(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

export async function startFakeAws(handlers: Record<string, FakeHandler>, options: { delayMs?: number } = {}): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    const text = await read(request);
    const target = String(request.headers["x-amz-target"] ?? "");
    const form = new URLSearchParams(target ? "" : text);
    const operation = target ? target.slice(target.lastIndexOf(".") + 1) : (form.get("Action") ?? "");
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(String(request.headers.authorization ?? ""));
    const recorded: RecordedRequest = {
      operation,
      region: scope?.[2] ?? "",
      accessKeyId: scope?.[1] ?? "",
      body: target ? (text ? JSON.parse(text) : {}) : Object.fromEntries(form),
    };
    requests.push(recorded);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const handler = handlers[operation];
    const answer: FakeAnswer = handler
      ? handler(recorded)
      : { status: 400, errorType: "UnknownOperationException", json: { message: `fake AWS has no ${operation}` } };
    const status = answer.status ?? 200;
    if (answer.xml !== undefined) {
      response.writeHead(status, { "content-type": "text/xml" }).end(answer.xml);
      return;
    }
    const json = answer.errorType
      ? { __type: answer.errorType, message: (answer.json as { message?: string })?.message ?? answer.errorType }
      : (answer.json ?? {});
    response
      .writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        ...(answer.errorType ? { "x-amzn-errortype": answer.errorType } : {}),
      })
      .end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
