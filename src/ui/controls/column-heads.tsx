// A table's head row: one column heading per label, each naming its column for screen readers
// (scope="col", https://www.w3.org/WAI/tutorials/tables/one-header/).
export function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
