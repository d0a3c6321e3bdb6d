import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { language, setLanguage, t } from './i18n.js';
import { session, loadSession, hasRole, SIGN_IN_URL } from './session.js';
import { route, match, href } from './router.js';
import { useSignal, Page } from './components.jsx';
import { Home } from './pages/Home.jsx';
import { Catalogue } from './pages/Catalogue.jsx';
import { Verify } from './pages/Verify.jsx';
import { PublicProjects } from './pages/PublicProjects.jsx';
import { Organizations, OrganizationOverview } from './pages/Organizations.jsx';
import { Roster } from './pages/Roster.jsx';
import { OrganizationTraining } from './pages/OrganizationTraining.jsx';
import { Attestations, PersonAttestations } from './pages/Attestations.jsx';
import { Insurance, InvoiceDetail } from './pages/Insurance.jsx';
import { StaffApplications } from './pages/StaffApplications.jsx';
import { StaffMembers } from './pages/StaffMembers.jsx';
import { MyRecords } from './pages/MyRecords.jsx';
import { RosterImport } from './pages/RosterImport.jsx';
import { Registrations } from './pages/Registrations.jsx';
import { PublicNeedsAssessment, OrganizationNeedsAssessment } from './pages/NeedsAssessment.jsx';
import { OrganizationProjects, OrganizationProject } from './pages/OrganizationProjects.jsx';
import { OrganizationAccess, AcceptInvitation } from './pages/Invitations.jsx';
import { MyData } from './pages/MyData.jsx';
import { StaffHome } from './pages/StaffHome.jsx';
import { StaffFees, StaffVoters, StaffFigures } from './pages/StaffMembership.jsx';
import { StaffSessions, StaffSession, StaffPamt } from './pages/StaffTraining.jsx';
import { StaffInsurance, StaffProgramme } from './pages/StaffInsurance.jsx';
import { StaffDeadLetters } from './pages/StaffDeadLetters.jsx';

const ROUTES = [
  ['/', Home],
  ['/catalogue', Catalogue],
  ['/verification', Verify],
  ['/verification/:code', Verify],
  ['/projets', PublicProjects],
  ['/organisations', Organizations, 'signedIn'],
  ['/organisations/:org', OrganizationOverview, 'signedIn'],
  ['/organisations/:org/effectif', Roster, 'signedIn'],
  ['/organisations/:org/inscriptions', OrganizationTraining, 'signedIn'],
  ['/organisations/:org/attestations', Attestations, 'signedIn'],
  ['/organisations/:org/attestations/:person', PersonAttestations, 'signedIn'],
  ['/organisations/:org/assurance', Insurance, 'signedIn'],
  ['/organisations/:org/factures/:period', InvoiceDetail, 'signedIn'],
  ['/personnel/demandes', StaffApplications, 'signedIn'],
  ['/personnel/membres', StaffMembers, 'signedIn'],
  ['/moi', MyRecords, 'signedIn'],
  ['/organisations/:org/import', RosterImport, 'signedIn'],
  ['/organisations/:org/suivi-inscriptions', Registrations, 'signedIn'],
  ['/organisations/:org/besoins', OrganizationNeedsAssessment, 'signedIn'],
  ['/organisations/:org/projets', OrganizationProjects, 'signedIn'],
  ['/organisations/:org/projets/:project', OrganizationProject, 'signedIn'],
  ['/organisations/:org/acces', OrganizationAccess, 'signedIn'],
  ['/evaluation-besoins', PublicNeedsAssessment],
  ['/invitation', AcceptInvitation, 'signedIn'],
  ['/moi/donnees', MyData, 'signedIn'],
  ['/personnel', StaffHome, 'signedIn'],
  ['/personnel/cotisations', StaffFees, 'signedIn'],
  ['/personnel/votants', StaffVoters, 'signedIn'],
  ['/personnel/chiffres', StaffFigures, 'signedIn'],
  ['/personnel/seances', StaffSessions, 'signedIn'],
  ['/personnel/seances/:id', StaffSession, 'signedIn'],
  ['/personnel/pamt', StaffPamt, 'signedIn'],
  ['/personnel/assurance', StaffInsurance, 'signedIn'],
  ['/personnel/programme', StaffProgramme, 'signedIn'],
  ['/personnel/lettres-mortes', StaffDeadLetters, 'signedIn'],
];

