import { route, type RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// BENCH_EXTRA_ROUTES=150 (at build time) adds that many generated pages, static and dynamic, so
// `npm run bench` can show what route matching costs as capabilities are added (issue 17; it builds
// them into a second build directory, tests/load/extra-routes.ts).
const extra = Number(process.env.BENCH_EXTRA_ROUTES ?? 0);
const generated = Array.from({ length: extra }, (_, i) =>
  route(i % 3 === 0 ? `bench/generated-${i}` : `bench/generated-${i}/:id${i % 3 === 2 ? "/edit" : ""}`, "routes/bench.empty.tsx", { id: `bench-generated-${i}` }),
);

export default flatRoutes({ ignoredRouteFiles: ["**/*.test.*", "**/.*"] }).then((routes) => [...routes, ...generated]) satisfies RouteConfig;
