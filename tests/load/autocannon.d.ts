// The part of autocannon's API the bench uses; the package ships no types.
declare module "autocannon" {
  type Request = {
    method?: string;
    setupRequest?: (req: Record<string, unknown>) => Record<string, unknown>;
    onResponse?: (status: number, body: string, context: unknown, headers: Record<string, unknown>) => void;
  };
  type Options = { url: string; connections: number; duration: number; headers?: Record<string, string>; timeout?: number; requests?: Request[] };
  type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    requests: { total: number; sent: number };
  };
  type Instance = {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  };
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
