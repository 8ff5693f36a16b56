import { formatWaiting, waitingParts, waitingUrgency } from './waiting-time';

describe('waiting time', () => {
  it('splits hours into days and hours, minutes only under an hour', () => {
    expect(waitingParts(76.4)).toEqual({ days: 3, hours: 4, minutes: 0 });
    expect(waitingParts(0.5)).toEqual({ days: 0, hours: 0, minutes: 30 });
    expect(waitingParts(24)).toEqual({ days: 1, hours: 0, minutes: 0 });
    expect(waitingParts(-2)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it('formats in English and Chinese', () => {
    expect(formatWaiting(76.4)).toBe('3 d 4 h');
    expect(formatWaiting(48)).toBe('2 d');
    expect(formatWaiting(5.9)).toBe('5 h');
    expect(formatWaiting(0.2)).toBe('12 min');
    expect(formatWaiting(76.4, 'zh-CN')).toBe('3天4小时');
    expect(formatWaiting(0.2, 'zh-CN')).toBe('12分钟');
  });

  it('is overdue past the deadline, reminded after a reminder, and neither once decided', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(waitingUrgency({ status: 'Waiting', remindedAt: '2026-11-24T12:00:00Z', escalateAt: '2026-11-25T11:00:00Z' }, now)).toBe('overdue');
    expect(waitingUrgency({ status: 'Waiting', remindedAt: '2026-11-24T12:00:00Z', escalateAt: '2026-11-26T11:00:00Z' }, now)).toBe('reminded');
    expect(waitingUrgency({ status: 'Waiting', remindedAt: null, escalateAt: '2026-11-26T11:00:00Z' }, now)).toBeNull();
    expect(waitingUrgency({ status: 'Approved', remindedAt: '2026-11-24T12:00:00Z', escalateAt: '2026-11-25T11:00:00Z' }, now)).toBeNull();
  });
});
