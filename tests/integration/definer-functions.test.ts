import { beforeAll, describe, expect, it } from "vitest";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createStartup, createUser, type TestUser } from "../support/factories";
import { createApplication, createCall, createProgram } from "../support/application-factories";

// security definer functions are an API: each checks its caller, or no signed-in user or visitor
// may execute it. (The full who-may-call-what table is in rls-matrix.test.ts.)
let founder: TestUser;
let manager: TestUser;
let stranger: TestUser;
let app: string;

beforeAll(async () => {
  [founder, manager, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
  const org = await createOrg();
  await addMember(org.id, manager.id, "manager");
  const call = await createCall((await createProgram(org.id)).id);
  app = await createApplication(call.id, (await createStartup(founder.id)).id, founder.id);
});

describe("security definer functions", () => {
  it("all pin search_path", async () => {
    const unpinned = await asService(
      (tx) => tx<{ fn: string }[]>`
        select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and p.prosecdef
           and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
    );
    expect(unpinned).toEqual([]);
  });

  it("leave no trigger function executable by visitors or signed-in users", async () => {
    const callable = await asService(
      (tx) => tx<{ fn: string }[]>`
        select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and p.prorettype = 'trigger'::regtype
           and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
         order by 1`,
    );
    expect(callable).toEqual([]);
  });

  it("tell nobody but the call's managers whether a person is tied to the startup behind an application", async () => {
    const conflicted = (who: TestUser, person: string) =>
      asUser(who.claims, async (tx) => (await tx<{ c: boolean | null }[]>`select public.reviewer_conflicted(${app}, ${person}) as c`)[0]!.c);
    expect(await conflicted(stranger, founder.id)).toBeNull();
    expect(await conflicted(founder, founder.id)).toBeNull();
    expect(await conflicted(manager, founder.id)).toBe(true);
    expect(await conflicted(manager, stranger.id)).toBe(false);
  });

  it("keep shares_org_with(), which no policy uses any more, from every caller", async () => {
    await expect(asUser(stranger.claims, (tx) => tx`select public.shares_org_with(${founder.id})`)).rejects.toThrow(/forbidden/);
  });
});
