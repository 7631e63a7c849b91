-- The address chain of every street (street → neighbourhood → city → state) as one row, kept by
-- triggers: the person look-ups (ConsultaDoc, ConsultaClientes…) join it by primary key twice
-- (home and billing address) instead of calling street_chain() per row, whose PL/pgSQL statement
-- cost ~0.15 ms of PostgreSQL CPU per call, most of ConsultaDoc's query. Four tables in the join
-- still plan in well under a millisecond on the embedded engine, which has no statement cache.
create table street_labels (
  street_id integer primary key references streets (id) on delete cascade,
  street_name text not null,
  neighbourhood_id integer not null,
  neighbourhood_name text not null,
  city_id integer not null,
  city_name text not null,
  state_id integer not null,
  state_abbreviation text not null
);
create index street_labels_neighbourhood_idx on street_labels (neighbourhood_id);
create index street_labels_city_idx on street_labels (city_id);
create index street_labels_state_idx on street_labels (state_id);

insert into street_labels
select street_id, street_name, neighbourhood_id, neighbourhood_name, city_id, city_name, state_id, state_abbreviation
  from street_details;

-- New or changed streets (statement-level, so a bulk insert or COPY costs one join).
create function street_labels_from_streets() returns trigger language plpgsql as $$
begin
  insert into street_labels
  select s.id, s.name, n.id, n.name, c.id, c.name, st.id, st.abbreviation
    from changed_streets s
    join neighbourhoods n on n.id = s.neighbourhood_id
    join cities c on c.id = n.city_id
    join states st on st.id = c.state_id
  on conflict (street_id) do update
    set street_name = excluded.street_name,
        neighbourhood_id = excluded.neighbourhood_id,
        neighbourhood_name = excluded.neighbourhood_name,
        city_id = excluded.city_id,
        city_name = excluded.city_name,
        state_id = excluded.state_id,
        state_abbreviation = excluded.state_abbreviation;
  return null;
end
$$;
create trigger streets_labels_insert after insert on streets
  referencing new table as changed_streets for each statement execute function street_labels_from_streets();
create trigger streets_labels_update after update on streets
  referencing new table as changed_streets for each statement execute function street_labels_from_streets();

create function street_labels_from_neighbourhoods() returns trigger language plpgsql as $$
begin
  update street_labels l
     set neighbourhood_name = n.name, city_id = c.id, city_name = c.name, state_id = st.id, state_abbreviation = st.abbreviation
    from changed_neighbourhoods n
    join cities c on c.id = n.city_id
    join states st on st.id = c.state_id
   where l.neighbourhood_id = n.id;
  return null;
end
$$;
create trigger neighbourhoods_labels_update after update on neighbourhoods
  referencing new table as changed_neighbourhoods for each statement execute function street_labels_from_neighbourhoods();

create function street_labels_from_cities() returns trigger language plpgsql as $$
begin
  update street_labels l
     set city_name = c.name, state_id = st.id, state_abbreviation = st.abbreviation
    from changed_cities c
    join states st on st.id = c.state_id
   where l.city_id = c.id;
  return null;
end
$$;
create trigger cities_labels_update after update on cities
  referencing new table as changed_cities for each statement execute function street_labels_from_cities();

create function street_labels_from_states() returns trigger language plpgsql as $$
begin
  update street_labels l set state_abbreviation = st.abbreviation from changed_states st where l.state_id = st.id;
  return null;
end
$$;
create trigger states_labels_update after update on states
  referencing new table as changed_states for each statement execute function street_labels_from_states();

-- The demo seed loads streets with session_replication_role = replica (no per-row foreign-key
-- checks); these triggers must fire then too.
alter table streets enable always trigger streets_labels_insert;
alter table streets enable always trigger streets_labels_update;
alter table neighbourhoods enable always trigger neighbourhoods_labels_update;
alter table cities enable always trigger cities_labels_update;
alter table states enable always trigger states_labels_update;

drop function street_chain(integer);
