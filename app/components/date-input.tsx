// A date input whose date the reader can read. Chromium draws `<input type="date">` in the
// browser's language, not the page's: a German or Japanese page shows "mm/dd/yyyy" and "12/03/2026".
// Beside the native control (kept for its keyboard entry and picker) a readout names the chosen day
// through the one formatter ("3. Dez. 2026", "2026年12月3日"), updated as the reader types; the input
// is described by it, so a screen reader hears the day in the page's language too.
import { useEffect, useId, useState, type InputHTMLAttributes } from "react";
import { useFormat, useT } from "#app/i18n/react";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The chosen day in the reader's words, or that none is chosen. */
export function DateReadout({ id, value }: { id: string; value: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <span id={id} className="mt-0.5 block text-xs text-slate-600" data-testid="date-readout">
      {ISO_DATE.test(value) ? f.calendarDate(value) : t("common.dateInput.none")}
    </span>
  );
}

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "defaultValue" | "value"> & {
  defaultValue?: string | null;
};

/**
 * `<input type="date">` with the readout below it. The form still posts the ISO date; pass the
 * label's `id` and any error's id through as usual (`aria-describedby` gains the readout).
 */
export function DateInput({ defaultValue, onChange, "aria-describedby": describedBy, ...input }: DateInputProps) {
  const readoutId = `${useId()}-readout`;
  const [value, setValue] = useState(defaultValue ?? "");
  // A new page (filters applied or cleared) brings a new default.
  useEffect(() => setValue(defaultValue ?? ""), [defaultValue]);
  return (
    <>
      <input
        {...input}
        type="date"
        defaultValue={defaultValue ?? ""}
        aria-describedby={[readoutId, describedBy].filter(Boolean).join(" ")}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          onChange?.(e);
        }}
      />
      <DateReadout id={readoutId} value={value} />
    </>
  );
}
