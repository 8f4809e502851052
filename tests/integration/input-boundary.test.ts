import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/platform/db/errors.server";
import { asService, asUser, type Tx } from "~/platform/db/transaction.server";
import { guardBuild } from "~/platform/http/guard.server";
import { tFor } from "~/platform/i18n/i18n";
import { createUser } from "../support/factories";

// A database error caused by what was sent is the sender's input error (400), never a bug (500),
// and its transaction writes nothing.
const CAUSED_BY_INPUT: [code: string, what: string, statement: (tx: Tx) => Promise<unknown>][] = [
  ["22P02", "a malformed id", (tx) => tx`select ${"not-a-uuid"}::uuid`],
  ["22021", "a NUL byte in text", (tx) => tx`select ${"Bình\u0000Dương"}::text`],
  ["22001", "a value too long", async (tx) => {
    await tx`create temp table short_names (name varchar(3)) on commit drop`;
    await tx`insert into short_names values (${"Bình Dương"})`;
  }],
  ["22003", "a number out of range", (tx) => tx`select ${"2147483647"}::int + 1`],
  ["22007", "a malformed date", (tx) => tx`select (${"next tuesday-ish"}::text)::date`],
  ["22008", "a date out of range", (tx) => tx`select (${"2026-13-45"}::text)::date`],
  ["22P05", "a NUL escape in JSON", (tx) => tx`select (${'{"a":"\\u0000"}'}::text)::jsonb ->> 'a'`],
  ["23514", "a failed check", (tx) => tx`insert into public.organisations (slug, kind, name_vi, name_en) values ('ok-slug', 'incubator', '', 'x')`],
  ["23502", "a missing value", (tx) => tx`insert into public.organisations (slug, kind, name_vi, name_en) values ('ok-slug-2', 'incubator', null, 'x')`],
  ["23503", "a reference to nothing", (tx) => tx`insert into public.startup_members (startup_id, user_id, role) values (gen_random_uuid(), gen_random_uuid(), 'founder')`],
];

const organisations = () => asService((tx) => tx<{ n: number }[]>`select count(*)::int as n from public.organisations`).then(([r]) => r!.n);

describe("a database error caused by input", () => {
  it.each(CAUSED_BY_INPUT)("%s (%s) is an input error and writes nothing", async (code, _what, statement) => {
    const before = await organisations();
    const attempt = asService(async (tx) => {
      await tx`insert into public.organisations (slug, kind, name_vi, name_en) values ('written-first', 'incubator', 'Tổ chức', 'Organisation')`;
      return statement(tx);
    });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ code });
    expect(await organisations()).toBe(before);
  });

  it("answers 400 with the translated message from any loader or action, through the build's guard", async () => {
    const user = await createUser();
    const action = () => asUser(user.claims, (tx) => tx`select ${"1e400"}::numeric::float8`);
    const page = { id: "routes/x", parentId: "root", path: "x", module: { action, loader: action, default: () => null } };
    // a resource route (no component, so no error page): a script's endpoint
    const resource = { id: "routes/y", parentId: "root", path: "y", module: { action, loader: action } };
    const build = { routes: { "routes/x": page, "routes/y": resource } } as unknown as ServerBuild;
    const guarded = guardBuild(build).routes;
    const args = { request: new Request("http://localhost/x", { method: "POST", body: "a=1", headers: { "accept-language": "vi" } }), params: {}, context: {} };
    for (const handler of [guarded["routes/x"]!.module.action!, guarded["routes/x"]!.module.loader!]) {
      const answer = await (handler(args as never) as Promise<unknown>).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      // the page's error boundary translates it
      expect(answer).toMatchObject({ init: { status: 400 }, data: { message: "errors.badInput" } });
    }
    for (const handler of [guarded["routes/y"]!.module.action!, guarded["routes/y"]!.module.loader!]) {
      const answer = (await handler(args as never)) as Response;
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ message: tFor("vi")("errors.badInput") });
    }
  });
});
