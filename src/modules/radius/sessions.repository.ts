import { sql } from 'kysely';

export interface RadiusSession {
  username: string;
  framed_ip: string | null;
  started_at: Date;
  stopped_at: Date | null;
  input_bytes: number;
  output_bytes: number;
  nas_ip: string | null;
}

/**
 * SQL: the latest session of the connection aliased `cn`, as FreeRADIUS accounted it in radacct
 * (matched by login, case-insensitively like the NAS does), as one JSON object (null: none).
 * Read-only: FreeRADIUS owns these rows.
 */
export const latestRadiusSessionJson = sql<JsonSession | null>`(
  select json_build_object(
           'username', r.username,
           'framed_ip', host(r.framedipaddress),
           'started_at', coalesce(r.acctstarttime, r.acctupdatetime),
           'stopped_at', r.acctstoptime,
           'input_bytes', coalesce(r.acctinputoctets, 0),
           'output_bytes', coalesce(r.acctoutputoctets, 0),
           'nas_ip', host(r.nasipaddress))
    from radacct r
   where lower(r.username) = lower(cn.username) and coalesce(r.acctstarttime, r.acctupdatetime) is not null
   order by coalesce(r.acctstarttime, r.acctupdatetime) desc
   limit 1)`;

/** A session as the JSON sub-selects give it (timestamps as ISO text). */
export interface JsonSession {
  username: string | null;
  framed_ip: string | null;
  started_at: string;
  stopped_at: string | null;
  input_bytes: number;
  output_bytes: number;
  nas_ip: string | null;
}

export function sessionFromJson(j: JsonSession): RadiusSession {
  return {
    username: j.username ?? '',
    framed_ip: j.framed_ip,
    started_at: new Date(j.started_at),
    stopped_at: j.stopped_at ? new Date(j.stopped_at) : null,
    input_bytes: Number(j.input_bytes),
    output_bytes: Number(j.output_bytes),
    nas_ip: j.nas_ip,
  };
}
