import { useState } from 'preact/hooks';
import { t, date, number } from '../i18n.js';
import { api, all } from '../api.js';
import { href } from '../router.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';
import { projectRole, periodEditable, entryOf } from '../organization.js';

const reportPath = (projectId, periodId) => `/api/projects/projects/${projectId}/periods/${periodId}/report`;

/** Projects the organization leads, is a partner of, or is invited to. */
export function OrganizationProjects({ org }) {
  const state = useLoad(async () => (await all('/api/projects/projects', 50))
    .map((p) => ({ ...p, role: projectRole(p, org) })).filter((p) => p.role !== null), [org]);
  return (
    <Page title={t('proj.title')}>
      <OrgNav org={org} current="/projets" />
      <p>{t('proj.intro')}</p>
      <Loaded state={state}>{(projects) => (projects.length === 0 ? <p>{t('proj.none')}</p> : (
        <ul class="list" id="projets-organisation">{projects.map((p) => (
          <li class="card" data-project={p.id}>
            <h2><a href={href(`/organisations/${org}/projets/${p.id}`)}>{p.name}</a></h2>
            <p>{t(`proj.role.${p.role}`)} · {p.status?.label} · {p.leadOrganization?.name}{p.startDate && ` · ${date(p.startDate)}`}</p>
            <div class="progress" role="progressbar" aria-valuenow={p.progressPercent} aria-valuemin="0" aria-valuemax="100"
              aria-label={t('proj.progress', { name: p.name })}><span style={`width:${p.progressPercent ?? 0}%`} /></div>
          </li>
        ))}</ul>
      ))}</Loaded>
    </Page>
  );
}

/** One indicator's value for this organization in a period: shown, and recorded while the period is open. */
function ValueForm({ project, period, indicator, org, onDone }) {
  const entry = entryOf(period, indicator.id, org);
  const qualitative = indicator.kind?.code === 'QUALITATIVE';
  const [value, setValue] = useState(entry?.value ?? '');
  const [narrative, setNarrative] = useState(entry?.narrative ?? '');
  const record = async () => {
    const body = { organizationId: org, narrative: narrative || null,
      value: qualitative || value === '' ? null : Number(value), unit: qualitative ? null : indicator.unit?.code ?? null };
    await api(`/api/projects/projects/${project.id}/periods/${period.id}/values/${indicator.id}`, { method: 'PUT', body, version: period.version });
    onDone();
    return t('proj.recorded', { name: indicator.name });
  };
  return (
    <Form action={record} submitLabel={t('proj.record')} class="inline-form">
      {!qualitative && <Field label={t('proj.valueOf', { name: indicator.name, unit: indicator.unit?.label ?? '' })}
        name={`valeur-${indicator.id}`} type="number" step="any" value={value} onInput={setValue} />}
      <Field label={t('proj.narrativeOf', { name: indicator.name })} name={`recit-${indicator.id}`} value={narrative} onInput={setNarrative} />
    </Form>
  );
}

function Period({ project, period, org, onChange }) {
  const editable = periodEditable(period) && projectRole(project, org) !== 'invited';
  const submit = async () => {
    await api(`/api/projects/projects/${project.id}/periods/${period.id}/submit`, { method: 'POST' });
    onChange();
    return t('proj.submitted');
  };
  return (
    <li class="card period" data-period={period.id}>
      <h3>{period.label} · {date(period.startDate)} – {date(period.endDate)}</h3>
      <p>{t('common.status')} : <span class="period-status">{t(`proj.period.${period.status}`)}</span></p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('proj.values', { label: period.label })}>
        <table>
          <caption>{t('proj.values', { label: period.label })}</caption>
          <thead><tr><th scope="col">{t('proj.indicator')}</th><th scope="col">{t('proj.target')}</th>
            <th scope="col">{t('proj.ourValue')}</th><th scope="col">{t('proj.platformValue')}</th></tr></thead>
          <tbody>{(project.indicators ?? []).map((i) => {
            const entry = entryOf(period, i.id, org);
            const platform = (period.platformValues ?? []).find((v) => v.indicatorId === i.id);
            return (
              <tr><th scope="row">{i.name}</th><td>{i.target === null || i.target === undefined ? '' : `${number(i.target)} ${i.unit?.label ?? ''}`}</td>
                <td class="our-value">{entry ? [entry.value !== null && entry.value !== undefined ? number(entry.value) : '', entry.narrative].filter(Boolean).join(' · ') : ''}</td>
                <td>{platform ? number(platform.value) : ''}</td></tr>
            );
          })}</tbody>
        </table>
      </div>
      {editable && (project.indicators ?? []).filter((i) => !i.source?.code).map((i) => (
        <ValueForm project={project} period={period} indicator={i} org={org} onDone={onChange} />
      ))}
      <ul class="inline-list">
        <li><a href={`${reportPath(project.id, period.id)}?format=html`} target="_blank" rel="noopener">{t('proj.reportHtml')}<span class="visually-hidden"> : {period.label}</span></a></li>
        <li><a href={`${reportPath(project.id, period.id)}?format=csv`} download>{t('proj.reportCsv')}<span class="visually-hidden"> : {period.label}</span></a></li>
      </ul>
      {editable && <Form action={submit} submitLabel={t('proj.submit')} class="inline-form"><p class="hint">{t('proj.submitHint')}</p></Form>}
    </li>
  );
}

