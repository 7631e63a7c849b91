'use strict';
// The four panels of the webservice manager (helpers $, el, api and show come from admin.js).

const PANEL_TITLES = {
  activity: 'Atividades de webservice dos últimos 90 dias',
  errors: 'Atividades de webservice com erro dos últimos 90 dias',
  'specific-operators': 'Operadores com autorização específica dos serviços de autenticação de usuários',
  validations: 'Atividade de validações de usuários (90 dias)',
};
let panel = { name: 'activity', page: 1, filters: {} };

const COLUMNS = {
  activity: [['at', 'Data/hora'], ['endpoint', 'Endpoint'], ['ip', 'IP'], ['profileId', 'Perfil'], ['operatorLogin', 'Operador'], ['httpStatus', 'HTTP'], ['durationMs', 'ms'], ['query', 'Parâmetros']],
  errors: [['at', 'Data/hora'], ['endpoint', 'Endpoint'], ['ip', 'IP'], ['profileId', 'Perfil'], ['operatorLogin', 'Operador'], ['errorCode', 'Erro'], ['httpStatus', 'HTTP'], ['query', 'Parâmetros']],
  validations: [['at', 'Data/hora'], ['ip', 'IP'], ['operatorLogin', 'Operador'], ['profileId', 'Perfil'], ['errorCode', 'Erro'], ['query', 'Parâmetros']],
  'specific-operators': [['login', 'Operador'], ['name', 'Nome'], ['profileId', 'Perfil'], ['profileDescription', 'Descrição'], ['startsOn', 'Data inicial'], ['endsOn', 'Data final']],
};

const cell = (key, v) => (v === null || v === undefined ? '' : /At$|^at$/.test(key) ? new Date(v).toLocaleString('pt-BR') : String(v));

async function loadPanel() {
  const q = new URLSearchParams({ page: String(panel.page), pageSize: '50' });
  for (const [k, v] of Object.entries(panel.filters)) if (v) q.set(k, v);
  try {
    const r = await api('GET', `/panels/${panel.name}?${q}`);
    const cols = COLUMNS[panel.name];
    $('#panel-table thead').replaceChildren(el('tr', {}, cols.map(([, label]) => el('th', { text: label }))));
    $('#panel-table tbody').replaceChildren(...r.items.map((row) => el('tr', {}, cols.map(([key]) => el('td', { text: cell(key, row[key]) })))));
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    $('#page-info').textContent = `Página ${r.page} de ${pages} (${r.total} registros)`;
    $('#page-prev').disabled = r.page <= 1;
    $('#page-next').disabled = r.page >= pages;
  } catch (e) {
    show(e.message);
  }
}

