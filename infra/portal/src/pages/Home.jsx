import { t } from '../i18n.js';
import { href } from '../router.js';
import { hasRole } from '../session.js';
import { Page, Problem } from '../components.jsx';

export function Home({ session, query }) {
  const failed = query.get('connexion') === 'echec';
  return (
    <Page title={t('home.title')}>
      {failed && <Problem error={{ status: 401, problem: { title: t('app.signinFailed') } }} />}
      <p class="lead">{t('home.intro')}</p>
      <div class="cards">
        <section class="card" aria-labelledby="accueil-public">
          <h2 id="accueil-public">{t('home.public')}</h2>
          <ul>
            <li><a href={href('/catalogue')}>{t('nav.catalogue')}</a></li>
            <li><a href={href('/projets')}>{t('nav.projects')}</a></li>
            <li><a href={href('/verification')}>{t('nav.verify')}</a></li>
          </ul>
        </section>
        {session.authenticated && (
          <section class="card" aria-labelledby="accueil-espace">
            <h2 id="accueil-espace">{t('home.signedIn')}</h2>
            <ul>
              {hasRole(session, 'org-admin') && <li><a href={href('/organisations')}>{t('nav.organizations')}</a></li>}
              {hasRole(session, 'staff') && <li><a href={href('/personnel/demandes')}>{t('nav.staff')}</a></li>}
              {hasRole(session, 'employee') && <li><a href={href('/moi')}>{t('nav.me')}</a></li>}
            </ul>
          </section>
        )}
      </div>
    </Page>
  );
}
