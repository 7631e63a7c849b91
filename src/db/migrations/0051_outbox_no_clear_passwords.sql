-- SAC passwords were queued in clear. From now on they are sealed (AES-GCM, key from SECRET_KEY)
-- and opened only at send time; the clear ones still stored lose their text, and those not yet
-- sent are cancelled (the customer asks for a new password again).
update notification_outbox
set status = case when status in ('pending', 'sending') then 'cancelled' else status end,
    body = 'Mensagem com senha removida (armazenada sem cifra por versão anterior).'
where purpose = 'sac_password' and body not like 'sealed:%'
  and body <> 'Mensagem com senha enviada; conteúdo removido após o envio.';
