import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/platform/env.server";

describe("environment validation", () => {
  it("accepts a bare local run with defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, APP_URL: "http://localhost:3000", DATABASE_PREPARE: "true" });
  });

  it("follows PORT when APP_URL is not set, and drops a trailing slash from a given one", () => {
    expect(parseEnv({ PORT: "4123" }).APP_URL).toBe("http://localhost:4123");
    expect(parseEnv({ PORT: "4123", APP_URL: "" }).APP_URL).toBe("http://localhost:4123");
    expect(parseEnv({ PORT: "4123", APP_URL: "https://innovation.example.vn/" }).APP_URL).toBe("https://innovation.example.vn");
  });

  it("names the malformed variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(/DATABASE_URL: must be a postgres:\/\/ connection string/);
    expect(() => parseEnv({ PORT: "seventy" })).toThrow(/PORT/);
    expect(() => parseEnv({ RESEND_API_KEY: "sk_live_x" })).toThrow(/RESEND_API_KEY: must start with re_/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
  });

  it("requires a session secret and https for a production deployment, but not for a local production run", () => {
    expect(() => parseEnv({ NODE_ENV: "production", APP_URL: "https://innovation.example.vn" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production", APP_URL: "https://innovation.example.vn" })).toThrow(/SESSION_SECRET: is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", APP_URL: "http://innovation.example.vn", SESSION_SECRET: "x".repeat(40) })).toThrow(/APP_URL: must be https/);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "http://localhost:3000" }).NODE_ENV).toBe("production");
  });

  it("requires the anon key with a Supabase URL", () => {
    expect(() => parseEnv({ SUPABASE_URL: "https://abc.supabase.co" })).toThrow(/SUPABASE_ANON_KEY/);
  });
});
