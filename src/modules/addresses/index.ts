import type { Module } from '../module.ts';
import { coreGetCidadesUf } from './endpoints/core-get-cidades-uf.ts';
import { corePostBairros } from './endpoints/core-post-bairros.ts';
import { corePostCidades } from './endpoints/core-post-cidades.ts';
import { corePostLogradouros } from './endpoints/core-post-logradouros.ts';
import { corePutBairros } from './endpoints/core-put-bairros.ts';
import { corePutCidades } from './endpoints/core-put-cidades.ts';
import { corePutLogradouros } from './endpoints/core-put-logradouros.ts';
import { wsmkListaBairros } from './endpoints/ws-mk-lista-bairros.ts';
import { wsmkListaCondominios } from './endpoints/ws-mk-lista-condominios.ts';
import { wsmkListaEstados } from './endpoints/ws-mk-lista-estados.ts';
import { wsmkListaEstruturaEnderecos } from './endpoints/ws-mk-lista-estrutura-enderecos.ts';

export const addressesModule: Module = {
  name: 'addresses',
  endpoints: [
    wsmkListaEstruturaEnderecos,
    wsmkListaCondominios,
    wsmkListaEstados,
    wsmkListaBairros,
    corePostLogradouros,
    corePutLogradouros,
    corePostBairros,
    corePutBairros,
    corePostCidades,
    corePutCidades,
    coreGetCidadesUf,
  ],
};
