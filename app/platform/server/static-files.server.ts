import express from "express";
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The production build's client files, served by express.static, but only for paths the build
 * holds: express.static looks the path up on disk (a `stat`) for every request, pages included,
 * which cost 3-7 % of a page's CPU (decision 008). The build does not change while the server
 * runs, so its list of files and folders is read once at start; any other path goes on to Remix
 * without touching the disk, as it did after express.static found nothing.
 */
export function buildStaticFiles(root: string): express.RequestHandler {
  const known = new Set(listPaths(root));
  const assets = express.static(path.join(root, "assets"), { immutable: true, maxAge: "1y" });
  const others = express.static(root, { maxAge: "1h" });
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (!known.has(file.replace(/\/+$/, ""))) return next();
    if (file.startsWith("/assets/")) {
      // as when mounted at /assets: the file's path below the folder
      const url = req.url;
      req.url = url.slice("/assets".length);
      return assets(req, res, (error?: unknown) => {
        req.url = url;
        next(error);
      });
    }
    return others(req, res, next);
  };
}

/** Every file and folder below `root`, as URL paths ("/assets/app-123.js", "/assets"). */
function listPaths(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" }).map((p) => "/" + p.split(path.sep).join("/"));
}
