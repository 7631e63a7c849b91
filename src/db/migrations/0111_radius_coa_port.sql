-- UDP port the NAS listens on for Disconnect-Request / CoA-Request (RFC 5176 default 3799).
alter table servers add column coa_port integer not null default 3799 check (coa_port between 1 and 65535);
