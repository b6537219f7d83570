/**
 * The i18n core the widgets' catalogue (i18n.ts) and the console's (apps/console/src/i18n.ts)
 * share: the languages we speak, which one a tag or the browser asks for, and (plural.ts) the
 * counted words and numbers of each language through Intl.PluralRules and Intl.NumberFormat.
 *
 * A catalogue is built per language from its `numbers(lang)` and looked up by language.
 * Interpolation is an entry written as a function, `(n: number) => \`${words.count(n, forms)}
 * so far\``: numbers in it go through the language's `words`, never bare `${n}` where they
 * can run into the thousands.
 */
import { languages, type Lang } from '@plenum/protocol';

/** The languages we speak: the protocol's list, which the server checks a room's `lang` against. */
export const langs = languages;
export type { Lang };

/** The language a BCP 47 tag names, if we speak it: `de-AT` → `de`, `fr` → undefined. */
export const langOf = (tag: string | null | undefined): Lang | undefined =>
  langs.find((lang) => tag?.toLowerCase().startsWith(lang));

/** The first of the browser's languages we speak, else English. */
export const browserLang = (): Lang => navigator.languages.map(langOf).find(Boolean) ?? 'en';
