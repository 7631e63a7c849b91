-- CRM settings (one row), edited in the admin API (GET/PUT /admin/api/settings/crm):
-- MK's SAC switch "Não permitir cadastro de cliente via app sac plus e CRM+" (WSMKNovaLead,
-- WSMKInserirLead), the viability radius of WSMKVerificaDispPorta and the default reservation
-- period of WSMKReservarPorta.
create table crm_settings (
  id boolean primary key default true check (id),
  forbid_api_signups boolean not null default false,
  viability_radius_meters integer not null default 300 check (viability_radius_meters between 10 and 5000),
  default_reservation_days smallint not null default 7 check (default_reservation_days between 1 and 90),
  updated_at timestamptz not null default now(),
  updated_by text
);
insert into crm_settings default values;
