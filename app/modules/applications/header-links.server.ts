import { registerHeaderLink } from "~/platform/auth/header-links.server";

// "Review" for anyone who reviews: the organisation's reviewers, and guest judges, who hold no role
// in it (a place in a call's pool or an assignment is enough).
// The assignment is looked for by the reviewer's index, ordered by its second column: as an `exists`
// tied to the viewer's row, PostgreSQL expected a reviewer's first row within ~60 rows of a seq scan
// (a few reviewers, hundreds of assignments each) and read all 15,000 for anyone who reviews nothing,
// on every signed-in page (decision 008, sixth pass). The order keeps it on the index; same answer.
registerHeaderLink({
  label: "nav.review",
  href: (sql, userId) => sql`
    case when (select true from public.review_assignments ra where ra.reviewer_id = ${userId} order by ra.status limit 1)
           or exists (select 1 from public.call_reviewers cr where cr.user_id = ${userId})
           or exists (select 1 from public.memberships m where m.user_id = ${userId} and m.role = 'reviewer')
         then '/review' end`,
});
