/**
 * The one date formatter: the user's locale and time zone. A day alone ("Jan 15, 2027") where
 * the time does not matter (due dates, periods); a moment with its time zone ("Jan 15, 2027,
 * 3:04 PM GMT+1") where it does (transactions, alerts, keys), so two people in two countries
 * reading the same row agree on when it happened.
 */
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'day' | 'utcDay' | 'moment', locale?: string): Intl.DateTimeFormat {
  const key = `${kind}:${locale ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      kind === 'day'
        ? { dateStyle: 'medium' }
        : kind === 'utcDay'
          ? { dateStyle: 'medium', timeZone: 'UTC' }
          : {
              year: 'numeric',
              month: 'short',
              day: 'numeric',
              hour: 'numeric',
              minute: '2-digit',
              timeZoneName: 'short',
            },
    );
    cache.set(key, f);
  }
  return f;
}

type DateInput = string | number | Date;

/** A calendar day in the user's locale: "Jan 15, 2027". */
export function formatDay(value: DateInput, locale?: string): string {
  return formatter('day', locale).format(new Date(value));
}

/**
 * A calendar day the API states as "YYYY-MM-DD" in UTC (a valuation's day, a NAV's date): the
 * same day for every reader, whatever their time zone.
 */
export function formatCalendarDay(day: string, locale?: string): string {
  return formatter('utcDay', locale).format(new Date(`${day}T00:00:00Z`));
}

/** A moment with its time zone: "Jan 15, 2027, 3:04 PM GMT+1". */
export function formatMoment(value: DateInput, locale?: string): string {
  return formatter('moment', locale).format(new Date(value));
}

/**
 * A ratio from the API's exact decimal string ("0.250000") for people: two decimals, "0.25×".
 * Rounded half up on the digits, never through a float.
 */
export function formatRatio(decimal: string | null | undefined, digits = 2): string {
  if (decimal == null || decimal === '') return '—';
  const [whole = '0', fraction = ''] = decimal.split('.');
  const padded = fraction.padEnd(digits + 1, '0');
  let scaled = BigInt(whole + padded.slice(0, digits));
  if (Number(padded[digits]) >= 5) scaled += 1n;
  const text = scaled.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}×`;
}
