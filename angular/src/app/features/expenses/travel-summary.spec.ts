import { printedTime, travelSummary } from './travel-summary';

/** A stand-in for TranslateService.instant that shows the key and its parameters. */
const tr = (key: string, params?: Record<string, unknown>) => `${key.split('.').pop()}(${Object.values(params ?? {}).join(',')})`;

describe('travel summary', () => {
  it('says a train ticket in one line: train, stations, class and seat, passenger, departure', () => {
    const s = travelSummary('train-ticket', {
      trainNumber: 'G6111', from: '广州南站', to: '长沙南站', seatClass: '二等座', seat: '05车12F', passengerName: '王小明', departureTime: '2024-01-06T07:15',
    }, tr);
    expect(s).toBe('G6111 广州南站 → 长沙南站 · 二等座 05车12F · 王小明 · 2024-01-06 07:15');
  });

  it('gives a flight its number and cabin, and the arrival time after the departure on the same day', () => {
    const s = travelSummary('air-itinerary', {
      flightNumber: 'CZ3101', from: '广州', to: '北京', seatClass: 'Y', passengerName: 'ZHANG/WEI', departureTime: '2024-03-10T08:00', arrivalTime: '2024-03-10T11:15',
    }, tr);
    expect(s).toBe('CZ3101 广州 → 北京 · Y · ZHANG/WEI · 2024-03-10 08:00 – 11:15');
  });

  it('gives a taxi its pick-up and drop-off times, kilometres and plate', () => {
    const s = travelSummary('taxi', { departureTime: '2024-01-07T08:02', arrivalTime: '2024-01-07T08:31', distanceKm: 12.4, plateNumber: '粤A·12345' }, tr);
    expect(s).toBe('2024-01-07 08:02 – 08:31 · km(12.4) · 粤A·12345');
  });

  it('gives a hotel folio its nights × rate, stay and room', () => {
    const s = travelSummary('hotel-folio', { nights: 2, nightlyRate: 450, checkIn: '2024-01-06', checkOut: '2024-01-08', room: '1203' }, tr);
    expect(s).toBe('nights(2) × 450.00 · 2024-01-06 → 2024-01-08 · room(1203)');
  });

  it('shows only what was read: a ticket with just its stations, an arrival on another day in full', () => {
    expect(travelSummary('bus-ship-ticket', { from: '深圳', to: '珠海' }, tr)).toBe('深圳 → 珠海');
    expect(travelSummary('train-ticket', { to: '北京西' }, tr, '2024-02-01')).toBe('? → 北京西 · 2024-02-01');
    expect(travelSummary('train-ticket', { departureTime: '2024-02-01T22:10', arrivalTime: '2024-02-02T06:30' }, tr)).toBe('2024-02-01 22:10 – 2024-02-02 06:30');
    expect(travelSummary('toll', { from: '广州北', to: '韶关', plateNumber: '粤A·12345' }, tr)).toBe('广州北 → 韶关 · 粤A·12345');
  });

  it('says nothing for documents without a trip, or when nothing of it was read', () => {
    expect(travelSummary('vat-invoice', { from: 'x', to: 'y' }, tr)).toBe('');
    expect(travelSummary('quota-invoice', null, tr)).toBe('');
    expect(travelSummary('train-ticket', {}, tr)).toBe('');
    expect(travelSummary('hotel-folio', { nights: 0 }, tr)).toBe('');
  });

  it('prints times as printed, without seconds and without a time zone', () => {
    expect(printedTime('2019-03-10T14:50')).toBe('2019-03-10 14:50');
    expect(printedTime('2019-03-10T14:50:30')).toBe('2019-03-10 14:50');
    expect(printedTime('2019-03-10')).toBe('2019-03-10');
    expect(printedTime('14:50:00')).toBe('14:50');
    expect(printedTime(null)).toBe('');
  });
});
