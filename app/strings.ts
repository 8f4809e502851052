// Every capability's strings, registered with the platform's i18n. Imported once by the server
// entry (app/entry.server.tsx: pages, mails, jobs), which sends the browser the viewer's language
// only (app/platform/i18n/strings-file.server.ts); the platform itself never imports a capability.
import "~/modules/applications/strings";
import "~/modules/events/strings";
import "~/modules/identity/strings";
import "~/modules/mentoring/strings";
import "~/modules/spaces/strings";
import "~/modules/startups/strings";
