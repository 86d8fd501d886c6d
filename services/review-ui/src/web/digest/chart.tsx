import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * uPlot (canvas, ~50 kB) behind a small React wrapper. It sizes elements through the CSSOM, never with
 * inline style attributes or injected <style>, so it runs under the UI's CSP without 'unsafe-inline'.
 */

export type Series = { label: string; values: number[]; color: string };

const palette = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c'];

export function BarChart(props: {
  labels: string[];
  series: Series[];
  width?: number;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { labels, series } = props;
  const key = JSON.stringify([labels, series]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for labels and series.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const bars = uPlot.paths.bars!({ size: [0.7 / Math.max(1, series.length), 64], gap: 1 });
    const plot = new uPlot(
      {
        width: props.width ?? Math.min(720, el.clientWidth || 720),
        height: props.height ?? 200,
        legend: { show: series.length > 1, live: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [
          {
            values: (_u, ticks) => ticks.map((t) => labels[Math.round(t)] ?? ''),
            splits: () => labels.map((_, i) => i),
          },
          {},
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: s.color,
            fill: `${s.color}cc`,
            paths: bars,
            points: { show: false },
            ...(series.length > 1
              ? {
                  paths: uPlot.paths.bars!({
                    size: [0.7 / series.length, 64],
                    align: (i === 0 ? -1 : 1) as -1 | 1,
                  }),
                }
              : {}),
          })),
        ],
      },
      [labels.map((_, i) => i), ...series.map((s) => s.values)],
      el,
    );
    return () => plot.destroy();
  }, [key, props.width, props.height]);
  return (
    <div
      ref={ref}
      className="chart"
      data-testid={props.testId}
      role="img"
      aria-label={series.map((s) => s.label).join(', ')}
    />
  );
}

export function Sparkline(props: { values: number[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = props.values.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the values.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const plot = new uPlot(
      {
        width: 180,
        height: 40,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: palette[0], fill: '#2563eb33', width: 1.5, points: { show: false } }],
      },
      [props.values.map((_, i) => i), props.values],
      el,
    );
    return () => plot.destroy();
  }, [key]);
  return <div ref={ref} className="sparkline" role="img" aria-label={props.label} />;
}

export { palette };
