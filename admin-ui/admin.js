'use strict';
// Admin page of the webservice manager. Talks only to /admin/api; builds the DOM with
// textContent (never innerHTML) so stored values cannot inject markup.

const $ = (sel) => document.querySelector(sel);
let csrfToken = null;

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function show(text, ok = false) {
  const box = $('#message');
  box.textContent = text;
  box.className = ok ? 'ok' : '';
  box.hidden = !text;
}

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/admin/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = res.status === 204 ? null : await res.json();
  if (res.status === 401) showLogin();
  if (!res.ok) throw new Error(data?.message ?? `HTTP ${res.status}`);
  return data;
}

function showLogin() {
  csrfToken = null;
  $('#login-view').hidden = false;
  $('#app-view').hidden = true;
  $('#who').hidden = true;
}

function showApp(session) {
  csrfToken = session.csrfToken;
  $('#who-name').textContent = `${session.operator.name} (${session.operator.login})`;
  $('#who').hidden = false;
  $('#login-view').hidden = true;
  $('#app-view').hidden = false;
  openTab('profiles');
}

// ---- tabs

function openTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('current', b.dataset.tab === name);
  for (const s of document.querySelectorAll('.tab')) s.hidden = true;
  $('#wizard').hidden = true;
  show('');
  if (name === 'profiles') { $('#tab-profiles').hidden = false; return loadProfiles(); }
  if (name === 'operators') { $('#tab-operators').hidden = false; return Promise.all([loadOperators(), loadApiKeys()]); }
  panel = { name, page: 1, filters: {} };
  $('#panel-filters').reset();
  $('#panel-filters').hidden = name === 'specific-operators';
  $('#panel-title').textContent = PANEL_TITLES[name];
  $('#tab-panel').hidden = false;
  return loadPanel();
}

// ---- profiles
const yesNo = (v) => (v ? 'SIM' : 'NÃO');

async function loadProfiles() {
  const { items } = await api('GET', '/profiles');
  const body = $('#profiles-table tbody');
  body.replaceChildren(...items.map((p) => el('tr', {}, [
    el('td', { text: String(p.id) }),
    el('td', { text: p.kind === 'general' ? 'Geral' : 'Específico' }),
    el('td', { text: p.description }),
    el('td', { text: yesNo(p.active) }),
    el('td', { text: String(p.expiryMinutes) }),
    el('td', { text: yesNo(p.singleUse) }),
    el('td', { text: p.startsOn ? `${p.startsOn} a ${p.endsOn}` : '—' }),
    el('td', { text: `${p.ipCount}${p.limitToIpList ? ' (limitado)' : ''}` }),
    el('td', { text: p.operatorLogins.join(', ') }),
    el('td', { text: p.services.join(', ') }),
    el('td', {}, [
      el('button', { type: 'button', text: 'Editar', on: { click: () => openWizard(p.kind, p.id).catch((e) => show(e.message)) } }),
      el('button', { type: 'button', text: 'Excluir', on: { click: () => removeProfile(p) } }),
    ]),
  ])));
}

async function removeProfile(p) {
  if (!window.confirm(`Excluir o perfil ${p.id} (${p.description})?`)) return;
  try { await api('DELETE', `/profiles/${p.id}`); show('Perfil excluído.', true); await loadProfiles(); } catch (e) { show(e.message); }
}

const wizard = { kind: 'general', id: null, step: 1, ips: [] };

