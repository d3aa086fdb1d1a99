'use client';

import { useState } from 'react';
import { field, label as labelStyle } from '@/components/ui/styles';

type Props = {
  idPrefix: string;
  label: string;
  dateLabel: string;
  /** [value, text] pairs for the select; "date" (a day picked in a calendar) is always last. */
  presets: [string, string][];
  dateOption: string;
  initial: string;
  invalid: boolean;
  /** The id of the element that shows this field's error. */
  errorId: string;
};

/** "Expires in" as a preset or a day: posts `expiry` and, for a day, `expiryDate` (two grid cells). */
export function ExpiryFields({ idPrefix, label, dateLabel, presets, dateOption, initial, invalid, errorId }: Props) {
  const [expiry, setExpiry] = useState(initial);
  return (
    <>
      <div className="space-y-1.5">
        <label htmlFor={`${idPrefix}-expiry`} className={labelStyle}>
          {label}
        </label>
        <select id={`${idPrefix}-expiry`} name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)} className={field}>
          {presets.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
          <option value="date">{dateOption}</option>
        </select>
      </div>
      {expiry === 'date' && (
        <div className="space-y-1.5">
          <label htmlFor={`${idPrefix}-date`} className={labelStyle}>
            {dateLabel}
          </label>
          <input
            id={`${idPrefix}-date`}
            name="expiryDate"
            type="date"
            min={new Date().toISOString().slice(0, 10)}
            className={field}
            aria-invalid={invalid}
            aria-describedby={errorId}
          />
        </div>
      )}
    </>
  );
}
