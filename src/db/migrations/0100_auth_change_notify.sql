-- Every change that can make a session token invalid (session deleted or altered; profile,
-- operator, membership or IP list changed) notifies `provedor_auth` at commit, so each server
-- instance drops its cache of resolved session tokens (src/modules/auth/session-cache.ts).
create function notify_auth_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('provedor_auth', '');
  return null;
end $$;

create trigger ws_sessions_auth_change after delete or update of expires_at, services, profile_id, operator_id, single_use
  on ws_sessions for each statement execute function notify_auth_change();
create trigger ws_profiles_auth_change after update or delete on ws_profiles
  for each statement execute function notify_auth_change();
create trigger operators_auth_change after update or delete on operators
  for each statement execute function notify_auth_change();
create trigger ws_profile_operators_auth_change after insert or update or delete on ws_profile_operators
  for each statement execute function notify_auth_change();
create trigger ws_profile_ips_auth_change after insert or update or delete on ws_profile_ips
  for each statement execute function notify_auth_change();
