// The network staff pages' plain logic (no Preact, no fetch): unit-tested in node (test/portal.test.mjs).
import { language } from './i18n.js';

/** Today in the networks' calendar (Quebec), as YYYY-MM-DD: the services count days there, not in UTC. */
export function quebecToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

/** The month of a YYYY-MM-DD date, as the invoices name it (YYYY-MM). */
export const periodOf = (isoDate) => isoDate.slice(0, 7);

/**
 * The fiscal year a date falls in, named like the services name it: the calendar year it starts in. A network
 * whose year ends on 03-31 is in its 2026 year from 2026-04-01 to 2027-03-31.
 */
export function fiscalYearOf(isoDate, fiscalYearEnd = '03-31') {
  const year = Number(isoDate.slice(0, 4));
  const monthDay = isoDate.slice(5, 10);
  if (fiscalYearEnd === '12-31') return year;
  return monthDay > fiscalYearEnd ? year : year - 1;
}

/** What each membership owes now (its dues' outstanding amount), and the payments already recorded. */
export function feeLedger(memberships) {
  const owed = memberships
    .filter((m) => m.dues && Number(m.dues.outstanding) > 0)
    .map((m) => ({ membership: m, outstanding: Number(m.dues.outstanding), amountDue: Number(m.dues.amountDue),
      amountPaid: Number(m.dues.amountPaid ?? 0) }));
  const paid = memberships
    .flatMap((m) => (m.fees ?? []).map((f) => ({ membership: m, payment: f })))
    .sort((a, b) => (b.payment.paidOn ?? '').localeCompare(a.payment.paidOn ?? ''));
  return { owed, paid };
}

/** The actions staff may take on a session in this status (the service decides; this only shows the buttons). */
export function sessionActions(status) {
  switch (status) {
    case 'PLANNED': return ['open'];
    case 'OPEN':
    case 'FULL': return ['close', 'complete'];
    case 'CLOSED': return ['complete'];
    default: return [];
  }
}

/**
 * The attendance request from the hours typed per registration: only confirmed registrations, hours as numbers;
 * an empty field is left out (the service says which confirmed participants still lack attendance).
 */
export function attendanceEntries(registrations, hoursById) {
  return registrations
    .filter((r) => r.status === 'CONFIRMED')
    .filter((r) => hoursById[r.id] !== undefined && String(hoursById[r.id]).trim() !== '')
    .map((r) => ({ registrationId: r.id, hours: Number(String(hoursById[r.id]).replace(',', '.')) }));
}

/** Whether a plan year is in force on a date, to come (renewal is computed before it comes into force), or past. */
export function planYearState(planYear, years, today) {
  if (planYear.effectiveDate > today) return 'UPCOMING';
  const later = years.filter((y) => y.effectiveDate > planYear.effectiveDate && y.effectiveDate <= today);
  return later.length === 0 ? 'IN_FORCE' : 'PAST';
}

/** The dead-letter topics that hold records, over every service, with the total. */
export function deadLetterSummary(byService) {
  const topics = Object.entries(byService)
    .flatMap(([service, list]) => (list ?? []).map((topic) => ({ service, ...topic })))
    .filter((topic) => topic.records > 0);
  return { topics, total: topics.reduce((sum, topic) => sum + topic.records, 0) };
}

/** A count map ({"ACTIVE": 3, …}) as rows sorted by count, then by key. */
export function countRows(counts) {
  return Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A moment (ISO date-time) in the chosen language, in Quebec's time. */
export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language.get() === 'fr' ? 'fr-CA' : 'en-CA',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Montreal' }).format(new Date(iso));
}
