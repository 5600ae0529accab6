// How a message may mention what a cell holds. Lists about children carry free text in the wrong places:
// a name typed into a code column, a postcode where an age belongs, a child's ID or a phone number in the
// wrong column. Messages are shown, stored in the workbook's import report and written to the export, so a
// value is quoted only when its shape shows it cannot be about a person: a short number, a date, or a short
// code such as U7 or PR9. Anything else is described by what was expected instead.

// A number of at most five digits (an age, a count, an Excel date serial), perhaps with a sign or decimals.
const shortNumber = /^[-+]?(\d{1,3}(,\d{3})?|\d{4,5})(\.\d+)?$/;
// A date in shape, right or wrong: 31/02/2024, 2024-13-01, 1/13/24, perhaps with a time.
const dateShape = /^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/;
// A code as code lists write them: one to three letters, one or two digits, perhaps a letter (U7, PR9, E4C),
// or a digit and a letter (3G). Postcodes have a space and a second part (T28 2WB), so they never fit; an
// outward code alone (T28) is an area of thousands of homes, not a person.
const codeShape = /^(?:[A-Za-z]{1,3}\d{1,2}[A-Za-z]?|\d{1,2}[A-Za-z])$/;

// Digits and punctuation only, with too few digits to identify anyone: a mistyped number ("12..5").
const fewDigits = (text: string) => /^[-+\d.,/:\s]+$/.test(text) && (text.match(/\d/g)?.length ?? 0) <= 5;

export function canQuote(text: string): boolean {
  return text.length <= 30 && (shortNumber.test(text) || dateShape.test(text) || codeShape.test(text) || fewDigits(text));
}

/** The value quoted ("U7", "31/02/2024") when it cannot be personal, or null: then use {@link describeCell}. */
export function quoted(text: string): string | null {
  return canQuote(text) ? `"${text}"` : null;
}

/**
 * A cell described without quoting it, by what belongs there: "a name or other text where a code belongs",
 * or "a long number where an age belongs" for digits that may be an ID or a phone number.
 */
export function describeCell(text: string, expected: string): string {
  return /^[-+]?[\d\s.,]+$/.test(text) ? `a long number where ${expected} belongs` : `a name or other text where ${expected} belongs`;
}
