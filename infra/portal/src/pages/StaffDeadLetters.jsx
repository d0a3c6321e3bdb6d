import { t } from '../i18n.js';
import { api } from '../api.js';
import { Page, Loaded, useLoad, Form, Problem } from '../components.jsx';
import { StaffNav } from './StaffHome.jsx';
import { deadLetterSummary, dateTime } from '../staff.js';

const SERVICES = ['membership', 'training', 'insurance', 'projects'];

/** Each service's dead-letter topics, then the records of those that hold some. */
async function loadDeadLetters() {
  const byService = {};
  const errors = {};
  await Promise.all(SERVICES.map(async (service) => {
    try { byService[service] = await api(`/api/${service}/ops/dead-letters`); } catch (e) { errors[service] = e; }
  }));
  const { topics, total } = deadLetterSummary(byService);
  const records = {};
  await Promise.all(topics.map(async (topic) => {
    records[`${topic.service}/${topic.topic}`] = (await api(`/api/${topic.service}/ops/dead-letters/${encodeURIComponent(topic.topic)}?size=100`)).items;
  }));
  return { byService, errors, topics, total, records };
}

/** Dead letters: events a service could not handle, listed per service and topic, replayed one by one or all. */
export function StaffDeadLetters() {
  const state = useLoad(loadDeadLetters, []);
  return (
    <Page title={t('sp.dlt.title')}>
      <StaffNav current="/personnel/lettres-mortes" />
      <p>{t('sp.dlt.intro')}</p>
      <Loaded state={state}>{({ byService, errors, topics, total, records }) => (
        <>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.dlt.topics')}>
            <table id="sujets-lettres-mortes">
              <caption>{t('sp.dlt.total', { count: total })}</caption>
              <thead><tr><th scope="col">{t('sp.dlt.service')}</th><th scope="col">{t('sp.dlt.topic')}</th>
                <th scope="col">{t('sp.dlt.records')}</th></tr></thead>
              <tbody>{SERVICES.flatMap((service) => (errors[service]
                ? [<tr><th scope="row">{t(`sp.dlt.service.${service}`)}</th><td colSpan={2}><Problem error={errors[service]} /></td></tr>]
                : (byService[service] ?? []).map((topic) => (
                  <tr><th scope="row">{t(`sp.dlt.service.${service}`)}</th><td class="code">{topic.topic}</td><td>{topic.records}</td></tr>))))}</tbody>
            </table>
          </div>
          {topics.map((topic) => {
            const key = `${topic.service}/${topic.topic}`;
            const base = `/api/${topic.service}/ops/dead-letters/${encodeURIComponent(topic.topic)}`;
            const replayAll = async () => {
              const report = await api(`${base}/replay`, { method: 'POST' });
              state.reload();
              return t('sp.dlt.replayed', { count: report.replayed });
            };
            return (
              <section class="card" aria-label={topic.topic}>
                <h2 class="code">{topic.topic}</h2>
                <div class="table-wrap" tabIndex={0} role="region" aria-label={t('sp.dlt.recordsOf', { topic: topic.topic })}>
                  <table>
                    <thead><tr><th scope="col">{t('sp.dlt.position')}</th><th scope="col">{t('sp.dlt.event')}</th>
                      <th scope="col">{t('sp.dlt.reason')}</th><th scope="col">{t('sp.dlt.when')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
                    <tbody>{(records[key] ?? []).map((r) => {
                      const replay = async () => {
                        await api(`${base}/${r.partition}/${r.offset}/replay`, { method: 'POST' });
                        state.reload();
                        return t('sp.dlt.replayedOne');
                      };
                      return (
                        <tr><th scope="row" class="code">{r.partition}/{r.offset}</th><td>{r.eventType ?? ''}<br /><span class="code">{r.key ?? ''}</span></td>
                          <td>{r.reason ?? ''}</td><td>{dateTime(r.timestamp)}</td>
                          <td>{r.replayedAt ? t('sp.dlt.replayedAt', { when: dateTime(r.replayedAt) })
                            : <Form action={replay} submitLabel={t('sp.dlt.replay')} class="inline-form" />}</td></tr>
                      );
                    })}</tbody>
                  </table>
                </div>
                <Form action={replayAll} submitLabel={t('sp.dlt.replayAll')} class="inline-form" />
              </section>
            );
          })}
        </>
      )}</Loaded>
    </Page>
  );
}
