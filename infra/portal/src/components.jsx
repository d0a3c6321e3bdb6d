// Building blocks every page uses: the problem box, loading, labelled fields, the page frame.
import { useEffect, useRef, useState, useCallback } from 'preact/hooks';
import { language, t } from './i18n.js';

/** Subscribes a component to an observable value (language, session). */
export function useSignal(s) {
  const [value, setValue] = useState(s.get());
  useEffect(() => s.subscribe(setValue), [s]);
  return value;
}

/**
 * Loads data for a page; loads again when the language changes (texts and problems come back in it) or when
 * {@code reload()} is called after a change.
 */
export function useLoad(load, deps = []) {
  const lang = useSignal(language);
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then((data) => current && setState({ loading: false, data, error: null }),
      (error) => current && setState({ loading: false, data: null, error }));
    return () => { current = false; };
  }, [lang, round, ...deps]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** An API problem (RFC 9457) as the API wrote it, in the chosen language; announced to screen readers. */
export function Problem({ error }) {
  const ref = useRef(null);
  useEffect(() => { if (error && ref.current) ref.current.focus(); }, [error]);
  if (!error) return null;
  const problem = error.problem ?? {};
  let title = problem.title || t('problem.title');
  let detail = problem.detail || error.message;
  if (problem.network) { title = t('problem.title'); detail = t('problem.network'); }
  if (error.status === 401) { detail = problem.detail || t('problem.session'); }
  const fields = problem.errors ?? problem.fieldErrors ?? [];
  return (
    <div class="problem" role="alert" tabIndex={-1} ref={ref} data-status={error.status}>
      <p class="problem-title"><strong>{title}</strong></p>
      {detail && <p class="problem-detail">{detail}</p>}
      {Array.isArray(fields) && fields.length > 0 && (
        <ul>{fields.map((f) => <li>{t('problem.field', { field: f.field ?? f.name ?? '', message: f.message ?? f.detail ?? '' })}</li>)}</ul>
      )}
    </div>
  );
}

export function Notice({ text }) {
  if (!text) return null;
  return <p class="notice" role="status">{text}</p>;
}

export function Loading() {
  return <p class="loading" role="status">{t('app.loading')}</p>;
}

/** Shows loading, the problem, or the content once loaded. */
export function Loaded({ state, children }) {
  if (state.loading && !state.data) return <Loading />;
  if (state.error) return <Problem error={state.error} />;
  return children(state.data);
}

let fieldCount = 0;
/** A labelled input: the label names it for assistive technologies; required fields say so. */
export function Field({ label, name, type = 'text', required = false, value, onInput, children, ...rest }) {
  const [id] = useState(() => `champ-${name}-${(fieldCount += 1)}`);
  return (
    <div class="field">
      <label for={id}>{label}{required && <span class="required"> ({t('common.required')})</span>}</label>
      {children
        ? <select id={id} name={name} required={required} value={value} onChange={(e) => onInput(e.target.value)} {...rest}>{children}</select>
        : <input id={id} name={name} type={type} required={required} value={value}
            onInput={(e) => onInput(e.target.value)} {...rest} />}
    </div>
  );
}

/** The frame of every page: one h1 that gets the focus when the page changes, so keyboard users start there. */
export function Page({ title, children }) {
  const ref = useRef(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
    if (ref.current) ref.current.focus();
  }, [title]);
  return (
    <section class="page" aria-labelledby="titre-page">
      <h1 id="titre-page" tabIndex={-1} ref={ref}>{title}</h1>
      {children}
    </section>
  );
}

/** A form whose submission calls {@code action}; shows its problem or its result, and stays usable by keyboard. */
export function Form({ action, submitLabel, children, class: className }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true); setError(null); setDone(null);
    try { setDone(await action()); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <form class={className ?? 'form'} onSubmit={submit} noValidate>
      {children}
      <Problem error={error} />
      <Notice text={done} />
      <button type="submit" disabled={busy}>{submitLabel}</button>
    </form>
  );
}
