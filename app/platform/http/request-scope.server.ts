import { AsyncLocalStorage } from "node:async_hooks";

// One store per HTTP request, opened by the server before Remix runs. Remix hands each loader its
// own Request object, so per-request work (who is signing in) is cached here instead. Kept on
// globalThis because the server and the Remix build each bundle their own copy of this module.
const KEY = Symbol.for("innovation-region.request-scope");
type Scope = Map<string, unknown>;
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Scope> | undefined>;
export const requestScope: AsyncLocalStorage<Scope> = (holder[KEY] ??= new AsyncLocalStorage<Scope>());

/** The value cached under `key` for this request, computed once; outside a request, computed each time. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const scope = requestScope.getStore();
  if (!scope) return compute();
  if (!scope.has(key)) scope.set(key, compute());
  return scope.get(key) as T;
}
