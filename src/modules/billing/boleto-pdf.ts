import type PDFDocumentClass from 'pdfkit';
import { itf25Bars, itf25Pattern } from '../../lib/boleto.ts';
import { formatLinhaDigitavel } from '../../lib/boleto.ts';
import { formatDateBr } from '../../lib/dates.ts';
import { formatDocument } from '../../lib/documents.ts';
import { formatBrl } from '../../lib/money.ts';
import type { PartyAddress } from './boleto.repository.ts';

export interface BoletoPdfData {
  invoiceId: number;
  bankCode: string;
  agencyAccount: string;
  wallet: string;
  beneficiary: { name: string; document: string; address: PartyAddress };
  payer: { name: string; document: string | null; address: PartyAddress };
  ourNumber: string;
  amountCents: number;
  issueDate: string;
  dueDate: string;
  description: string;
  barcode: string;
  linhaDigitavel: string;
  /** PIX copia-e-cola printed as a QR code (hybrid boleto); null when the company has no PIX. */
  pixPayload: string | null;
  instructions: string[];
}

const MM = 72 / 25.4;
const LEFT = 15 * MM;
const WIDTH = 180 * MM;
const RIGHT_COL = 45 * MM;
const ROW = 9 * MM;

const oneLine = (a: PartyAddress): string =>
  `${a.street}, ${a.number}${a.complement ? ` ${a.complement}` : ''} - ${a.neighbourhood}, ${a.city}/${a.state} - CEP ${a.cep.slice(0, 5)}-${a.cep.slice(5)}`;

type Doc = InstanceType<typeof PDFDocumentClass>;

function field(doc: Doc, x: number, y: number, w: number, label: string, value: string, align: 'left' | 'right' = 'left'): void {
  doc.rect(x, y, w, ROW).lineWidth(0.5).stroke();
  doc.font('Helvetica').fontSize(6).text(label, x + 2, y + 2, { width: w - 4, lineBreak: false });
  doc.font('Helvetica-Bold').fontSize(8.5).text(value, x + 2, y + 12, { width: w - 4, align, lineBreak: false });
}

function header(doc: Doc, y: number, data: BoletoPdfData, right: string): void {
  doc.font('Helvetica-Bold').fontSize(14).text(`${data.bankCode}-${bankDigit(data.bankCode)}`, LEFT, y, { lineBreak: false });
  doc.fontSize(10).text(right, LEFT + 30 * MM, y + 3, { width: WIDTH - 30 * MM, align: 'right', lineBreak: false });
  doc.moveTo(LEFT, y + 18).lineTo(LEFT + WIDTH, y + 18).lineWidth(1.5).stroke();
}

