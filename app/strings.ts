// Every capability's strings, registered with the platform's i18n. Imported by app/strings.server.ts
// (pages, on the server: the browser gets one language as a file) and the worker; the platform
// itself never imports a capability.
import "~/modules/applications/strings";
import "~/modules/events/strings";
import "~/modules/identity/strings";
import "~/modules/mentoring/strings";
import "~/modules/spaces/strings";
import "~/modules/startups/strings";
