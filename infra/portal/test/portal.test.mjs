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
