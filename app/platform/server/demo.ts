// The password of every demo account in supabase/seed.sql. Demo data only: never a real account.
export const DEMO_PASSWORD = "demo-password-2026";
