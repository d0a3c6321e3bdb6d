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

// --- The network staff pages (src/staff.js, src/i18n/staff.js, src/pages/Staff*.jsx) ---------------------------
import { readFileSync, readdirSync } from 'node:fs';
import {
  quebecToday, periodOf, fiscalYearOf, feeLedger, sessionActions, attendanceEntries, planYearState, deadLetterSummary,
  countRows,
} from '../src/staff.js';
import * as staffTexts from '../src/i18n/staff.js';

test('the staff pages’ texts exist in both languages and are part of the portal’s texts', () => {
  assert.deepEqual(Object.keys(staffTexts.en).sort(), Object.keys(staffTexts.fr).sort());
  for (const key of Object.keys(staffTexts.fr)) {
    assert.equal(MESSAGES.fr[key], staffTexts.fr[key]);
    assert.equal(MESSAGES.en[key], staffTexts.en[key]);
  }
});

test('every text key a staff page names exists, including the ones built from a status', () => {
  const pages = readdirSync(new URL('../src/pages/', import.meta.url)).filter((f) => f.startsWith('Staff'));
  const source = pages.map((f) => readFileSync(new URL(`../src/pages/${f}`, import.meta.url), 'utf8')).join('\n');
  const literal = [...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]);
  assert.ok(literal.length > 100, 'the staff pages use their texts through t()');
  for (const key of literal) assert.ok(MESSAGES.fr[key], `missing text ${key}`);
  const built = {
    'sp.session': ['PLANNED', 'OPEN', 'FULL', 'CLOSED', 'CANCELLED', 'COMPLETED'],
    'sp.sessions': ['open', 'close', 'complete'],
    'sp.mode': ['IN_PERSON', 'ONLINE_SYNCHRONOUS', 'SELF_PACED'],
    'sp.fees.method': ['CHEQUE', 'TRANSFER', 'CARD', 'CASH', 'OTHER'],
    'sp.pamt.status': ['ACTIVE', 'COMPLETED', 'TERMINATED'],
    'sp.prog.status': ['DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED'],
    'sp.dlt.service': ['membership', 'training', 'insurance', 'projects'],
    'sp.ins.state': ['IN_FORCE', 'UPCOMING', 'PAST'],
  };
  for (const [prefix, values] of Object.entries(built)) {
    for (const value of values) assert.ok(MESSAGES.en[`${prefix}.${value}`], `missing text ${prefix}.${value}`);
  }
});

test('staff count days in Quebec and fiscal years by the year they start in', () => {
  // 03:30 UTC on January 1st is still December 31st in Quebec.
  assert.equal(quebecToday(new Date('2027-01-01T03:30:00Z')), '2026-12-31');
  assert.equal(quebecToday(new Date('2027-01-01T12:00:00Z')), '2027-01-01');
  assert.equal(periodOf('2026-12-06'), '2026-12');
  assert.equal(fiscalYearOf('2026-12-06', '03-31'), 2026);
  assert.equal(fiscalYearOf('2026-03-31', '03-31'), 2025);
  assert.equal(fiscalYearOf('2026-04-01', '03-31'), 2026);
  assert.equal(fiscalYearOf('2026-06-30', '06-30'), 2025);
  assert.equal(fiscalYearOf('2026-12-31', '12-31'), 2026);
});

test('fees: what is owed comes from the dues, payments are listed newest first', () => {
  const memberships = [
    { id: 'a', dues: { amountDue: 150, amountPaid: 50, outstanding: 100 }, fees: [{ paidOn: '2026-05-01', amount: 50 }] },
    { id: 'b', dues: { amountDue: 150, amountPaid: 150, outstanding: 0 }, fees: [{ paidOn: '2026-06-01', amount: 150 }] },
    { id: 'c', dues: null, fees: [] },
  ];
  const { owed, paid } = feeLedger(memberships);
  assert.deepEqual(owed.map((o) => [o.membership.id, o.outstanding, o.amountPaid]), [['a', 100, 50]]);
  assert.deepEqual(paid.map((p) => p.membership.id), ['b', 'a']);
});

test('sessions: the buttons follow the status, attendance keeps confirmed registrations with hours', () => {
  assert.deepEqual(sessionActions('PLANNED'), ['open']);
  assert.deepEqual(sessionActions('OPEN'), ['close', 'complete']);
  assert.deepEqual(sessionActions('CLOSED'), ['complete']);
  assert.deepEqual(sessionActions('COMPLETED'), []);
  const registrations = [{ id: 'r1', status: 'CONFIRMED' }, { id: 'r2', status: 'WAITLISTED' },
    { id: 'r3', status: 'CONFIRMED' }, { id: 'r4', status: 'CONFIRMED' }];
  assert.deepEqual(attendanceEntries(registrations, { r1: '12', r2: '12', r3: '10,5', r4: ' ' }),
    [{ registrationId: 'r1', hours: 12 }, { registrationId: 'r3', hours: 10.5 }]);
});

test('plan years: in force, to come (renewal offered) or ended', () => {
  const years = [{ year: 2025, effectiveDate: '2025-01-01' }, { year: 2026, effectiveDate: '2026-01-01' },
    { year: 2027, effectiveDate: '2027-01-01' }];
  assert.deepEqual(years.map((y) => planYearState(y, years, '2026-12-06')), ['PAST', 'IN_FORCE', 'UPCOMING']);
});

test('dead letters: only topics holding records, with their total; counts sorted', () => {
  const summary = deadLetterSummary({
    membership: [{ topic: 'esac.training.events.v1.DLT', records: 0 }],
    training: [{ topic: 'esac.membership.events.v1.DLT', records: 2 }],
    insurance: undefined,
    projects: [{ topic: 'esac.membership.events.v1.DLT', records: 1 }],
  });
  assert.equal(summary.total, 3);
  assert.deepEqual(summary.topics.map((t) => t.service), ['training', 'projects']);
  assert.deepEqual(countRows({ '04': 1, '06': 3, '03': 1 }), [['06', 3], ['03', 1], ['04', 1]]);
});

test('a call that finds the portal session ended (401) reloads the session, so the page asks to sign in again', async () => {
  const { api } = await import('../src/api.js');
  const { session } = await import('../src/session.js');
  session.set({ loaded: true, authenticated: true, name: 'Personne Fictive', roles: ['staff'] });
  const calls = [];
  globalThis.document.cookie = '';
  globalThis.fetch = async (url) => {
    calls.push(url);
    if (url === '/portal/session') return { ok: true, json: async () => ({ authenticated: false, roles: [] }) };
    return { ok: false, status: 401,
      text: async () => JSON.stringify({ title: 'Session terminée', code: 'portail.session-expiree' }) };
  };
  await assert.rejects(api('/api/membership/organizations'), (e) => e.status === 401 && e.problem.title === 'Session terminée');
  assert.deepEqual(calls, ['/api/membership/organizations', '/portal/session']);
  assert.equal(session.get().authenticated, false);
  delete globalThis.fetch;
});
