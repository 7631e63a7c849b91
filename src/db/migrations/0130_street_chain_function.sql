-- The address chain of a street (street → neighbourhood → city → state) as one JSON value.
-- The person look-ups (ConsultaDoc, ConsultaClientes…) call it in their one query instead of
-- joining four more tables or running a second query: a PL/pgSQL function keeps its statement's
-- plan for the life of the session, while a wide join would be planned again on every call by
-- the embedded engine (which has no statement cache) — and a second query is one more round trip.
create function street_chain(p_street_id integer) returns json
language plpgsql stable strict as $$
declare
  chain json;
begin
  select json_build_object(
           'street_name', s.name,
           'neighbourhood_id', n.id,
           'neighbourhood_name', n.name,
           'city_id', ci.id,
           'city_name', ci.name,
           'state_id', st.id,
           'state_abbreviation', st.abbreviation)
    into chain
    from streets s
    join neighbourhoods n on n.id = s.neighbourhood_id
    join cities ci on ci.id = n.city_id
    join states st on st.id = ci.state_id
   where s.id = p_street_id;
  return chain;
end
$$;
