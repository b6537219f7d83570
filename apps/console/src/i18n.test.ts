import { expect } from '@open-wc/testing';
import { strings as widgetStrings } from '@plenum/elements';
import { $lang, errorText, stringsOf } from './i18n.js';
import { ApiError } from './api.js';

describe('console strings', () => {
  it('say what the widgets say in the widgets’ words', () => {
    for (const lang of ['en', 'de'] as const) {
      const console = stringsOf(lang);
      const widgets = widgetStrings(lang);
      expect(console.cancel).to.equal(widgets.cancel);
      expect(console.status).to.equal(widgets.status);
      expect(console.liveTab(3)).to.equal(widgets.liveTab(3));
      expect(console.empty.answered).to.equal(widgets.noAnswered);
      expect(console.actions.delete).to.equal(widgets.remove);
    }
  });

  it('group the thousands of the counts a host reads', () => {
    expect(stringsOf('en').online(1234)).to.equal('1,234 online');
    expect(stringsOf('de').capReached.questions!(5000)).to.contain('(5.000)');
    expect(stringsOf('de').ratingAverage(4.25)).to.equal('Durchschnitt 4,3 von 5');
  });

  it('word a refusal for the host where that differs, else as the widgets do', () => {
    $lang.set('en');
    expect(errorText(new ApiError(403, 'forbidden', 'no'))).to.equal(stringsOf('en').hostErrors.forbidden);
    expect(errorText('own_question')).to.equal(widgetStrings('en').errors.own_question);
    expect(errorText(new Error('boom'))).to.equal(widgetStrings('en').errors.fallback);
  });
});