async function openWizard(kind, id = null) {
  const form = $('#wizard-form');
  form.reset();
  Object.assign(wizard, { kind, id, step: 1, ips: [] });
  const [ops, svcs, detail] = await Promise.all([api('GET', '/operators'), api('GET', '/services'), id ? api('GET', `/profiles/${id}`) : null]);
  $('#operator-choices').replaceChildren(...ops.items.filter((o) => o.active).map((o) =>
    el('label', {}, [el('input', { type: 'checkbox', name: 'operator', value: String(o.id) }), ` ${o.login} — ${o.name}`])));
  $('#service-choices').replaceChildren(...svcs.services.map((s) =>
    el('label', {}, [el('input', { type: 'checkbox', name: 'service', value: String(s.code) }), ` ${s.code} — ${s.code === 9999 ? 'todos os serviços do perfil' : s.endpoint}`])));
  if (detail) {
    form.description.value = detail.description;
    form.active.checked = detail.active;
    form.expiryMinutes.value = String(detail.expiryMinutes);
    form.singleUse.checked = detail.singleUse;
    form.startsOn.value = detail.startsOn ?? '';
    form.endsOn.value = detail.endsOn ?? '';
    form.limitToIpList.checked = detail.limitToIpList;
    wizard.ips = detail.ips.map((i) => ({ ...i }));
    const chosenOps = new Set(detail.operators.map((o) => String(o.id)));
    for (const c of form.querySelectorAll('input[name=operator]')) c.checked = chosenOps.has(c.value);
    const chosenSvcs = new Set(detail.services.map(String));
    for (const c of form.querySelectorAll('input[name=service]')) c.checked = chosenSvcs.has(c.value);
  }
  for (const n of form.querySelectorAll('.general-only')) n.hidden = kind !== 'general';
  for (const n of form.querySelectorAll('.specific-only')) n.hidden = kind !== 'specific';
  for (const n of form.querySelectorAll('.edit-only')) n.hidden = !id;
  $('#wizard-title').textContent = `${id ? `Editar perfil ${id}` : 'Novo perfil'} ${kind === 'general' ? '(serviços gerais)' : '(autorização específica)'}`;
  renderIps();
  $('#tab-profiles').hidden = true;
  $('#wizard').hidden = false;
  gotoStep(1);
}

function gotoStep(step) {
  wizard.step = step;
  for (const f of document.querySelectorAll('#wizard-form fieldset')) f.hidden = Number(f.dataset.step) !== step;
  document.querySelectorAll('#wizard-steps li').forEach((li, i) => li.classList.toggle('current', i + 1 === step));
  $('#wizard-back').hidden = step === 1;
  $('#wizard-next').hidden = step === 4;
  $('#wizard-finish').hidden = step !== 4;
}

function renderIps() {
  $('#ip-list').replaceChildren(...wizard.ips.map((ip, i) => el('li', {}, [
    `${ip.address} — ${ip.note || '(sem observação)'} `,
    el('button', { type: 'button', text: 'Remover', on: { click: () => { wizard.ips.splice(i, 1); renderIps(); } } }),
  ])));
}

function wizardPayload() {
  const f = $('#wizard-form');
  const data = {
    description: f.description.value.trim(),
    active: f.active.checked,
    expiryMinutes: Number(f.expiryMinutes.value),
    singleUse: f.singleUse.checked,
  };
  if (wizard.kind === 'general' && f.contraSenha.value) data.contraSenha = f.contraSenha.value;
  if (wizard.kind === 'specific') Object.assign(data, { startsOn: f.startsOn.value, endsOn: f.endsOn.value });
  const checked = (name) => [...f.querySelectorAll(`input[name=${name}]:checked`)].map((c) => Number(c.value));
  return { data, ips: { limitToIpList: f.limitToIpList.checked, ips: wizard.ips }, operatorIds: checked('operator'), services: checked('service') };
}

async function finishWizard(event) {
  event.preventDefault();
  if (!$('#confirm-save').checked) return show('Marque "Tem certeza que deseja gravar este registro?" para gravar.');
  const p = wizardPayload();
  try {
    if (wizard.id) {
      await api('PUT', `/profiles/${wizard.id}`, p.data);
      await api('PUT', `/profiles/${wizard.id}/ips`, p.ips);
      await api('PUT', `/profiles/${wizard.id}/operators`, { operatorIds: p.operatorIds });
      await api('PUT', `/profiles/${wizard.id}/services`, { services: p.services });
    } else {
      await api('POST', '/profiles', { kind: wizard.kind, ...p.data, ...p.ips, operatorIds: p.operatorIds, services: p.services });
    }
    await openTab('profiles');
    show('Perfil gravado.', true);
  } catch (e) {
    show(e.message);
  }
}

// ---- operators
async function loadOperators() {
  const { items } = await api('GET', '/operators');
  const act = (label, fn) => el('button', { type: 'button', text: label, on: { click: () => fn().catch((e) => show(e.message)) } });
  $('#operators-table tbody').replaceChildren(...items.map((o) => el('tr', {}, [
    el('td', { text: o.login }), el('td', { text: o.name }), el('td', { text: yesNo(o.isAdmin) }), el('td', { text: yesNo(o.active) }),
    el('td', { text: new Date(o.createdAt).toLocaleString('pt-BR') }),
    el('td', {}, [
      o.active ? act('Desativar', async () => { await api('POST', `/operators/${o.id}/deactivate`); await loadOperators(); })
        : act('Reativar', async () => { await api('POST', `/operators/${o.id}/activate`); await loadOperators(); }),
      act('Novo token', async () => { const r = await api('POST', `/operators/${o.id}/rotate-token`); revealSecret(`${o.login}: token de API ${r.apiToken}`); }),
      act('Nova senha', async () => { const r = await api('POST', `/operators/${o.id}/reset-password`, {}); revealSecret(`${o.login}: senha ${r.password}`); }),
    ]),
  ])));
}

