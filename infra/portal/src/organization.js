// Plain rules of the organization, project, invitation and personal-data pages (no Preact: unit-tested with node).

/** The organization's sections these pages add to its secondary navigation (suffix, text key). */
export const ORGANIZATION_SECTIONS = [['/import', 'org.import'], ['/suivi-inscriptions', 'org.registrations'],
  ['/besoins', 'org.needs'], ['/projets', 'org.projects'], ['/acces', 'org.access']];

/** The lines of an import report worth reading first: refused or failed, then the others, in file order. */
export function reportLines(report) {
  const rank = (l) => (l.outcome === 'REJECTED' || l.outcome === 'FAILED' ? 0 : 1);
  return [...(report?.results ?? [])].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

/** A registration can still be cancelled by the organization: not cancelled, and its session not started. */
export function cancellable(registration, today) {
  return registration.status !== 'CANCELLED' && !!registration.startDate && registration.startDate > today;
}

/** Sessions whose registrations the organization follows: not cancelled, not completed, not over. */
export function followedSessions(sessions, today) {
  return sessions.filter((s) => s.status !== 'CANCELLED' && s.status !== 'COMPLETED' && (s.endDate ?? s.startDate) >= today);
}

/** Adds a coverage at the end of the priorities, or takes it out (the order of choice is the order of priority). */
export function togglePriority(priorities, code) {
  return priorities.includes(code) ? priorities.filter((c) => c !== code) : [...priorities, code];
}

const count = (value) => (value === '' || value === undefined || value === null ? 0 : Number(value));

/**
 * The needs assessment's inputs as insurance expects them, from the form's texts: headcounts per class (classes
 * left at zero are left out), payroll and budget as numbers, family situations only when some were given.
 */
export function assessmentInputs(form) {
  const headcountByClass = Object.fromEntries(Object.entries(form.headcounts ?? {})
    .filter(([, v]) => count(v) > 0).map(([k, v]) => [k, count(v)]));
  const families = Object.fromEntries(Object.entries(form.families ?? {})
    .filter(([, v]) => count(v) > 0).map(([k, v]) => [k, count(v)]));
  return {
    headcountByClass,
    annualPayroll: form.annualPayroll === '' ? null : Number(form.annualPayroll),
    ageBands: {},
    priorities: form.priorities ?? [],
    budgetPercent: form.budgetPercent === '' ? null : Number(form.budgetPercent),
    familySituations: Object.keys(families).length > 0 ? families : {},
  };
}

/** How an organization takes part in a project: lead, partner, invited, or not at all (null). */
export function projectRole(project, organizationId) {
  if (project.leadOrganization?.id === organizationId) return 'lead';
  if ((project.partners ?? []).some((p) => p.organization?.id === organizationId)) return 'partner';
  if ((project.invitations ?? []).some((i) => i.organization?.id === organizationId)
    || (project.invitedOrganizationIds ?? []).includes(organizationId)) return 'invited';
  return null;
}

/** A period's values can be recorded while it is open or returned for revision. */
export const periodEditable = (period) => period.status === 'OPEN' || period.status === 'RETURNED';

/** This organization's value for an indicator in a period, if it recorded one. */
export const entryOf = (period, indicatorId, organizationId) => (period.entries ?? [])
  .find((e) => e.indicatorId === indicatorId && e.organizationId === organizationId) ?? null;

/** Grants and invitations that can still be revoked or withdrawn. */
export const revocable = (grant) => ['INVITED', 'PENDING', 'ACTIVE'].includes(grant.status);

/** Where a person goes once an invitation is accepted. */
export function grantDestination(grant) {
  if (grant.role === 'ORG_ADMIN' && grant.organizationId) return `/organisations/${grant.organizationId}`;
  if (grant.role === 'EMPLOYEE') return '/moi/donnees';
  return '/';
}
