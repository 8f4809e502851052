import { registerHeaderLink } from "~/platform/auth/header-links.server";

// "Review" for anyone who reviews: the organisation's reviewers, and guest judges, who hold no role
// in it (a place in a call's pool or an assignment is enough).
registerHeaderLink({
  label: "nav.review",
  href: (sql, userId) => sql`
    case when exists (select 1 from public.review_assignments ra where ra.reviewer_id = ${userId})
           or exists (select 1 from public.call_reviewers cr where cr.user_id = ${userId})
           or exists (select 1 from public.memberships m where m.user_id = ${userId} and m.role = 'reviewer')
         then '/review' end`,
});
