import { InboxItemDto } from './data/approvals.models';

export interface WaitingParts {
  days: number;
  hours: number;
  minutes: number;
}

/** 76.4 hours → 3 days 4 hours (24-hour days, the minutes only while under an hour). */
export function waitingParts(totalHours: number): WaitingParts {
  const minutesTotal = Math.max(0, Math.floor((Number.isFinite(totalHours) ? totalHours : 0) * 60 + 1e-6));
  const days = Math.floor(minutesTotal / (24 * 60));
  const hours = Math.floor((minutesTotal - days * 24 * 60) / 60);
  const minutes = days === 0 && hours === 0 ? minutesTotal : 0;
  return { days, hours, minutes };
}

const UNITS = {
  en: { d: ' d', h: ' h', min: ' min', sep: ' ' },
  'zh-CN': { d: '天', h: '小时', min: '分钟', sep: '' },
} as const;

/** "3 d 4 h", "5 h", "12 min" (zh-CN: "3天4小时", "5小时", "12分钟"). */
export function formatWaiting(totalHours: number, lang: 'en' | 'zh-CN' = 'en'): string {
  const u = UNITS[lang];
  const { days, hours, minutes } = waitingParts(totalHours);
  if (days > 0) return hours > 0 ? `${days}${u.d}${u.sep}${hours}${u.h}` : `${days}${u.d}`;
  if (hours > 0) return `${hours}${u.h}`;
  return `${minutes}${u.min}`;
}

export type WaitingUrgency = 'overdue' | 'reminded' | null;

/** Past its deadline (escalateAt) → overdue; a reminder went out → reminded; only while the task is still open. */
export function waitingUrgency(item: Pick<InboxItemDto, 'status' | 'remindedAt' | 'escalateAt'>, now: Date = new Date()): WaitingUrgency {
  if (item.status !== 'Waiting') return null;
  if (item.escalateAt && Date.parse(item.escalateAt) <= now.getTime()) return 'overdue';
  if (item.remindedAt) return 'reminded';
  return null;
}
