// Which cell styles show a number as a date: needed to read dates saved in the 1904 date system (Excel
// for Mac's old default), whose serial numbers count from 1 January 1904.

// Excel's built-in formats that show dates or times (14-22, 45-47; 27-36 and 50-58 are the East Asian
// date formats, 71-81 their Thai counterparts).
const builtInDates = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

export function isBuiltInDateFormat(id: number): boolean {
  return builtInDates.has(id);
}

/** True when a format code shows a date or a time: it has a day, month, year, hour or second part. */
export function isDateFormatCode(code: string): boolean {
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    switch (c) {
      case '"': {
        // Quoted text is shown as is.
        const close = code.indexOf('"', i + 1);
        i = close < 0 ? code.length : close + 1;
        break;
      }
      case '\\':
      case '_':
      case '*':
        i += 2; // an escaped character, a space the width of one, a fill character
        break;
      case '[': {
        // [Red], [<100], [$-809]: not dates; [h], [mm], [ss]: elapsed time.
        const close = code.indexOf(']', i);
        const inside = code.slice(i + 1, close < 0 ? code.length : close);
        if (/^[hms]+$/i.test(inside)) return true;
        i = close < 0 ? code.length : close + 1;
        break;
      }
      case 'G':
      case 'g':
        if (code.slice(i, i + 7).toLowerCase() === 'general') {
          i += 7;
          break;
        }
        if (c === 'g') return true; // an era
        i++;
        break;
      case '0':
      case '#':
      case '.':
        // A number part, with its exponent: "0.00E+00" is not a date.
        i++;
        while (i < code.length && '0#?.,E+-%'.includes(code[i]!)) i++;
        break;
      case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y': case 'h': case 'H': case 's': case 'S': case 'e': case 'E':
        return true;
      case 'b': case 'B':
        if (code[i + 1] === '1' || code[i + 1] === '2') return true;
        i++;
        break;
      case 'a': case 'A':
        if (code.slice(i, i + 3).toUpperCase() === 'A/P' || code.slice(i, i + 5).toUpperCase() === 'AM/PM') return true;
        i++;
        break;
      default:
        i++;
    }
  }
  return false;
}
