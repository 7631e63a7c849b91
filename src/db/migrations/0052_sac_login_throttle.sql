-- Refused SAC logins (WSMKUserSenhaSAC), counted per SAC login (exponential lock) and per
-- webservice profile (a ceiling per window), in the database so every instance sees them.
create table sac_login_failures (
  scope text not null check (scope in ('login', 'profile')),
  -- The SAC login in lower case, or the profile id.
  key text not null check (length(key) between 1 and 200),
  failures integer not null check (failures > 0),
  window_started_at timestamptz not null,
  last_failure_at timestamptz not null,
  locked_until timestamptz,
  primary key (scope, key)
);
create index sac_login_failures_last_idx on sac_login_failures (last_failure_at);
