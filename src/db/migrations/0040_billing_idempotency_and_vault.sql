-- Billing/payments additions: stored answers of retried settlement calls (Idempotency-Key) and
-- the built-in card vault (encrypted card numbers, reachable only through credit_cards.vault_token).

create table idempotent_responses (
  id bigint generated always as identity primary key,
  endpoint_id text not null,
  -- Operator id + the client's Idempotency-Key: keys of different integrators never collide.
  scope_key text not null check (length(scope_key) between 1 and 300),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  -- The first answer: {"ok": payload} or {"error": {"kind", "message"}}.
  response jsonb not null,
  created_at timestamptz not null,
  unique (endpoint_id, scope_key)
);
create index idempotent_responses_created_idx on idempotent_responses (created_at);

-- AES-256-GCM ciphertext of card number + expiry (never the CVV), keyed from the server secret.
create table card_vault_entries (
  token text primary key check (token ~ '^vlt_[A-Za-z0-9_-]{32,64}$'),
  iv text not null,
  ciphertext text not null,
  auth_tag text not null,
  created_at timestamptz not null
);
