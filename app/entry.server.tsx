import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { documentResponse } from "~/platform/http/document-body";
import { RETRY_AFTER_SECONDS } from "~/platform/http/outage.server";
import { NonceProvider } from "~/ui/nonce";
import { startJobRunner } from "~/platform/jobs/runner.server";
import { jobs } from "./jobs.server";
import "./header-links.server";

const ABORT_DELAY = 5_000;

/**
 * The whole document, rendered before anything is sent, for people and bots alike: no route
 * defers data, so by the time React renders, every loader has answered and streaming the shell
 * first gained nothing. React writes into memory and the server sends the page in one write,
 * with its length (decision 008, §3rd pass), instead of through a PassThrough, a web stream and
 * the adapter's reader. Single fetch's data (`StreamTransfer`) still suspends while it is
 * encoded, so this waits for `onAllReady` rather than using renderToString.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Uint8Array[] = [];
    // What React's pipe uses of a Node stream: it writes, ends, and listens for drain/error/close.
    const sink = {
      write: (chunk: Uint8Array) => chunks.push(chunk) > 0,
      end: () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(body.byteLength));
        resolve(documentResponse(body, { headers: responseHeaders, status: responseStatusCode }));
      },
      on: () => sink,
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(sink as unknown as NodeJS.WritableStream);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          // A failure inside a Suspense boundary (single fetch's data): the page is sent as a 500, as
          // it was to bots before. Remix logs a failure of the shell itself (onShellError).
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

// A 503 from a data request (client-side navigation, a form sent with JavaScript) says when to retry too.
export function handleDataRequest(response: Response) {
  if (response.status === 503 && !response.headers.has("Retry-After")) response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return response;
}

// Background services the server process starts from this same build, so they share its modules
// (one connection pool, one environment) with the request handlers.
export { startMailWorker } from "~/platform/mail/worker.server";
export { closeSql, statementCount } from "~/platform/db/sql.server";
export const startJobs = () => startJobRunner(jobs);
export { answerOutages } from "~/platform/http/outage.server";
export { checkFileStore } from "~/platform/storage/files.server";
