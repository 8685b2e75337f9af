/** A select of a list's filter form (label above, the current choice selected). */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: readonly (readonly [string, string])[] }) {
  return (
    <p>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </p>
  );
}
