// Every capability's header links, registered with the platform when the app is composed (the server
// entry imports this file), so the platform's viewer query never names a capability's tables.
// The order here is the header's order.
import "~/modules/applications/header-links.server";
import "~/modules/mentoring/header-links.server";
