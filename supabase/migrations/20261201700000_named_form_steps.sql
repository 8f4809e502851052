-- Named form steps: a call's form may give each step a title in both languages, shown on the
-- founder's step navigation. {"1": {"vi": "…", "en": "…"}, …}; a step without one reads "Step 1".
-- Written by the call's managers like the call's other settings (calls_update).
alter table public.calls
  add column step_titles jsonb not null default '{}' check (jsonb_typeof(step_titles) = 'object');
