-- Refused credential checks of `throttleFailures` endpoints (WSAutenticacao, WSAutenticacaoOperador,
-- WSMKconsultaContratoDoc), per endpoint and client IP, shared by every server instance
-- (src/http/failure-throttle.ts). One row per key: the times of its latest failures still in the
-- window (at most the limit, oldest first), updated by one upsert so concurrent failures all count.
create table credential_failures (
  -- `<endpoint id>|<client IP>`
  throttle_key text primary key check (length(throttle_key) between 1 and 200),
  failed_at timestamptz[] not null check (cardinality(failed_at) between 1 and 100),
  last_failure_at timestamptz not null
);
-- The retention pass deletes keys whose last failure left the window; a (re)started instance
-- loads the keys blocked now from the recent ones.
create index credential_failures_last_idx on credential_failures (last_failure_at);

