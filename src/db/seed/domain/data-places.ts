/** Real places of the demo ISP's region (north of Paraná and the São Paulo border). */

export interface CitySpec {
  name: string;
  uf: string;
  ibge: number;
  latitude: number;
  longitude: number;
  /** First four CEP digits of the city's streets (the other four are numbered per street). */
  cepPrefix: string;
  ddd: string;
  /** Relative share of the customers. */
  weight: number;
  /** Index into the company list: which of the ISP's companies serves the city. */
  company: number;
}

export const CITIES: readonly CitySpec[] = [
  { name: 'Londrina', uf: 'PR', ibge: 4113700, latitude: -23.3045, longitude: -51.1696, cepPrefix: '8605', ddd: '43', weight: 40, company: 0 },
  { name: 'Ibiporã', uf: 'PR', ibge: 4109807, latitude: -23.2659, longitude: -51.0522, cepPrefix: '8620', ddd: '43', weight: 8, company: 0 },
  { name: 'Cambé', uf: 'PR', ibge: 4103701, latitude: -23.2766, longitude: -51.2798, cepPrefix: '8618', ddd: '43', weight: 10, company: 0 },
  { name: 'Rolândia', uf: 'PR', ibge: 4122404, latitude: -23.3101, longitude: -51.3659, cepPrefix: '8660', ddd: '43', weight: 7, company: 0 },
  { name: 'Arapongas', uf: 'PR', ibge: 4101507, latitude: -23.4153, longitude: -51.4259, cepPrefix: '8670', ddd: '43', weight: 9, company: 0 },
  { name: 'Apucarana', uf: 'PR', ibge: 4101408, latitude: -23.551, longitude: -51.4606, cepPrefix: '8680', ddd: '43', weight: 9, company: 0 },
  { name: 'Jataizinho', uf: 'PR', ibge: 4112702, latitude: -23.2546, longitude: -50.9799, cepPrefix: '8621', ddd: '43', weight: 2, company: 0 },
  { name: 'Sertanópolis', uf: 'PR', ibge: 4126504, latitude: -23.0571, longitude: -51.0364, cepPrefix: '8617', ddd: '43', weight: 2, company: 0 },
  { name: 'Ourinhos', uf: 'SP', ibge: 3534708, latitude: -22.9797, longitude: -49.8697, cepPrefix: '1990', ddd: '14', weight: 9, company: 1 },
  { name: 'Assis', uf: 'SP', ibge: 3504008, latitude: -22.6619, longitude: -50.4183, cepPrefix: '1980', ddd: '18', weight: 4, company: 1 },
];

export const NEIGHBOURHOODS: readonly string[] = [
  'Centro', 'Jardim América', 'Vila Nova', 'Jardim Europa', 'Parque das Flores', 'Jardim Bela Vista',
  'Vila São José', 'Jardim Primavera', 'Jardim Santa Rita', 'Vila Recreio', 'Jardim Alvorada',
  'Conjunto Habitacional Aquiles Stenghel', 'Jardim Universitário', 'Vila Operária', 'Jardim Paraíso',
  'Parque Industrial', 'Jardim Ipiranga', 'Vila Brasil', 'Jardim Novo Horizonte', 'Jardim São Paulo',
  'Jardim Tropical', 'Vila Casoni', 'Jardim Higienópolis', 'Parque Ouro Branco', 'Jardim Colúmbia',
];

export const STREET_NAMES: readonly string[] = [
  'Rua Sete de Setembro', 'Avenida Brasil', 'Rua Tiradentes', 'Rua Dom Pedro II', 'Rua das Palmeiras',
  'Rua Santos Dumont', 'Rua Rui Barbosa', 'Avenida Getúlio Vargas', 'Rua Duque de Caxias',
  'Rua Marechal Deodoro', 'Rua Quinze de Novembro', 'Rua Benjamin Constant', 'Rua das Acácias',
  'Rua dos Ipês', 'Rua Presidente Vargas', 'Avenida Paraná', 'Rua Castro Alves', 'Rua Machado de Assis',
  'Rua José de Alencar', 'Rua Osvaldo Cruz', 'Rua Pará', 'Rua Bahia', 'Rua Goiás', 'Rua Sergipe',
  'Rua Espírito Santo', 'Rua Piauí', 'Rua das Orquídeas', 'Rua dos Girassóis', 'Rua Princesa Isabel',
  'Avenida Tiradentes', 'Rua João Pessoa', 'Rua Senador Souza Naves', 'Rua Belo Horizonte',
  'Rua Fernando de Noronha', 'Rua Alagoas', 'Rua Maranhão', 'Rua Mato Grosso', 'Rua Minas Gerais',
  'Rua Padre Anchieta', 'Rua Visconde de Mauá', 'Avenida Bandeirantes', 'Rua Ceará', 'Rua Pernambuco',
  'Rua Amazonas', 'Rua Santa Catarina', 'Rua Rio Grande do Sul', 'Rua Paranaguá', 'Rua Curitiba',
];

export const CONDOMINIUM_NAMES: readonly string[] = [
  'Residencial Parque dos Ipês', 'Condomínio Vila Verde', 'Edifício Solar das Palmeiras',
  'Residencial Bela Vista', 'Condomínio Jardim das Flores', 'Edifício Torre Azul',
  'Residencial Monte Carlo', 'Condomínio Recanto dos Pássaros',
];

/** Brazilian banks with their COMPE codes. */
export const BANKS: readonly { code: string; name: string }[] = [
  { code: '001', name: 'Banco do Brasil' },
  { code: '237', name: 'Bradesco' },
  { code: '341', name: 'Itaú' },
  { code: '756', name: 'Sicoob' },
  { code: '748', name: 'Sicredi' },
];
