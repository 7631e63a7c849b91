-- WSAutenticacao caches successful look-ups, which include the profile's service codes
-- (src/modules/auth/auth-cache.ts): a change to them must empty every instance's caches too.
create trigger ws_profile_services_auth_change after insert or update or delete on ws_profile_services
  for each statement execute function notify_auth_change();
