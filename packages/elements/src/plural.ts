/**
 * Counted words and numbers the way each language writes them: Intl.PluralRules picks the
 * catalogue's form, Intl.NumberFormat writes the number ("1,234 votes", "1.234 Stimmen", "4,2").
 */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function numbers(lang: string) {
  const rules = new Intl.PluralRules(lang);
  const integer = new Intl.NumberFormat(lang);
  const oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    /** `n` and the form of the word that goes with it: "1 vote", "3 votes". */
    count: (n: number, forms: Forms) => `${integer.format(n)} ${forms[rules.select(n)] ?? forms.other}`,
    /** A whole number with the language's grouping: "1,234", "1.234" (Intl's `format` is bound). */
    integer: integer.format,
    /** One digit after the decimal separator: "4.2", "4,2". */
    decimal: oneDecimal.format,
  };
}

export type Numbers = ReturnType<typeof numbers>;
