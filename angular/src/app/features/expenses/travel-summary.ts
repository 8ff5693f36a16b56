import { DocumentKind, LineTicket, Travel } from './data/expenses.models';

/** Translates a key with parameters (TranslateService.instant in the page, a stub in tests). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const SEP = ' · ';

const TRAVEL_ICONS: Partial<Record<DocumentKind, string>> = {
  'train-ticket': 'train', 'air-itinerary': 'flight', taxi: 'local_taxi', 'hotel-folio': 'hotel', 'bus-ship-ticket': 'directions_bus', toll: 'toll',
};

/** The Material icon of a ticket's kind. */
export function travelIcon(kind: DocumentKind | null | undefined): string {
  return (kind && TRAVEL_ICONS[kind]) || 'confirmation_number';
}

/** A submitted line's trip as the claim's readers see it (the server names the ticket): icon and one line of text, or null. */
export function lineTrip(ticket: LineTicket | null | undefined, tr: Translate): { icon: string; text: string } | null {
  if (!ticket) return null;
  const text = travelSummary(ticket.kind, ticket.travel, tr, ticket.travelDate);
  return text ? { icon: travelIcon(ticket.kind), text } : null;
}

/** "2019-03-10T14:50" → "2019-03-10 14:50" (times are local, as printed: no time zone to convert). */
export function printedTime(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(v);
  if (m) return m[2] ? `${m[1]} ${m[2]}` : m[1];
  return /^\d{2}:\d{2}:\d{2}$/.test(v) ? v.slice(0, 5) : v;
}

/** The arrival after the departure: only its time when on the same day. */
function until(departure: string | null | undefined, arrival: string | null | undefined): string {
  const a = printedTime(arrival);
  if (!a) return '';
  const d = printedTime(departure);
  return d && d.slice(0, 10) === a.slice(0, 10) && a.length > 10 ? a.slice(11) : a;
}

const route = (t: Travel) => (t.from || t.to ? `${t.from || '?'} → ${t.to || '?'}` : '');
const join = (parts: readonly (string | null | undefined | false)[], sep = SEP) => parts.filter((p): p is string => !!p && !!p.trim()).join(sep);

/**
 * One line saying what a ticket was for, e.g. "G6111 广州南站 → 长沙南站 · 二等座 05车12F · 王小明 · 2024-01-06 07:15";
 * empty when the kind carries no trip or nothing of it was read. Only what recognition read is shown, nothing guessed.
 */
export function travelSummary(kind: DocumentKind | null | undefined, travel: Travel | null | undefined, tr: Translate, travelDate?: string | null): string {
  if (!travel) return '';
  const t = travel;
  const departure = printedTime(t.departureTime) || (travelDate ?? '');
  const span = join([departure, until(t.departureTime, t.arrivalTime)], ' – ');
  switch (kind) {
    case 'train-ticket':
    case 'bus-ship-ticket':
      return join([join([t.trainNumber, route(t)], ' '), join([t.seatClass, t.seat], ' '), t.passengerName, span]);
    case 'air-itinerary':
      return join([join([t.flightNumber, route(t)], ' '), t.seatClass, t.passengerName, span]);
    case 'taxi':
      return join([
        route(t),
        span,
        t.distanceKm !== null && t.distanceKm !== undefined ? tr('expenses.travel.km', { km: t.distanceKm }) : '',
        t.plateNumber,
      ]);
    case 'toll':
      return join([route(t), t.plateNumber, span]);
    case 'hotel-folio': {
      const nights = t.nights ? tr('expenses.travel.nights', { n: t.nights }) : '';
      const rate = t.nightlyRate !== null && t.nightlyRate !== undefined ? t.nightlyRate.toFixed(2) : '';
      return join([
        join([nights, rate], ' × '),
        t.checkIn || t.checkOut ? `${t.checkIn ?? '?'} → ${t.checkOut ?? '?'}` : '',
        t.room ? tr('expenses.travel.room', { room: t.room }) : '',
        t.passengerName,
      ]);
    }
    default:
      return '';
  }
}
