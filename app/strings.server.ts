// Every capability's strings are registered on the server only (app/strings.ts); the browser gets
// one language's, as a file (the root loader names it, decision 008 in app/platform/decisions).
import "~/strings";

export { stringsFile } from "~/platform/i18n/strings-file.server";
