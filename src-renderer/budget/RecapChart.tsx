import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetRecapRow } from '../../shared/api/budget-line';
import { formatPercent, formatRupiah } from '../../shared/format';
import { shortRupiah } from './money-axis';

// One grouping of the budget recap as bars: pagu next to realisasi per group. Drawn by recharts
// as SVG; no animation (an office laptop, and a chart that is final when it appears).

interface Datum { label: string; pagu: number; realisasi: number; serapan: string }

const COLORS = { pagu: '#9db4c0', realisasi: '#0b6e4f' };

export default function RecapChart({ rows, title }: { rows: BudgetRecapRow[]; title: string }) {
  const data: Datum[] = rows.map((r) => ({
    label: r.label,
    pagu: r.allocationSen / 100,
    realisasi: r.realizationSen / 100,
    serapan: r.absorption === null ? '—' : formatPercent(r.absorption),
  }));
  const height = Math.max(220, 46 * data.length + 70);
  return (
    <figure className="recap-chart" aria-label={title} data-testid="recap-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => shortRupiah(v)} />
          <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(value, name) => [formatRupiah(Math.round(Number(value) * 100)), name === 'pagu' ? 'Pagu' : 'Realisasi']}
            labelFormatter={(label, payload) => `${String(label)} — serapan ${(payload?.[0]?.payload as Datum | undefined)?.serapan ?? '—'}`}
          />
          <Legend formatter={(value: string) => (value === 'pagu' ? 'Pagu' : 'Realisasi')} />
          <Bar dataKey="pagu" fill={COLORS.pagu} isAnimationActive={false} />
          <Bar dataKey="realisasi" fill={COLORS.realisasi} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
