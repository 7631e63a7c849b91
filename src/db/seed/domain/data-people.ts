/** Names and free texts for believable Brazilian demo records. */

export const FEMALE_NAMES: readonly string[] = [
  'MARIA', 'ANA', 'FRANCISCA', 'ANTÔNIA', 'ADRIANA', 'JULIANA', 'MÁRCIA', 'FERNANDA', 'PATRÍCIA',
  'ALINE', 'SANDRA', 'CAMILA', 'AMANDA', 'BRUNA', 'JÉSSICA', 'LETÍCIA', 'JÚLIA', 'LUCIANA', 'VANESSA',
  'MARIANA', 'GABRIELA', 'VERA', 'VITÓRIA', 'LARISSA', 'CLÁUDIA', 'BEATRIZ', 'RITA', 'LUANA', 'SÔNIA',
  'RENATA', 'ELIANE', 'JOSEFA', 'SIMONE', 'NATÁLIA', 'CRISTIANE', 'CARLA', 'DÉBORA', 'ROSÂNGELA',
];

export const MALE_NAMES: readonly string[] = [
  'JOSÉ', 'JOÃO', 'ANTÔNIO', 'FRANCISCO', 'CARLOS', 'PAULO', 'PEDRO', 'LUCAS', 'LUIZ', 'MARCOS',
  'LUÍS', 'GABRIEL', 'RAFAEL', 'DANIEL', 'MARCELO', 'BRUNO', 'EDUARDO', 'FELIPE', 'RAIMUNDO', 'RODRIGO',
  'MANOEL', 'MATEUS', 'ANDRÉ', 'FERNANDO', 'FÁBIO', 'LEONARDO', 'GUSTAVO', 'GUILHERME', 'LEANDRO',
  'TIAGO', 'ANDERSON', 'RICARDO', 'MÁRCIO', 'JORGE', 'SEBASTIÃO', 'ALEXANDRE', 'ROBERTO', 'EDSON',
];

export const SURNAMES: readonly string[] = [
  'SILVA', 'SANTOS', 'OLIVEIRA', 'SOUZA', 'RODRIGUES', 'FERREIRA', 'ALVES', 'PEREIRA', 'LIMA', 'GOMES',
  'COSTA', 'RIBEIRO', 'MARTINS', 'CARVALHO', 'ALMEIDA', 'LOPES', 'SOARES', 'FERNANDES', 'VIEIRA',
  'BARBOSA', 'ROCHA', 'DIAS', 'NASCIMENTO', 'ANDRADE', 'MOREIRA', 'NUNES', 'MARQUES', 'MACHADO',
  'MENDES', 'FREITAS', 'CARDOSO', 'RAMOS', 'GONÇALVES', 'SANTANA', 'TEIXEIRA', 'MOURA', 'ARAÚJO',
  'CAVALCANTI', 'PINTO', 'CORREIA', 'BATISTA', 'CAMPOS', 'MONTEIRO', 'MIRANDA', 'TAVARES', 'FONSECA',
];

export const NAME_LINKS: readonly string[] = ['DA', 'DOS', 'DE', ''];

export const BUSINESS_KINDS: readonly string[] = [
  'MERCADO', 'PADARIA', 'FARMÁCIA', 'AUTO PEÇAS', 'MATERIAIS DE CONSTRUÇÃO', 'PAPELARIA', 'RESTAURANTE',
  'OFICINA MECÂNICA', 'CLÍNICA ODONTOLÓGICA', 'ESCRITÓRIO CONTÁBIL', 'PET SHOP', 'SALÃO DE BELEZA',
  'AÇOUGUE', 'LOJA DE ROUPAS', 'DISTRIBUIDORA', 'ACADEMIA', 'HOTEL', 'ESCOLA DE IDIOMAS',
];

export const BUSINESS_SUFFIXES: readonly string[] = ['LTDA', 'ME', 'EIRELI', 'LTDA ME', 'S/A', 'EPP'];

export const EMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br',
  'bol.com.br', 'terra.com.br',
];

export const TICKET_TEXTS: readonly string[] = [
  'Cliente relata internet lenta no período da noite.',
  'Cliente sem conexão desde ontem, luz LOS vermelha na ONU.',
  'Solicita segunda via do boleto do mês.',
  'Cliente pede mudança de endereço da instalação.',
  'Quedas constantes no Wi-Fi, roteador reiniciando sozinho.',
  'Solicita troca de plano para velocidade maior.',
  'Informa pagamento em duplicidade e pede estorno.',
  'Cliente pede desbloqueio em confiança até sexta-feira.',
  'Senha do Wi-Fi esquecida, pede redefinição.',
  'Cliente quer cancelar o contrato por mudança de cidade.',
  'Jogos online com latência alta, pede verificação de rota.',
  'Cliente relata que o sinal não chega ao segundo andar.',
];

export const COMMENT_TEXTS: readonly string[] = [
  'Verificado sinal da ONU: -19 dBm, dentro do padrão.',
  'Reiniciada a sessão PPPoE remotamente; cliente confirmou navegação.',
  'Encaminhado para equipe técnica de campo.',
  'Cliente orientado a posicionar o roteador em local central.',
  'Enviada segunda via por WhatsApp.',
  'Aguardando retorno do cliente para agendar visita.',
  'Troca de canal do Wi-Fi para 36 (5 GHz) resolveu a interferência.',
  'Boleto enviado por e-mail.',
  'Cliente informou que vai pagar hoje via PIX.',
  'Atendimento encerrado com o problema resolvido.',
];

export const SERVICE_ORDER_PROBLEMS: readonly { problem: string; found: string; done: string }[] = [
  { problem: 'Sem conexão, ONU com LOS.', found: 'Drop rompido na fachada.', done: 'Substituído o drop e refeita a conectorização.' },
  { problem: 'Internet lenta em todos os aparelhos.', found: 'Roteador com firmware antigo.', done: 'Atualizado o firmware e trocado o canal do Wi-Fi.' },
  { problem: 'Instalação de novo cliente.', found: 'Porta livre na CTO a 80 m.', done: 'Instalada ONU e roteador, cliente navegando.' },
  { problem: 'Mudança de endereço.', found: 'Novo endereço com viabilidade.', done: 'Recolhido equipamento e reinstalado no novo endereço.' },
  { problem: 'Retirada de equipamento por cancelamento.', found: 'Equipamento em bom estado.', done: 'ONU e roteador recolhidos.' },
  { problem: 'Sinal fraco no quarto dos fundos.', found: 'Paredes de concreto entre os cômodos.', done: 'Instalado repetidor mesh.' },
  { problem: 'Cabo de rede danificado por animal.', found: 'Cabo UTP roído.', done: 'Lançado novo cabo UTP com conectores.' },
];

export const LEAD_TEXTS: readonly string[] = [
  'Interesse em plano de 500 Mega para home office.',
  'Quer saber se há viabilidade de fibra no condomínio.',
  'Indicação de cliente, pede visita comercial.',
  'Empresa com 10 funcionários quer link dedicado.',
  'Pediu orçamento de internet + TV.',
];
