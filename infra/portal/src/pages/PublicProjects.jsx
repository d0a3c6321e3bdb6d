import { t, date } from '../i18n.js';
import { api } from '../api.js';
import { Page, Loaded, useLoad } from '../components.jsx';

/** Active projects, as anyone may see them. */
export function PublicProjects() {
  const state = useLoad(() => api('/api/projects/public/projects?size=50'));
  return (
    <Page title={t('projects.title')}>
      <Loaded state={state}>{(page) => (page.items.length === 0 ? <p>{t('projects.empty')}</p> : (
        <ul class="list">
          {page.items.map((p) => (
            <li class="card">
              <h2>{p.name}</h2>
              <p>{p.leadOrganization?.name}{p.startDate && ` · ${date(p.startDate)}`}</p>
              <p>{(p.targetedIssues ?? []).map((i) => i.label).join(', ')}</p>
              {p.description && <p>{p.description}</p>}
              <div class="progress" role="progressbar" aria-valuenow={p.progressPercent} aria-valuemin="0" aria-valuemax="100"
                aria-label={p.name}><span style={`width:${p.progressPercent}%`} /></div>
            </li>
          ))}
        </ul>
      ))}</Loaded>
    </Page>
  );
}
