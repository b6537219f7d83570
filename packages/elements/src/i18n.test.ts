import { expect, fixture, html } from '@open-wc/testing';
import { browserLang, langOf } from './i18n-core.js';
import { resolveLang, strings } from './i18n.js';
import { numbers } from './plural.js';

describe('i18n core', () => {
  it('maps a language tag to a language we speak, or to none', () => {
    expect(langOf('de-AT')).to.equal('de');
    expect(langOf('EN-gb')).to.equal('en');
    expect(langOf('fr')).to.equal(undefined);
    expect(langOf(null)).to.equal(undefined);
  });

  it('takes the first of the browser’s languages that we speak, else English', () => {
    const prefer = (...tags: string[]) =>
      Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
    try {
      prefer('fr-FR', 'de-AT', 'en');
      expect(browserLang()).to.equal('de');
      prefer('en-GB', 'de');
      expect(browserLang()).to.equal('en');
      prefer('fr', 'it');
      expect(browserLang()).to.equal('en');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('writes counts with the plural form and digit grouping of the language', () => {
    const forms = { one: 'Stimme', other: 'Stimmen' };
    expect(numbers('de').count(1, forms)).to.equal('1 Stimme');
    expect(numbers('de').count(1234, forms)).to.equal('1.234 Stimmen');
    expect(numbers('en').count(1234, { one: 'vote', other: 'votes' })).to.equal('1,234 votes');
    expect(numbers('de').decimal(4.25)).to.equal('4,3');
    expect(numbers('en').integer(12345)).to.equal('12,345');
  });

  it('lets a widget speak the nearest lang of the page, across shadow roots', async () => {
    const outer = await fixture<HTMLElement>(html`<section lang="de-CH"><div></div></section>`);
    const root = outer.querySelector('div')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(resolveLang(inner)).to.equal('de');
    inner.lang = 'en';
    expect(resolveLang(inner)).to.equal('en');
    outer.lang = 'fr';
    inner.lang = '';
    expect(resolveLang(inner)).to.equal('en');
  });

  it('counts mentions with the language’s plural forms', () => {
    expect(strings('en').mentions(1)).to.equal('1 mention');
    expect(strings('de').mentions(1200)).to.equal('1.200 Nennungen');
  });
});
