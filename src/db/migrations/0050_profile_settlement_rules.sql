-- What a webservice profile may do when settling invoices (WSMKLiquidacaoFaturas/V2). No row =
-- the defaults: no caller-chosen discount, no settlement of R$ 0,00.
create table ws_profile_settlement_rules (
  profile_id integer primary key references ws_profiles (id) on delete cascade,
  -- Largest valor_desconto as a share of the invoices' sum, in basis points (10000 = 100 %).
  max_discount_bp integer not null default 0 check (max_discount_bp between 0 and 10000),
  allow_zero_value boolean not null default false,
  updated_at timestamptz not null default now()
);