function csrfFromCookie() {
  const c = document.cookie.split('; ').find((v) => v.startsWith('XSRF-TOKEN='));
  return c ? decodeURIComponent(c.slice(11)) : '';
}

/** Sign-out is a form POST (CSRF-protected): the gateway ends the session, then the issuer's. */
function SignOut() {
  // The token is read when the form is sent (the cookie may have changed since the page was drawn).
  const withToken = (event) => { event.currentTarget.elements._csrf.value = csrfFromCookie(); };
  return (
    <form method="post" action="/portal/logout" class="signout" onSubmit={withToken}>
      <input type="hidden" name="_csrf" value="" />
      <button type="submit" class="link-button">{t('app.signout')}</button>
    </form>
  );
}

function Header({ current }) {
  const s = useSignal(session);
  const lang = useSignal(language);
  const links = [['/', 'nav.home'], ['/catalogue', 'nav.catalogue'], ['/projets', 'nav.projects'],
    ['/verification', 'nav.verify']];
  if (s.authenticated && (s.organizationIds ?? []).length > 0 && hasRole(s, 'org-admin')) links.push(['/organisations', 'nav.organizations']);
  if (s.authenticated && hasRole(s, 'staff')) links.push(['/personnel/demandes', 'nav.staff'], ['/personnel/membres', 'nav.members']);
  if (s.authenticated && hasRole(s, 'staff')) links.push(['/personnel', 'sp.nav.home']);
  if (s.authenticated && hasRole(s, 'employee')) links.push(['/moi', 'nav.me']);
  links.push(['/evaluation-besoins', 'nav.needs']);
  if (s.authenticated && hasRole(s, 'employee')) links.push(['/moi/donnees', 'nav.myData']);
  if (s.authenticated) links.push(['/invitation', 'nav.invitation']);
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <header class="site-header">
      <a class="skip" href="#contenu" onClick={(e) => { e.preventDefault(); document.getElementById('titre-page')?.focus(); }}>{t('app.skip')}</a>
      <div class="brand">
        <a href={href('/')} class="brand-name">{t('app.title')}</a>
        <span class="tagline">{t('app.tagline')}</span>
      </div>
      <div class="account">
        <button type="button" class="link-button" lang={other}
          title={t('app.lang.switchLabel')} onClick={() => setLanguage(other)} id="changer-langue">{t('app.lang.switch')}</button>
        {s.authenticated
          ? <><span class="who">{t('app.signedInAs', { name: s.name })}</span><SignOut /></>
          : <a class="button" href={SIGN_IN_URL} id="se-connecter">{t('app.signin')}</a>}
      </div>
      <nav aria-label={t('app.menu')} class="main-nav">
        <ul>
          {links.map(([path, key]) => (
            <li><a href={href(path)} aria-current={current === path || (path !== '/' && current.startsWith(path)) ? 'page' : undefined}>{t(key)}</a></li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function App() {
  const path = useSignal(route);
  const s = useSignal(session);
  useSignal(language);
  useEffect(() => { document.documentElement.lang = language.get(); loadSession(); }, []);
  const found = match(path, ROUTES.map(([p, component, access]) => [p, { component, access }]));
  const needsSignIn = found?.page.access === 'signedIn';
  let content;
  if (!s.loaded) {
    content = <p role="status">{t('app.loading')}</p>;
  } else if (!found) {
    content = <Page title={t('app.notFound')}><p><a href={href('/')}>{t('app.backHome')}</a></p></Page>;
  } else if (needsSignIn && !s.authenticated) {
    content = <Page title={t('app.signinRequired')}><p><a class="button" href={SIGN_IN_URL}>{t('app.signin')}</a></p></Page>;
  } else {
    const PageComponent = found.page.component;
    content = <PageComponent {...found.params} query={found.query} session={s} />;
  }
  return (
    <>
      <Header current={path.split('?')[0]} />
      <main id="contenu">{content}</main>
      <footer class="site-footer"><p>{t('app.footer')}</p></footer>
    </>
  );
}

// The page's own "loading" paragraph goes: Preact would keep it below the portal otherwise.
const root = document.getElementById('app');
root.textContent = '';
render(<App />, root);
