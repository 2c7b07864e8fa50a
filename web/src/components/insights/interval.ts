// The small interval plot of a correlation, and why a pattern is not clear yet.
import type { Insight } from './data';

export const MIN_DAYS = 14;

// The plot's drawing box (SVG user units); it scales to the width of its container.
export const PLOT = { width: 240, height: 40, pad: 12, axisY: 22 } as const;

// Where a correlation value lands on the axis from -1 (left) to 1 (right); out-of-range values are clamped.
export function xFor(value: number, width: number = PLOT.width, pad: number = PLOT.pad): number {
  const v = Math.max(-1, Math.min(1, value));
  return pad + ((v + 1) / 2) * (width - 2 * pad);
}

export interface IntervalGeometry {
  minusOne: number;
  zero: number;
  plusOne: number;
  // The interval's ends and rho's mark; null when the report has no interval yet.
  low: number | null;
  high: number | null;
  rho: number | null;
}

export function intervalGeometry(ins: Pick<Insight, 'rho' | 'ci_low' | 'ci_high'>, width: number = PLOT.width,
  pad: number = PLOT.pad): IntervalGeometry {
  const hasInterval = ins.ci_low !== null && ins.ci_high !== null;
  const lo = hasInterval ? Math.min(ins.ci_low as number, ins.ci_high as number) : null;
  const hi = hasInterval ? Math.max(ins.ci_low as number, ins.ci_high as number) : null;
  return {
    minusOne: xFor(-1, width, pad),
    zero: xFor(0, width, pad),
    plusOne: xFor(1, width, pad),
    low: lo === null ? null : xFor(lo, width, pad),
    high: hi === null ? null : xFor(hi, width, pad),
    rho: ins.rho === null ? null : xFor(ins.rho, width, pad),
  };
}

export type UnclearReason = 'few-days' | 'crosses-zero' | 'unclear';

// Why there is no clear pattern yet, or null when there is one.
export function unclearReason(ins: Insight): UnclearReason | null {
  if (ins.clear) return null;
  if (ins.n < MIN_DAYS || ins.ci_low === null || ins.ci_high === null) return 'few-days';
  if (ins.ci_low <= 0 && ins.ci_high >= 0) return 'crosses-zero';
  return 'unclear';
}

const fmt = (v: number) => (Math.round(v * 100) / 100).toFixed(2).replace('-', '−');

export function unclearText(ins: Insight): string | null {
  switch (unclearReason(ins)) {
    case null:
      return null;
    case 'few-days': {
      const days = ins.n === 1 ? '1 day' : `${ins.n} days`;
      return `Too few days so far: ${days} with the data this needs, and a pattern needs at least ${MIN_DAYS}.`;
    }
    case 'crosses-zero':
      return `The likely range (${fmt(ins.ci_low as number)} to ${fmt(ins.ci_high as number)}) includes 0, `
        + 'so the link could go either way.';
    default:
      return 'The data do not show a clear pattern yet.';
  }
}

// The plot's accessible name: what the picture shows, in words.
export function intervalLabel(ins: Insight): string {
  if (ins.ci_low === null || ins.ci_high === null) return 'Interval plot from −1 to 1: no interval yet.';
  const crosses = ins.ci_low <= 0 && ins.ci_high >= 0;
  const rho = ins.rho === null ? '' : `, rho ${fmt(ins.rho)}`;
  return `Interval plot from −1 to 1: the 95% interval runs from ${fmt(ins.ci_low)} to ${fmt(ins.ci_high)}${rho}; `
    + (crosses ? 'it includes 0.' : `it is entirely ${ins.ci_low > 0 ? 'above' : 'below'} 0.`);
}