function OpenPeriod({ project, onDone }) {
  const [p, setP] = useState({ label: '', startDate: '', endDate: '' });
  const set = (name) => (value) => setP({ ...p, [name]: value });
  const open = async () => {
    await api(`/api/projects/projects/${project.id}/periods`, { method: 'POST', body: p });
    setP({ label: '', startDate: '', endDate: '' });
    onDone();
    return t('proj.periodOpened');
  };
  return (
    <section class="card" aria-labelledby="ouvrir-periode">
      <h2 id="ouvrir-periode">{t('proj.openPeriod')}</h2>
      <Form action={open} submitLabel={t('proj.openPeriod')} class="form grid">
        <Field label={t('proj.periodLabel')} name="periodLabel" required value={p.label} onInput={set('label')} />
        <Field label={t('proj.periodStart')} name="periodStart" type="date" required value={p.startDate} onInput={set('startDate')} />
        <Field label={t('proj.periodEnd')} name="periodEnd" type="date" required value={p.endDate} onInput={set('endDate')} />
      </Form>
    </section>
  );
}

function Invitation({ project, org, onDone }) {
  const answer = (accept) => async () => {
    await api(`/api/projects/projects/${project.id}/invitations/${org}/${accept ? 'accept' : 'decline'}`, { method: 'POST' });
    onDone();
    return t(accept ? 'proj.accepted' : 'proj.declined');
  };
  return (
    <section class="card" aria-labelledby="invitation-projet">
      <h2 id="invitation-projet">{t('proj.invited')}</h2>
      <Form action={answer(true)} submitLabel={t('proj.accept')} class="inline-form" />
      <Form action={answer(false)} submitLabel={t('proj.decline')} class="inline-form" />
    </section>
  );
}

/** A project as its lead or a partner sees it: description, partners, indicators, periods with values and reports. */
export function OrganizationProject({ org, project: id }) {
  const state = useLoad(async () => {
    const project = await api(`/api/projects/projects/${id}`);
    const periods = await all(`/api/projects/projects/${id}/periods`, 50);
    return { project, periods };
  }, [id]);
  const p = state.data?.project;
  return (
    <Page title={p?.name ?? t('proj.title')}>
      <OrgNav org={org} current="/projets" />
      <p><a href={href(`/organisations/${org}/projets`)}>{t('proj.back')}</a></p>
      <Loaded state={state}>{({ project, periods }) => {
        const role = projectRole(project, org);
        return (
          <>
            <dl class="facts">
              <dt>{t('proj.yourRole')}</dt><dd>{role ? t(`proj.role.${role}`) : t('common.none')}</dd>
              <dt>{t('common.status')}</dt><dd>{project.status?.label}</dd>
              <dt>{t('proj.lead')}</dt><dd>{project.leadOrganization?.name}</dd>
              {project.startDate && <><dt>{t('proj.dates')}</dt><dd>{date(project.startDate)}{project.endDate && ` – ${date(project.endDate)}`}</dd></>}
              <dt>{t('proj.issues')}</dt><dd>{(project.targetedIssues ?? []).map((i) => i.label).join(', ')}</dd>
              <dt>{t('proj.partners')}</dt><dd>{(project.partners ?? []).map((x) => x.organization?.name).join(', ') || t('common.none')}</dd>
              <dt>{t('proj.progressLabel')}</dt><dd>{project.progressPercent ?? 0} %</dd>
            </dl>
            {project.description && <p>{project.description}</p>}
            {role === 'invited' && <Invitation project={project} org={org} onDone={state.reload} />}
            <section aria-labelledby="periodes">
              <h2 id="periodes">{t('proj.periods')}</h2>
              {periods.length === 0 ? <p>{t('proj.noPeriod')}</p> : (
                <ul class="list">{periods.map((period) => <Period project={project} period={period} org={org} onChange={state.reload} />)}</ul>
              )}
            </section>
            {role === 'lead' && project.status?.code === 'ACTIVE' && <OpenPeriod project={project} onDone={state.reload} />}
          </>
        );
      }}</Loaded>
    </Page>
  );
}
