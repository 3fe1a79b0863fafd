import { windowProblems } from './schedule-problems';

describe('checking opening windows an admin enters', () => {
  it('accepts a split day and a window that runs to midnight', () => {
    const windows = [
      { weekday: 1, start: '07:00', end: '10:30' },
      { weekday: 1, start: '11:00', end: '24:00' },
      { weekday: 2, start: '07:00', end: '10:30' },
    ];
    expect(windowProblems(windows, 'weeklyHours', (w) => w.weekday)).toEqual([]);
  });

  it('names a window that ends before it starts and one that overlaps another the same day', () => {
    const windows = [
      { weekday: 1, start: '07:00', end: '12:00' },
      { weekday: 1, start: '11:00', end: '19:00' },
      { weekday: 3, start: '10:00', end: '09:00' },
    ];
    expect(windowProblems(windows, 'weeklyHours', (w) => w.weekday)).toEqual([
      { field: 'weeklyHours.2.end', reason: 'must be after start' },
    ]);
    expect(windowProblems(windows.slice(0, 2), 'weeklyHours', (w) => w.weekday)).toEqual([
      { field: 'weeklyHours.1.start', reason: 'overlaps the window 07:00–12:00' },
    ]);
  });

  it('refuses times that are not on the clock', () => {
    expect(windowProblems([{ start: '24:00', end: '24:00' }, { start: '08:00', end: '25:00' }], 'windows')).toEqual([
      { field: 'windows.0.start', reason: 'must be a time from 00:00 to 23:59' },
      { field: 'windows.1.end', reason: 'must be a time from 00:01 to 24:00' },
    ]);
  });
});
