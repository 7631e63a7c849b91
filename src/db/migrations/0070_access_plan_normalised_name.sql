-- A company cannot have two access plans whose names differ only in case, accents or spacing
-- ("FIBRA 500 MEGA" = "Fibra  500 mega"): POST /core-api/planos-acessos relies on this index so
-- that concurrent creations cannot both pass.
create function plan_name_key(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.search_key(regexp_replace(btrim($1), '\s+', ' ', 'g')) $$;

create unique index access_plans_company_name_key_idx on access_plans (company_id, plan_name_key(name));
