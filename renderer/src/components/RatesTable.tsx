// "What the model estimates from your lists": each rate with its likely range and in words, and the notes
// on defaults used. The History steps of children's services and housing show the same table.
export function RatesTable({ rows, notes }: { rows: ReadonlyArray<readonly [what: string, value: string, range: string, words: string]>; notes: readonly string[] }) {
  return (
    <>
      <h2>What the model estimates from your lists</h2>
      <table className="rates">
        <caption className="visually-hidden">Estimated rates with their likely ranges</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Estimate</th>
            <th scope="col">Likely range</th>
            <th scope="col">In words</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([what, value, range, words]) => (
            <tr key={what}>
              <th scope="row">{what}</th>
              <td>{value}</td>
              <td>{range}</td>
              <td>{words}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}
