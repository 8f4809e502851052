// One store per HTTP request, on the Request the server hands Remix (remix-handler.server.ts), under a
// registered symbol (the server and the Remix build each bundle their own copy of this module). Remix
// hands a loader a copy of the request when it strips `?_routes=` (a data request), `?index` or `.data`,
// and the loaders after an action get a new GET request: the patches of `@remix-run/server-runtime`
// and `@remix-run/router` carry the store over to each copy (patches/README.md). It was an
// AsyncLocalStorage, which on Node 20 runs a hook for every promise of every request (decision 008,
// seventh pass).
const SCOPE = Symbol.for("innovation-region.request-scope");
type Scope = Map<string, unknown>;
type Scoped = Request & { [SCOPE]?: Scope };

/** Gives the request a store of its own, for the loaders and actions that will receive it or its copies. */
export function openRequestScope(request: Request): Request {
  (request as Scoped)[SCOPE] = new Map();
  return request;
}

/** The value cached under `key` for this request, computed once; outside a request, computed each time. */
export function oncePerRequest<T>(request: Request, key: string, compute: () => T): T {
  const scope = (request as Scoped)[SCOPE];
  if (!scope) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}

/**
 * A read that one loader of a request (a page) offers to make for another (its layout) inside the
 * page's own transaction, so the two share one BEGIN, settings and COMMIT (decision 008, ninth
 * pass). The page offers synchronously as its loader starts (`offerPerRequest`); the layout takes
 * the offer (`takeOffered`), which it can only do after its own first await, so before the page's
 * transaction has begun. The page calls `fill` inside its transaction, which sends the read only if
 * the layout took the offer (a client navigation that reloads only the page does not), and `close`
 * when its loader ends. Correctness never rests on that timing: a layout that finds no offer, or an
 * offer that was not filled or whose read failed, gets its own read (`own`), as before.
 */
export type Offer<T> = { fill(read: () => Promise<T>): void; close(): void };

type OfferState<T> = {
  own?: () => Promise<T>;
  closed: boolean;
  filled: boolean;
  promise: Promise<T>;
  resolve: (value: Promise<T> | T) => void;
};

/** The page's side: offer the read under `key` for this request (a no-op outside a request, or when the layout asked first). */
export function offerPerRequest<T>(request: Request, key: string): Offer<T> {
  let resolve!: (value: Promise<T> | T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  // Nobody may ever await it (the layout found it closed): never an unhandled rejection.
  promise.catch(() => {});
  const mine: OfferState<T> = { closed: false, filled: false, promise, resolve };
  const state = oncePerRequest<OfferState<T> | null>(request, `offer:${key}`, () => mine);
  const ours = state === mine ? mine : null;
  const settle = (value: () => Promise<T>) => {
    if (!ours || ours.filled) return;
    ours.filled = true;
    ours.resolve(value());
  };
  return {
    fill(read) {
      const own = ours?.own;
      if (!ours || ours.closed || !own) return;
      settle(() => read().catch(() => own()));
    },
    close() {
      if (!ours) return;
      ours.closed = true;
      if (ours.own) settle(ours.own);
    },
  };
}

/** The layout's side: the page's offered read under `key` if there is an open offer, else `own()`. */
export function takeOffered<T>(request: Request, key: string, own: () => Promise<T>): Promise<T> {
  const state = oncePerRequest<OfferState<T> | null>(request, `offer:${key}`, () => null);
  if (!state || state.closed) return own();
  state.own = own;
  return state.promise;
}
