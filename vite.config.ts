import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// In the browser, i18next and react-i18next are replaced by the few functions the app uses
// (app/platform/i18n/browser, 16 kB gzipped less on every page, decision 008); the server keeps them.
const browserI18n: Plugin = {
  name: "browser-i18n",
  enforce: "pre",
  resolveId(id, _importer, options) {
    if (options?.ssr) return null;
    if (id === "i18next") return fileURLToPath(new URL("./app/platform/i18n/browser/i18next.ts", import.meta.url));
    if (id === "react-i18next") return fileURLToPath(new URL("./app/platform/i18n/browser/react-i18next.tsx", import.meta.url));
    return null;
  },
};

// The production server's own entries (app/platform/server/main.ts and worker.ts, with the platform
// modules they import) compiled to build/main.js and build/worker.js after the server build, so
// `npm start` and the tests run plain JavaScript. Run through tsx, the process carried its loader,
// source maps and a second, TypeScript-compiled copy of those modules: 265–280 MB resident at idle
// against 150 (decision 008). Packages stay imports of node_modules, as in the Remix build.
let ssrBuild = false;
// `npm run bench` builds the app a second time with 150 more routes (app/routes.ts) beside the
// production build, to measure what they cost (tests/load/extra-routes.ts): only the Remix build there.
const buildDirectory = process.env.BENCH_BUILD_DIRECTORY ?? "build";
const serverEntries: Plugin = {
  name: "server-entries",
  apply: "build",
  configResolved(config) {
    ssrBuild = Boolean(config.build.ssr);
  },
  async closeBundle() {
    if (!ssrBuild || buildDirectory !== "build") return;
    await esbuild({
      entryPoints: ["app/platform/server/main.ts", "app/platform/server/worker.ts"],
      outdir: "build",
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "warning",
    });
  },
};

export default defineConfig({
  plugins: [browserI18n, remix({ ...remixConfig, buildDirectory }), serverEntries],
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "~emails": fileURLToPath(new URL("./emails", import.meta.url)),
    },
  },
  server: { port: 3000 },
});
