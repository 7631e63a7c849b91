-- A suspended contract blocks its connections only when asked to (WSMKContratoAlterarStatus
-- BloquearConexao=S sets connections.blocked): the blocked group follows the connection alone.
create or replace view radius_connections as
select c.id, c.username, c.password, c.blocked,
  case when c.reduced then coalesce(p.reduced_download_kbps, p.download_kbps) else p.download_kbps end as download_kbps,
  case when c.reduced then coalesce(p.reduced_upload_kbps, p.upload_kbps) else p.upload_kbps end as upload_kbps,
  a.address as fixed_ip
from connections c
join contracts k on k.id = c.contract_id
join access_plans p on p.id = c.access_plan_id
left join ip_addresses a on a.id = c.ip_address_id
where c.disabled_at is null and c.auth_type in ('pppoe', 'hotspot') and k.status in ('active', 'suspended');
