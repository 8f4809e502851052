import { registerHeaderLink } from "~/platform/auth/header-links.server";

// "Mentoring" leads a mentor to their profile and a founder to the hub, which links on to each
// startup's mentors and needs; others don't get it.
registerHeaderLink({
  label: "nav.mentoring",
  href: (sql, userId) => sql`
    case when exists (select 1 from public.memberships m where m.user_id = ${userId} and m.role = 'mentor') then '/mentoring/profile'
         when exists (select 1 from public.startup_members sm where sm.user_id = ${userId}) then '/mentoring' end`,
});
