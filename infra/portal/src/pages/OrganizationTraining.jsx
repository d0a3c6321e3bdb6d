import { t } from '../i18n.js';
import { all } from '../api.js';
import { Page, Loaded, useLoad } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';
import { SessionTable, openSessions } from './Catalogue.jsx';

/** Open sessions with the price this organization will pay, and registration of its employees. */
export function OrganizationTraining({ org }) {
  const state = useLoad(async () => {
    const [sessions, employees, memberships] = await Promise.all([openSessions(),
      all(`/api/membership/organizations/${org}/employees`), all(`/api/membership/memberships?organizationId=${org}`)]);
    return { sessions, employees, memberships };
  }, [org]);
  return (
    <Page title={t('training.title')}>
      <OrgNav org={org} current="/inscriptions" />
      <p>{t('training.intro')}</p>
      <Loaded state={state}>{(d) => <SessionTable sessions={d.sessions} org={org} employees={d.employees} memberships={d.memberships} />}</Loaded>
    </Page>
  );
}
