-- Which secret encrypted a vault entry, so SECRET_KEY can be rotated (the old one listed in
-- PREVIOUS_SECRET_KEYS until the payments retention job has re-encrypted every entry).
-- 'legacy' = the key of versions before per-purpose keys (SHA-256 of a prefix + SECRET_KEY).
alter table card_vault_entries
  add column key_id text not null default 'legacy' check (key_id = 'legacy' or key_id ~ '^[0-9a-f]{8}$');
alter table card_vault_entries alter column key_id drop default;
create index card_vault_entries_key_idx on card_vault_entries (key_id);
