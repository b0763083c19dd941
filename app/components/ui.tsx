// Small shared UI pieces. Tailwind classes live here so pages stay readable.
import type {
  ButtonHTMLAttributes,
  InputHTMLAttributes,
  ReactElement,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { Children, cloneElement, isValidElement, useId } from "react";
import { DateInput } from "./date-input";

export function cx(...classes: unknown[]): string {
  return classes.filter((c): c is string => typeof c === "string" && c.length > 0).join(" ");
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/**
 * A white panel. With `title` it carries the one card heading (an h2; pages own the h1), an
 * optional `description` under it and `actions` (buttons, links) beside it. `min-w-0` lets a
 * card in a grid shrink to its column, so a wide table scrolls inside the card, not the page.
 */
export function Card({
  children,
  className,
  title,
  description,
  actions,
}: {
  children?: ReactNode;
  className?: string;
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const heading = title ? <h2 className="text-lg font-semibold">{title}</h2> : null;
  return (
    <section className={cx("min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm", className)}>
      {actions ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            {heading}
            {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
          </div>
          <div className="flex flex-wrap gap-2">{actions}</div>
        </div>
      ) : (
        <>
          {heading}
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </>
      )}
      {children}
    </section>
  );
}

/** A column heading: a plain label, or one with alignment / a label only screen readers hear. */
export type TableColumn = string | { label: ReactNode; align?: "left" | "right"; srOnly?: boolean; className?: string };

const TABLE_STYLES = {
  // Inside a Card: quiet headings, cells padded on the right only.
  plain: {
    head: "text-xs uppercase text-slate-500",
    th: "py-2 pr-3",
    cells: "[&_tbody_td]:py-2 [&_tbody_td]:pr-3 [&_tbody_th]:py-2 [&_tbody_th]:pr-3",
  },
  // A table that is the panel itself: banded heading row, cells padded on both sides.
  panel: {
    head: "bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase",
    th: "px-4 py-2",
    cells: "[&_tbody_td]:px-4 [&_tbody_td]:py-2 [&_tbody_th]:px-4 [&_tbody_th]:py-2",
  },
} as const;

/**
 * On a phone (below `sm`) a stacked table shows each row as a short list: the first cell as the
 * row's title, every other cell as "label … value" (the label is the column heading, put on the
 * cell as `data-label`; a column whose heading only screen readers hear shows no label). Same
 * markup on every width, so a screen reader still reads a table.
 */
const STACKED =
  "max-sm:block max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tbody_tr]:block max-sm:[&_tbody_tr]:py-3 " +
  "max-sm:[&_tbody_td]:flex max-sm:[&_tbody_td]:flex-wrap max-sm:[&_tbody_td]:items-center max-sm:[&_tbody_td]:justify-between " +
  "max-sm:[&_tbody_td]:gap-x-3 max-sm:[&_tbody_td]:py-0.5 max-sm:[&_tbody_td]:pr-0 max-sm:[&_tbody_td]:pl-0 " +
  "max-sm:[&_tbody_td:first-child]:font-medium max-sm:[&_tbody_td[data-label]]:before:text-slate-500 " +
  "max-sm:[&_tbody_td[data-label]]:before:content-[attr(data-label)]";

/** Puts each column's heading on the row's cells as `data-label` (read by the stacked layout). */
function labelCells(rows: ReactNode, columns: readonly TableColumn[]): ReactNode {
  const labels = columns.map((c, i) => {
    if (i === 0) return undefined;
    if (typeof c === "string") return c;
    return !c.srOnly && typeof c.label === "string" ? c.label : undefined;
  });
  return Children.map(rows, (row) => {
    if (!isValidElement<{ children?: ReactNode }>(row)) return row;
    let i = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell)) return cell;
      const label = labels[i++];
      return label ? cloneElement(cell as ReactElement<{ "data-label"?: string }>, { "data-label": label }) : cell;
    });
    return cloneElement(row, {}, cells);
  });
}

/**
 * A data table that scrolls sideways inside its own box (the page never does: the box is `relative`, so
 * the absolutely placed screen-reader-only labels of far-right cells stay inside it too). Give the column
 * headings and the body rows (`<tr><td>…</td></tr>`); cell padding comes from here, so rows only
 * add what is special about a cell (alignment, weight). `caption` is read to screen readers.
 */
