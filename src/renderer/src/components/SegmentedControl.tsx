interface SegmentedControlProps<T extends string> {
  /** What the choice is about, for assistive technology. */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/** A row of mutually exclusive buttons (a radio group), one of them pressed. */
export function SegmentedControl<T extends string>({ label, options, value, onChange, testId }: SegmentedControlProps<T>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          className={o.value === value ? 'segmented-option segmented-option-active' : 'segmented-option'}
          onClick={() => onChange(o.value)}
          data-testid={testId ? `${testId}-${o.value}` : undefined}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
