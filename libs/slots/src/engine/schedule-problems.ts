import type { FieldProblem } from '@kassa/shared';
import { parseClock } from '@kassa/shared';

/**
 * What is wrong with a set of opening windows: each must start before it ends, and windows of
 * the same day must not overlap (a slot would be offered twice). `dayOf` groups them by day.
 */
export function windowProblems<W extends { start: string; end: string }>(
  windows: readonly W[],
  field: string,
  dayOf: (window: W) => string | number = () => 0,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = windows.map((w, index) => ({ index, day: dayOf(w), start: parseClock(w.start), end: parseClock(w.end) }));
  for (const w of parsed) {
    if (w.start === null || w.start >= 1440) problems.push({ field: `${field}.${w.index}.start`, reason: 'must be a time from 00:00 to 23:59' });
    else if (w.end === null) problems.push({ field: `${field}.${w.index}.end`, reason: 'must be a time from 00:01 to 24:00' });
    else if (w.end <= w.start) problems.push({ field: `${field}.${w.index}.end`, reason: 'must be after start' });
  }
  if (problems.length > 0) return problems;
  const sorted = [...parsed].sort((a, b) => String(a.day).localeCompare(String(b.day)) || (a.start ?? 0) - (b.start ?? 0));
  sorted.forEach((w, i) => {
    const previous = sorted[i - 1];
    if (previous && previous.day === w.day && (w.start ?? 0) < (previous.end ?? 0)) {
      problems.push({ field: `${field}.${w.index}.start`, reason: `overlaps the window ${windows[previous.index].start}–${windows[previous.index].end}` });
    }
  });
  return problems;
}
