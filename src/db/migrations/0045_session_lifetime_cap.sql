-- Session lifetime is capped at 30 days (43 200 minutes): a leaked token must not stay valid
-- for up to a year. Profiles and already-issued sessions above the cap are brought down to it.
update ws_profiles set expiry_minutes = 43200 where expiry_minutes > 43200;
alter table ws_profiles add constraint ws_profiles_expiry_max check (expiry_minutes <= 43200);
update ws_sessions set expires_at = created_at + interval '30 days'
  where expires_at > created_at + interval '30 days';
