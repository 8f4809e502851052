import { sessionCookie } from "./cookie.server";

/** Set-Cookie values that start or end a session. */
export const startSessionCookie = (sessionId: string) => sessionCookie().serialize(sessionId);
export const endSessionCookie = () => sessionCookie().serialize("", { maxAge: 0 });
