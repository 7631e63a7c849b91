-- Foundation: call log of the webservice surfaces and the audit trail of data changes.

create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists citext;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can back indexes.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table activity_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  surface text not null check (surface in ('mk', 'core-api', 'admin')),
  endpoint_id text not null,
  method text not null,
  client_ip text not null,
  profile_id integer,
  operator_id integer,
  http_status smallint not null,
  error_code text,
  duration_ms integer not null check (duration_ms >= 0),
  is_validation boolean not null default false,
  query text
);
create index activity_log_at_idx on activity_log (at desc);
create index activity_log_endpoint_at_idx on activity_log (endpoint_id, at desc);
create index activity_log_profile_at_idx on activity_log (profile_id, at desc);
create index activity_log_errors_at_idx on activity_log (at desc) where error_code is not null;

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  entity text not null,
  entity_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_at_idx on audit_log (at desc);
