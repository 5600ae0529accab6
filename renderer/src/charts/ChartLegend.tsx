// One legend for a group of charts that draw the same lines, instead of a legend under every chart.
export function ChartLegend({ items }: { items: ReadonlyArray<{ label: string; colour: string; note?: string }> }) {
  return (
    <ul className="chart-legend" aria-label="Lines on the charts">
      {items.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.colour }} /> {item.label}
          {item.note ? `, ${item.note}` : ''}
        </li>
      ))}
    </ul>
  );
}