export function Table({
  columns,
  children,
  caption,
  variant = "plain",
  stacked = false,
  className,
  testId,
  scrollLabel,
}: {
  columns: readonly TableColumn[];
  children: ReactNode;
  caption?: ReactNode;
  /**
   * For a table whose cells hold nothing to focus: the sideways-scrolling box becomes a focusable
   * region with this name, so keyboard users can scroll it (axe: scrollable-region-focusable).
   */
  scrollLabel?: string;
  variant?: keyof typeof TABLE_STYLES;
  /** On a phone, show each row as a short labelled list instead of a table that scrolls sideways. */
  stacked?: boolean;
  className?: string;
  /** `data-testid` of the table element itself. */
  testId?: string;
}) {
  const style = TABLE_STYLES[variant];
  return (
    <div
      className={cx("relative overflow-x-auto", className)}
      {...(scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {})}
    >
      <table className={cx("min-w-full text-left text-sm", style.cells, stacked && STACKED)} data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className={style.head}>
          <tr>
            {columns.map((c, i) => {
              const col = typeof c === "string" ? { label: c } : c;
              return (
                <th key={i} scope="col" className={cx(style.th, col.align === "right" && "text-right", col.className)}>
                  {col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{stacked ? labelCells(children, columns) : children}</tbody>
      </table>
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" | "ghost" };

export function Button({ variant = "primary", className, ...props }: ButtonProps) {
  return (
    <button
      {...props}
      className={cx(
        "inline-flex items-center justify-center gap-2 rounded-lg px-3.5 py-2 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-60",
        variant === "primary" && "bg-brand-600 text-white hover:bg-brand-700",
        variant === "secondary" && "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
        variant === "danger" && "bg-red-600 text-white hover:bg-red-700",
        variant === "ghost" && "text-slate-700 hover:bg-slate-100",
        className,
      )}
    />
  );
}

export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {error}
    </p>
  );
}

type FieldFrame = { label: string; error?: string | null; hint?: ReactNode; className?: string };

/** What a field's control needs from its frame: the id the label points to, and the ARIA wiring. */
interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

/** A label, one control, an optional hint and the field's error, wired to each other. */
function Field({ label, error, hint, className, control }: FieldFrame & { control: (w: ControlWiring) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": cx(error && errorId, hint && hintId) || undefined,
        className: cx(
          "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none",
          error ? "border-red-500" : "border-slate-300",
        ),
      })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & FieldFrame;

export function TextField({ label, error, hint, className, ...input }: FieldProps) {
  if (input.type === "date") {
    // A date shows its day in the page's language beside the browser's control (./date-input).
    const { type: _type, value: _value, defaultValue, ...rest } = input;
    return (
      <Field
        {...{ label, error, hint, className }}
        control={({ id, ...w }) => (
          <DateInput id={id} {...rest} {...w} defaultValue={defaultValue === undefined ? null : String(defaultValue)} />
        )}
      />
    );
  }
  return (
    <Field {...{ label, error, hint, className }} control={({ id, ...w }) => <input id={id} {...input} {...w} />} />
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldFrame;

export function TextAreaField({ label, error, hint, className, ...area }: TextAreaProps) {
  return (
    <Field
      {...{ label, error, hint, className }}
      control={({ id, ...w }) => <textarea id={id} rows={4} {...area} {...w} />}
    />
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string | null;
  children: ReactNode;
  /**
   * A picker in a row of controls (period, site, quarter): from `sm` up as wide as its longest
   * option; on a phone the full width, so a long option (a German fiscal period) never pushes the
   * page sideways.
   */
  fit?: boolean;
};

/** The one labelled select: a label, the select and its error, wired to each other. */
export function SelectField({ label, error, className, children, fit = false, ...select }: SelectProps) {
  const id = useId();
  return (
    <div className={cx(fit && "w-full min-w-0 sm:w-auto sm:max-w-full", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        {...select}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cx(
          "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none",
          fit && "max-w-full sm:w-auto",
          error ? "border-red-500" : "border-slate-300",
        )}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function Alert({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx(
        "rounded-lg border px-4 py-3 text-sm",
        tone === "error" && "border-red-200 bg-red-50 text-red-800",
        tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-800",
        tone === "info" && "border-sky-200 bg-sky-50 text-sky-900",
      )}
    >
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="text-base font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

export function Badge({
  children,
  tone = "slate",
}: {
  children: ReactNode;
  tone?: "slate" | "green" | "amber" | "red" | "blue";
}) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        tone === "slate" && "bg-slate-100 text-slate-700",
        tone === "green" && "bg-emerald-100 text-emerald-800",
        tone === "amber" && "bg-amber-100 text-amber-900",
        tone === "red" && "bg-red-100 text-red-800",
        tone === "blue" && "bg-sky-100 text-sky-800",
      )}
    >
      {children}
    </span>
  );
}
