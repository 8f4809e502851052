import { statementCount } from "./sql.server";

// What `npm run bench` reads from the server it measures. Off unless the bench started the
// server with BENCH=1, so a deployment never serves the bench routes.
export const benchEnabled = () => process.env.BENCH === "1";

export const statementsSoFar = () => statementCount();
