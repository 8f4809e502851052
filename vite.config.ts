import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import { fileURLToPath } from "node:url";
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

export default defineConfig({
  plugins: [browserI18n, remix(remixConfig)],
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "~emails": fileURLToPath(new URL("./emails", import.meta.url)),
    },
  },
  server: { port: 3000 },
});