/** Bank code check digit printed next to the code (module 11, weights 2..9; 10 → 0). */
function bankDigit(code: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = code.length - 1; i >= 0; i--) {
    sum += (code.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return dv >= 10 ? '0' : String(dv);
}

function payerReceipt(doc: Doc, data: BoletoPdfData, y: number): number {
  header(doc, y, data, 'RECIBO DO PAGADOR');
  y += 24;
  const w = WIDTH - RIGHT_COL;
  field(doc, LEFT, y, w, 'Beneficiário', `${data.beneficiary.name} - CNPJ ${formatDocument(data.beneficiary.document)}`);
  field(doc, LEFT + w, y, RIGHT_COL, 'Vencimento', formatDateBr(data.dueDate), 'right');
  y += ROW;
  field(doc, LEFT, y, w, 'Pagador', payerLine(data));
  field(doc, LEFT + w, y, RIGHT_COL, 'Valor do documento', formatBrl(data.amountCents), 'right');
  y += ROW;
  field(doc, LEFT, y, w, 'Descrição', data.description);
  field(doc, LEFT + w, y, RIGHT_COL, 'Nosso número', data.ourNumber, 'right');
  y += ROW + 4;
  doc.font('Helvetica').fontSize(7).text(`Linha digitável: ${formatLinhaDigitavel(data.linhaDigitavel)}`, LEFT, y);
  return y + 16;
}

const payerLine = (data: BoletoPdfData): string =>
  `${data.payer.name}${data.payer.document ? ` - ${formatDocument(data.payer.document)}` : ''}`;

function compensationSlip(doc: Doc, data: BoletoPdfData, y: number): number {
  header(doc, y, data, formatLinhaDigitavel(data.linhaDigitavel));
  y += 24;
  const w = WIDTH - RIGHT_COL;
  const rows: Array<[string, string, string, string]> = [
    ['Local de pagamento', 'Pagável em qualquer banco ou via PIX até o vencimento', 'Vencimento', formatDateBr(data.dueDate)],
    [
      'Beneficiário',
      `${data.beneficiary.name} - CNPJ ${formatDocument(data.beneficiary.document)}`,
      'Agência / Código do beneficiário',
      data.agencyAccount,
    ],
    ['Endereço do beneficiário', oneLine(data.beneficiary.address), 'Nosso número', data.ourNumber],
    [
      'Data do documento / Nº do documento / Espécie / Carteira',
      `${formatDateBr(data.issueDate)}   ${data.invoiceId}   DM   ${data.wallet}`,
      '(=) Valor do documento',
      formatBrl(data.amountCents),
    ],
  ];
  for (const [label, value, rLabel, rValue] of rows) {
    field(doc, LEFT, y, w, label, value);
    field(doc, LEFT + w, y, RIGHT_COL, rLabel, rValue, 'right');
    y += ROW;
  }
  const instructionsHeight = 26 * MM;
  doc.rect(LEFT, y, w, instructionsHeight).lineWidth(0.5).stroke();
  doc.font('Helvetica').fontSize(6).text('Instruções (texto de responsabilidade do beneficiário)', LEFT + 2, y + 2);
  doc.fontSize(8).text(data.instructions.join('\n'), LEFT + 2, y + 12, { width: w - (data.pixPayload ? 30 * MM : 4) });
  for (const [i, label] of ['(-) Desconto / Abatimento', '(+) Mora / Multa', '(=) Valor cobrado'].entries()) {
    field(doc, LEFT + w, y + i * (instructionsHeight / 3), RIGHT_COL, label, '');
  }
  y += instructionsHeight;
  doc.rect(LEFT, y, WIDTH, 14 * MM).lineWidth(0.5).stroke();
  doc.font('Helvetica').fontSize(6).text('Pagador', LEFT + 2, y + 2);
  doc.font('Helvetica-Bold').fontSize(8.5).text(payerLine(data), LEFT + 2, y + 11, { lineBreak: false });
  doc.font('Helvetica').fontSize(8).text(oneLine(data.payer.address), LEFT + 2, y + 23, { width: WIDTH - 4, lineBreak: false });
  y += 14 * MM + 6;
  drawBarcode(doc, data.barcode, LEFT, y);
  doc.font('Helvetica').fontSize(6).text('Autenticação mecânica - Ficha de Compensação', LEFT + WIDTH - 60 * MM, y, {
    width: 60 * MM,
    align: 'right',
  });
  return y + 13 * MM;
}

/** ITF-25 at FEBRABAN size: narrow bar 0.254 mm, 1:3 ratio, 13 mm high. */
function drawBarcode(doc: Doc, barcode: string, x: number, y: number): void {
  const { bars } = itf25Bars(itf25Pattern(barcode), 0.254 * MM);
  for (const bar of bars) doc.rect(x + bar.x, y, bar.width, 13 * MM).fill('black');
}

async function drawPix(doc: Doc, payload: string, x: number, y: number): Promise<void> {
  const { default: QRCode } = await import('qrcode');
  const png = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  doc.image(png, x, y, { width: 26 * MM });
  doc.font('Helvetica').fontSize(6).text('Pague com PIX', x, y + 26 * MM + 1, { width: 26 * MM, align: 'center' });
}

/** Renders the boleto (payer's receipt + compensation slip) as PDF bytes. */
export async function renderBoletoPdf(data: BoletoPdfData): Promise<Buffer> {
  // Loaded on the first boleto, not at start: the PDF stack (fonts, compression tables) is a
  // good part of the server's start-up time and most instances never render one.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: `Boleto - fatura ${data.invoiceId}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let y = payerReceipt(doc, data, 15 * MM);
  doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).dash(3, { space: 3 }).lineWidth(0.5).stroke().undash();
  y += 10;
  const slipTop = y;
  compensationSlip(doc, data, y);
  if (data.pixPayload) await drawPix(doc, data.pixPayload, LEFT + WIDTH - RIGHT_COL - 29 * MM, slipTop + 24 + 4 * ROW + 2);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
