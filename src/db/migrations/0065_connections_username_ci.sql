-- PPPoE/RADIUS usernames are unique regardless of case ("Maria" and "maria" would authenticate
-- as the same subscriber on most NAS): WSMKCriarConexao/WSMKAlterarConexao rely on this index
-- when two requests race for one name.
create unique index connections_username_lower_key on connections (lower(username));
