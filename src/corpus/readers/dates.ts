/**
 * Publication dates as people write them, to the one form a document keeps:
 * `YYYY-MM-DD`, or an ISO date-time (`2024-03-14T10:00:00+01:00`) when a time
 * is given. Read: ISO dates and date-times ("2024-03-14", "2024-03-14 10:00",
 * "2024-03-14T10:00:00.000+0100"), "2024/03/14", "14 March 2024", "14th Mar
 * 2024", "March 14, 2024", "Mar. 14 2024", any of those after a weekday
 * ("Thursday, 14 March 2024") and before a time and zone, RFC 2822 ("Thu, 14
 * Mar 2024 10:00:00 +0000", as RSS and e-mail write it) and Unix timestamps
 * (numbers, in JSON exports). Day-first or month-first numbers ("03/04/2024")
 * are refused: they cannot be told apart.
 *
 * A time is kept as written, with its zone: "10:00 GMT" stays 10:00Z, and a
 * time with no zone stays without one, so the date shown is the date the
 * source gave.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Zones RFC 2822 names (and the ones news sites print), as offsets. */
const ZONES: Record<string, string> = {
  z: 'Z',
  ut: 'Z',
  utc: 'Z',
  gmt: 'Z',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,4})?$/;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})(.*)$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/;
/** What may follow a written date: a time (24-hour, or 12-hour with am/pm) and a zone. */
const TIME =
  /^(?:,?\s*(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?\s*(?:\(?(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})\)?)?$/i;

/** `value` as a document date, or null when it is not one this reads. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number') return fromTimestamp(value);
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (/^\d{9,13}$/.test(text)) return fromTimestamp(Number(text));
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss, fraction, zone] = iso;
    return compose(+y!, +m!, +d!, hh, mm, ss, fraction, zone);
  }
  const rest = text.replace(WEEKDAY, '');
  let day: number;
  let month: number | undefined;
  let year: number;
  let tail: string;
  const dmy = DAY_MONTH_YEAR.exec(rest);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(rest);
  if (dmy) {
    [day, month, year, tail] = [+dmy[1]!, MONTHS[dmy[2]!.toLowerCase()], +dmy[3]!, dmy[4]!];
  } else if (mdy) {
    [day, month, year, tail] = [+mdy[2]!, MONTHS[mdy[1]!.toLowerCase()], +mdy[3]!, mdy[4]!];
  } else return null;
  if (month === undefined) return null;
  const time = TIME.exec(tail);
  if (!time) return null;
  const [, hh, mm, ss, meridiem, zone] = time;
  let hour = hh;
  if (hh !== undefined && meridiem) {
    const h = +hh;
    if (h < 1 || h > 12) return null;
    hour = String((h % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0));
  }
  return compose(year, month, day, hour, mm, ss, undefined, zone);
}

function compose(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
  zone: string | undefined,
): string | null {
  if (!isRealDate(year, month, day)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined) return zone === undefined ? date : null;
  if (+hour > 23 || +minute! > 59 || (second !== undefined && +second > 60)) return null;
  const offset = zone === undefined ? '' : zoneOffset(zone);
  if (offset === null) return null;
  const seconds = second === undefined ? '' : `:${second}${fraction ?? ''}`;
  return `${date}T${pad(+hour)}:${minute}${seconds}${offset}`;
}

function zoneOffset(zone: string): string | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const [, sign, hh, mm = '00'] = numeric;
    return +hh! > 14 || +mm > 59 ? null : `${sign}${hh}:${mm}`;
  }
  return ZONES[zone.toLowerCase()] ?? null;
}

/** Seconds (or, above 10¹¹, milliseconds) since 1970, as a UTC date-time. */
function fromTimestamp(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = value > 1e11 ? value : value * 1000;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? date.toISOString().replace('.000Z', 'Z') : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
