/**
 * Calendar dates are `'YYYY-MM-DD'` strings, instants are `Date`. Date arithmetic is done
 * on day numbers (days since 1970-01-01, proleptic Gregorian) so no time zone can shift a
 * calendar date; only the display helpers look at America/Sao_Paulo.
 */

export const SAO_PAULO_TZ = 'America/Sao_Paulo';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// MK's docs also print AAAA/MM/DD (WSMKFaturasAbertas); read like AAAA-MM-DD.
const ISO_SLASH_DATE = /^\d{4}\/\d{2}\/\d{2}$/;
const BR_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function ymdToIso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function splitIso(isoDate: string): [number, number, number] {
  const m = ISO_DATE.exec(isoDate);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || !isValidYmd(year, month, day)) {
    throw new RangeError(`not a valid YYYY-MM-DD date: "${isoDate}"`);
  }
  return [year, month, day];
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

// days_from_civil / civil_from_days, after Howard Hinnant's public-domain algorithms.
function ymdToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dayNumberToYmd(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

/** Days since 1970-01-01 (negative before it). */
export function isoDateToDayNumber(isoDate: string): number {
  return ymdToDayNumber(...splitIso(isoDate));
}

export function dayNumberToIsoDate(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`day number must be an integer, got ${dayNumber}`);
  const [year, month, day] = dayNumberToYmd(dayNumber);
  if (year < 1 || year > 9999) throw new RangeError(`day number ${dayNumber} is outside years 0001-9999`);
  return ymdToIso(year, month, day);
}

/**
 * Accepts `DD/MM/YYYY` (MK ERP style), `YYYY-MM-DD` or `YYYY/MM/DD`, surrounding spaces allowed, and
 * returns `YYYY-MM-DD`; null for any other shape or an impossible date (31/02/2026).
 */
export function parseMkDate(text: string): string | null {
  const raw = text.trim();
  const trimmed = ISO_SLASH_DATE.test(raw) ? raw.replaceAll('/', '-') : raw;
  const br = BR_DATE.exec(trimmed);
  const iso = br ? null : ISO_DATE.exec(trimmed);
  const year = Number(br ? br[3] : iso?.[1]);
  const month = Number(br ? br[2] : iso?.[2]);
  const day = Number(br ? br[1] : iso?.[3]);
  if ((!br && !iso) || !isValidYmd(year, month, day)) return null;
  return ymdToIso(year, month, day);
}

/** `'2026-09-10'` → `'10/09/2026'`. */
export function formatDateBr(isoDate: string): string {
  const [year, month, day] = splitIso(isoDate);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const saoPauloFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: SAO_PAULO_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function saoPauloWallClock(instant: Date): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid Date');
  const parts: Record<string, string> = {};
  for (const part of saoPauloFormat.formatToParts(instant)) parts[part.type] = part.value;
  const get = (type: string): string => parts[type] ?? '00';
  return {
    year: get('year').padStart(4, '0'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** `DD/MM/YYYY HH:MM:SS` (24 h) as a clock in São Paulo shows the instant. */
export function formatDateTimeBr(instant: Date): string {
  const c = saoPauloWallClock(instant);
  return `${c.day}/${c.month}/${c.year} ${c.hour}:${c.minute}:${c.second}`;
}

/** `YYYY-MM-DD HH:MM:SS` in São Paulo wall-clock time (the SQL-ish form MK returns). */
export function formatDateTimeSql(instant: Date): string {
  const c = saoPauloWallClock(instant);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute}:${c.second}`;
}

/** The calendar date in São Paulo at the given instant. */
export function todayInSaoPaulo(now: Date): string {
  const c = saoPauloWallClock(now);
  return `${c.year}-${c.month}-${c.day}`;
}

export function addDays(isoDate: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return dayNumberToIsoDate(isoDateToDayNumber(isoDate) + days);
}

/** Adds calendar months, clamping to the month end: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(isoDate: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const [year, month, day] = splitIso(isoDate);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`${isoDate} + ${months} months is out of range`);
  return ymdToIso(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Signed whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return isoDateToDayNumber(b) - isoDateToDayNumber(a);
}

/** -1, 0 or 1; usable directly as an `Array.prototype.sort` comparator. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}
