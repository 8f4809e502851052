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
