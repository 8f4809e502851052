-- Every new account gets its profile where the account is created: in the database, on insert
-- into auth.users. On Supabase, Supabase Auth inserts the user itself, so no code of ours runs at
-- sign-up; the local provider inserts the same way and relies on this trigger too (one path).
-- Name and language come from the sign-up metadata (raw_user_meta_data: display_name, locale).

create function public.create_profile_for_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  chosen_locale text := case when meta ->> 'locale' in ('vi', 'en') then meta ->> 'locale' else 'vi' end;
  -- The profile demands 1 to 120 characters; fall back to the address before the @.
  name text := left(coalesce(nullif(btrim(meta ->> 'display_name'), ''),
                             nullif(split_part(new.email, '@', 1), ''), 'user'), 120);
begin
  insert into public.profiles (id, display_name, locale, languages)
  values (new.id, name, chosen_locale, array[chosen_locale])
  on conflict (id) do nothing;
  return null;
end
$$;

-- Only the trigger calls it: no role may call it directly.
revoke execute on function public.create_profile_for_new_user() from public, anon, authenticated;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.create_profile_for_new_user();