// ---- admin API keys
const when = (iso) => (iso ? new Date(iso).toLocaleString('pt-BR') : '—');

async function loadApiKeys() {
  const { items } = await api('GET', '/api-keys');
  $('#api-keys-table tbody').replaceChildren(...items.map((k) => el('tr', {}, [
    el('td', { text: k.description }), el('td', { text: k.operator }), el('td', { text: `${k.prefix}…` }),
    el('td', { text: when(k.createdAt) }), el('td', { text: when(k.lastUsedAt) }), el('td', { text: when(k.revokedAt) }),
    el('td', {}, k.revokedAt ? [] : [el('button', { type: 'button', text: 'Revogar', on: { click: () => revokeApiKey(k).catch((e) => show(e.message)) } })]),
  ])));
}

async function revokeApiKey(k) {
  await api('POST', `/api-keys/${k.id}/revoke`);
  show(`Chave "${k.description}" revogada.`, true);
  await loadApiKeys();
}

async function createApiKey(event) {
  event.preventDefault();
  const f = event.target;
  try {
    const r = await api('POST', '/api-keys', { description: f.description.value.trim() });
    revealSecret(`chave de API "${r.apiKey.description}": ${r.key}`);
    f.reset();
    await loadApiKeys();
  } catch (e) {
    show(e.message);
  }
}

function revealSecret(text) {
  $('#secret-text').textContent = text;
  $('#secret-box').hidden = false;
}

async function createOperator(event) {
  event.preventDefault();
  const f = event.target;
  try {
    const r = await api('POST', '/operators', { login: f.login.value.trim(), name: f.name.value.trim(), isAdmin: f.isAdmin.checked });
    revealSecret(`${r.operator.login}: senha ${r.password}\ntoken de API ${r.apiToken}`);
    f.reset();
    await loadOperators();
  } catch (e) {
    show(e.message);
  }
}

// ---- wiring
document.addEventListener('DOMContentLoaded', () => {
  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = event.target;
    try {
      showApp(await api('POST', '/login', { login: f.login.value.trim(), password: f.password.value }));
      f.reset();
    } catch (e) {
      show(e.message);
    }
  });
  $('#logout').addEventListener('click', async () => { await api('POST', '/logout').catch(() => {}); showLogin(); });
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => openTab(b.dataset.tab));
  $('#new-general').addEventListener('click', () => openWizard('general').catch((e) => show(e.message)));
  $('#new-specific').addEventListener('click', () => openWizard('specific').catch((e) => show(e.message)));
  $('#suggest').addEventListener('click', async () => { $('#wizard-form').contraSenha.value = (await api('GET', '/contra-senha/suggestion')).contraSenha; });
  $('#ip-add').addEventListener('click', () => {
    const address = $('#ip-address').value.trim();
    if (!address) return;
    wizard.ips.push({ address, note: $('#ip-note').value.trim() });
    $('#ip-address').value = '';
    $('#ip-note').value = '';
    renderIps();
  });
  $('#wizard-next').addEventListener('click', () => gotoStep(Math.min(4, wizard.step + 1)));
  $('#wizard-back').addEventListener('click', () => gotoStep(Math.max(1, wizard.step - 1)));
  $('#wizard-cancel').addEventListener('click', () => openTab('profiles'));
  $('#wizard-form').addEventListener('submit', finishWizard);
  $('#operator-form').addEventListener('submit', createOperator);
  $('#api-key-form').addEventListener('submit', createApiKey);
  $('#panel-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    panel.filters = Object.fromEntries(new FormData(event.target));
    panel.page = 1;
    loadPanel();
  });
  $('#page-prev').addEventListener('click', () => { panel.page -= 1; loadPanel(); });
  $('#page-next').addEventListener('click', () => { panel.page += 1; loadPanel(); });
  fetch('/admin/api/session', { credentials: 'same-origin' })
    .then(async (res) => (res.ok ? showApp(await res.json()) : showLogin()))
    .catch(showLogin);
});
