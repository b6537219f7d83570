// The demo page's own script: a language switch and the two-click video placeholder.
const texts = {
  en: {
    skip: 'Skip to taking part',
    org: 'State administration · Live dialogue',
    when: 'Live · Thursday, 2–3:30 pm · Online',
    title: 'Digitalising public administration — in dialogue with the CIO',
    stream: 'Livestream',
    consent: 'The livestream loads only once you agree. Until then no data goes to a video provider.',
    load: 'Load livestream',
    aboutTitle: 'What it is about',
    about:
      'How does the administration go digital, and what changes for citizens? The CIO answers your questions live. Ask, upvote the questions of others and take part in the polls — anonymously, without signing up and without cookies.',
    join: 'Take part',
    privacy:
      'Privacy: all contributions stay on this event’s server. No cookies are set and no third-party services are loaded.',
    placeholder: 'This demo has no real stream: here the video player would start.',
  },
};
const german = {};
for (const element of document.querySelectorAll('[data-i18n]'))
  german[element.dataset.i18n] = element.textContent.trim();
texts.de = {
  ...german,
  placeholder: 'Diese Demo hat keinen echten Stream: Hier würde der Videoplayer starten.',
};

function setLanguage(lang) {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = texts[lang][element.dataset.i18n] ?? element.textContent;
  }
  document.title = texts[lang].title;
  // The widgets follow an explicit `lang`, so they switch at once.
  for (const widget of document.querySelectorAll('plenum-questions, plenum-poll, plenum-reactions')) {
    widget.setAttribute('lang', lang);
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}

// Two-click pattern: nothing loads from a video platform until the visitor agrees.
document.getElementById('load-video').addEventListener('click', () => {
  const consent = document.getElementById('consent');
  const note = document.createElement('p');
  note.textContent = texts[document.documentElement.lang]?.placeholder ?? texts.de.placeholder;
  consent.replaceChildren(note);
});
