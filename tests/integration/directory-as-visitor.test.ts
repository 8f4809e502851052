import { afterAll, describe, expect, it } from "vitest";
import { listOrganisations } from "~/modules/identity/organisations.server";
import { closeSql, statementCount } from "~/platform/db/sql.server";
import { asService, asUser } from "~/platform/db/transaction.server";
import { addMember, createOrg, createUser, makeAdmin } from "../support/factories";

// A signed-in person's directory (/orgs) is read as a visitor's, one statement alone (decision 008,
// eighth pass, policies). That is right only while organisations show every row to everyone: these
// tests hold the policy it rests on, and compare the read with the person's own transaction.
afterAll(() => closeSql());

describe("the directory read as a visitor's", () => {
  it("rests on organisations showing every row to anon and authenticated alike", async () => {
    const policies = await asService(
      (tx) => tx<{ policyname: string; roles: string[]; qual: string | null }[]>`
        select policyname, roles::text[] as roles, qual from pg_policies
         where schemaname = 'public' and tablename = 'organisations' and cmd in ('SELECT', 'ALL')`,
    );
    // Should this fail, organisations differ by viewer: read the directory with readAs(claims, …) again.
    expect(policies).toEqual([{ policyname: "organisations_select", roles: ["anon", "authenticated"], qual: "true" }]);
  });

  it("gives a member, an administrator and a stranger what their own transaction gives, in one statement", async () => {
    const org = await createOrg({ kind: "university" });
    const member = await createUser();
    await addMember(org.id, member.id, "manager");
    const admin = await createUser();
    await makeAdmin(admin.id);
    const stranger = await createUser();
    const queries = [
      { q: "", kind: null, page: 1 },
      { q: org.slug, kind: null, page: 1 },
      { q: "org-", kind: "university", page: 1 },
      { q: "", kind: null, page: 999 },
    ];
    for (const person of [member, admin, stranger]) {
      for (const query of queries) {
        await listOrganisations(person.claims, query, "en"); // the visitors' pool's first use checks its role
        const before = statementCount();
        const alone = await listOrganisations(person.claims, query, "vi");
        expect(statementCount() - before).toBe(1);
        // the same select in the person's own transaction (role authenticated, their claims)
        const own = await asUser(person.claims, async (tx) => {
          const rows = await tx<{ slug: string }[]>`
            select slug from public.organisations
             where (${query.q || null}::text is null or name_vi ilike ${`%${query.q}%`} or name_en ilike ${`%${query.q}%`})
               and (${query.kind}::public.org_kind is null or kind = ${query.kind}::public.org_kind)
             order by kind, name_en, id limit 24 offset ${(query.page - 1) * 24}`;
          return rows.map((r) => r.slug);
        });
        expect(alone.rows.map((o) => o.slug)).toEqual(own);
      }
    }
    const found = await listOrganisations(member.claims, { q: org.slug, kind: null, page: 1 }, "en");
    expect(found.rows.map((o) => o.slug)).toEqual([org.slug]);
  });
});
