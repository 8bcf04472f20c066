/**
 * A chart's data as a real table, visually hidden: the chart's text
 * alternative. The wrapper is what hides it: a table ignores `width: 1px`.
 */
export function DataTable(props: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <div class="visually-hidden">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
