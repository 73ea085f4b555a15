// Form components shared by every page. Each field has a visible label; an error is shown
// as text under the label (linked with aria-describedby, the field marked aria-invalid), and
// the typed value is put back after a failed submit. Forms post and redirect: no JavaScript.
//
// Usage after a failed validation:
//   <PostForm action="/console/x">
//     <ErrorSummary errors={errors} />
//     <TextField name="fullName" label="机关全称" value={values.fullName} error={errors.fullName} required />
//     <SubmitButton>保存</SubmitButton>
//   </PostForm>
import type { Child } from 'hono/jsx';
import { tryGetContext } from 'hono/context-storage';
import { csrfTokenOf } from '../auth/csrf.js';
import type { AppEnv } from './env.js';

/** One Chinese message per field name; `_form` holds a message about the form as a whole. */
export type FieldErrors = Readonly<Record<string, string | undefined>>;

/** The element id of the field named `name` (also the anchor the error summary links to). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldBase {
  name: string;
  label: string;
  /** A short explanation shown under the label. */
  hint?: string;
  /** The Chinese error message for this field, if the last submit failed on it. */
  error?: string | undefined;
  required?: boolean;
  /** Overrides the generated id. */
  id?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldHead({
  id,
  label,
  hint,
  error,
  required,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}) {
  return (
    <>
      <label for={id}>
        {label}
        {required ? <span class="muted">（必填）</span> : null}
      </label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="error-text" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </span>
      ) : null}
    </>
  );
}

export interface TextFieldProps extends FieldBase {
  value?: string | null | undefined;
  type?: 'text' | 'password' | 'email' | 'tel' | 'date' | 'number' | 'search' | 'url';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | 'search';
  maxlength?: number;
  placeholder?: string;
}

export function TextField(p: TextFieldProps) {
  const id = p.id ?? fieldId(p.name);
  // A password is never echoed back into the page.
  const value = p.type === 'password' ? undefined : (p.value ?? undefined);
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <FieldHead id={id} label={p.label} hint={p.hint} error={p.error} required={p.required} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={value}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        placeholder={p.placeholder}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </div>
  );
}

export interface TextAreaProps extends FieldBase {
  value?: string | null | undefined;
  rows?: number;
  maxlength?: number;
}

export function TextArea(p: TextAreaProps) {
  const id = p.id ?? fieldId(p.name);
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <FieldHead id={id} label={p.label} hint={p.hint} error={p.error} required={p.required} />
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 6}
        required={p.required}
        maxlength={p.maxlength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldBase {
  options: readonly SelectOption[];
  value?: string | null | undefined;
  /** A first, empty choice such as 「请选择」. */
  emptyLabel?: string;
}

export function SelectField(p: SelectFieldProps) {
  const id = p.id ?? fieldId(p.name);
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <FieldHead id={id} label={p.label} hint={p.hint} error={p.error} required={p.required} />
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface FileFieldProps extends FieldBase {
  /** e.g. ".txt,.html,.docx,.pdf,.json,.zip" */
  accept?: string;
  multiple?: boolean;
}

/** A file input. Browsers cannot refill a file input, so the hint should say to choose again. */
export function FileField(p: FileFieldProps) {
  const id = p.id ?? fieldId(p.name);
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <FieldHead id={id} label={p.label} hint={p.hint} error={p.error} required={p.required} />
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        multiple={p.multiple}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </div>
  );
}

export interface ChoiceGroupProps extends Omit<FieldBase, 'id'> {
  options: readonly SelectOption[];
  /** Radio buttons (one value) or checkboxes (several). */
  kind?: 'radio' | 'checkbox';
  /** The chosen value(s). */
  value?: string | readonly string[] | null | undefined;
}

/** Radio buttons or checkboxes in a fieldset whose legend is the label. */
export function ChoiceGroup(p: ChoiceGroupProps) {
  const id = fieldId(p.name);
  const chosen = new Set(typeof p.value === 'string' ? [p.value] : (p.value ?? []));
  return (
    <fieldset
      class={p.error ? 'field has-error' : 'field'}
      id={id}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(id, p.hint, p.error)}
    >
      <legend>
        {p.label}
        {p.required ? <span class="muted">（必填）</span> : null}
      </legend>
      {p.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="error-text" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {p.error}
        </span>
      ) : null}
      {p.options.map((o, i) => (
        <div class="choice">
          <input
            type={p.kind ?? 'radio'}
            id={`${id}-${i}`}
            name={p.name}
            value={o.value}
            checked={chosen.has(o.value)}
          />
          <label for={`${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The hidden CSRF field every state-changing form carries (token of the current request by default). */
export function CsrfField({ token }: { token?: string } = {}) {
  const c = token === undefined ? tryGetContext<AppEnv>() : undefined;
  const value = token ?? (c ? csrfTokenOf(c) : '');
  return <input type="hidden" name="_csrf" value={value} />;
}

export interface PostFormProps {
  action: string;
  /** Set for forms with a FileField. */
  multipart?: boolean;
  /** Accessible name when a page has several forms. */
  label?: string;
  children?: Child;
}

/** A POST form with the CSRF field already inside. */
export function PostForm({ action, multipart, label, children }: PostFormProps) {
  return (
    <form
      class="form"
      method="post"
      action={action}
      enctype={multipart ? 'multipart/form-data' : undefined}
      aria-label={label}
      novalidate
    >
      <CsrfField />
      {children}
    </form>
  );
}

export function SubmitButton({ children, secondary }: { children?: Child; secondary?: boolean }) {
  return (
    <button type="submit" class={secondary ? 'secondary' : undefined}>
      {children}
    </button>
  );
}

export interface ErrorSummaryProps {
  errors: FieldErrors;
  /** Field labels by name, to say which field each message is about. */
  labels?: Readonly<Record<string, string>>;
  title?: string;
}

/**
 * The box listing every error, each linking to its field. Screen readers announce it
 * (role="alert"), and it takes focus when the page loads (autofocus, no script), so the
 * errors are seen even when the form is far down a long page.
 */
export function ErrorSummary({ errors, labels, title }: ErrorSummaryProps) {
  const entries = Object.entries(errors).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
  );
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      autofocus
    >
      <h2 id="error-summary-title">{title ?? '提交的内容有误，请修改后重新提交'}</h2>
      <ul>
        {entries.map(([name, message]) =>
          name === '_form' ? (
            <li>{message}</li>
          ) : (
            <li>
              <a href={`#${fieldId(name)}`}>
                {labels?.[name] ? `${labels[name]}：` : ''}
                {message}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
