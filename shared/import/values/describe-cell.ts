// How a message may mention what a cell holds. Lists about children carry free text in the wrong places:
// a name typed into a code column, a postcode where an age belongs. Messages are shown, stored in the
// workbook's import report and written to the export, so a value is quoted only when its shape shows it
// cannot be about a person: a number, a date, or a short code such as U7 or PR9. Anything else is
// described by what was expected instead.

// Digits with the separators of numbers and dates: 12, -1, 16.5, 1,000, 31/02/2024, 2024-13-01, 45385.
const numberOrDateShape = /^[-+]?\d[\d,./\- :]*$/;
// A code as code lists write them: one to three letters, one or two digits, perhaps a letter (U7, PR9, E4C),
// or a digit and a letter (3G).
// Postcodes have a space and a second part (T28 2WB), so they never fit; an outward code alone (T28) is an
// area of thousands of homes, not a person.
const codeShape = /^(?:[A-Za-z]{1,3}\d{1,2}[A-Za-z]?|\d{1,2}[A-Za-z])$/;

export function canQuote(text: string): boolean {
  return text.length <= 24 && (numberOrDateShape.test(text) || codeShape.test(text));
}

/**
 * The value quoted ("U7", "31/02/2024") when it cannot be personal, or null: then say what belongs there,
 * e.g. with {@link textWhere}.
 */
export function quoted(text: string): string | null {
  return canQuote(text) ? `"${text}"` : null;
}

/** "a name or other text where a code belongs": a cell described without quoting it. */
export function textWhere(expected: string): string {
  return `a name or other text where ${expected} belongs`;
}
