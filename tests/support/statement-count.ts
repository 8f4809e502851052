// Statements per request, as the server counts them (started with BENCH=1: /bench/stats). The count
// is the whole process's, so the mail worker's background work (its poll, a delivery woken by
// NOTIFY) can fall inside a request: each request is sent once the count has stood still, and the
// fewest of several is the request's own.

const statementsSoFar = async (baseUrl: string) =>
  ((await (await fetch(`${baseUrl}/bench/stats`)).json()) as { statements: number }).statements;

/** The count once it has not moved for 100 ms (at most ~2 s: a count that keeps moving is taken as it is). */
export async function settled(baseUrl: string) {
  let last = await statementsSoFar(baseUrl);
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await statementsSoFar(baseUrl);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** The fewest statements of `tries` runs of `request` (which must consume its response). */
export async function statementsOfOneRequest(baseUrl: string, request: () => Promise<void>, tries = 5) {
  let fewest = Infinity;
  for (let i = 0; i < tries; i++) {
    const before = await settled(baseUrl);
    await request();
    fewest = Math.min(fewest, (await settled(baseUrl)) - before);
  }
  return fewest;
}
