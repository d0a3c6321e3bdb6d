// Unit checks of the portal's plain modules (node's test runner; no browser needed).
import test from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGES, t, setLanguage, language, money } from '../src/i18n.js';
import { match } from '../src/router.js';

globalThis.document = { documentElement: {} };

test('every text exists in French and in English', () => {
  assert.deepEqual(Object.keys(MESSAGES.en).sort(), Object.keys(MESSAGES.fr).sort());
  for (const [key, value] of Object.entries(MESSAGES.en)) {
    assert.ok(value.trim().length > 0, `empty English text for ${key}`);
  }
});

test('French is the default and English can be chosen', () => {
  assert.equal(language.get(), 'fr');
  assert.equal(t('app.signin'), 'Se connecter');
  setLanguage('en');
  assert.equal(t('app.signin'), 'Sign in');
  assert.equal(t('roster.added', { name: 'Alex' }), 'Alex was added to the roster.');
  setLanguage('fr');
  assert.match(money(95), /95,00\s\$/);
});

test('routes match with their parameters and query', () => {
  const routes = [['/', 'home'], ['/organisations/:org/effectif', 'roster'], ['/verification/:code', 'verify']];
  assert.deepEqual(match('/organisations/abc/effectif', routes).params, { org: 'abc' });
  assert.equal(match('/organisations/abc/effectif', routes).page, 'roster');
  assert.equal(match('/?connexion=echec', routes).query.get('connexion'), 'echec');
  assert.equal(match('/nowhere', routes), null);
});

// --- organization administrators', employees' and anyone's pages (src/organization.js) ---------------------------
import { reportLines, cancellable, followedSessions, togglePriority, assessmentInputs, projectRole, periodEditable,
  entryOf, revocable, grantDestination, ORGANIZATION_SECTIONS } from '../src/organization.js';
import { fr as organizationFr, en as organizationEn } from '../src/i18n/organization.js';

test('the organization pages have all their texts in both languages, in the portal\'s dictionary', () => {
  assert.deepEqual(Object.keys(organizationEn).sort(), Object.keys(organizationFr).sort());
  for (const key of Object.keys(organizationFr)) assert.equal(MESSAGES.fr[key], organizationFr[key], key);
  for (const [, key] of ORGANIZATION_SECTIONS) assert.ok(MESSAGES.fr[key] && MESSAGES.en[key], key);
  for (const outcome of ['VALID', 'IMPORTED', 'ALREADY_PRESENT', 'REJECTED', 'FAILED']) {
    assert.ok(MESSAGES.en[`import.outcome.${outcome}`], outcome);
  }
});

test('an import report lists refused and failed lines first, then the others, in file order', () => {
  const report = { results: [{ line: 2, outcome: 'IMPORTED' }, { line: 3, outcome: 'REJECTED' },
    { line: 4, outcome: 'ALREADY_PRESENT' }, { line: 5, outcome: 'FAILED' }] };
  assert.deepEqual(reportLines(report).map((l) => l.line), [3, 5, 2, 4]);
  assert.deepEqual(reportLines(null), []);
});

test('a registration can be cancelled until its session starts, unless already cancelled', () => {
  assert.equal(cancellable({ status: 'CONFIRMED', startDate: '2026-12-10' }, '2026-12-06'), true);
  assert.equal(cancellable({ status: 'WAITLISTED', startDate: '2026-12-10' }, '2026-12-06'), true);
  assert.equal(cancellable({ status: 'CONFIRMED', startDate: '2026-12-06' }, '2026-12-06'), false);
  assert.equal(cancellable({ status: 'CANCELLED', startDate: '2026-12-10' }, '2026-12-06'), false);
  const sessions = [{ id: 'a', status: 'OPEN', startDate: '2026-12-10' }, { id: 'b', status: 'CANCELLED', startDate: '2026-12-10' },
    { id: 'c', status: 'COMPLETED', startDate: '2026-12-01' }, { id: 'd', status: 'CLOSED', startDate: '2026-12-01', endDate: '2026-12-08' }];
  assert.deepEqual(followedSessions(sessions, '2026-12-06').map((s) => s.id), ['a', 'd']);
});

test('priorities follow the order of choice; the assessment inputs leave empty classes and situations out', () => {
  let priorities = togglePriority([], 'DRUGS');
  priorities = togglePriority(priorities, 'LTD');
  assert.deepEqual(priorities, ['DRUGS', 'LTD']);
  assert.deepEqual(togglePriority(priorities, 'DRUGS'), ['LTD']);
  const inputs = assessmentInputs({ headcounts: { FULL_TIME: '8', PART_TIME: '' }, annualPayroll: '380000', budgetPercent: '4.5',
    families: { SINGLE: '5', COUPLE: '', FAMILY: '3' }, priorities });
  assert.deepEqual(inputs, { headcountByClass: { FULL_TIME: 8 }, annualPayroll: 380000, ageBands: {}, priorities: ['DRUGS', 'LTD'],
    budgetPercent: 4.5, familySituations: { SINGLE: 5, FAMILY: 3 } });
  assert.equal(assessmentInputs({ headcounts: {}, annualPayroll: '', budgetPercent: '', families: {}, priorities: [] }).annualPayroll, null);
});

test('an organization\'s role in a project, editable periods and its own values', () => {
  const project = { leadOrganization: { id: 'lead' }, partners: [{ organization: { id: 'lead' } }, { organization: { id: 'p' } }],
    invitations: [{ organization: { id: 'i' } }] };
  assert.equal(projectRole(project, 'lead'), 'lead');
  assert.equal(projectRole(project, 'p'), 'partner');
  assert.equal(projectRole(project, 'i'), 'invited');
  assert.equal(projectRole({ leadOrganization: { id: 'x' }, invitedOrganizationIds: ['i'] }, 'i'), 'invited');
  assert.equal(projectRole(project, 'other'), null);
  assert.equal(periodEditable({ status: 'OPEN' }), true);
  assert.equal(periodEditable({ status: 'RETURNED' }), true);
  assert.equal(periodEditable({ status: 'SUBMITTED' }), false);
  const period = { entries: [{ indicatorId: 'n', organizationId: 'p', value: 4 }, { indicatorId: 'n', organizationId: 'lead', value: 7 }] };
  assert.equal(entryOf(period, 'n', 'lead').value, 7);
  assert.equal(entryOf(period, 'm', 'lead'), null);
});

test('grants still revocable, and where an accepted invitation leads', () => {
  assert.deepEqual(['INVITED', 'PENDING', 'ACTIVE', 'REVOKED', 'CANCELLED'].filter((s) => revocable({ status: s })),
    ['INVITED', 'PENDING', 'ACTIVE']);
  assert.equal(grantDestination({ role: 'ORG_ADMIN', organizationId: 'o1' }), '/organisations/o1');
  assert.equal(grantDestination({ role: 'EMPLOYEE', organizationId: 'o1' }), '/moi/donnees');
  assert.equal(grantDestination({ role: 'STAFF', networkId: 'n' }), '/');
});
