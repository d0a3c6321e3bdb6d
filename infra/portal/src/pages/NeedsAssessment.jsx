import { useState } from 'preact/hooks';
import { t, money, number, date } from '../i18n.js';
import { api, all } from '../api.js';
import { Page, Loaded, useLoad, Field, Form } from '../components.jsx';
import { OrgNav } from './Organizations.jsx';
import { assessmentInputs, togglePriority } from '../organization.js';

const TIERS = ['SINGLE', 'COUPLE', 'FAMILY'];

function CostTable({ id, caption, costs }) {
  if (costs.length === 0) return null;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{t('needs.coverage')}</th><th scope="col">{t('needs.monthlyCost')}</th><th scope="col">{t('needs.decision')}</th></tr></thead>
        <tbody>{costs.map((c) => (
          <tr><th scope="row">{c.label}</th><td>{money(c.monthlyCost)}</td><td>{t(`needs.decision.${c.decision}`)}</td></tr>
        ))}</tbody>
      </table>
    </div>
  );
}

/** What insurance recommends: coverages within the budget, their cost, and what a drug plan saves employees. */
export function AssessmentResult({ result }) {
  return (
    <section class="card" aria-labelledby="resultat-besoins" id="resultat">
      <h2 id="resultat-besoins">{t('needs.result', { year: result.planYear })}</h2>
      <dl class="facts">
        <dt>{t('needs.monthlyBudget')}</dt><dd>{money(result.monthlyBudget)}</dd>
        <dt>{t('needs.monthlyCost')}</dt><dd class="needs-monthly">{money(result.monthlyCost)}</dd>
        <dt>{t('needs.annualCost')}</dt><dd>{money(result.annualCost)}</dd>
        <dt>{t('needs.percentOfPayroll')}</dt><dd>{number(result.percentOfPayroll)} %</dd>
        <dt>{t('needs.drugSavings')}</dt><dd>{t('needs.drugSavingsValue', { count: result.drugPlanEmployees, amount: money(result.publicDrugPremiumSavings) })}</dd>
      </dl>
      {result.recommended.length === 0 && <p>{t('needs.nothing')}</p>}
      <CostTable id="garanties-recommandees" caption={t('needs.recommended')} costs={result.recommended} />
      <CostTable id="garanties-ecartees" caption={t('needs.notRecommended')} costs={result.notRecommended} />
    </section>
  );
}

/** The questionnaire: headcount per class of the plan in force, payroll, budget, family situations, priorities. */
function AssessmentForm({ plan, submitLabel, onAssess }) {
  const [form, setForm] = useState({ headcounts: Object.fromEntries(plan.classes.map((c) => [c.code, ''])), annualPayroll: '',
    budgetPercent: '4', families: { SINGLE: '', COUPLE: '', FAMILY: '' }, priorities: [] });
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const setIn = (group, key) => (value) => setForm({ ...form, [group]: { ...form[group], [key]: value } });
  return (
    <Form action={() => onAssess(assessmentInputs(form))} submitLabel={submitLabel} class="form">
      <fieldset>
        <legend>{t('needs.headcount')}</legend>
        <div class="form grid">{plan.classes.map((c) => (
          <Field label={c.name ?? c.code} name={`effectif-${c.code}`} type="number" min="0" step="1" value={form.headcounts[c.code]} onInput={setIn('headcounts', c.code)} />
        ))}</div>
      </fieldset>
      <div class="form grid">
        <Field label={t('needs.payroll')} name="annualPayroll" type="number" min="0" step="1000" required value={form.annualPayroll} onInput={set('annualPayroll')} />
        <Field label={t('needs.budget')} name="budgetPercent" type="number" min="0" max="100" step="0.5" required value={form.budgetPercent} onInput={set('budgetPercent')} />
      </div>
      <fieldset>
        <legend>{t('needs.families')}</legend>
        <div class="form grid">{TIERS.map((tier) => (
          <Field label={t(`needs.tier.${tier}`)} name={`familles-${tier}`} type="number" min="0" step="1" value={form.families[tier]} onInput={setIn('families', tier)} />
        ))}</div>
      </fieldset>
      <fieldset>
        <legend>{t('needs.priorities')}</legend>
        <p class="hint">{t('needs.prioritiesHint')}</p>
        <ul class="checks">{plan.coverages.map((c) => {
          const rank = form.priorities.indexOf(c.code) + 1;
          return (
            <li class="check"><input type="checkbox" id={`priorite-${c.code}`} name={`priorite-${c.code}`} checked={rank > 0}
              onChange={() => setForm({ ...form, priorities: togglePriority(form.priorities, c.code) })} />
              <label for={`priorite-${c.code}`}>{t(`coverage.${c.code}`)}{rank > 0 && <strong> · {t('needs.rank', { rank })}</strong>}</label></li>
          );
        })}</ul>
      </fieldset>
    </Form>
  );
}

const currentPlan = () => api('/api/insurance/plan-years/current');

/** Anyone: the anonymous needs assessment (nothing is stored). */
export function PublicNeedsAssessment() {
  const state = useLoad(currentPlan);
  const [result, setResult] = useState(null);
  const assess = async (inputs) => {
    setResult(null);
    setResult(await api('/api/insurance/needs-assessments', { method: 'POST', body: inputs }));
    return t('needs.assessed');
  };
  return (
    <Page title={t('needs.publicTitle')}>
      <p>{t('needs.publicIntro')}</p>
      <Loaded state={state}>{(plan) => <AssessmentForm plan={plan} submitLabel={t('needs.assess')} onAssess={assess} />}</Loaded>
      {result && <AssessmentResult result={result} />}
    </Page>
  );
}

/** The organization's needs assessments: a new one saved for the consultation, and the ones saved before. */
export function OrganizationNeedsAssessment({ org }) {
  const state = useLoad(async () => {
    const [plan, saved] = await Promise.all([currentPlan(), all(`/api/insurance/organizations/${org}/needs-assessments`, 20)]);
    return { plan, saved };
  }, [org]);
  const [result, setResult] = useState(null);
  const save = async (inputs) => {
    setResult(null);
    const saved = await api(`/api/insurance/organizations/${org}/needs-assessments`, { method: 'POST', body: inputs });
    setResult(saved.result);
    state.reload();
    return t('needs.saved');
  };
  return (
    <Page title={t('needs.title')}>
      <OrgNav org={org} current="/besoins" />
      <p>{t('needs.intro')}</p>
      <Loaded state={state}>{({ plan, saved }) => (
        <>
          <section class="card" aria-labelledby="nouvelle-evaluation">
            <h2 id="nouvelle-evaluation">{t('needs.new')}</h2>
            <AssessmentForm plan={plan} submitLabel={t('needs.save')} onAssess={save} />
          </section>
          {result && <AssessmentResult result={result} />}
          <section aria-labelledby="evaluations-enregistrees">
            <h2 id="evaluations-enregistrees">{t('needs.savedList')}</h2>
            {saved.length === 0 ? <p>{t('common.none')}</p> : (
              <ul class="list" id="evaluations">{saved.map((s) => (
                <li class="card"><h3>{t('needs.savedOn', { date: date(s.savedAt) })}</h3>
                  <p>{t('needs.savedSummary', { cost: money(s.result.monthlyCost), budget: money(s.result.monthlyBudget),
                    coverages: s.result.recommended.map((c) => c.label).join(', ') || t('needs.nothing') })}</p></li>
              ))}</ul>
            )}
          </section>
        </>
      )}</Loaded>
    </Page>
  );
}
