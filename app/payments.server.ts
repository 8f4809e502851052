// Every capability's payment kinds (registerPaymentKind in app/platform/payments/kinds.server.ts),
// gathered where the app is composed, like app/strings.ts: a capability that takes payments adds
// its registering module here, e.g. `import "~/modules/events/payments.server";`. Imported by
// app/jobs.server.ts, which the server entry (app/entry.server.tsx, loaded before any route
// answers) and the worker load, so Stripe's webhooks, staff confirming a transfer and the deadline
// sweep all find every kind; routes need not (and, being bundled for the browser too, must not)
// import it.
import "~/modules/events/payments.server";
