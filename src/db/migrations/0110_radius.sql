-- FreeRADIUS (rlm_sql, PostgreSQL dialect) reads Provedor's own tables through these views:
-- nothing is copied, so a block, a plan change or a new password is seen by the next
-- Access-Request. Column names and order follow FreeRADIUS's postgresql schema.sql.

-- One row: how the RADIUS side treats blocked connections and which attribute carries the speed.
create table radius_settings (
  id smallint primary key default 1 check (id = 1),
  -- reject: Access-Reject; redirect: accepted into redirect_pool (the NAS sends them to a notice page).
  blocked_action text not null default 'reject' check (blocked_action in ('reject', 'redirect')),
  redirect_pool text not null default 'bloqueados' check (redirect_pool ~ '^[A-Za-z0-9._-]{1,64}$'),
  blocked_group text not null default 'bloqueado' check (blocked_group ~ '^[A-Za-z0-9._-]{1,64}$'),
  rate_limit_attribute text not null default 'Mikrotik-Rate-Limit'
    check (rate_limit_attribute ~ '^[A-Za-z0-9-]{1,64}$')
);
insert into radius_settings (id) values (1);

-- Connections RADIUS knows: not disabled, authenticated by login, contract active or suspended.
create view radius_connections as
select c.id, c.username, c.password, c.blocked or k.status = 'suspended' as blocked,
  case when c.reduced then coalesce(p.reduced_download_kbps, p.download_kbps) else p.download_kbps end as download_kbps,
  case when c.reduced then coalesce(p.reduced_upload_kbps, p.upload_kbps) else p.upload_kbps end as upload_kbps,
  a.address as fixed_ip
from connections c
join contracts k on k.id = c.contract_id
join access_plans p on p.id = c.access_plan_id
left join ip_addresses a on a.id = c.ip_address_id
where c.disabled_at is null and c.auth_type in ('pppoe', 'hotspot') and k.status in ('active', 'suspended');

-- kbit/s as a MikroTik rate ("50M", "1500k").
create function radius_rate(kbps integer) returns text language sql immutable as $$
  select case when kbps % 1000 = 0 then (kbps / 1000)::text || 'M' else kbps::text || 'k' end
$$;

create view radcheck as
select id, username, 'Cleartext-Password'::text as attribute, ':='::varchar(2) as op, password as value
from radius_connections;

-- Ids are connection id × 4 + attribute slot so they stay stable and unique.
create view radreply as
select id * 4 as id, username, 'Framed-IP-Address'::text as attribute, '='::varchar(2) as op, host(fixed_ip) as value
from radius_connections where fixed_ip is not null
union all
select r.id * 4 + 1, r.username, s.rate_limit_attribute, '='::varchar(2),
  radius_rate(r.upload_kbps) || '/' || radius_rate(r.download_kbps)
from radius_connections r cross join radius_settings s
where r.download_kbps is not null and r.upload_kbps is not null;

create view radusergroup as
select r.id, r.username, s.blocked_group as groupname, 1 as priority
from radius_connections r cross join radius_settings s
where r.blocked;

create view radgroupcheck as
select 1 as id, blocked_group as groupname, 'Auth-Type'::text as attribute, ':='::varchar(2) as op, 'Reject'::text as value
from radius_settings where blocked_action = 'reject';

create view radgroupreply as
select 1 as id, blocked_group as groupname, 'Framed-Pool'::text as attribute, ':='::varchar(2) as op, redirect_pool as value
from radius_settings where blocked_action = 'redirect';

create view nas as
select id, host(ip_address) as nasname, name as shortname,
  case when kind in ('cisco', 'juniper') then kind else 'other' end as type,
  null::integer as ports, radius_secret as secret, null::text as server, null::text as community,
  nas_identifier as description
from servers
where active and radius_secret is not null;

-- Written by FreeRADIUS's accounting queries (its postgresql schema, unchanged).
create table radacct (
  radacctid bigserial primary key,
  acctsessionid text not null,
  acctuniqueid text not null unique,
  username text,
  realm text,
  nasipaddress inet not null,
  nasportid text,
  nasporttype text,
  acctstarttime timestamptz,
  acctupdatetime timestamptz,
  acctstoptime timestamptz,
  acctinterval bigint,
  acctsessiontime bigint,
  acctauthentic text,
  connectinfo_start text,
  connectinfo_stop text,
  acctinputoctets bigint,
  acctoutputoctets bigint,
  calledstationid text,
  callingstationid text,
  acctterminatecause text,
  servicetype text,
  framedprotocol text,
  framedipaddress inet,
  framedipv6address inet,
  framedipv6prefix inet,
  framedinterfaceid text,
  delegatedipv6prefix inet,
  class text
);
create index radacct_active_session_idx on radacct (acctuniqueid) where acctstoptime is null;
create index radacct_bulk_close on radacct (nasipaddress, acctstarttime) where acctstoptime is null;
create index radacct_start_user_idx on radacct (acctstarttime, username);
-- Provedor's reads: the latest session of a login.
create index radacct_user_lower_idx on radacct (lower(username), acctstarttime desc);

create table radpostauth (
  id bigserial primary key,
  username text not null,
  pass text,
  reply text,
  calledstationid text,
  callingstationid text,
  authdate timestamptz not null default now(),
  class text
);

create table nasreload (
  nasipaddress inet primary key,
  reloadtime timestamptz not null
);

-- Disconnect-Request / CoA-Request to send after a block or unblock (RFC 5176), written in the
-- same transaction as the change and drained by the radius worker.
create table radius_outbox (
  id bigint generated by default as identity primary key,
  connection_id integer not null references connections (id) on delete cascade,
  kind text not null check (kind in ('disconnect', 'coa')),
  created_at timestamptz not null default now(),
  attempts smallint not null default 0,
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  -- ack, nak, no_session, timeout (gave up after retries)
  result text check (result in ('ack', 'nak', 'no_session', 'timeout')),
  last_error text
);
create index radius_outbox_pending_idx on radius_outbox (next_attempt_at) where result is null;
